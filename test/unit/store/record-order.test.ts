// The records of positions in any order come out as the archive holds them, in the order
// asked, repeats included, whatever the budget each slice of the index is read under.
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, readdirSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadArchive } from '../../../src/store/archive.js';
import { eachRecordInOrder } from '../../../src/store/record-order.js';
import { openWorkspace } from '../../../src/workspace.js';
import { cleanup, sampleCopy } from '../../helpers/testdir.js';

afterAll(cleanup);

describe('records in any order', () => {
  it('gives each position its own record, from the index and from the files, under any budget', async () => {
    const dir = sampleCopy();
    // Files changed in the last two seconds are left out of the index ("racily clean"): age them.
    const old = new Date('2020-01-01');
    for (const f of readdirSync(join(dir, 'articles'), { recursive: true, withFileTypes: true })) if (f.isFile()) utimesSync(join(f.parentPath, f.name), old, old);
    await sleep(2100);
    const ws = openWorkspace({ dir: join(dir, 'articles') }, {}, dir);
    const cache = { dir: join(dir, '.cache'), version: 'test' };
    mkdirSync(cache.dir);
    const fresh = await loadArchive(ws.articlesDir, ws.ctx, cache);
    const indexed = await loadArchive(ws.articlesDir, ws.ctx, cache);
    expect(indexed.read).toBe(0);
    for (const archive of [fresh, indexed]) {
      const n = archive.size;
      const all = Array.from({ length: n }, (_, i) => i);
      const orders = [
        all,
        [...all].reverse(),
        // Out of order with repeats, as --by region and --sort title give them.
        [...all.filter((i) => i % 2 === 1), ...all, ...all.filter((i) => i % 3 === 0).reverse()],
      ];
      for (const positions of orders) {
        const want = positions.map((i) => Buffer.from(archive.record(i)).toString('utf8'));
        for (const budget of [1, 2000, 1 << 20]) {
          const got: string[] = [];
          eachRecordInOrder(archive, positions, (buf, start, end, k) => (got[k] = buf.toString('utf8', start, end)), budget);
          expect(got).toEqual(want);
        }
      }
    }
  });
});
