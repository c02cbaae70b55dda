// An article's body, read on demand (list --search looks in bodies only when title and
// summary do not match).
import { join } from 'node:path';
import { splitFrontMatter } from '../core/frontmatter.js';
import { readBytes } from './read.js';

export function readBody(root: string, path: string): string {
  const read = readBytes(join(root, path));
  if (!read.ok) return '';
  const text = read.bytes.toString('utf8').replace(/^\uFEFF/, '');
  const split = splitFrontMatter(text);
  return split.ok ? text.slice(split.frontMatter.bodyStart) : '';
}
