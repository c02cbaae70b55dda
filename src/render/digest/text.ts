// The plain-text digest: the layout of the PSG site's listing.
//   • <title>
//
//     <d MMMM yyyy>
//
//     <summary, every non-blank line indented four spaces>
// Pages have no date line. Every item is laid out the same, so that the title, date and
// summary all start at column 4 (a copy of the site's page loses the first item's indent;
// nobody wants that), and the text ends with a newline, as a text file and a shell expect.
import type { Digest, DigestEntry } from './model.js';
import { summaryLines } from './model.js';
import { visible, visibleLines } from '../../core/visible.js';

const INDENT = '    ';

function block(entry: DigestEntry): string {
  // A terminal shows this digest: the article's text may not act on it, nor break its layout.
  const parts = [`  • ${visible(entry.article.title)}`];
  if (entry.date) parts.push(`${INDENT}${entry.date}`);
  parts.push(summaryLines(visibleLines(entry.article.summary)).map((line) => (/^[ \t]*$/.test(line) ? '' : INDENT + line)).join('\n'));
  return parts.join('\n\n');
}

export function renderText(digest: Digest): string {
  const parts = digest.entries.map(block);
  if (digest.titleGiven) parts.unshift(visible(digest.title));
  return parts.length ? `${parts.join('\n\n')}\n` : '';
}
