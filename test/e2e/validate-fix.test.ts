// psg validate --fix: canonical region names and lists out of strings, the body byte for byte,
// nothing to do on a second run, and the original intact when the write fails.
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { brokenCopy, filesBelow, FIXTURE_TODAY } from '../helpers/fixtures.js';
import { BIN, psg, psgEnv } from '../helpers/run.js';
import { article, cleanup, testdir } from '../helpers/testdir.js';

afterAll(cleanup);

const env = { PSG_TODAY: FIXTURE_TODAY };

/** Every file of the folder, as bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  return new Map(filesBelow(dir).map((f) => [f, readFileSync(join(dir, f))]));
}

/** Everything after the front matter's closing line. */
function bodyOf(bytes: Buffer): Buffer {
  const text = bytes.toString('latin1');
  const close = /\r?\n---[ \t]*\r?\n/.exec(text.slice(3));
  return bytes.subarray(close ? 3 + close.index + close[0].length : 0);
}

describe('psg validate --fix on the broken fixtures', () => {
  const dir = brokenCopy();
  const articles = join(dir, 'articles');
  const before = snapshot(articles);
  const first = psg(['validate', '--fix'], { cwd: dir, env });
  const afterFirst = snapshot(articles);
  const second = psg(['validate', '--fix'], { cwd: dir, env });
  const afterSecond = snapshot(articles);

  it('fixes the four fixable problems in three files and reports what is left', () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(1); // errors remain
    expect(first.stdout).toMatch(/\n✔ Fixed 4 problems in 3 files\n✖ 30 problems \(25 errors, 5 warnings\) in 38 articles\n {2}3 problems with a did-you-mean guess: --fix-suggestions applies them\n$/);
    expect(first.stdout).not.toContain('region-noncanonical');
    expect(first.stdout).not.toContain('field-list');
    expect(first.stdout).not.toContain('place-outside-regions');
  });

  it('makes region names canonical, keeping the block list', () => {
    expect(afterFirst.get('noncanonical-region.md')!.toString('utf8')).toBe(
      before.get('noncanonical-region.md')!.toString('utf8').replace('  - cuzco\n  - Junin\n', '  - Cusco\n  - Junín\n'),
    );
  });

  it('turns a string into a list, and adds the region of a listed province', () => {
    expect(afterFirst.get('regions-not-a-list.md')!.toString('utf8')).toBe(
      before.get('regions-not-a-list.md')!.toString('utf8').replace('regions: Puno\n', 'regions: [Puno]\n'),
    );
    expect(afterFirst.get('place-outside-regions.md')!.toString('utf8')).toBe(
      before.get('place-outside-regions.md')!.toString('utf8').replace('regions: [Puno]\n', 'regions: [Puno, Cusco]\n'),
    );
  });

  it('leaves every body byte for byte, and every other file untouched', () => {
    const changed = [...before.keys()].filter((f) => !before.get(f)!.equals(afterFirst.get(f)!));
    expect(changed.sort()).toEqual(['noncanonical-region.md', 'place-outside-regions.md', 'regions-not-a-list.md']);
    for (const f of changed) expect(bodyOf(afterFirst.get(f)!).equals(bodyOf(before.get(f)!))).toBe(true);
    // The body of noncanonical-region.md has trailing spaces and a "---" line of its own.
    expect(bodyOf(afterFirst.get('noncanonical-region.md')!).toString()).toContain('trailing spaces   \nand a "---" line below.\n---\n');
  });

  it('leaves no temp file behind', () => {
    expect([...afterFirst.keys()]).toEqual([...before.keys()]);
  });

  it('changes nothing on a second run', () => {
    expect(afterSecond).toEqual(afterFirst);
    expect(second.code).toBe(1);
    expect(second.stdout).not.toContain('Fixed');
    expect(second.stdout).toBe(first.stdout.replace('✔ Fixed 4 problems in 3 files\n', ''));
  });
});

describe('psg validate --fix keeps the way a file was saved', () => {
  it('keeps a BOM and CRLF line ends, and comments in the front matter', () => {
    const text = '\uFEFF---\r\ntitle: Mining in Espinar # the headline\r\ntype: news\r\ndate: 2019-03-18\r\nregions: cuzco\r\nplaces: [Espinar]\r\ntags: mining\r\nsummary: A summary.\r\n---\r\n\r\nBody line one.\r\nBody line two.  \r\n';
    const dir = testdir({ 'articles/2019-03-18-espinar.md': text });
    const result = psg(['validate', '--fix'], { cwd: dir });
    expect(result).toEqual({ stdout: '✔ Fixed 3 problems in 1 file\n✔ 1 article, no problems\n', stderr: '', code: 0 });
    expect(readFileSync(join(dir, 'articles/2019-03-18-espinar.md'), 'utf8')).toBe(
      text.replace('regions: cuzco', 'regions: [Cusco]').replace('tags: mining', 'tags: [mining]'),
    );
  });

  it('reports the fixes in JSON too', () => {
    const dir = testdir({ 'articles/2019-03-18-a.md': article({ title: 'A', type: 'news', date: '2019-03-18', regions: 'Junin', summary: 'S.' }) });
    const result = psg(['validate', '--fix', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ checked: 1, errors: 0, warnings: 0, fixable: 0, fixed: 2, files: [] });
    expect(readFileSync(join(dir, 'articles/2019-03-18-a.md'), 'utf8')).toContain('regions: [Junín]\n');
  });

  it('fixes only the files named', () => {
    const dir = brokenCopy();
    const before = snapshot(join(dir, 'articles'));
    const result = psg(['validate', '--fix', 'articles/regions-not-a-list.md'], { cwd: dir, env });
    expect(result).toEqual({ stdout: '✔ Fixed 1 problem in 1 file\n✔ 1 article, no problems\n', stderr: '', code: 0 });
    const after = snapshot(join(dir, 'articles'));
    const changed = [...before.keys()].filter((f) => !before.get(f)!.equals(after.get(f)!));
    expect(changed).toEqual(['regions-not-a-list.md']);
  });

  it('does not replace a province by its region unless places keeps it', () => {
    const text = article({ title: 'A', type: 'news', date: '2019-03-18', regions: '[Espinar]', summary: 'S.' });
    const dir = testdir({ 'articles/2019-03-18-a.md': text });
    const result = psg(['validate', '--fix'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('"Espinar" is a province of Cusco: list "Cusco" in regions and "Espinar" in places');
    expect(result.stdout).not.toContain('Fixed');
    expect(readFileSync(join(dir, 'articles/2019-03-18-a.md'), 'utf8')).toBe(text);
  });

  it('writes through a symbolic link to the file, and the link stays a link', () => {
    const text = article({ title: 'A', type: 'news', date: '2019-03-18', regions: '[cuzco]', summary: 'S.' });
    const dir = testdir({ 'articles/_shared/2019-03-18-a.md': text });
    mkdirSync(join(dir, 'articles/2019'));
    symlinkSync('../_shared/2019-03-18-a.md', join(dir, 'articles/2019/2019-03-18-a.md'));
    const result = psg(['validate', '--fix'], { cwd: dir });
    expect(result.stdout).toBe('✔ Fixed 1 problem in 1 file\n✔ 1 article, no problems\n');
    expect(lstatSync(join(dir, 'articles/2019/2019-03-18-a.md')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'articles/2019/2019-03-18-a.md'))).toBe('../_shared/2019-03-18-a.md');
    expect(readFileSync(join(dir, 'articles/_shared/2019-03-18-a.md'), 'utf8')).toBe(text.replace('[cuzco]', '[Cusco]'));
  });
});

// A real failed write, as root too: the shell's file-size limit (ulimit -f) makes the kernel
// refuse to write past it (EFBIG), as a full disk would. Folder permissions would not stop root.
describe('psg validate --fix when the write fails', () => {
  const big = article({ title: 'Big', type: 'news', date: '2019-03-18', regions: '[cuzco]', summary: 'S.' }, `${'A long body. '.repeat(5000)}\n`);
  const small = article({ title: 'Small', type: 'news', date: '2019-03-18', regions: 'Puno', summary: 'S.' });
  const dir = testdir({ 'articles/2019-03-18-big.md': big, 'articles/2019-03-18-small.md': small });
  // 16 blocks: 8 or 16 KiB depending on the shell's block size; the big file is 65 KB.
  const run = spawnSync('/bin/sh', ['-c', 'ulimit -f 16 && exec "$@"', 'sh', process.execPath, BIN, 'validate', '--fix'], {
    cwd: dir,
    env: psgEnv(),
    encoding: 'utf8',
  });

  it('leaves the original intact and nothing else behind', () => {
    expect(readFileSync(join(dir, 'articles/2019-03-18-big.md'), 'utf8')).toBe(big);
    expect(readdirSync(join(dir, 'articles')).sort()).toEqual(['2019-03-18-big.md', '2019-03-18-small.md']);
  });

  it('reports the failure on that file, says what to do, and exits 1 without a stack trace', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(
      /^articles\/2019-03-18-big\.md\n {2}1:1 {3}error {4}--fix could not write this file \(EFBIG: file too large\); it is unchanged: free some space or check the permissions, then run psg validate --fix again +fix-failed\n {2}5:11 {2}warning {2}Write the region "cuzco" as "Cusco" +region-noncanonical\n/,
    );
    expect(run.stdout).not.toMatch(/^\s+at /m);
  });

  it('still fixes the files it can write', () => {
    expect(readFileSync(join(dir, 'articles/2019-03-18-small.md'), 'utf8')).toBe(small.replace('regions: Puno', 'regions: [Puno]'));
    expect(run.stdout).toContain('✔ Fixed 1 problem in 1 file\n');
  });
});
