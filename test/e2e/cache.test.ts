// The cache folder stays small: index files of archives that are gone (or unused for 60
// days) are pruned at most once a day, and psg cache clear removes every index file.
import { afterAll, describe, expect, it } from '@jest/globals';
import { readdirSync, realpathSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { indexPath } from '../../src/store/index-file.js';
import { psg } from '../helpers/run.js';
import { cleanup, sampleCopy, testdir } from '../helpers/testdir.js';

afterAll(cleanup);

const indexes = (cache: string) => readdirSync(cache).filter((n) => n.endsWith('.psgidx')).sort();
const ago = (file: string, days: number) => {
  const t = (Date.now() - days * 86_400_000) / 1000;
  utimesSync(file, t, t);
};

/** Three archives read with one cache folder; returns the folders and the cache. */
function threeArchives(): { archives: string[]; cache: string } {
  const cache = testdir({ 'notes.txt': 'not psg’s' });
  const archives = [sampleCopy(), sampleCopy(), sampleCopy()];
  for (const dir of archives) expect(psg(['list', '--limit', '1'], { cwd: dir, env: { PSG_CACHE_DIR: cache } }).code).toBe(0);
  expect(indexes(cache)).toHaveLength(3);
  return { archives, cache };
}

describe('the cache folder', () => {
  it('drops the index files of archives that are gone, once a day', async () => {
    const { archives, cache } = threeArchives();
    const [kept, gone1, gone2] = archives as [string, string, string];
    // Once the copied files are two seconds old (no longer "racily clean"), a second run keeps
    // each archive's folder stamps beside its index.
    await sleep(2100);
    for (const dir of archives) psg(['list', '--limit', '1'], { cwd: dir, env: { PSG_CACHE_DIR: cache } });
    expect(readdirSync(cache).filter((n) => n.endsWith('.dirs'))).toHaveLength(3);
    const before = indexes(cache);
    rmSync(gone1, { recursive: true });
    rmSync(gone2, { recursive: true });
    // Pruned less than a day ago: nothing is looked at.
    psg(['list', '--limit', '1'], { cwd: kept, env: { PSG_CACHE_DIR: cache } });
    expect(indexes(cache)).toEqual(before);
    ago(join(cache, '.last-pruned'), 2);
    const r = psg(['list', '--limit', '1'], { cwd: kept, env: { PSG_CACHE_DIR: cache } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(indexes(cache)).toHaveLength(1);
    // What was kept beside the gone indexes (their folder stamps) went with them.
    const companions = readdirSync(cache).filter((n) => n.endsWith('.dirs'));
    expect(companions.filter((n) => !indexes(cache).includes(n.replace(/\.dirs$/, '.psgidx')))).toEqual([]);
    expect(readdirSync(cache)).toContain('notes.txt');
    // The one left is the live archive's: the next run still uses it (stats agree).
    expect(psg(['stats', '--format', 'json'], { cwd: kept, env: { PSG_CACHE_DIR: cache } }).code).toBe(0);
  });

  it('drops an index unused for 60 days, and leftovers of an interrupted write', () => {
    const { archives, cache } = threeArchives();
    const [old] = indexes(cache);
    ago(join(cache, old!), 61);
    const temp = join(cache, `.${old}.12345.abcdef01.tmp`);
    writeFileSync(temp, 'half an index');
    ago(temp, 2);
    ago(join(cache, '.last-pruned'), 2);
    // Any archive's run prunes; the old index's own archive builds a new one when next read,
    // so the run is in one of the others.
    const other = archives.find((dir) => basename(indexPath(cache, realpathSync(join(dir, 'articles')))) !== old)!;
    psg(['list', '--limit', '1'], { cwd: other, env: { PSG_CACHE_DIR: cache } });
    expect(readdirSync(cache).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(indexes(cache)).toEqual(indexes(cache).filter((n) => n !== old));
    expect(indexes(cache)).toHaveLength(2);
  });

  it('psg cache clear removes every index file and nothing else; psg cache dir prints the folder', () => {
    const { archives, cache } = threeArchives();
    const r = psg(['cache', 'clear'], { env: { PSG_CACHE_DIR: cache } });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^psg: removed 3 index files \\(\\d+\\.\\d MB\\) from ${cache}; the next run reads every article again\\n$`));
    expect(indexes(cache)).toEqual([]);
    expect(readdirSync(cache).filter((n) => n.startsWith('index-'))).toEqual([]);
    expect(readdirSync(cache)).toContain('notes.txt');
    expect(psg(['cache', 'dir'], { env: { PSG_CACHE_DIR: cache } }).stdout).toBe(`${cache}\n`);
    // psg works on, and builds the index again.
    expect(psg(['list', '--limit', '1'], { cwd: archives[0]!, env: { PSG_CACHE_DIR: cache } }).code).toBe(0);
    expect(indexes(cache)).toHaveLength(1);
    expect(psg(['cache', 'wipe']).stderr).toMatch(/Allowed choices are clear, dir/);
  });
});
