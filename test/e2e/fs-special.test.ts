// Pipes, devices and links out of the folder: psg reads only regular files inside the
// articles folder, never hangs on a pipe, and says what it refused.
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { psg, type RunOptions } from '../helpers/run.js';
import { article, cleanup, testdir } from '../helpers/testdir.js';

afterAll(cleanup);

const GOOD = article({ title: 'Control', type: 'news', date: '2019-03-18', regions: '[Lima]', summary: 'x' });
const mkfifo = (path: string) => execFileSync('mkfifo', [path]);
// Every run here has a time limit: a hang is a failure, not a stuck suite.
const run = (args: string[], options: RunOptions) => psg(args, { ...options, env: { PSG_TODAY: '2019-04-20', ...options.env } });

const titles = (stdout: string) => (JSON.parse(stdout) as { title: string }[]).map((a) => a.title);

describe('named pipes and devices as articles', () => {
  it('a pipe named like an article is a problem of that file, and the others are listed', () => {
    const dir = testdir({ 'articles/2019/2019-03-18-good.md': GOOD });
    mkfifo(join(dir, 'articles/2019/2019-03-19-pipe.md'));
    const list = run(['list', '--format', 'json'], { cwd: dir });
    expect(list.code).toBe(0);
    expect(titles(list.stdout)).toEqual(['Control']);
    expect(list.stderr).toMatch(/1 file could not be read as an article/);
    const validate = run(['validate'], { cwd: dir });
    expect(validate.code).toBe(1);
    expect(validate.stdout).toMatch(/2019-03-19-pipe\.md\n\s+1:1\s+error\s+This is a named pipe \(FIFO\), not a regular file/);
  });

  it('a file swapped for a pipe after the index knew it: no hang, the others still listed', () => {
    const dir = testdir({ 'articles/2019/2019-03-18-good.md': GOOD, 'articles/2019/2019-03-19-other.md': GOOD.replace('Control', 'Other') });
    expect(titles(run(['list', '--format', 'json'], { cwd: dir }).stdout).sort()).toEqual(['Control', 'Other']);
    rmSync(join(dir, 'articles/2019/2019-03-19-other.md'));
    mkfifo(join(dir, 'articles/2019/2019-03-19-other.md'));
    for (const args of [['list', '--format', 'json'], ['digest', '--format', 'json', '--since', '2019-01-01']]) {
      const r = run(args, { cwd: dir });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Control');
      expect(r.stderr).toMatch(/1 file could not be read as an article/);
    }
  });
});

describe('--config that is not a file', () => {
  it.each([
    ['/dev/zero', 'a character device'],
    ['a pipe', 'a named pipe (FIFO)'],
    ['a folder', 'a folder'],
  ])('--config %s: exit 2, saying what it is', (what, kind) => {
    const dir = testdir({ 'articles/2019/2019-03-18-good.md': GOOD });
    const config = what === 'a pipe' ? join(dir, 'psg.config.json') : what === 'a folder' ? join(dir, 'articles') : what;
    if (what === 'a pipe') mkfifo(config);
    for (const command of [['list'], ['validate'], ['new', 'news', '--title', 'T', '--summary', 's']]) {
      const r = run([...command, '--config', config], { cwd: dir });
      expect(r).toEqual({ stdout: '', stderr: expect.stringContaining(`psg: cannot read the config file ${config}: it is ${kind}, not a file\n`), code: 2 });
    }
  });

  it('a pipe named psg.config.json in the folder is not taken for a config', () => {
    const dir = testdir({ 'articles/2019/2019-03-18-good.md': GOOD });
    mkfifo(join(dir, 'psg.config.json'));
    const r = run(['list', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(titles(r.stdout)).toEqual(['Control']);
  });

  it('a config file larger than any config: exit 2, never read whole', () => {
    const dir = testdir({ 'articles/2019/2019-03-18-good.md': GOOD, 'psg.config.json': `{"author": "${'a'.repeat(2 * 1024 * 1024)}"}` });
    const r = run(['list'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read the config file .*psg\.config\.json: it is 2,097,16\d bytes, over the 1,048,576 a config may be/);
  });
});

describe('templates for psg new', () => {
  const newsArgs = ['new', 'news', '--title', 'Templated', '--summary', 'A summary.', '--date', '2019-04-10'];
  const written = (dir: string) => readdirSync(join(dir, 'articles/2019')).sort();

  it('a pipe as _templates/news.md: exit 2 at once, nothing written', () => {
    const dir = testdir({ 'articles/2019/2019-03-18-good.md': GOOD });
    mkdirSync(join(dir, 'articles/_templates'));
    mkfifo(join(dir, 'articles/_templates/news.md'));
    const r = run(newsArgs, { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^psg: cannot use the template .*_templates\/news\.md: it is a named pipe \(FIFO\), not a file\n/);
    expect(written(dir)).toEqual(['2019-03-18-good.md']);
  });

  it('/dev/zero linked as a template is refused (it is outside the folder, and a device)', () => {
    const dir = testdir({ 'articles/2019/2019-03-18-good.md': GOOD });
    mkdirSync(join(dir, 'articles/_templates'));
    symlinkSync('/dev/zero', join(dir, 'articles/_templates/news.md'));
    const r = run(newsArgs, { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot use the template .*news\.md: it links outside the articles folder/);
    expect(written(dir)).toEqual(['2019-03-18-good.md']);
  });

  it.each(['the file', 'the _templates folder'])('a template reached through a link out of the folder (%s) is refused, its text never copied', (linked) => {
    const dir = testdir({ 'articles/2019/2019-03-18-good.md': GOOD, 'secret/news.md': 'SECRET TEXT\n' });
    if (linked === 'the file') {
      mkdirSync(join(dir, 'articles/_templates'));
      symlinkSync(join(dir, 'secret/news.md'), join(dir, 'articles/_templates/news.md'));
    } else symlinkSync(join(dir, 'secret'), join(dir, 'articles/_templates'));
    const r = run(newsArgs, { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot use the template .*news\.md: it links outside the articles folder/);
    expect(r.stdout).toBe('');
    expect(written(dir)).toEqual(['2019-03-18-good.md']);
  });

  it('a template linked to a file inside the folder is used', () => {
    const dir = testdir({ 'articles/2019/2019-03-18-good.md': GOOD, 'articles/_shared/body.md': '## Inside the folder\n' });
    mkdirSync(join(dir, 'articles/_templates'));
    symlinkSync('../_shared/body.md', join(dir, 'articles/_templates/news.md'));
    const r = run(newsArgs, { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(execFileSync('cat', [join(dir, r.stdout.trim())], { encoding: 'utf8' })).toContain('## Inside the folder');
  });
});

