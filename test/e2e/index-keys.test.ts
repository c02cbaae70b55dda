// Every command answers from the index's columns, and the index is never wrong: after an
// edit, an add, a delete, a rename and a change of configuration each command's output
// equals its --no-cache output; a damaged record is found by its checksum and the output is
// still right; validate's stored results follow the files and the configuration.
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { BIN, psg, psgEnv, type RunResult } from '../helpers/run.js';
import { cleanup, sampleCopy } from '../helpers/testdir.js';

afterAll(cleanup);

const COMMANDS = [
  ['list', '--format', 'json'],
  ['list'],
  ['list', '--by', 'region'],
  ['list', '--by', 'region', '--format', 'json'],
  ['list', '--by', 'tag', '--sort', 'title', '--format', 'csv'],
  ['stats'],
  ['regions'],
  ['list', '--region', 'Cajamarca', '--tag', 'mining', '--format', 'csv'],
  ['list', '--author', 'a', '--sort', 'title', '--search', 'the'],
  ['stats', '--by', 'tag', '--format', 'json'],
  ['regions', '--provinces', '--format', 'json'],
  ['digest', '--pages'],
  ['validate', '--format', 'json'],
];

const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));

/** Files changed in the last two seconds are left out of the index ("racily clean"): age them. */
async function age(folder: string): Promise<void> {
  const old = new Date('2020-01-01');
  for (const f of walk(folder)) utimesSync(f, old, old);
  await sleep(2100);
}

async function setup(): Promise<{ dir: string; env: Record<string, string>; indexFile: () => string }> {
  const dir = sampleCopy();
  await age(join(dir, 'articles'));
  const cache = join(dir, '.cache');
  const env = { PSG_CACHE_DIR: cache, PSG_TODAY: '2026-11-27' };
  return { dir, env, indexFile: () => join(cache, readdirSync(cache).find((f) => f.endsWith('.psgidx'))!) };
}

const plain = (r: RunResult) => ({ stdout: r.stdout, stderr: r.stderr, code: r.code });

/** Each command twice with the index (writing it, then reading it) and once without. */
function expectSameAsNoCache(dir: string, env: Record<string, string>, commands = COMMANDS): void {
  for (const args of commands) {
    const without = plain(psg([...args, '--no-cache'], { cwd: dir, env }));
    expect(without.code === 0 || args[0] === 'validate').toBe(true);
    expect([args, plain(psg(args, { cwd: dir, env }))]).toEqual([args, without]);
    expect([args, plain(psg(args, { cwd: dir, env }))]).toEqual([args, without]);
  }
}

const ARTICLE = 'articles/2019/2019-03-18-espinar-continuing-problems-with-mine-developments.md';

describe('every command from the index', () => {
  it('equals --no-cache after an edit, an add, a delete, a rename and a change of configuration', async () => {
    const { dir, env } = await setup();
    expectSameAsNoCache(dir, env);
    const file = join(dir, ARTICLE);
    writeFileSync(file, readFileSync(file, 'utf8').replace('Espinar: continuing', 'Espinar: still').replace('tags: [', 'tags: [no-such-tag, '));
    expectSameAsNoCache(dir, env);
    const added = join(dir, 'articles/2019/2019-03-19-new.md');
    writeFileSync(added, '---\ntitle: A new item\ntype: news\ndate: 2019-03-19\nsummary: New.\nregions: [Cajamarca]\ntags: [mining]\nauthor: Ana\n---\n\nThe body.\n');
    expectSameAsNoCache(dir, env);
    rmSync(added);
    expectSameAsNoCache(dir, env);
    renameSync(file, join(dir, 'articles/2019/2019-03-18-espinar.md'));
    expectSameAsNoCache(dir, env);
    writeFileSync(join(dir, 'psg.config.json'), JSON.stringify({ tags: { extend: ['no-such-tag'] } }));
    expectSameAsNoCache(dir, env);
  });

  it('finds a damaged record by its checksum: one byte, or a title changed to another of the same length', async () => {
    const { dir, env, indexFile } = await setup();
    const commands = [['list', '--format', 'json'], ['list'], ['list', '--format', 'csv'], ['digest', '--pages']];
    expectSameAsNoCache(dir, env, commands);
    const bytes = readFileSync(indexFile());
    // Inside a record, structure intact: a letter of a summary becomes another letter.
    const at = bytes.lastIndexOf('"summary":"') + 15;
    bytes[at] = bytes[at] === 0x71 ? 0x72 : 0x71;
    writeFileSync(indexFile(), bytes);
    expectSameAsNoCache(dir, env, commands);
    // A title changed to another of the same length.
    const text = readFileSync(indexFile(), 'latin1');
    const title = 'Exit Villanueva as prime minister';
    expect(text.lastIndexOf(title)).toBeGreaterThan(0);
    const at2 = text.lastIndexOf(title);
    writeFileSync(indexFile(), Buffer.from(text.slice(0, at2) + 'Exit Villanueva as prime ministex' + text.slice(at2 + title.length), 'latin1'));
    for (const args of commands) {
      const r = psg(args, { cwd: dir, env });
      expect(r.code).toBe(0);
      expect(r.stdout).not.toContain('ministex');
    }
    expectSameAsNoCache(dir, env, commands);
    expect(JSON.parse(psg(['list', '--format', 'json'], { cwd: dir, env }).stdout)).toHaveLength(14);
  });

  it('never waits on a FIFO put in place of the index', async () => {
    const { dir, env, indexFile } = await setup();
    psg(['list'], { cwd: dir, env });
    const file = indexFile();
    rmSync(file);
    execFileSync('mkfifo', [file]);
    const r = spawnSync(process.execPath, [BIN, 'list', '--format', 'json'], { cwd: dir, env: psgEnv({ env }), encoding: 'utf8', timeout: 30_000 });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(psg(['list', '--format', 'json', '--no-cache'], { cwd: dir, env }).stdout);
  });
});

describe("validate's stored results", () => {
  it('check only changed files, and a tag added to the vocabulary changes the results at once', async () => {
    const { dir, env } = await setup();
    const file = join(dir, ARTICLE);
    writeFileSync(file, readFileSync(file, 'utf8').replace('tags: [', 'tags: [water-rights-x, '));
    await age(join(dir, 'articles'));
    const first = psg(['validate'], { cwd: dir, env });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('water-rights-x');
    const traced = psg(['validate'], { cwd: dir, env: { ...env, PSG_TRACE: '1' } });
    expect(traced.stdout).toBe(first.stdout);
    expect(traced.stderr).toContain('0 files checked now');
    // One file edited: only it is checked again.
    writeFileSync(file, readFileSync(file, 'utf8').replace('Espinar: continuing', 'Espinar: still'));
    const edited = psg(['validate'], { cwd: dir, env: { ...env, PSG_TRACE: '1' } });
    expect(edited.stderr).toContain('1 files checked now');
    expect(edited.stdout).toBe(psg(['validate', '--no-cache'], { cwd: dir, env }).stdout);
    writeFileSync(join(dir, 'psg.config.json'), JSON.stringify({ tags: { extend: ['water-rights-x'] } }));
    const after = psg(['validate'], { cwd: dir, env });
    expect(after.stdout).not.toContain('water-rights-x');
    expect(after.stdout).toBe(psg(['validate', '--no-cache'], { cwd: dir, env }).stdout);
  });

  it('check a date again once today reaches it', async () => {
    const { dir, env } = await setup();
    writeFileSync(join(dir, 'articles/2019/2019-03-20-soon.md'), '---\ntitle: Soon\ntype: news\ndate: 2026-12-01\nsummary: Soon.\n---\n\nSoon.\n');
    await age(join(dir, 'articles'));
    expect(psg(['validate'], { cwd: dir, env }).stdout).toContain('date-future');
    const later = { ...env, PSG_TODAY: '2026-12-02' };
    expect(psg(['validate'], { cwd: dir, env: later }).stdout).toBe(psg(['validate', '--no-cache'], { cwd: dir, env: later }).stdout);
    expect(psg(['validate'], { cwd: dir, env: later }).stdout).not.toContain('date-future');
  });
});
