// One file's bytes → its front matter, fields, article and problems. Pure: no file system.
import { isUtf8 } from 'node:buffer';
import type { Article } from './article.js';
import type { CoreContext } from './context.js';
import { type FrontMatter, parseFrontMatter, splitFrontMatter } from './frontmatter.js';
import { toArticle } from './normalise.js';
import { error, internalProblem, type Problem } from './problem.js';
import { bodyIsBlank } from './rules/body.js';

export interface ArticleFile {
  path: string;
  /** The decoded text without its byte-order mark; absent when the bytes are not text. */
  text?: string;
  /** With frontMatterOnly: whether the (undecoded) body is blank. */
  bodyBlank?: boolean;
  bom: boolean;
  frontMatter?: FrontMatter;
  data?: Map<string, unknown>;
  article?: Article;
  /** Problems that stopped the reading: encoding, front matter, YAML. */
  problems: Problem[];
}

/** Where the first byte that is not UTF-8 sits, as a line and column, for the message. */
function firstBadByte(bytes: Uint8Array): { line: number; column: number } {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const extra = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    // isUtf8 on the one character also catches overlong forms and surrogates.
    if (extra < 0 || i + extra >= bytes.length || !isUtf8(bytes.subarray(i, i + extra + 1))) break;
    i += extra + 1;
  }
  const lineStart = bytes.lastIndexOf(0x0a, i - 1) + 1;
  let line = 1;
  for (let k = 0; k < lineStart; k++) if (bytes[k] === 0x0a) line++;
  const before = Buffer.from(bytes.buffer, bytes.byteOffset + lineStart, i - lineStart).toString('utf8');
  return { line, column: [...before].length + 1 };
}

/**
 * The end of the closing "---" line in bytes that start with a front-matter block, or -1
 * when the bytes hold no closing line (yet). `whole` says the bytes are the whole file: in
 * a head, a "---" that reaches its last byte may go on (`---x: 1`) and proves nothing.
 */
export function frontMatterEnd(bytes: Uint8Array, length: number, whole = true): number {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, length);
  let at = buf.indexOf(0x0a); // end of the opening line
  while (at !== -1) {
    const next = buf.indexOf('\n---', at);
    if (next === -1) return -1;
    let end = next + 4;
    while (end < length && (buf[end] === 0x20 || buf[end] === 0x09)) end++;
    if (end === length) return whole ? end : -1;
    if (buf[end] === 0x0a) return end + 1;
    if (buf[end] === 0x0d && buf[end + 1] === 0x0a) return end + 2;
    at = next + 1;
  }
  return -1;
}

/**
 * Whether the bytes from `start` on hold nothing a reader sees: white space and HTML comments
 * (the body rule's test, bodyIsBlank). Plain ASCII white space is skipped byte by byte; at the
 * first other byte the rest is decoded and tested as the rule tests it.
 */
function blankFrom(bytes: Uint8Array, start: number): boolean {
  for (let i = start; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x20 || (b >= 0x09 && b <= 0x0d)) continue;
    if (b < 0x80 && b !== 0x3c) return false;
    return bodyIsBlank(Buffer.from(bytes.buffer, bytes.byteOffset + i, bytes.length - i).toString('utf8'));
  }
  return true;
}

export interface DecodeOptions {
  /**
   * Decode only the front matter and note whether the body is blank: validate checks bodies
   * for nothing else, and decoding 100,000 bodies is a fifth of its work. `text` then ends
   * where the body begins.
   */
  frontMatterOnly?: boolean;
}

export function decodeArticle(path: string, bytes: Uint8Array, ctx: CoreContext, options: DecodeOptions = {}): ArticleFile {
  const file: ArticleFile = { path, bom: false, problems: [] };
  if (bytes.includes(0)) {
    file.problems.push(error('file-binary', 'This is a binary file, not text (it holds NUL bytes): move it out of the articles folder, or save the article as UTF-8 text', { line: 1, column: 1 }));
    return file;
  }
  if (!isUtf8(bytes)) {
    file.problems.push(
      error('invalid-utf8', 'The file is not valid UTF-8 here; save it as UTF-8 in your editor', firstBadByte(bytes)),
    );
    return file;
  }
  let end = bytes.length;
  if (options.frontMatterOnly) {
    const fmEnd = frontMatterEnd(bytes, bytes.length);
    if (fmEnd !== -1) {
      end = fmEnd;
      file.bodyBlank = blankFrom(bytes, fmEnd);
    }
  }
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, end).toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) {
    file.bom = true;
    text = text.slice(1);
  }
  file.text = text;
  if (text.trim() === '' && file.bodyBlank !== false) {
    file.problems.push(error('file-empty', 'The file is empty; write an article in it or delete it', { line: 1, column: 1 }));
    return file;
  }
  const split = splitFrontMatter(text);
  if (!split.ok) {
    file.problems.push(split.problem);
    return file;
  }
  file.frontMatter = split.frontMatter;
  const parsed = parseFrontMatter(split.frontMatter.yaml, split.frontMatter.yamlLine);
  if (!parsed.ok) {
    file.problems.push(parsed.problem);
    return file;
  }
  file.data = parsed.data;
  try {
    file.article = toArticle(path, parsed.data, ctx);
  } catch (e) {
    // A bug of psg's on this file's values: a problem of this file, never of the whole run.
    file.problems.push(internalProblem('reading the fields', e));
  }
  return file;
}

