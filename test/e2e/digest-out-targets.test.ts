// digest --out never destroys what it is pointed at: devices, FIFOs and terminals are written
// through as streams, a link is followed to its target and stays a link, and no article (no
// .md file inside the articles folder) is ever replaced by a digest.
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { lstatSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, psg, psgEnv } from '../helpers/run.js';
// The site's listing as psg's text digest gives it (see test/helpers/seed.ts).
import { SEED } from '../helpers/seed.js';
import { cleanup, sampleCopy } from '../helpers/testdir.js';

afterAll(cleanup);

const digest = (dir: string, out: string) => psg(['digest', '--pages', '--out', out], { cwd: dir });

describe('psg digest --out at something that is not a plain file', () => {
  it('writes through a character device and leaves it a device', () => {
    const dir = sampleCopy();
    const made = spawnSync('mknod', [join(dir, 'null'), 'c', '1', '3']);
    const device = made.status === 0 ? 'null' : '/dev/null'; // mknod needs root
    const r = digest(dir, device);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(statSync(join(dir, device)).isCharacterDevice()).toBe(true);
    expect(statSync(join(dir, device)).rdev).toBe(statSync('/dev/null').rdev);
  });

  it('follows a link to a device, and the link stays a link', () => {
    const dir = sampleCopy();
    symlinkSync('/dev/null', join(dir, 'out.txt'));
    expect(digest(dir, 'out.txt').code).toBe(0);
    expect(readlinkSync(join(dir, 'out.txt'))).toBe('/dev/null');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('streams into a link to /proc/self/fd/1: the digest comes out on stdout', () => {
    const dir = sampleCopy();
    symlinkSync('/proc/self/fd/1', join(dir, 'stdout'));
    const r = digest(dir, 'stdout');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(SEED);
    expect(lstatSync(join(dir, 'stdout')).isSymbolicLink()).toBe(true);
  });

  it('streams into a FIFO for the process reading it, and the FIFO stays one', async () => {
    const dir = sampleCopy();
    const fifo = join(dir, 'digest.pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawn('cat', [fifo]);
    let read = '';
    reader.stdout.setEncoding('utf8').on('data', (d: string) => (read += d));
    const readerDone = new Promise<void>((resolve) => reader.on('close', () => resolve()));
    // A psg that replaced the FIFO would leave the reader waiting for ever.
    const giveUp = setTimeout(() => reader.kill(), 15_000);
    const writer = spawn(process.execPath, [BIN, 'digest', '--pages', '--out', fifo], { cwd: dir, env: psgEnv() });
    const code = await new Promise<number | null>((resolve) => writer.on('close', resolve));
    await readerDone;
    clearTimeout(giveUp);
    expect(code).toBe(0);
    expect(read).toBe(SEED);
    expect(statSync(fifo).isFIFO()).toBe(true);
  }, 30_000);

  it('writes to the file a link names, and the link stays a link', () => {
    const dir = sampleCopy();
    writeFileSync(join(dir, 'real.txt'), 'old\n');
    symlinkSync('real.txt', join(dir, 'link.txt'));
    symlinkSync('nowhere-yet.txt', join(dir, 'dangling.txt'));
    expect(digest(dir, 'link.txt').code).toBe(0);
    expect(digest(dir, 'dangling.txt').code).toBe(0);
    expect(readlinkSync(join(dir, 'link.txt'))).toBe('real.txt');
    expect(readlinkSync(join(dir, 'dangling.txt'))).toBe('nowhere-yet.txt');
    expect(readFileSync(join(dir, 'real.txt'), 'utf8')).toBe(SEED);
    expect(readFileSync(join(dir, 'nowhere-yet.txt'), 'utf8')).toBe(SEED);
  });
});

describe('psg digest --out at an article', () => {
  const refused = (dir: string, out: string) => {
    const r = digest(dir, out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^psg: will not write the digest to .*: it is an article file in the articles folder\nhint: /);
  };

  it('refuses to replace an article, by any path or link, and leaves it as it was', () => {
    const dir = sampleCopy();
    const article = join(dir, 'articles', 'pages', 'psg-aims.md');
    const before = readFileSync(article);
    symlinkSync(article, join(dir, 'aims-link.txt'));
    refused(dir, 'articles/pages/psg-aims.md');
    refused(dir, './articles/../articles/pages/psg-aims.md');
    refused(dir, 'aims-link.txt');
    expect(readFileSync(article).equals(before)).toBe(true);
    expect(lstatSync(join(dir, 'aims-link.txt')).isSymbolicLink()).toBe(true);
  });

  it('refuses any new .md file inside the articles folder', () => {
    const dir = sampleCopy();
    refused(dir, 'articles/digest.md');
    refused(dir, 'articles/pages/DIGEST.MD');
    expect(() => statSync(join(dir, 'articles', 'digest.md'))).toThrow();
  });
});
