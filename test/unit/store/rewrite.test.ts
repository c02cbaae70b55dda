import { afterAll, describe, expect, it } from '@jest/globals';
import { appendFileSync, readdirSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FileChangedError } from '../../../src/store/atomic.js';
import { readForRewrite, rewriteArticle } from '../../../src/store/rewrite.js';
import { coreContext } from '../../helpers/core.js';
import { cleanup, testdir } from '../../helpers/testdir.js';

afterAll(cleanup);

const ctx = coreContext();

function readOf(path: string) {
  const file = readForRewrite(path, 'a.md', ctx);
  if (!file.read) throw new Error('not read');
  return file.read;
}

function refusal(run: () => void): unknown {
  try {
    run();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('rewriteArticle', () => {
  it('replaces the file, putting back its BOM', () => {
    const dir = testdir({ 'a.md': '\uFEFF---\r\nregions: cuzco\r\n---\r\n' });
    const path = join(dir, 'a.md');
    rewriteArticle(path, '---\r\nregions: [Cusco]\r\n---\r\n', true, readOf(path));
    expect(readFileSync(path, 'utf8')).toBe('\uFEFF---\r\nregions: [Cusco]\r\n---\r\n');
    expect(readdirSync(dir)).toEqual(['a.md']);
  });

  it('refuses, and writes nothing, when the file changed since it was read', () => {
    const dir = testdir({ 'a.md': '---\nregions: cuzco\n---\n' });
    const path = join(dir, 'a.md');
    const read = readOf(path);
    appendFileSync(path, 'A line the editor added meanwhile.\n');
    const thrown = refusal(() => rewriteArticle(path, '---\nregions: [Cusco]\n---\n', false, read));
    expect(thrown).toBeInstanceOf(FileChangedError);
    expect((thrown as Error).message).toContain('changed while psg was rewriting it; nothing was written');
    expect(readFileSync(path, 'utf8')).toBe('---\nregions: cuzco\n---\nA line the editor added meanwhile.\n');
    expect(readdirSync(dir)).toEqual(['a.md']);
  });

  it('refuses a same-size change with the old mtime put back (the bytes are compared)', () => {
    const dir = testdir({ 'a.md': '---\nregions: cuzco\n---\n' });
    const path = join(dir, 'a.md');
    const before = statSync(path);
    const read = readOf(path);
    writeFileSync(path, '---\nregions: junin\n---\n');
    utimesSync(path, before.atime, before.mtime);
    expect(refusal(() => rewriteArticle(path, '---\nregions: [Cusco]\n---\n', false, read))).toBeInstanceOf(FileChangedError);
    expect(readFileSync(path, 'utf8')).toBe('---\nregions: junin\n---\n');
  });

  it('refuses when the file was replaced by a save-by-rename with the same bytes and stamps', () => {
    const dir = testdir({ 'a.md': '---\nregions: cuzco\n---\n', 'b.md': '---\nregions: cuzco\n---\n' });
    const path = join(dir, 'a.md');
    const read = readOf(path);
    renameSync(join(dir, 'b.md'), path);
    expect(refusal(() => rewriteArticle(path, '---\nregions: [Cusco]\n---\n', false, read))).toBeInstanceOf(FileChangedError);
    expect(readFileSync(path, 'utf8')).toBe('---\nregions: cuzco\n---\n');
    expect(readdirSync(dir)).toEqual(['a.md']);
  });
});
