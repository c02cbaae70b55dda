// bin/psg.js runs dist/psg.cjs, the modules joined into one script, with a V8 code cache in
// the cache folder (src/boot.ts). The cache only saves time: a run with it, a run without
// it, a run with a damaged one and a run of the modules one by one all print the same.
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { psg, ROOT } from '../helpers/run.js';
import { cleanup, sampleCopy, testdir } from '../helpers/testdir.js';

afterAll(cleanup);

const archive = sampleCopy();
const ARGS = ['list', '--format', 'json'];
const codeFiles = (cache: string) => readdirSync(cache).filter((f) => /^code-.*\.v8$/.test(f));

/** A run with its trace: which code cache it had shows on stderr. */
function run(cache: string, env: Record<string, string> = {}, args = ARGS) {
  const r = psg(args, { cwd: archive, env: { PSG_CACHE_DIR: cache, PSG_TODAY: '2019-04-20', PSG_TRACE: '1', ...env } });
  const code = /code cache used|code cache refused by V8|no code cache/.exec(r.stderr)?.[0];
  return { ...r, cache: code };
}

const plain = psg(ARGS, { cwd: archive, env: { PSG_TODAY: '2019-04-20', PSG_NO_BUNDLE: '1' } });

describe('the code cache', () => {
  it('is made by the first run into the cache folder, used by the next, and changes nothing printed', () => {
    const cache = join(testdir(), 'cache');
    mkdirSync(cache, { mode: 0o700 });
    const first = run(cache);
    expect(first.cache).toBe('no code cache');
    expect(codeFiles(cache)).toHaveLength(1);
    expect(statSync(join(cache, codeFiles(cache)[0]!)).mode & 0o777).toBe(0o600);
    const second = run(cache);
    expect(second.cache).toBe('code cache used');
    for (const r of [first, second]) {
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(plain.stdout);
    }
    expect(plain.code).toBe(0);
    expect(readdirSync(cache).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('damaged or cut short, is never given to V8 (which could crash on it): the run is whole and the cache made again', () => {
    const cache = join(testdir(), 'cache');
    mkdirSync(cache);
    run(cache);
    const file = join(cache, codeFiles(cache)[0]!);
    const bytes = readFileSync(file);
    for (let i = 100; i < bytes.length; i += 997) bytes[i]! ^= 0x5a;
    for (const damaged of [bytes, bytes.subarray(0, 20), Buffer.alloc(0)]) {
      writeFileSync(file, damaged);
      const r = run(cache);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(plain.stdout);
      expect(r.cache).toBe('no code cache');
      expect(run(cache).cache).toBe('code cache used');
    }
  });

  it('replaces the cache of another build, is not written with --no-cache, and goes with psg cache clear', () => {
    const cache = join(testdir(), 'cache');
    mkdirSync(cache);
    writeFileSync(join(cache, 'code-v0.0.0-x64-0.v8'), 'old');
    expect(run(cache, {}, [...ARGS, '--no-cache']).stdout).toBe(plain.stdout);
    expect(codeFiles(cache)).toEqual(['code-v0.0.0-x64-0.v8']);
    run(cache);
    expect(codeFiles(cache)).toHaveLength(1);
    expect(codeFiles(cache)).not.toContain('code-v0.0.0-x64-0.v8');
    const clear = psg(['cache', 'clear'], { env: { PSG_CACHE_DIR: cache } });
    expect(clear.code).toBe(0);
    expect(codeFiles(cache)).toEqual([]);
  });

  it('makes no cache folder of its own: --no-cache with a missing folder leaves it missing', () => {
    const cache = join(testdir(), 'missing');
    const r = run(cache, {}, [...ARGS, '--no-cache']);
    expect(r.stdout).toBe(plain.stdout);
    expect(existsSync(cache)).toBe(false);
  });

  it('is not used when the modules were compiled after the script was made: they load one by one', () => {
    // A copy of the package whose dist/start.js is newer than dist/psg.cjs (a `tsc` run alone).
    const pkg = testdir();
    for (const part of ['bin', 'dist', 'data', 'package.json']) cpSync(join(ROOT, part), join(pkg, part), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'));
    const later = statSync(join(pkg, 'dist', 'psg.cjs')).mtimeMs / 1000 + 10;
    utimesSync(join(pkg, 'dist', 'start.js'), later, later);
    const cache = join(testdir(), 'cache');
    mkdirSync(cache);
    const r = spawnSync(process.execPath, [join(pkg, 'bin', 'psg.js'), ...ARGS], {
      cwd: archive,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', PSG_CACHE_DIR: cache, PSG_TODAY: '2019-04-20', PSG_TRACE: '1' },
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(plain.stdout);
    expect(r.stderr).toContain('modules loaded');
    expect(r.stderr).not.toMatch(/code cache/);
    expect(codeFiles(cache)).toEqual([]);
  });
});
