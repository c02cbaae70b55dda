// validate's stored results are never wrong: in every format (and in colour), validate's
// output equals its --no-cache output after an edit, an add, a delete, a rename, a change
// of the tag vocabulary or of psg.config.json, and with its results file damaged. A run with
// nothing changed opens no article at all, and a first run opens each article once.
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { BIN, psg, psgEnv, ROOT, type RunResult } from '../helpers/run.js';
import { cleanup, sampleCopy, testdir } from '../helpers/testdir.js';

afterAll(cleanup);

const RUNS: { args: string[]; env?: Record<string, string> }[] = [
  { args: ['validate'] },
  { args: ['validate', '--format', 'json'] },
  { args: ['validate', '--format', 'github'] },
  { args: ['validate', '--format', 'sarif'] },
  // In colour the report lines are made again rather than taken as stored.
  { args: ['validate'], env: { FORCE_COLOR: '1', NO_COLOR: '' } },
];

const letter = (title: string, date: string, extra = '') => `---\ntitle: "${title}"\ntype: letter\ndate: ${date}\nsummary: A letter.\ntags: [mining, no-such-tag]\n${extra}---\n\nThe letter.\n`;

/** Letters whose series the rules across files look at: out of date order, a part skipped. */
const LETTERS: Record<string, string> = {
  'articles/2019/2019-04-01-letter-from-puno-2.md': letter('Letter from Puno (2): the lake', '2019-04-01'),
  'articles/2019/2019-04-02-letter-from-puno.md': letter('Letter from Puno: the start', '2019-04-02'),
  'articles/2019/2019-04-03-letter-from-cusco.md': letter('Letter from Cusco (3): the pass', '2019-04-03', 'series: Letter from Cusco\npart: 3\n'),
};

const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));

/** Files changed in the last two seconds are not stored ("racily clean"): age them, so that the stored results are what is tested. */
async function age(folder: string): Promise<void> {
  const old = new Date('2020-01-01');
  for (const f of walk(folder)) utimesSync(f, old, old);
  await sleep(2100);
}

async function setup(): Promise<{ dir: string; env: Record<string, string> }> {
  const dir = sampleCopy();
  for (const [path, text] of Object.entries(LETTERS)) writeFileSync(join(dir, path), text);
  await age(join(dir, 'articles'));
  return { dir, env: { PSG_CACHE_DIR: join(dir, '.cache'), PSG_TODAY: '2026-11-27' } };
}

const plain = (r: RunResult) => ({ stdout: r.stdout, stderr: r.stderr, code: r.code });

/** Every format with the stored results and without; the first twice (storing them, then reading them). */
function expectSameAsNoCache(dir: string, env: Record<string, string>): void {
  RUNS.forEach((run, i) => {
    const e = { ...env, ...run.env };
    const without = plain(psg([...run.args, '--no-cache'], { cwd: dir, env: e }));
    expect([0, 1]).toContain(without.code);
    if (i === 0) expect([run, plain(psg(run.args, { cwd: dir, env: e }))]).toEqual([run, without]);
    expect([run, plain(psg(run.args, { cwd: dir, env: e }))]).toEqual([run, without]);
  });
}

/** How many times a run of validate opens each article file. */
function articleOpens(dir: string, env: Record<string, string>): Map<string, number> {
  const log = join(dir, 'strace.log');
  const r = spawnSync('strace', ['-f', '-e', 'trace=openat', '-o', log, process.execPath, BIN, 'validate'], { cwd: dir, env: psgEnv({ env }), encoding: 'utf8' });
  expect([0, 1]).toContain(r.status);
  const opens = new Map<string, number>();
  for (const line of readFileSync(log, 'utf8').split('\n')) {
    const m = /openat\([^"]*"([^"]*\/articles\/[^"]*\.md)"/.exec(line);
    if (m && !line.includes('ENOENT')) opens.set(m[1]!, (opens.get(m[1]!) ?? 0) + 1);
  }
  rmSync(log);
  return opens;
}

const PUNO_2 = 'articles/2019/2019-04-01-letter-from-puno-2.md';

describe("validate's stored results", () => {
  it('equal --no-cache in every format after an edit, an add, a delete, a rename and changes of configuration', async () => {
    const { dir, env } = await setup();
    const first = psg(['validate'], { cwd: dir, env });
    // The rules across files found something: their results are stored and shown too.
    expect(first.stdout).toContain('series-order');
    expect(first.stdout).toContain('series-skipped');
    expectSameAsNoCache(dir, env);

    // An edit that changes what the rules across files say of another file: Puno's part 2 becomes part 3.
    const puno2 = join(dir, PUNO_2);
    writeFileSync(puno2, readFileSync(puno2, 'utf8').replace('Puno (2)', 'Puno (3)'));
    expectSameAsNoCache(dir, env);
    await age(join(dir, 'articles'));
    expectSameAsNoCache(dir, env);
    expect(psg(['validate'], { cwd: dir, env }).stdout).toContain('"Letter from Puno" has no part 2');

    // An add that gives another file a problem: a second file with the slug of the first.
    const twin = join(dir, 'articles/pages/2019-04-02-letter-from-puno.md');
    writeFileSync(twin, letter('Letter from Puno: the start', '2019-04-02'));
    await age(join(dir, 'articles'));
    expectSameAsNoCache(dir, env);
    expect(psg(['validate'], { cwd: dir, env }).stdout).toContain('slug-duplicate');

    rmSync(twin);
    expectSameAsNoCache(dir, env);
    expect(psg(['validate'], { cwd: dir, env }).stdout).not.toContain('slug-duplicate');

    renameSync(puno2, join(dir, 'articles/2019/2019-04-01-puno.md'));
    await age(join(dir, 'articles'));
    expectSameAsNoCache(dir, env);

    // A tag added to the vocabulary changes validate's results at once.
    expect(psg(['validate'], { cwd: dir, env }).stdout).toContain('no-such-tag');
    writeFileSync(join(dir, 'psg.config.json'), JSON.stringify({ tags: { extend: ['no-such-tag'] } }));
    expect(psg(['validate'], { cwd: dir, env }).stdout).not.toContain('no-such-tag');
    expectSameAsNoCache(dir, env);
    // Any other change of psg.config.json too.
    writeFileSync(join(dir, 'psg.config.json'), JSON.stringify({ tags: { extend: ['no-such-tag', 'lake'] } }));
    expectSameAsNoCache(dir, env);
  }, 600_000);

  it('equal --no-cache with their file damaged', async () => {
    const { dir, env } = await setup();
    expectSameAsNoCache(dir, env);
    const cache = join(dir, '.cache');
    const stored = join(cache, readdirSync(cache).find((f) => f.endsWith('.validate'))!);
    const bytes = readFileSync(stored);
    // A byte of the report lines (near the start), then one of the table (near the end).
    bytes[40] = bytes[40] === 0x61 ? 0x62 : 0x61;
    writeFileSync(stored, bytes);
    const without = psg(['validate', '--no-cache'], { cwd: dir, env });
    expect(plain(psg(['validate'], { cwd: dir, env }))).toEqual(plain(without));
    const again = readFileSync(stored);
    again[again.length - 1500] = again[again.length - 1500]! ^ 1;
    writeFileSync(stored, again);
    expect(plain(psg(['validate'], { cwd: dir, env }))).toEqual(plain(without));
    writeFileSync(stored, 'not results at all');
    expectSameAsNoCache(dir, env);
  }, 300_000);

  it('make a run with nothing changed open no article, and a first run open each article once', async () => {
    const { dir, env } = await setup();
    const first = articleOpens(dir, env);
    expect(first.size).toBe(walk(join(dir, 'articles')).filter((f) => f.endsWith('.md')).length);
    expect([...first.values()].every((n) => n === 1)).toBe(true);
    psg(['validate'], { cwd: dir, env });
    expect(articleOpens(dir, env).size).toBe(0);
    // One file changed: only it is read again.
    writeFileSync(join(dir, PUNO_2), readFileSync(join(dir, PUNO_2), 'utf8').replace('the lake', 'the shore'));
    await age(join(dir, 'articles'));
    psg(['validate'], { cwd: dir, env });
    const changed = join(dir, 'articles/2019/2019-04-03-letter-from-cusco.md');
    writeFileSync(changed, readFileSync(changed, 'utf8').replace('the pass', 'the road'));
    const opens = articleOpens(dir, env);
    expect([...opens.keys()].map((p) => p.slice(p.indexOf('/articles/') + 1))).toEqual(['articles/2019/2019-04-03-letter-from-cusco.md']);
  }, 300_000);
});

describe("validate's results across files on an archive whose index is spliced", () => {
  it('are kept when an edit leaves every file’s facts as they were, and found again when it does not', async () => {
    const dir = testdir();
    const articles = join(dir, 'articles');
    execFileSync(process.execPath, [join(ROOT, 'bench/gen-corpus.mjs'), articles, '5000', '--seed', '9'], { stdio: 'ignore' });
    for (const [path, text] of Object.entries(LETTERS)) writeFileSync(join(dir, path), text);
    // Two items whose names give them one slug.
    const news = (what: string) => `---\ntitle: "An item about ${what}"\ntype: news\ndate: 2019-05-01\nsummary: An item.\ntags: [mining]\n---\n\nThe item about ${what}.\n`;
    const first = join(articles, '2019/2019-05-01-shared-slug.md');
    writeFileSync(first, news('the first'));
    writeFileSync(join(articles, '2020/2020-05-01-shared-slug.md'), news('the second'));
    await age(articles);
    const env = { PSG_CACHE_DIR: join(dir, '.cache'), PSG_TODAY: '2026-11-27' };
    const traced = () => psg(['validate'], { cwd: dir, env: { ...env, PSG_TRACE: '1' } }).stderr;
    const same = () => {
      for (const args of [['validate'], ['validate', '--format', 'json']]) expect(plain(psg(args, { cwd: dir, env }))).toEqual(plain(psg([...args, '--no-cache'], { cwd: dir, env })));
    };
    same();
    expect(psg(['validate'], { cwd: dir, env }).stdout).toMatch(/The slug "shared-slug" is also used by/);

    // A body and a title edited, facts untouched: the index is spliced, the rules across files do not run.
    writeFileSync(join(dir, PUNO_2), readFileSync(join(dir, PUNO_2), 'utf8').replace('The letter.', 'The letter, longer now.'));
    writeFileSync(first, readFileSync(first, 'utf8').replace('An item about the first', 'An item about the first, edited'));
    const kept = traced();
    expect(kept).toContain('index spliced');
    expect(kept).not.toContain('rules across files run');
    same();

    // A letter's part changed in place: the series' parts are looked at again.
    const cusco = join(dir, 'articles/2019/2019-04-03-letter-from-cusco.md');
    writeFileSync(cusco, readFileSync(cusco, 'utf8').replace('part: 3', 'part: 1'));
    expect(traced()).toContain('rules across files run');
    same();

    // A letter's series, read from its title, changed.
    const start = join(dir, 'articles/2019/2019-04-02-letter-from-puno.md');
    writeFileSync(start, readFileSync(start, 'utf8').replace('Letter from Puno: the start', 'Letter from Puno (1): the start'));
    expect(traced()).toContain('rules across files run');
    same();

    // Renamed to a slug of its own: the duplicate is gone.
    renameSync(first, join(articles, '2019/2019-05-01-a-slug-of-its-own.md'));
    expect(traced()).toContain('rules across files run');
    same();
    expect(psg(['validate'], { cwd: dir, env }).stdout).not.toMatch(/The slug "shared-slug"/);
  }, 300_000);
});
