// The native stat helper must give exactly the stamps Node's own stat gives, for every kind
// of path an archive holds, and psg must give the same with it and without it.
import { afterAll, describe, expect, it } from '@jest/globals';
import { lstatSync, mkdirSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { native } from '../../../src/store/native.js';
import { statAll, statChunks } from '../../../src/store/stat.js';
import { cleanup, testdir } from '../../helpers/testdir.js';

afterAll(cleanup);

/** What Node's own stat says: the reference the helper must match. */
function reference(prefix: string, paths: string[], stat: typeof statSync): number[] {
  return paths.flatMap((p) => {
    const st = stat(prefix + p, { throwIfNoEntry: false });
    return st ? [st.size, st.mtimeMs, st.ctimeMs] : [-1, -1, -1];
  });
}

function archive(): { dir: string; paths: string[] } {
  const files: Record<string, string> = { 'a.md': 'x', 'pages/about.md': 'about us', 'Junín.md': 'ñ' };
  for (let y = 2019; y <= 2021; y++) for (let i = 0; i < 40; i++) files[`${y}/0${1 + (i % 9)}/item-${i}.md`] = 'y'.repeat(i);
  const dir = testdir(files);
  // Times with nanoseconds that a double holds only roughly, as real files have.
  utimesSync(join(dir, 'a.md'), 1_700_000_000.123456, 1_700_000_000.987654);
  mkdirSync(join(dir, 'links'));
  symlinkSync('../a.md', join(dir, 'links/to-a.md'));
  symlinkSync('../nowhere.md', join(dir, 'links/dangling.md'));
  const paths = [...Object.keys(files), 'links/to-a.md', 'links/dangling.md', 'gone.md', 'no-folder/x.md', 'pages'];
  return { dir, paths };
}

describe('the native stat helper', () => {
  it('is built on this machine (npm install builds it; PSG_NO_NATIVE turns it off)', () => {
    if (process.env.PSG_NO_NATIVE) return;
    expect(native).toBeDefined();
  });

  it('gives the stamps lstat and stat give, -1 for what is not there', () => {
    if (!native) return;
    const { dir, paths } = archive();
    for (const follow of [false, true]) {
      const out = new Float64Array(paths.length * 3);
      native.statJoined(`${dir}/`, Buffer.from(paths.join('\0')), out, follow);
      expect([...out]).toEqual(reference(`${dir}/`, paths, follow ? statSync : lstatSync));
    }
  });

  it('takes chunks from a shared counter, and refuses paths that do not fill the array', () => {
    if (!native) return;
    const { dir, paths } = archive();
    const out = new Float64Array(paths.length * 3);
    const counter = new Int32Array(new SharedArrayBuffer(4));
    native.statJoined(`${dir}/`, Buffer.from(paths.join('\0')), out, false, counter, 7);
    expect([...out]).toEqual(reference(`${dir}/`, paths, lstatSync));
    expect(Atomics.load(counter, 0)).toBeGreaterThanOrEqual(Math.ceil(paths.length / 7));
    expect(() => native!.statJoined(`${dir}/`, Buffer.from('a.md'), new Float64Array(6), false)).toThrow(/three numbers a path/);
  });

  it('leaves NaN for any other failure, and statAll then meets Node’s own error', () => {
    if (!native) return;
    const dir = testdir({});
    symlinkSync('loop', join(dir, 'loop'));
    const out = new Float64Array(3);
    native.statJoined(`${dir}/`, Buffer.from('loop/x.md'), out, false);
    expect(Number.isNaN(out[0])).toBe(true);
    expect(() => statAll(`${dir}/`, ['loop/x.md'], lstatSync)).toThrow(/ELOOP/);
    expect(() => lstatSync(`${dir}/loop/x.md`, { throwIfNoEntry: false })).toThrow(/ELOOP/);
    // Node's throwIfNoEntry spares only a file that is not there, not a path through a file.
    writeFileSync(join(dir, 'a.md'), '');
    expect(() => statAll(`${dir}/`, ['a.md', 'a.md/under-a-file.md'], lstatSync)).toThrow(/ENOTDIR/);
  });
});

describe('statAll and statChunks', () => {
  it('give the same stamps as Node’s stat, with or without the helper', () => {
    const { dir, paths } = archive();
    expect([...statAll(`${dir}/`, paths, lstatSync)]).toEqual(reference(`${dir}/`, paths, lstatSync));
    expect([...statAll(`${dir}/`, paths)]).toEqual(reference(`${dir}/`, paths, statSync));
    const job = { root: dir, indexFile: '', id: '', count: paths.length, counter: new Int32Array(new SharedArrayBuffer(4)), out: new Float64Array(paths.length * 3) };
    statChunks(job, paths.join('\0'));
    expect([...job.out]).toEqual(reference(`${dir}/`, paths, lstatSync));
  });

  it('take no chunk for paths of another index', () => {
    const { dir, paths } = archive();
    const job = { root: dir, indexFile: '', id: '', count: paths.length + 1, counter: new Int32Array(new SharedArrayBuffer(4)), out: new Float64Array((paths.length + 1) * 3) };
    statChunks(job, paths.join('\0'));
    expect(Atomics.load(job.counter, 0)).toBe(0);
    expect(job.out.every((n) => n === 0)).toBe(true);
  });

  it('stat a file written just now', () => {
    const dir = testdir({ 'new.md': '' });
    writeFileSync(join(dir, 'new.md'), 'now longer');
    expect(statAll(`${dir}/`, ['new.md'], lstatSync)[0]).toBe(10);
  });
});
