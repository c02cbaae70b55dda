// The plain-text digest: the layout of the PSG site's listing, byte for byte.
//   • <title>
//
//     <d MMMM yyyy>
//
//     <summary, every non-blank line indented four spaces>
// Pages have no date line. The document starts at its first character (so the first bullet
// sits at column 0, as in the site's listing) and ends without a final newline.
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
  return parts.join('\n\n').replace(/^\s+/, '');
}
