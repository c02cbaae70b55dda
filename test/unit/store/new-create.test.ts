import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PsgError } from '../../../src/errors.js';
import { createArticleFile, readTemplate } from '../../../src/store/create.js';
import { cleanup, testdir } from '../../helpers/testdir.js';

afterAll(cleanup);

function thrown(fn: () => unknown): PsgError {
  try {
    fn();
  } catch (error) {
    if (error instanceof PsgError) return error;
    throw error;
  }
  throw new Error('nothing was thrown');
}

describe('createArticleFile', () => {
  it('makes the year folder and writes the file whole, leaving no temp file', () => {
    const root = join(testdir({ 'articles/pages/a.md': 'x' }), 'articles');
    const abs = createArticleFile(root, '2019/2019-04-10-new.md', 'text\n');
    expect(abs).toBe(join(root, '2019', '2019-04-10-new.md'));
    expect(readFileSync(abs, 'utf8')).toBe('text\n');
    expect(readdirSync(join(root, '2019'))).toEqual(['2019-04-10-new.md']);
  });

  it('never replaces an existing file, and says what to do', () => {
    const root = join(testdir({ 'articles/2019/2019-04-10-new.md': 'old\n' }), 'articles');
    const error = thrown(() => createArticleFile(root, '2019/2019-04-10-new.md', 'new\n', { shown: (p) => p.slice(root.length - 8) }));
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe('articles/2019/2019-04-10-new.md already exists; psg new never overwrites a file');
    expect(error.hint).toBe('Edit that file, or give the new article another title or date');
    expect(readFileSync(join(root, '2019/2019-04-10-new.md'), 'utf8')).toBe('old\n');
    expect(readdirSync(join(root, '2019'))).toEqual(['2019-04-10-new.md']);
  });

  it.each(['../escape.md', '2019/../../escape.md', '/etc/escape.md', '2019//x.md'])('refuses the path %s', (rel) => {
    const dir = testdir({ 'articles/pages/a.md': 'x' });
    expect(thrown(() => createArticleFile(join(dir, 'articles'), rel, 'x')).message).toMatch(/leaves the articles folder/);
    expect(readdirSync(dir)).toEqual(['articles']);
  });

  it('refuses a year folder that is a link out of the articles folder', () => {
    const dir = testdir({ 'articles/pages/a.md': 'x', 'elsewhere/keep': '' });
    symlinkSync(join(dir, 'elsewhere'), join(dir, 'articles', '2019'));
    const error = thrown(() => createArticleFile(join(dir, 'articles'), '2019/2019-04-10-x.md', 'x'));
    expect(error.message).toMatch(/links outside the articles folder$/);
    expect(readdirSync(join(dir, 'elsewhere'))).toEqual(['keep']);
  });

  it('follows a link that stays inside the folder', () => {
    const dir = testdir({ 'articles/archive-2019/keep': '' });
    symlinkSync(join(dir, 'articles', 'archive-2019'), join(dir, 'articles', '2019'));
    createArticleFile(join(dir, 'articles'), '2019/2019-04-10-x.md', 'x');
    expect(readdirSync(join(dir, 'articles', 'archive-2019')).sort()).toEqual(['2019-04-10-x.md', 'keep']);
  });
});

describe('readTemplate', () => {
  it('reads _templates/<type>.md, or gives nothing when there is none', () => {
    const root = join(testdir({ 'articles/_templates/news.md': '## Body\n' }), 'articles');
    expect(readTemplate(root, 'news')).toBe('## Body\n');
    expect(readTemplate(root, 'letter')).toBeUndefined();
  });

  it('says which template it cannot use', () => {
    const root = join(testdir({ 'articles/pages/a.md': 'x' }), 'articles');
    mkdirSync(join(root, '_templates', 'page.md'), { recursive: true });
    expect(thrown(() => readTemplate(root, 'page')).message).toMatch(/^cannot use the template .*page\.md: it is a folder, not a file$/);
    writeFileSync(join(root, '_templates', 'news.md'), 'x'.repeat(1024 * 1024 + 1));
    expect(thrown(() => readTemplate(root, 'news')).message).toMatch(/it is over 1 MB$/);
  });
});
