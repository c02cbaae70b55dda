// A cache folder psg cannot use is never fatal and never hangs: psg says so once on stderr,
// then works without its index, with the output it gives with a good one.
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { psg, type RunOptions } from '../helpers/run.js';
import { cleanup, sampleCopy, testdir } from '../helpers/testdir.js';

afterAll(cleanup);

const NOTE = /^psg: working without the index this time \(it only saves time\): .*; set PSG_CACHE_DIR to a folder psg can write in, or pass --no-cache$/;
const COMMANDS = [['list', '--format', 'json'], ['digest', '--pages']];

const archive = sampleCopy();
const expected = COMMANDS.map((args) => psg(args, { cwd: archive, env: { PSG_TODAY: '2019-04-20' } }));

/** Each command gives what it gives with a good cache, plus exactly the one note on stderr. */
function worksWithout(env: RunOptions['env'], why: RegExp): void {
  COMMANDS.forEach((args, i) => {
    const r = psg(args, { cwd: archive, env: { PSG_TODAY: '2019-04-20', ...env } });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(expected[i]!.stdout);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(NOTE);
    expect(lines[0]).toMatch(why);
  });
}

describe('a cache folder psg cannot use', () => {
  it('PSG_CACHE_DIR naming a plain file, or a path below one', () => {
    const file = join(testdir({ 'plain': 'not a folder' }), 'plain');
    worksWithout({ PSG_CACHE_DIR: file }, /the cache folder .*plain is not a folder/);
    worksWithout({ PSG_CACHE_DIR: join(file, 'deeper', 'psg') }, /lies below a file/);
  });

  it('XDG_CACHE_HOME naming a plain file', () => {
    const file = join(testdir({ 'plain': 'not a folder' }), 'plain');
    worksWithout({ PSG_CACHE_DIR: undefined, XDG_CACHE_HOME: file }, /plain\/psg lies below a file/);
  });

  it('PSG_CACHE_DIR under /proc, and HOME=/proc (where a recursive mkdir never returns)', () => {
    worksWithout({ PSG_CACHE_DIR: '/proc/nope' }, /\/proc\/nope cannot be made/);
    worksWithout({ PSG_CACHE_DIR: '/proc/nope/deeper/still' }, /cannot be made/);
    worksWithout({ PSG_CACHE_DIR: undefined, XDG_CACHE_HOME: undefined, HOME: '/proc' }, /\/proc\/\.cache/);
  });

  it('psg new says it once too, and writes its article', () => {
    const dir = sampleCopy();
    const r = psg(['new', 'news', '--title', 'Cache-less', '--summary', 'S.', '--date', '2019-04-10'], { cwd: dir, env: { PSG_CACHE_DIR: '/proc/nope', PSG_TODAY: '2019-04-20' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('articles/2019/2019-04-10-cache-less.md\n');
    expect(r.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(NOTE)]);
  });

  it('--no-cache needs no cache folder, and says nothing of it', () => {
    const r = psg(['list', '--format', 'json', '--no-cache'], { cwd: archive, env: { PSG_CACHE_DIR: '/proc/nope', PSG_TODAY: '2019-04-20' } });
    expect(r).toEqual({ ...expected[0]!, stderr: '' });
  });
});

describe('the cache folder made and kept', () => {
  it('is made level by level where it is missing', () => {
    const cache = join(testdir(), 'a', 'b', 'c');
    const r = psg(['list'], { cwd: archive, env: { PSG_CACHE_DIR: cache } });
    expect(r.stderr).toBe('');
    expect(readdirSync(cache).filter((f) => f.endsWith('.psgidx'))).toHaveLength(1);
    expect(statSync(cache).mode & 0o777).toBe(0o700);
  });

  it('an index replaced by a named pipe: no hang, the same output, and a real index again after', () => {
    const cache = testdir();
    const env = { PSG_CACHE_DIR: cache, PSG_TODAY: '2019-04-20' };
    expect(psg(COMMANDS[0]!, { cwd: archive, env }).stdout).toBe(expected[0]!.stdout);
    const [index] = readdirSync(cache).filter((f) => f.endsWith('.psgidx'));
    rmSync(join(cache, index!));
    execFileSync('mkfifo', [join(cache, index!)]);
    const r = psg(COMMANDS[0]!, { cwd: archive, env });
    expect(r).toEqual({ ...expected[0]!, stderr: '' });
    expect(statSync(join(cache, index!)).isFile()).toBe(true);
  });

  it('a relative XDG_CACHE_HOME is ignored, as the XDG spec says: the index goes to ~/.cache/psg', () => {
    const home = testdir();
    const dir = sampleCopy();
    const r = psg(['list'], { cwd: dir, env: { PSG_CACHE_DIR: undefined, HOME: home, XDG_CACHE_HOME: 'relative-cache' } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(existsSync(join(dir, 'relative-cache'))).toBe(false);
    expect(readdirSync(join(home, '.cache', 'psg')).filter((f) => f.endsWith('.psgidx'))).toHaveLength(1);
  });

  it('an absolute XDG_CACHE_HOME is used', () => {
    const xdg = testdir();
    psg(['list'], { cwd: archive, env: { PSG_CACHE_DIR: undefined, XDG_CACHE_HOME: xdg } });
    expect(readdirSync(join(xdg, 'psg')).filter((f) => f.endsWith('.psgidx'))).toHaveLength(1);
  });
});
