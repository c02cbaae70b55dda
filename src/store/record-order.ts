// The records of positions in any order (sorted by title, or the groups of --by, where an
// article in two regions comes twice), read from the index in a few passes rather than one
// read for each record: the positions are taken in slices of about BUDGET bytes of records,
// the records of a slice are copied out in the index's own order (newest first, one pass),
// and then handed on in the order asked. Memory stays at the budget whatever the output.
import type { Archive } from './archive.js';

const BUDGET = 8 << 20;

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
 * Call `fn` with the record of each of `positions` in turn (k is its place in the list). The
 * bytes are valid only until `fn` returns.
 */
export function eachRecordInOrder(archive: Archive, positions: readonly number[], fn: (bytes: Buffer, k: number) => void, budget = BUDGET): void {
  if (oneWay(positions)) {
    let k = 0;
    archive.eachRecord(positions, (bytes) => fn(bytes, k++));
    return;
  }
  const cols = archive.columns;
  let arena = Buffer.alloc(0);
  let from = 0;
  while (from < positions.length) {
    // As many positions as their records (each counted once) fit the budget; at least one.
    const held = new Map<number, Buffer | undefined>();
    let bytes = 0;
    let to = from;
    for (; to < positions.length; to++) {
      const i = positions[to]!;
      if (held.has(i)) continue;
      const length = cols.recordLength(archive.row(i));
      if (held.size > 0 && bytes + length > budget) break;
      held.set(i, undefined);
      bytes += length;
    }
    if (arena.length < bytes) arena = Buffer.allocUnsafe(Math.max(bytes, Math.min(budget, bytes * 2)));
    let at = 0;
    archive.eachRecord(
      [...held.keys()].sort((a, b) => a - b),
      (record, i) => {
        // A damaged record made again from its file need not have the stored length.
        if (at + record.length > arena.length) held.set(i, Buffer.from(record));
        else {
          record.copy(arena, at);
          held.set(i, arena.subarray(at, at + record.length));
          at += record.length;
        }
      },
    );
    for (let k = from; k < to; k++) fn(held.get(positions[k]!)!, k);
    from = to;
  }
}
