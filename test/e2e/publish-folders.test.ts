// publish moves a draft to its dated name and leaves no empty folder behind (a year folder,
// articles/drafts/), with git mv as without; and the README's example holds as written:
// psg new --draft writes a dated file, psg publish moves it to the day it goes out.
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { psg } from '../helpers/run.js';
import { article, cleanup, testdir } from '../helpers/testdir.js';

afterAll(cleanup);

const TODAY = { PSG_TODAY: '2020-01-10' };
const draft = (date: string) =>
  article({ title: '"Protest at Las Bambas"', type: 'news', date, regions: '[Apurímac]', draft: 'true', summary: '"Communities block the corridor."' }, 'Text.\n');

describe('publish leaves no empty folder', () => {
  it('new --draft then publish into another year: the old year folder goes', () => {
    const dir = testdir();
    expect(psg(['init'], { cwd: dir }).code).toBe(0);
    const made = psg(
      ['new', 'news', '--draft', '--title', 'Protest at Las Bambas', '--date', '2019-12-30', '--region', 'Apurímac', '--summary', 'Communities block the corridor.', '--yes'],
      { cwd: dir, env: TODAY },
    );
    expect(made.stdout).toBe('articles/2019/2019-12-30-protest-at-las-bambas.md\n');
    const r = psg(['publish', 'protest-at-las-bambas', '--date', '2020-01-05'], { cwd: dir, env: TODAY });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('articles/2020/2020-01-05-protest-at-las-bambas.md\n');
    expect(r.stderr).toContain('moved from articles/2019/2019-12-30-protest-at-las-bambas.md');
    expect(existsSync(join(dir, 'articles/2019'))).toBe(false);
    expect(readdirSync(join(dir, 'articles')).sort()).toEqual(['2020', '_templates']);
  });

  it('a draft kept in articles/drafts/: the emptied drafts folder goes, a folder with other files stays', () => {
    const dir = testdir({
      'articles/drafts/protest-at-las-bambas.md': draft('2020-01-01'),
      'articles/drafts/later/notes.md': draft('2020-01-02').replace('Las Bambas', 'Tía María'),
      'articles/old/2019/one.md': draft('2019-05-01').replace('Las Bambas', 'Conga'),
    });
    const first = psg(['publish', 'articles/drafts/protest-at-las-bambas.md', '--date', '2020-01-05'], { cwd: dir, env: TODAY });
    expect(first.code).toBe(0);
    expect(existsSync(join(dir, 'articles/drafts/later/notes.md'))).toBe(true);
    const second = psg(['publish', 'articles/drafts/later/notes.md', '--date', '2020-01-06'], { cwd: dir, env: TODAY });
    expect(second.code).toBe(0);
    // drafts/later/ and then drafts/ were left empty; old/2019/ was not touched.
    expect(existsSync(join(dir, 'articles/drafts'))).toBe(false);
    expect(readdirSync(join(dir, 'articles')).sort()).toEqual(['2020', 'old']);
  });

  it('with git mv too', () => {
    const dir = testdir({ 'articles/drafts/protest.md': draft('2020-01-01') });
    const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.org', ...args], { cwd: dir, encoding: 'utf8' }).stdout;
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'draft');
    const r = psg(['publish', 'protest', '--date', '2020-01-05'], { cwd: dir, env: TODAY });
    expect(r.stderr).toContain('with git mv');
    expect(existsSync(join(dir, 'articles/drafts'))).toBe(false);
    expect(git('status', '--porcelain')).toBe('RM articles/drafts/protest.md -> articles/2020/2020-01-05-protest.md\n');
  });
});
