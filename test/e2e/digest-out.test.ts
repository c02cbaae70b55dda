// --out is atomic: a write that fails half-way leaves the old file as it was.
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, psg, psgEnv } from '../helpers/run.js';
import { SEED } from '../helpers/seed.js';
import { cleanup, sampleCopy } from '../helpers/testdir.js';

afterAll(cleanup);

const OLD = 'the digest of last week\n';

/** Run psg under a shell limit on the size of any file it writes (in 1024-byte blocks). */
function psgWithFileLimit(blocks: number, args: string[], cwd: string) {
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('bash', ['-c', `ulimit -f ${blocks} && exec ${quoted}`], { cwd, env: psgEnv(), encoding: 'utf8' });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status, signal: r.signal };
}

describe('psg digest --out', () => {
  it('replaces an existing file whole, keeping its mode', () => {
    const dir = sampleCopy();
    const out = join(dir, 'digest.txt');
    writeFileSync(out, OLD);
    chmodSync(out, 0o600);
    const r = psg(['digest', '--pages', '--out', 'digest.txt'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(SEED);
    expect(statSync(out).mode & 0o777).toBe(0o600);
  });

  it('leaves the old file untouched, and no temp file, when the write fails half-way', () => {
    const dir = sampleCopy();
    const out = join(dir, 'digest.txt');
    writeFileSync(out, OLD);
    // 1 KB is a fifth of the digest: the kernel refuses the rest of the write (EFBIG).
    const r = psgWithFileLimit(1, ['digest', '--pages', '--out', 'digest.txt'], dir);
    expect(Buffer.byteLength(SEED)).toBeGreaterThan(1024);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'psg: cannot write digest.txt: the file is larger than this process may write\n' +
        'hint: Check `ulimit -f`; any old file there is untouched\n',
    );
    expect(readFileSync(out, 'utf8')).toBe(OLD);
    expect(readdirSync(dir).sort()).toEqual(['articles', 'digest.txt']);
  });

  it('writes the same digest under that limit when it fits', () => {
    const dir = sampleCopy();
    const r = psgWithFileLimit(64, ['digest', '--pages', '--out', 'digest.txt'], dir);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'digest.txt'), 'utf8')).toBe(SEED);
  });

  it('names the problem when the folder does not exist or the path is a folder', () => {
    const dir = sampleCopy();
    const missing = psg(['digest', '--out', 'no/such/digest.txt'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('psg: cannot write no/such/digest.txt: its folder does not exist\nhint: Create the folder first, or choose another path\n');
    mkdirSync(join(dir, 'out'));
    const folder = psg(['digest', '--out', 'out'], { cwd: dir });
    expect(folder.code).toBe(2);
    expect(folder.stderr.split('\n')[0]).toBe('psg: cannot write out: it is a folder');
    expect(readdirSync(join(dir, 'out'))).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['articles', 'out']);
  });
});
