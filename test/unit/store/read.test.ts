import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, ftruncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LIMITS } from '../../../src/core/article.js';
import { readArticle, readBytes } from '../../../src/store/read.js';
import { coreContext } from '../../helpers/core.js';
import { cleanup, testdir } from '../../helpers/testdir.js';

afterAll(cleanup);

const ctx = coreContext();

describe('readBytes', () => {
  it('refuses a pipe, a device and a folder at once, with what each is (a pipe with no writer never blocks)', () => {
    const dir = testdir();
    execFileSync('mkfifo', [join(dir, 'pipe.md')]);
    expect(readBytes(join(dir, 'pipe.md'))).toEqual({ ok: false, reason: 'not-a-file', message: 'a named pipe (FIFO)' });
    expect(readBytes(join(dir, 'pipe.md'), LIMITS.fileBytes, true)).toEqual({ ok: false, reason: 'not-a-file', message: 'a named pipe (FIFO)' });
    expect(readBytes('/dev/zero')).toEqual({ ok: false, reason: 'not-a-file', message: 'a character device' });
    expect(readBytes(dir)).toEqual({ ok: false, reason: 'not-a-file', message: 'a folder' });
  });

  it('reads a file whole, with its size and times', () => {
    const dir = testdir({ 'a.md': 'héllo' });
    const read = readBytes(join(dir, 'a.md'));
    expect(read.ok && read.bytes.toString()).toBe('héllo');
    expect(read.ok && read.stamp.size).toBe(6);
  });

  it('refuses a file over the limit without reading it', () => {
    const dir = testdir();
    const path = join(dir, 'huge.md');
    // 3 GB, sparse: reading it whole would fail to allocate, so only the size is looked at.
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 3 * 1024 ** 3);
    closeSync(fd);
    expect(readBytes(path)).toMatchObject({ ok: false, reason: 'too-large', message: String(3 * 1024 ** 3), stamp: { size: 3 * 1024 ** 3 } });
  });

  it('reads a file of exactly the limit', () => {
    const dir = testdir({ 'a.md': 'x'.repeat(LIMITS.fileBytes) });
    expect(readBytes(join(dir, 'a.md')).ok).toBe(true);
    writeFileSync(join(dir, 'b.md'), 'x'.repeat(LIMITS.fileBytes + 1));
    expect(readBytes(join(dir, 'b.md')).ok).toBe(false);
  });

  it('says why a file cannot be read', () => {
    const dir = testdir({ 'sub.md/a.md': '' });
    expect(readBytes(join(dir, 'none.md'))).toEqual({ ok: false, reason: 'unreadable', message: 'ENOENT' });
    expect(readBytes(join(dir, 'sub.md'))).toEqual({ ok: false, reason: 'not-a-file', message: 'a folder' });
  });
});

describe('readArticle', () => {
  it('decodes a file and keeps its stamp for a later rewrite', () => {
    const dir = testdir({ '2019-03-18-a.md': '---\ntitle: A\ntype: page\nsummary: S.\n---\nBody\n' });
    const file = readArticle(join(dir, '2019-03-18-a.md'), '2019-03-18-a.md', ctx);
    expect(file.article?.title).toBe('A');
    expect(file.stamp?.size).toBe(45);
  });

  it('places the first invalid UTF-8 byte', () => {
    const dir = testdir({ 'a.md': Buffer.concat([Buffer.from('---\ntitle: ok\nsummary: Jir'), Buffer.from([0xf3]), Buffer.from('n\n---\n')]) });
    const file = readArticle(join(dir, 'a.md'), 'a.md', ctx);
    expect(file.problems.map((p) => `${p.line}:${p.column} ${p.rule}`)).toEqual(['3:13 invalid-utf8']);
  });

  it('turns an oversized or unreadable file into a problem', () => {
    const dir = testdir({ 'big.md': 'x'.repeat(3 * 1024 * 1024) });
    const big = readArticle(join(dir, 'big.md'), 'big.md', ctx);
    expect(big.problems).toEqual([
      expect.objectContaining({ rule: 'file-too-large', severity: 'error', line: 1, column: 1, message: expect.stringMatching(/^The file is 3\.0 MB \(3,145,728 bytes\), over the 1\.0 MB \(1,048,576 bytes\)/) }),
    ]);
    expect(big.text).toBeUndefined();
    const gone = readArticle(join(dir, 'gone.md'), 'gone.md', ctx);
    expect(gone.problems.map((p) => [p.rule, p.message])).toEqual([['file-unreadable', 'The file cannot be read (ENOENT); check its permissions']]);
  });
});
