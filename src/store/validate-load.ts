// validate's first run: every file is read once, for its check and its index row together,
// rather than once by the archive's loader and again by the rules. The index is then
// written from those rows as the loader would write it, so that the next command (and the
// next validate) finds it ready.
//
// A hook in loadArchive (the reading task as a parameter, and the extra results handed
// back) would do this inside the loader; until the loader has one, this file builds the
// columns and writes the index the way archive.ts's finish() does.
import { existsSync, realpathSync } from 'node:fs';
import type { CoreContext } from '../core/context.js';
import { compareSortKeys } from '../core/query.js';
import { trace } from '../ui/trace.js';
import type { CacheOptions } from './archive.js';
import { type CheckedRow, type CheckedWithRow, checkRows, unpackCheckRows } from './check-files.js';
import { Columns } from './columns.js';
import { indexPath, writeIndex } from './index-file.js';
import { runTask } from './parallel.js';
import { scanArticles, type Skipped } from './scan.js';

export interface OnePass {
  columns: Columns;
  /** Each row's check, in row order. */
  checked: CheckedRow[];
  indexFile: string | undefined;
  unreachable: readonly Skipped[];
}

/** Whether there is no index yet, so that the loader would read every file: then one pass does both. */
export function wantsOnePass(root: string, cache: CacheOptions | undefined): boolean {
  return cache === undefined || !existsSync(indexPath(cache.dir, realpathSync(root)));
}

export async function onePass(root: string, ctx: CoreContext, cache: CacheOptions | undefined, onProgress?: (done: number, total: number) => void): Promise<OnePass> {
  const startedAt = Date.now();
  const realRoot = realpathSync(root);
  const { files, unreadable } = scanArticles(root);
  trace('files found');
  const items: CheckedWithRow[] = await runTask('check-rows', checkRows, root, files, ctx, { onProgress, unpack: unpackCheckRows as (packed: never) => CheckedWithRow[] });
  trace('files read and checked');
  const rows = items.map((i) => i.row);
  const columns = Columns.fromRows(rows);
  const indexFile = cache ? indexPath(cache.dir, realRoot) : undefined;
  if (indexFile && cache) {
    // Newest first, as the loader orders them; the scan order reversed is nearly that already.
    const newest = rows.map((_, i) => rows.length - 1 - i).sort((a, b) => compareSortKeys(rows[a]!, rows[b]!));
    try {
      writeIndex(indexFile, realRoot, cache.version, rows, newest, startedAt, undefined, columns);
      trace('index written');
    } catch {
      // The index only saves time: a read-only or full cache folder must not stop validate.
    }
  }
  return { columns, checked: items.map((i) => i.checked), indexFile, unreachable: unreadable };
}
