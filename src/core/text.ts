// Text helpers shared by the gazetteer, the tag vocabulary, search and slugs.

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Fold case and accents so that "Junín", "JUNIN" and "junin" compare equal. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
}

/** Fold, then collapse every run of spaces, hyphens, dots and underscores to one space. */
export function foldName(text: string): string {
  return fold(text).replace(/[\s\-_.,'’]+/g, ' ').trim();
}

/** Optimal string alignment distance: Levenshtein plus swapped neighbours ("Cuzko", "Cajamrca"). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, prevPrev[j - 2]! + 1);
      row.push(best);
    }
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** A name that may be suggested: compared by `key` (already folded), shown as `display`. */
export interface Candidate {
  key: string;
  display: string;
  /** Breaks ties at equal distance: lower comes first. */
  rank?: number;
}

/**
 * Up to `max` candidates close to `input`, best first. Closeness is the edit distance of the
 * folded forms; a candidate that starts with the input also counts as close ("Caja" → Cajamarca).
 */
export function suggestFrom(input: string, candidates: Iterable<Candidate>, max = 3): string[] {
  const folded = foldName(input);
  if (!folded) return [];
  const limit = Math.max(2, Math.floor(folded.length / 3));
  const best = new Map<string, number>();
  for (const { key, display, rank = 0 } of candidates) {
    let distance = editDistance(folded, key);
    if (folded.length >= 3 && key.startsWith(folded)) distance = Math.min(distance, 1);
    if (distance > limit) continue;
    const score = distance * 16 + rank;
    const previous = best.get(display);
    if (previous === undefined || score < previous) best.set(display, score);
  }
  return [...best.entries()]
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .slice(0, max)
    .map(([display]) => display);
}

/** suggestFrom over plain names. */
export function suggest(input: string, names: Iterable<string>, max = 3): string[] {
  const candidates: Candidate[] = [];
  for (const name of names) candidates.push({ key: foldName(name), display: name });
  return suggestFrom(input, candidates, max);
}

/** "a", "a or b", "a, b or c": for did-you-mean hints. */
export function orList(items: readonly string[], quote = true): string {
  const q = items.map((s) => (quote ? `"${s}"` : s));
  if (q.length <= 1) return q.join('');
  return `${q.slice(0, -1).join(', ')} or ${q[q.length - 1]}`;
}

/** "1 article", "2 articles". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
