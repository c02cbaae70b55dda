// The records of positions in any order (sorted by title, or the groups of --by, where an
// article in two regions comes twice), read from the index in a few passes rather than one
// read for each record: the positions are taken in slices of about BUDGET bytes of records,
// the records of a slice are copied out in the index's own order (newest first, one pass),
// and then handed on in the order asked. Memory stays at the budget whatever the output.
import type { Archive } from './archive.js';
import { WINDOW } from './index-file.js';

// Each slice reads nearly the whole records region again (a slice of --by's groups has
// records all through the file), so fewer slices read less. At 100,000 articles 16 MB gave
// --by region's printing 20–50 ms back for 10 MB more at its peak; 32 MB gave no more.
const BUDGET = 16 << 20;

/** Newest first or oldest first, each position once: the index streams these in one pass as they are. */
function oneWay(positions: readonly number[]): boolean {
  if (positions.length < 2) return true;
  const up = positions[1]! > positions[0]!;
  for (let k = 1; k < positions.length; k++) {
    const d = positions[k]! - positions[k - 1]!;
    if (up ? d <= 0 : d >= 0) return false;
  }
  return true;
}

/**
 * Call `fn` with the record of each of `positions` in turn (k is its place in the list), as
 * bytes [start, end) of `buf`. The bytes are valid only until `fn` returns.
 */
export function eachRecordInOrder(
  archive: Archive,
  positions: readonly number[],
  fn: (buf: Buffer, start: number, end: number, k: number) => void,
  budget = BUDGET,
): void {
  if (oneWay(positions)) {
    let k = 0;
    archive.eachRecordIn(positions, (buf, start, end) => fn(buf, start, end, k++));
    return;
  }
  const cols = archive.columns;
  // Where each position's record sits in the arena, for the slice that last took it
  // (typed arrays over the archive's positions: 100,000 map entries a slice cost more).
  const sliceOf = new Int32Array(archive.size).fill(-1);
  const startOf = new Float64Array(archive.size);
  const endOf = new Float64Array(archive.size);
  // A record made again from its file may be longer than the index said: held on its own.
  const apart = new Map<number, Buffer>();
  // The arena and the window the index is read into share one buffer, so that a record is
  // copied from one to the other by copyWithin: Buffer.copy costs more for each call than
  // the bytes of a record take to copy.
  let store = Buffer.alloc(WINDOW);
  let arenaBytes = 0;
  let window = store;
  let slice = 0;
  for (let from = 0; from < positions.length; slice++) {
    // As many positions as their records (each counted once) fit the budget; at least one.
    const unique: number[] = [];
    let bytes = 0;
    let to = from;
    for (; to < positions.length; to++) {
      const i = positions[to]!;
      if (sliceOf[i] === slice) continue;
      const length = cols.recordLength(archive.row(i));
      if (unique.length > 0 && bytes + length > budget) break;
      sliceOf[i] = slice;
      unique.push(i);
      bytes += length;
    }
    if (arenaBytes < bytes) {
      arenaBytes = Math.max(bytes, Math.min(budget, bytes * 2));
      store = Buffer.allocUnsafe(arenaBytes + WINDOW);
      window = store.subarray(arenaBytes);
    }
    let at = 0;
    apart.clear();
    archive.eachRecordIn(
      Int32Array.from(unique).sort(),
      (buf, start, end, i) => {
        const length = end - start;
        if (at + length > arenaBytes) apart.set(i, Buffer.from(buf.subarray(start, end)));
        else {
          if (buf === window) store.copyWithin(at, arenaBytes + start, arenaBytes + end);
          else buf.copy(store, at, start, end);
          startOf[i] = at;
          endOf[i] = at + length;
          at += length;
        }
      },
      window,
    );
    for (let k = from; k < to; k++) {
      const i = positions[k]!;
      const held = apart.get(i);
      if (held) fn(held, 0, held.length, k);
      else fn(store, startOf[i]!, endOf[i]!, k);
    }
    from = to;
  }
}
