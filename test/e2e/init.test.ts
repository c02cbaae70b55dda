import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { psg } from '../helpers/run.js';
import { cleanup, testdir } from '../helpers/testdir.js';

afterAll(cleanup);

const FILES = ['psg.config.json', 'articles/_templates/news.md', 'articles/_templates/letter.md', 'articles/_templates/page.md'];

describe('psg init', () => {
  it('makes a new archive here: config with the defaults, a template for each type', () => {
    const dir = testdir();
    const r = psg(['init'], { cwd: dir, tz: 'America/Lima' });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${FILES.join('\n')}\n`);
    expect(r.stderr).toContain('psg new');
    expect(JSON.parse(readFileSync(join(dir, 'psg.config.json'), 'utf8'))).toEqual({
      articlesDir: 'articles',
      timeZone: 'America/Lima',
      digest: { title: 'Peru Support Group: news and letters', limit: 10, lang: 'en' },
    });
    for (const type of ['news', 'letter', 'page']) expect(readFileSync(join(dir, `articles/_templates/${type}.md`), 'utf8')).toMatch(/<!--/);
    // psg reads what init wrote: the config passes, the empty archive is clean.
    const v = psg(['validate'], { cwd: dir });
    expect(v.stdout).toContain('0 articles, no problems');
    expect(v.code).toBe(0);
  });

  it('creates DIR when needed', () => {
    const dir = testdir();
    const r = psg(['init', 'news/archive'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('news/archive/psg.config.json');
    for (const f of FILES) expect(existsSync(join(dir, 'news/archive', f))).toBe(true);
  });

  it('refuses a second time, naming the file, and writes nothing', () => {
    const dir = testdir();
    psg(['init'], { cwd: dir });
    const before = readFileSync(join(dir, 'psg.config.json'), 'utf8');
    const r = psg(['init'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('psg: psg.config.json already exists (and 3 more of psg init');
    expect(r.stderr).toContain('hint: psg init never writes over a file');
    expect(readFileSync(join(dir, 'psg.config.json'), 'utf8')).toBe(before);
  });

  it('creates nothing at all when any one of its files exists', () => {
    const dir = testdir({ 'articles/_templates/letter.md': 'My own letter template\n', 'articles/2019/2019-03-18-x.md': 'x' });
    const r = psg(['init'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('articles/_templates/letter.md already exists');
    expect(existsSync(join(dir, 'psg.config.json'))).toBe(false);
    expect(readdirSync(join(dir, 'articles/_templates'))).toEqual(['letter.md']);
    expect(readFileSync(join(dir, 'articles/_templates/letter.md'), 'utf8')).toBe('My own letter template\n');
  });

  it('adds config and templates to an archive that has neither', () => {
    const dir = testdir({ 'articles/2019/2019-03-18-x.md': 'x' });
    expect(psg(['init'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'articles/2019/2019-03-18-x.md'), 'utf8')).toBe('x');
  });

  it('will not use a file as the folder', () => {
    const dir = testdir();
    writeFileSync(join(dir, 'notes'), '');
    const r = psg(['init', 'notes'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('psg: notes is a file, not a folder');
  });
});
