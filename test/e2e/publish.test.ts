import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { psg } from '../helpers/run.js';
import { article, cleanup, testdir } from '../helpers/testdir.js';

afterAll(cleanup);

const DRAFT = article(
  {
    title: '"Protest at Las Bambas"   # working title',
    type: 'news',
    date: '2019-03-30',
    regions: '[Apurímac]',
    draft: 'true   # until the desk has read it',
    summary: '"Communities block the mining corridor."',
  },
  'First paragraph.\r\n\r\nSecond, with trailing spaces   \n',
);

const TODAY = { PSG_TODAY: '2019-04-02' };

function read(dir: string, path: string): string {
  return readFileSync(join(dir, path), 'utf8');
}

function count(dir: string, ...flags: string[]): number {
  const r = psg(['regions', '--format', 'json', ...flags], { cwd: dir, env: TODAY });
  return JSON.parse(r.stdout).articles as number;
}

describe('a draft through to publication (must-show 2)', () => {
  it('init, a draft left out, publish --date moves and dates it, validate clean, a second init refuses', () => {
    const dir = testdir();
    expect(psg(['init'], { cwd: dir }).code).toBe(0);
    // `psg new --draft` is built on another branch: the draft is written as it would write it.
    const draftPath = 'articles/2019/2019-03-30-protest-at-las-bambas.md';
    mkdirSync(join(dir, 'articles/2019'));
    writeFileSync(join(dir, draftPath), DRAFT);
    expect(count(dir)).toBe(0);
    expect(count(dir, '--drafts')).toBe(1);

    const r = psg(['publish', 'protest-at-las-bambas', '--date', '2019-04-01'], { cwd: dir, env: TODAY });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('articles/2019/2019-04-01-protest-at-las-bambas.md\n');
    expect(r.stderr).toContain('published "Protest at Las Bambas", dated 2019-04-01; moved from articles/2019/2019-03-30-protest-at-las-bambas.md');
    expect(existsSync(join(dir, draftPath))).toBe(false);
    expect(count(dir)).toBe(1);
    const v = psg(['validate'], { cwd: dir, env: TODAY });
    expect(v.stdout).toBe('✔ 1 article, no problems\n');
    expect(v.code).toBe(0);
    const again = psg(['init'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('psg.config.json already exists');
  });

  it('the same with the real psg new --draft and psg list', () => {
    const dir = testdir();
    const env = { ...TODAY, PSG_CACHE_DIR: join(dir, '.cache') };
    expect(psg(['init'], { cwd: dir }).code).toBe(0);
    const made = psg(
      ['new', 'news', '--draft', '--title', 'Protest at Las Bambas', '--date', '2019-03-30', '--region', 'Apurímac', '--summary', 'Communities block the mining corridor.', '--yes'],
      { cwd: dir, env },
    );
    expect(made.code).toBe(0);
    expect(made.stdout).toBe('articles/2019/2019-03-30-protest-at-las-bambas.md\n');
    // The editor writes the body under the template's comments.
    appendFileSync(join(dir, made.stdout.trim()), '\nCommunities blocked the mining corridor for a week.\n');
    const paths = (...flags: string[]) => psg(['list', '--format', 'paths', ...flags], { cwd: dir, env }).stdout;
    expect(paths()).toBe('');
    expect(paths('--drafts')).toBe('articles/2019/2019-03-30-protest-at-las-bambas.md\n');

    const r = psg(['publish', 'protest-at-las-bambas', '--date', '2019-04-01'], { cwd: dir, env });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('articles/2019/2019-04-01-protest-at-las-bambas.md\n');
    expect(paths()).toBe('articles/2019/2019-04-01-protest-at-las-bambas.md\n');
    expect(psg(['validate'], { cwd: dir, env }).stdout).toBe('✔ 1 article, no problems\n');
    expect(psg(['init'], { cwd: dir }).code).toBe(2);
  });
});

describe('psg publish', () => {
  it('changes only the date and draft lines; the body stays byte for byte', () => {
    const dir = testdir({ 'articles/drafts/protest.md': `\uFEFF${DRAFT}` });
    const r = psg(['publish', 'articles/drafts/protest.md'], { cwd: dir, env: TODAY });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('articles/2019/2019-04-02-protest.md\n');
    const expected = `\uFEFF${DRAFT}`.replace('date: 2019-03-30', 'date: 2019-04-02').replace('draft: true   # until the desk has read it\n', '');
    expect(read(dir, 'articles/2019/2019-04-02-protest.md')).toBe(expected);
    expect(existsSync(join(dir, 'articles/drafts/protest.md'))).toBe(false);
  });

  it('finds the file from the articles folder too, and takes a date with a time', () => {
    const dir = testdir({ 'articles/drafts/protest.md': DRAFT });
    const r = psg(['publish', 'drafts/protest.md', '--date', '2019-04-01T09:30'], { cwd: dir, env: TODAY });
    expect(r.code).toBe(0);
    expect(read(dir, 'articles/2019/2019-04-01-protest.md')).toContain('date: 2019-04-01T09:30\n');
  });

  it('dates by the calendar day, whatever the zone', () => {
    for (const tz of ['UTC', 'America/Lima', 'Pacific/Kiritimati']) {
      const dir = testdir({ 'articles/drafts/protest.md': DRAFT });
      expect(psg(['publish', 'protest', '--date', '2019-04-01'], { cwd: dir, tz }).stdout).toBe('articles/2019/2019-04-01-protest.md\n');
    }
  });

  it('moves with git mv inside a git work tree, so history follows the file', () => {
    const dir = testdir({ 'articles/2019/2019-03-30-protest.md': DRAFT });
    const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.org', ...args], { cwd: dir, encoding: 'utf8' }).stdout;
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'draft');
    const r = psg(['publish', 'protest'], { cwd: dir, env: TODAY });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('with git mv');
    expect(git('status', '--porcelain')).toBe('RM articles/2019/2019-03-30-protest.md -> articles/2019/2019-04-02-protest.md\n');
  });

  it('publishes a page where it stands, undated', () => {
    const page = article({ title: 'Join us', type: 'page', order: '5', draft: 'true', summary: 'Why join.' });
    const dir = testdir({ 'articles/pages/join-us.md': page });
    const r = psg(['publish', 'join-us'], { cwd: dir, env: TODAY });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('articles/pages/join-us.md\n');
    expect(read(dir, 'articles/pages/join-us.md')).toBe(page.replace('draft: true\n', ''));
  });

  it('refuses when the dated name is taken, changing nothing', () => {
    const other = article({ title: 'Other', type: 'news', date: '2019-04-02', summary: 'S.' });
    const dir = testdir({ 'articles/drafts/protest.md': DRAFT, 'articles/2019/2019-04-02-protest.md': other });
    const r = psg(['publish', 'articles/drafts/protest.md'], { cwd: dir, env: TODAY });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('psg: articles/2019/2019-04-02-protest.md already exists; nothing was changed');
    expect(read(dir, 'articles/drafts/protest.md')).toBe(DRAFT);
    expect(read(dir, 'articles/2019/2019-04-02-protest.md')).toBe(other);
  });

  it('suggests slugs for an unknown one', () => {
    const dir = testdir({ 'articles/drafts/protest-at-las-bambas.md': DRAFT });
    const r = psg(['publish', 'protest-at-las-bamba'], { cwd: dir, env: TODAY });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('psg: no article with the slug "protest-at-las-bamba"; did you mean "protest-at-las-bambas"?');
    expect(psg(['publish', 'bambas'], { cwd: dir, env: TODAY }).stderr).toContain('did you mean "protest-at-las-bambas"?');
  });

  it('takes the one draft of a slug, and asks for a path when it cannot tell', () => {
    const published = article({ title: 'Earlier protest', type: 'news', date: '2018-01-01', summary: 'S.' });
    const dir = testdir({ 'articles/2018/2018-01-01-protest.md': published, 'articles/drafts/protest.md': DRAFT });
    expect(psg(['publish', 'protest'], { cwd: dir, env: TODAY }).stdout).toBe('articles/2019/2019-04-02-protest.md\n');
    const r = psg(['unpublish', 'protest'], { cwd: dir, env: TODAY });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('psg: "protest" names 2 articles: 2018/2018-01-01-protest.md, 2019/2019-04-02-protest.md');
    expect(r.stderr).toContain('hint: Give the path of the one you mean');
  });

  it('says so when the article is published already, and will not re-date it', () => {
    const dir = testdir({ 'articles/2019/2019-03-18-x.md': article({ title: 'X', type: 'news', date: '2019-03-18', summary: 'S.' }) });
    const r = psg(['publish', 'x'], { cwd: dir, env: TODAY });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('is already published; nothing to do');
    const d = psg(['publish', 'x', '--date', '2019-04-01'], { cwd: dir, env: TODAY });
    expect(d.code).toBe(2);
    expect(d.stderr).toContain('hint: Run psg unpublish x first');
  });

  it('rejects a bad --date, a file outside the folder, and a file that is not an article', () => {
    const dir = testdir({ 'articles/drafts/p.md': DRAFT, 'elsewhere/p.md': DRAFT, 'articles/drafts/broken.md': '---\ntitle: "open\n---\n' });
    const bad = psg(['publish', 'p', '--date', '2019-02-30'], { cwd: dir, env: TODAY });
    expect([bad.code, bad.stderr.split('\n')[0]]).toEqual([2, 'psg: bad date for --date: 2019-02-30 is not a real date: February 2019 has 28 days; correct the day']);
    const outside = psg(['publish', 'elsewhere/p.md'], { cwd: dir, env: TODAY });
    expect([outside.code, outside.stderr.split('\n')[0]]).toEqual([2, 'psg: elsewhere/p.md is not in the articles folder (articles)']);
    const broken = psg(['publish', 'broken'], { cwd: dir, env: TODAY });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('psg: articles/drafts/broken.md cannot be read as an article: YAML syntax');
    expect(broken.stderr).toContain('psg validate articles/drafts/broken.md');
  });

  it('notes a date after today and errors validate would report', () => {
    const thin = article({ title: 'T', type: 'news', date: '2019-03-30', draft: 'true', regions: '[Cuzko]', summary: 'S.' });
    const dir = testdir({ 'articles/drafts/t.md': thin });
    const r = psg(['publish', 't', '--date', '2019-05-01'], { cwd: dir, env: TODAY });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('2019-05-01 is after today: list and digest show it from that day on');
    expect(r.stderr).toContain('articles/2019/2019-05-01-t.md has 1 error; `psg validate articles/2019/2019-05-01-t.md` lists them');
  });
});

describe('psg unpublish', () => {
  it('makes it a draft again where it stands, and it drops out of the counts', () => {
    const text = article({ title: 'X', type: 'news', date: '2019-03-18', regions: '[Puno]', summary: 'S.' }, 'Body\n');
    const dir = testdir({ 'articles/2019/2019-03-18-x.md': text });
    expect(count(dir)).toBe(1);
    const r = psg(['unpublish', 'x'], { cwd: dir, env: TODAY });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('articles/2019/2019-03-18-x.md\n');
    expect(r.stderr).toContain('"X" is a draft again');
    expect(read(dir, 'articles/2019/2019-03-18-x.md')).toBe(text.replace('summary: S.\n', 'summary: S.\ndraft: true\n'));
    expect(count(dir)).toBe(0);
    expect(psg(['unpublish', 'x'], { cwd: dir }).stderr).toContain('is already a draft; nothing to do');
    // And back: published again, dated today, moved to its new name.
    expect(psg(['publish', 'x'], { cwd: dir, env: TODAY }).stdout).toBe('articles/2019/2019-04-02-x.md\n');
    expect(read(dir, 'articles/2019/2019-04-02-x.md')).toBe(text.replace('2019-03-18', '2019-04-02'));
  });

  it('turns draft: false into draft: true in place', () => {
    const text = article({ title: 'X', type: 'news', date: '2019-03-18', draft: 'false  # ready', summary: 'S.' });
    const dir = testdir({ 'articles/2019/2019-03-18-x.md': text });
    psg(['unpublish', 'articles/2019/2019-03-18-x.md'], { cwd: dir });
    expect(read(dir, 'articles/2019/2019-03-18-x.md')).toBe(text.replace('draft: false', 'draft: true'));
  });
});
