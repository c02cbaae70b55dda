// Differential test: our splitter and js-yaml reading against gray-matter, the reader most
// static-site tools use, on every sample article and every valid fixture. gray-matter gets an
// options object (no shared cache) and a JavaScript engine that refuses; its YAML engine is its
// own (js-yaml 3, which turns dates into Date objects: those are compared as instants).
import { describe, expect, it } from '@jest/globals';
import matter from 'gray-matter';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeArticle } from '../../../src/core/article-file.js';
import { parseDateValue } from '../../../src/core/dates.js';
import { scanArticles } from '../../../src/store/scan.js';
import { coreContext } from '../../helpers/core.js';
import { BROKEN, VALID } from '../../helpers/fixtures.js';
import { SAMPLE } from '../../helpers/run.js';

const ctx = coreContext();

const refuse = () => {
  throw new Error('JavaScript front matter is refused');
};
const OPTIONS = { engines: { javascript: refuse, js: refuse, coffee: refuse, coffeescript: refuse } };

/** A front-matter date as the instant js-yaml 3 makes of it (UTC when no offset is written). */
function instant(text: string): string {
  const parsed = parseDateValue(text);
  if (!parsed.ok) return text;
  const { date, time, offset } = parsed.value;
  return new Date(`${date}T${time ?? '00:00:00'}${offset ?? 'Z'}`).toISOString();
}

function ours(bytes: Buffer) {
  const file = decodeArticle('a.md', bytes, ctx);
  expect(file.problems).toEqual([]);
  const data = Object.fromEntries(file.data!);
  if (typeof data.date === 'string') data.date = instant(data.date);
  return { data, body: file.text!.slice(file.frontMatter!.bodyStart) };
}

function theirs(bytes: Buffer) {
  const file = matter(bytes.toString('utf8'), OPTIONS);
  const data: Record<string, unknown> = { ...file.data };
  if (data.date instanceof Date) data.date = data.date.toISOString();
  return { data, body: file.content };
}

const files = [
  ...scanArticles(SAMPLE).files.map((f) => join(SAMPLE, f)),
  ...VALID.map((f) => join(BROKEN, 'articles', f)),
];

describe('our front-matter reading agrees with gray-matter', () => {
  it('covers the 14 sample articles and the valid fixtures', () => {
    expect(files).toHaveLength(14 + VALID.length);
  });

  it.each(files.map((f) => [f.slice(f.indexOf('/articles/') + 1), f]))('%s', (_name, path) => {
    const bytes = readFileSync(path);
    const a = ours(bytes);
    const b = theirs(bytes);
    expect(Object.keys(a.data).length).toBeGreaterThanOrEqual(4);
    expect(a.data).toEqual(b.data);
    expect(a.body).toEqual(b.body);
  });

  it('refuses JavaScript front matter, as gray-matter with a refusing engine does', () => {
    const bytes = readFileSync(join(BROKEN, 'articles/js-front-matter.md'));
    expect(() => matter(bytes.toString('utf8'), OPTIONS)).toThrow('JavaScript front matter is refused');
    expect(decodeArticle('a.md', bytes, ctx).problems.map((p) => p.rule)).toEqual(['front-matter-executable']);
    expect(existsSync('/tmp/psg-pwned')).toBe(false);
  });
});
