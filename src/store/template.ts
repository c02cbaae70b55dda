// The body template of a type, `_templates/<type>.md` in the articles folder. It obeys the
// rules articles do: read through a link only when the link stays inside the folder, and
// only a regular file (a pipe there must not hang psg new), of at most an article's size.
import { constants, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { LIMITS } from '../core/article.js';
import { errnoCode, PsgError } from '../errors.js';
import { relativeInside } from './paths.js';
import { readBytes } from './read.js';

/** The template's text, or undefined when there is none. */
export function readTemplate(root: string, type: string): string | undefined {
  const path = join(root, '_templates', `${type}.md`);
  const refuse = (why: string) =>
    new PsgError(`cannot use the template ${path}: ${why}`, { hint: `Fix or remove _templates/${type}.md in the articles folder` });
  let real: string;
  try {
    real = realpathSync(path);
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return undefined;
    throw refuse(errnoCode(e) ?? String(e));
  }
  if (relativeInside(realpathSync(root), real) === undefined) throw refuse('it links outside the articles folder, and psg never reads through such a link');
  // The real path holds no link, so O_NOFOLLOW refuses one put there since.
  const read = readBytes(real, LIMITS.fileBytes, false, constants.O_NOFOLLOW ?? 0);
  if (read.ok) return read.bytes.toString('utf8');
  if (read.reason === 'too-large') throw refuse('it is over 1 MB');
  if (read.reason === 'not-a-file') throw refuse(`it is ${read.message}, not a file`);
  throw refuse(read.message);
}
