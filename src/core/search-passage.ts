// The one line of an article shown under a search result: the stretch of its text where the
// most of the searched terms meet, with the words that matched marked. Words are compared
// as the index compares them (letters and digits, folded), so "cooperaccion" marks
// "Cooperacción" and a phrase is marked only where its words stand together.
import type { Term } from './search-query.js';
import { fold } from './text.js';

export interface Passage {
  text: string;
  /** [start, end) character ranges of `text` to highlight, in order, not overlapping. */
  marks: [number, number][];
}

interface Token {
  start: number;
  end: number;
  folded: string;
}

const WORD = /[\p{L}\p{N}]+/gu;
const ASCII = /^[a-zA-Z0-9]+$/;

/** Markdown's marks dropped and lines joined: the text as a reader sees it, on one line. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
    .replace(/[*_`~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    // Folding may change the length ("ﬁ"); the range stays the original word's. Most words
    // are plain ASCII, which needs no Unicode normalising.
    const word = m[0];
    out.push({ start: m.index, end: m.index + word.length, folded: ASCII.test(word) ? word.toLowerCase() : fold(word) });
  }
  return out;
}

function wordMatches(token: string, word: string, prefix: boolean): boolean {
  return prefix ? token.startsWith(word) : token === word;
}

interface Hit {
  term: number;
  first: number;
  last: number;
}

/** Where each term matches: runs of tokens (a phrase's words in a row). */
function hits(toks: Token[], terms: readonly Term[]): Hit[] {
  const out: Hit[] = [];
  for (let i = 0; i < toks.length; i++) {
    terms.forEach((term, t) => {
      const n = term.words.length;
      if (i + n > toks.length) return;
      for (let k = 0; k < n; k++) {
        const last = k === n - 1;
        if (!wordMatches(toks[i + k]!.folded, term.words[k]!, last && term.prefix)) return;
      }
      out.push({ term: t, first: i, last: i + n - 1 });
    });
  }
  return out;
}

/**
 * The best passage of `text` of at most `width` characters: the window holding the most
 * different terms (the earliest such), begun a little before its first match.
 */
export function passage(text: string, terms: readonly Term[], width: number): Passage | undefined {
  const toks = tokens(text);
  const found = hits(toks, terms);
  if (found.length === 0) return undefined;
  const span = Math.max(20, Math.floor(width * 0.75));
  let best = 0;
  let bestCount = 0;
  for (let h = 0; h < found.length; h++) {
    const from = toks[found[h]!.first]!.start;
    const seen = new Set<number>();
    for (let k = h; k < found.length && toks[found[k]!.last]!.end - from <= span; k++) seen.add(found[k]!.term);
    if (seen.size > bestCount) {
      bestCount = seen.size;
      best = h;
    }
  }
  // Start a few words back for context, at a word's start, so the match is not the first thing.
  const anchor = found[best]!.first;
  let first = anchor;
  while (first > 0 && toks[anchor]!.start - toks[first - 1]!.start <= Math.floor(width * 0.2)) first--;
  const start = first === 0 ? 0 : toks[first]!.start;
  let end = text.length;
  const lead = start > 0 ? 1 : 0;
  if (end - start + lead > width) {
    // Cut at the end of the last whole word that fits, leaving room for "…".
    const room = start + width - lead - 1;
    end = start;
    for (const t of toks) if (t.start >= start && t.end <= room) end = t.end;
    if (end === start) end = room;
  }
  const body = text.slice(start, end);
  const prefix = start > 0 ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  const marks: [number, number][] = [];
  for (const h of found) {
    const a = toks[h.first]!.start;
    const b = toks[h.last]!.end;
    if (a < start || b > end) continue;
    const range: [number, number] = [a - start + prefix.length, b - start + prefix.length];
    const prev = marks[marks.length - 1];
    if (prev && range[0] <= prev[1]) prev[1] = Math.max(prev[1], range[1]);
    else marks.push(range);
  }
  return { text: prefix + body + suffix, marks };
}

/** The passage from the first text that has a match (body, then summary, then title); else the opening of the first. */
export function bestPassage(texts: readonly string[], terms: readonly Term[], width: number): Passage {
  for (const t of texts) {
    const p = passage(t, terms, width);
    if (p) return p;
  }
  const first = texts.find((t) => t.length > 0) ?? '';
  return { text: first.length > width ? `${first.slice(0, width - 1).replace(/\s+\S*$/, '')}…` : first, marks: [] };
}
