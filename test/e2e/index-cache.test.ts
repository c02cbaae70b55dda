// The index in the cache folder is never wrong: whatever happens to the files or to the index
// itself, a command's output equals the same command with --no-cache.
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { psg, psgAsync, ROOT, type RunResult } from '../helpers/run.js';
import { cleanup, sampleCopy, testdir } from '../helpers/testdir.js';

afterAll(cleanup);

const COMMANDS = [
  ['list', '--format', 'json'],
  ['list'],
  ['digest', '--pages'],
  ['list', '--region', 'Cajamarca', '--format', 'ndjson'],
];

/**
 * Files changed in the last two seconds are left out of the index ("racily clean"): set the
 * files' times back, and wait out their change times (which cannot be set).
 */
async function age(folder: string): Promise<string[]> {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else files.push(join(d, e.name));
    }
  };
  walk(folder);
  const old = new Date('2020-01-01');
  for (const f of files) utimesSync(f, old, old);
  await sleep(2100);
  return files;
}

async function setup(): Promise<{ dir: string; env: Record<string, string>; indexFile: () => string }> {
  const dir = sampleCopy();
  await age(join(dir, 'articles'));
  const cache = join(dir, '.cache');
  const env = { PSG_CACHE_DIR: cache, PSG_TODAY: '2026-11-27' };
  return { dir, env, indexFile: () => join(cache, readdirSync(cache).find((f) => f.endsWith('.psgidx'))!) };
}

const plain = (r: RunResult) => ({ stdout: r.stdout, stderr: r.stderr, code: r.code });

/** Every command gives the same with the index as without it. */
function expectSameAsNoCache(dir: string, env: Record<string, string>): void {
  for (const args of COMMANDS) {
    const cached = psg(args, { cwd: dir, env });
    expect(cached.code).toBe(0);
    expect(plain(cached)).toEqual(plain(psg([...args, '--no-cache'], { cwd: dir, env })));
  }
}

const ARTICLE = 'articles/2019/2019-03-18-espinar-continuing-problems-with-mine-developments.md';

describe('the index', () => {
  it('reads again a file changed in the last two seconds, however little changed', async () => {
    const dir = sampleCopy();
    const env = { PSG_CACHE_DIR: join(dir, '.cache'), PSG_TODAY: '2026-11-27' };
    const file = join(dir, ARTICLE);
    expectSameAsNoCache(dir, env);
    // Same size, same modification time: only the index's caution about recent files shows it.
    const before = statSync(file);
    writeFileSync(file, readFileSync(file, 'utf8').replace('Cooperacción', 'Cooperacciön'));
    utimesSync(file, before.atime, before.mtime);
    expectSameAsNoCache(dir, env);
  });

  it('is written to the cache folder on the first run and used on the next', async () => {
    const { dir, env, indexFile } = await setup();
    expectSameAsNoCache(dir, env);
    const written = statSync(indexFile()).mtimeMs;
    expectSameAsNoCache(dir, env);
    // Nothing changed, so nothing was written again.
    expect(statSync(indexFile()).mtimeMs).toBe(written);
    expect(readdirSync(join(dir, 'articles')).some((f) => f.includes('psgidx'))).toBe(false);
  });

  it('shows an edited, added, deleted and renamed file at once', async () => {
    const { dir, env } = await setup();
    expectSameAsNoCache(dir, env);
    const file = join(dir, ARTICLE);
    writeFileSync(file, readFileSync(file, 'utf8').replace('Espinar: continuing', 'Espinar: still'));
    expectSameAsNoCache(dir, env);
    expect(psg(['list'], { cwd: dir, env }).stdout).toContain('Espinar: still problems');

    writeFileSync(join(dir, 'articles/2019/2019-03-19-new.md'), '---\ntitle: A new item\ntype: news\ndate: 2019-03-19\nsummary: New.\n---\n\nNew.\n');
    expectSameAsNoCache(dir, env);
    expect(psg(['list'], { cwd: dir, env }).stdout).toContain('A new item');

    rmSync(join(dir, 'articles/2019/2019-03-19-new.md'));
    expectSameAsNoCache(dir, env);
    expect(psg(['list'], { cwd: dir, env }).stdout).not.toContain('A new item');

    renameSync(file, join(dir, 'articles/2019/2019-03-18-espinar.md'));
    expectSameAsNoCache(dir, env);
    expect(psg(['list', '--format', 'paths'], { cwd: dir, env }).stdout).toContain('articles/2019/2019-03-18-espinar.md\n');
  });

  it('sees a file rewritten with the same size and its old modification time put back', async () => {
    const { dir, env } = await setup();
    const file = join(dir, ARTICLE);
    expectSameAsNoCache(dir, env);
    const before = statSync(file);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('Cooperacción', 'Cooperacciön'));
    expect(statSync(file).size).toBe(before.size);
    utimesSync(file, before.atime, before.mtime);
    expect(statSync(file).mtimeMs).toBe(before.mtimeMs);
    expectSameAsNoCache(dir, env);
    expect(psg(['digest'], { cwd: dir, env }).stdout).toContain('Cooperacciön');
  });

  it('is rebuilt when truncated or corrupted', async () => {
    const { dir, env, indexFile } = await setup();
    expectSameAsNoCache(dir, env);
    truncateSync(indexFile(), Math.floor(statSync(indexFile()).size / 2));
    expectSameAsNoCache(dir, env);
    const bytes = readFileSync(indexFile());
    for (let i = 200; i < bytes.length; i += 97) bytes[i] = 0x7b; // "{" all over it
    writeFileSync(indexFile(), bytes);
    expectSameAsNoCache(dir, env);
    writeFileSync(indexFile(), 'not an index');
    expectSameAsNoCache(dir, env);
    // And it is sound again afterwards.
    expect(readFileSync(indexFile(), 'latin1').startsWith('psg-index ')).toBe(true);
  });

  it('is ignored and rewritten when another version of psg wrote it', async () => {
    const { dir, env, indexFile } = await setup();
    expectSameAsNoCache(dir, env);
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
    const text = readFileSync(indexFile(), 'latin1');
    const other = version.replace(/\d$/, (d) => String((Number(d) + 1) % 10));
    writeFileSync(indexFile(), text.replace(`/${version}"`, `/${other}"`), 'latin1');
    expect(readFileSync(indexFile(), 'latin1')).toContain(`/${other}"`);
    expectSameAsNoCache(dir, env);
    expect(readFileSync(indexFile(), 'latin1')).toContain(`/${version}"`);
  });

  it('survives two psg processes at once', async () => {
    const { dir, env } = await setup();
    const expected = plain(psg(['list', '--format', 'json', '--no-cache'], { cwd: dir, env }));
    for (let round = 0; round < 3; round++) {
      const runs = await Promise.all([1, 2, 3].map(() => psgAsync(['list', '--format', 'json'], { cwd: dir, env })));
      for (const r of runs) expect(plain(r)).toEqual(expected);
    }
    expectSameAsNoCache(dir, env);
  });
});

describe('the folder stamps kept beside the index', () => {
  const traced = (dir: string, env: Record<string, string>) => psg(['list'], { cwd: dir, env: { ...env, PSG_TRACE: '1' } }).stderr;

  it('let a run stat the files without listing the folders, and never hide a change', async () => {
    const dir = sampleCopy();
    const articles = join(dir, 'articles');
    mkdirSync(join(articles, '2020'));
    mkdirSync(join(articles, 'drafts', 'empty'), { recursive: true });
    await age(articles);
    const env = { PSG_CACHE_DIR: join(dir, '.cache'), PSG_TODAY: '2026-11-27' };
    expectSameAsNoCache(dir, env);
    // Nothing changed: the folders are not listed again.
    expect(traced(dir, env)).toContain('no folder changed');

    // An edit in place leaves its folder alone: the file's own stamp shows it.
    const file = join(dir, ARTICLE);
    writeFileSync(file, readFileSync(file, 'utf8').replace('Espinar: continuing', 'Espinar: still'));
    expect(traced(dir, env)).toContain('no folder changed');
    expectSameAsNoCache(dir, env);
    expect(psg(['list'], { cwd: dir, env }).stdout).toContain('Espinar: still problems');

    // A file in a folder that was empty, and one in a folder below another.
    writeFileSync(join(articles, '2020', '2020-01-02-a.md'), '---\ntitle: In an empty folder\ntype: news\ndate: 2020-01-02\nsummary: New.\n---\n\nNew.\n');
    expect(traced(dir, env)).not.toContain('no folder changed');
    expectSameAsNoCache(dir, env);
    expect(psg(['list'], { cwd: dir, env }).stdout).toContain('In an empty folder');
    writeFileSync(join(articles, 'drafts', 'empty', 'b.md'), '---\ntitle: Deep draft\ntype: news\ndate: 2020-01-03\nsummary: New.\ndraft: true\n---\n\nNew.\n');
    expectSameAsNoCache(dir, env);
    expect(psg(['list', '--drafts'], { cwd: dir, env }).stdout).toContain('Deep draft');

    // Something that is not an article changes a folder: the files are the same.
    await sleep(2100);
    expectSameAsNoCache(dir, env);
    expect(traced(dir, env)).toContain('no folder changed');
    writeFileSync(join(articles, '2019', 'photo.jpg'), 'jpeg');
    expectSameAsNoCache(dir, env);
    await sleep(2100);
    psg(['list'], { cwd: dir, env });
    // The folder's new stamp was kept: the next run lists nothing again.
    expect(traced(dir, env)).toContain('no folder changed');

    // A folder renamed, and one reached through a link.
    renameSync(join(articles, '2020'), join(articles, '2020-moved'));
    expectSameAsNoCache(dir, env);
    expect(psg(['list', '--format', 'paths'], { cwd: dir, env }).stdout).toContain('2020-moved/2020-01-02-a.md');
    symlinkSync(join(articles, '2020-moved'), join(articles, 'linked'));
    rmSync(join(articles, '2020-moved', '2020-01-02-a.md'));
    expectSameAsNoCache(dir, env);
    expect(psg(['list'], { cwd: dir, env }).stdout).not.toContain('In an empty folder');
  });
});

describe('the index over an archive large enough for worker threads', () => {
  it('gives what --no-cache gives, before and after edits', async () => {
    const dir = testdir();
    execFileSync(process.execPath, [join(ROOT, 'bench/gen-corpus.mjs'), join(dir, 'articles'), '5000', '--seed', '7'], { stdio: 'ignore' });
    const env = { PSG_CACHE_DIR: join(dir, '.cache'), PSG_TODAY: '2026-11-27' };
    const files = await age(join(dir, 'articles'));
    const same = (args: string[]) => expect(plain(psg(args, { cwd: dir, env }))).toEqual(plain(psg([...args, '--no-cache'], { cwd: dir, env })));
    same(['list', '--format', 'json']);
    same(['list', '--format', 'json']);
    // The worker threads stat the files the index names: no folder is listed again.
    expect(psg(['stats'], { cwd: dir, env: { ...env, PSG_TRACE: '1' } }).stderr).toContain('no folder changed');
    same(['digest']);
    for (const f of files.slice(0, 5)) writeFileSync(f, readFileSync(f, 'utf8').replace('title: ', 'title: Edited '));
    rmSync(files[10]!);
    same(['list', '--format', 'json']);
    same(['digest', '--limit', '50']);
    same(['validate', '--format', 'json']);
  });

  it('gives what --no-cache gives for 5,000 files in one folder, and when files come and go', async () => {
    const dir = testdir();
    const made = join(dir, 'made');
    execFileSync(process.execPath, [join(ROOT, 'bench/gen-corpus.mjs'), made, '5000', '--seed', '8'], { stdio: 'ignore' });
    // Flatten the years and months into one folder, as many editors keep them.
    const articles = join(dir, 'articles');
    mkdirSync(articles);
    const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
    for (const f of walk(made)) renameSync(f, join(articles, basename(f)));
    const env = { PSG_CACHE_DIR: join(dir, '.cache'), PSG_TODAY: '2026-11-27' };
    const files = await age(articles);
    const same = (args: string[]) => expect(plain(psg(args, { cwd: dir, env }))).toEqual(plain(psg([...args, '--no-cache'], { cwd: dir, env })));
    same(['list', '--format', 'json']);
    same(['list', '--format', 'json', '--reverse']);
    rmSync(files[100]!);
    mkdirSync(join(articles, 'zz-new'));
    writeFileSync(join(articles, 'zz-new', 'x.md'), readFileSync(files[200]!, 'utf8').replace(/^slug: .*$/m, 'slug: x'));
    same(['list', '--format', 'json']);
    same(['list', '--format', 'ndjson', '--type', 'letter']);
    same(['digest']);
  });
});

