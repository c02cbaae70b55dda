import { afterAll, describe, expect, it } from '@jest/globals';
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PsgError } from '../../../src/errors.js';
import { readBytes } from '../../../src/store/read.js';
import { rewriteArticle } from '../../../src/store/rewrite.js';
import { cleanup, testdir } from '../../helpers/testdir.js';

afterAll(cleanup);

function stampOf(path: string) {
  const read = readBytes(path);
  if (!read.ok) throw new Error(read.message);
  return read.stamp;
}

describe('rewriteArticle', () => {
  it('replaces the file, putting back its BOM', () => {
    const dir = testdir({ 'a.md': '\uFEFF---\r\nregions: cuzco\r\n---\r\n' });
    const path = join(dir, 'a.md');
    rewriteArticle(path, '---\r\nregions: [Cusco]\r\n---\r\n', true, stampOf(path));
    expect(readFileSync(path, 'utf8')).toBe('\uFEFF---\r\nregions: [Cusco]\r\n---\r\n');
    expect(readdirSync(dir)).toEqual(['a.md']);
  });

  it('refuses, and writes nothing, when the file changed since it was read', () => {
    const dir = testdir({ 'a.md': '---\nregions: cuzco\n---\n' });
    const path = join(dir, 'a.md');
    const stamp = stampOf(path);
    appendFileSync(path, 'A line the editor added meanwhile.\n');
    let thrown: unknown;
    try {
      rewriteArticle(path, '---\nregions: [Cusco]\n---\n', false, stamp);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(PsgError);
    expect((thrown as PsgError).message).toContain('changed while psg was fixing it; nothing was written');
    expect(readFileSync(path, 'utf8')).toBe('---\nregions: cuzco\n---\nA line the editor added meanwhile.\n');
    expect(readdirSync(dir)).toEqual(['a.md']);
  });
});
