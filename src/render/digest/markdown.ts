// The Markdown digest: a heading and the period, then for each entry `## title` (a link
// when the site URL is known), the date and regions in italics, and the summary. Values are
// escaped so that they show as written in any CommonMark renderer, and a value that goes on
// one line (a heading, the italics line) is made one line: a line break in a title must not
// start a heading of its own.
import { WORDS } from '../../core/date-format.js';
import { oneLine, visibleLines } from '../../core/visible.js';
import { escapeMarkdown } from './escape.js';
import { type Digest, type DigestEntry, summaryParagraphs } from './model.js';

/** Angle brackets keep any URL whole in a Markdown link. */
function linkTarget(url: string): string {
  return `<${url.replace(/[<>\s]/g, encodeURIComponent)}>`;
}

function entryMarkdown(entry: DigestEntry): string {
  const a = entry.article;
  const title = escapeMarkdown(oneLine(a.title));
  const parts = [`## ${entry.link ? `[${title}](${linkTarget(entry.link)})` : title}`];
  const meta = [entry.date, entry.regions.join(', ')].filter(Boolean).map((v) => escapeMarkdown(oneLine(v!)));
  if (meta.length) parts.push(`*${meta.join(' · ')}*`);
  // A backslash at a line's end keeps the summary's own line breaks (CommonMark hard break).
  for (const lines of summaryParagraphs(visibleLines(a.summary))) parts.push(lines.map(escapeMarkdown).join('\\\n'));
  return parts.join('\n\n');
}

export function renderMarkdown(digest: Digest): string {
  const parts = [`# ${escapeMarkdown(oneLine(digest.title))}`];
  if (digest.periodText) parts.push(escapeMarkdown(oneLine(digest.periodText)));
  if (digest.entries.length) parts.push(...digest.entries.map(entryMarkdown));
  else parts.push(escapeMarkdown(WORDS[digest.lang].noItems));
  return `${parts.join('\n\n')}\n`;
}
