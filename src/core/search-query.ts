// The search syntax users type, read into terms, and written out as an FTS5 expression.
// Words must all match; "a phrase" in quotes; minin* as a prefix; -word (or -"a phrase") to
// leave out; OR between two terms. Case, accents and punctuation are ignored: only runs of
// letters and digits count, folded, so the expression handed to SQLite is built from those
// alone, each in quotes, and no user text ever reaches MATCH as syntax.
import { fold } from './text.js';

/** One word or phrase: its folded words, in order; a prefix term matches any word starting with the last. */
export interface Term {
  words: string[];
  prefix: boolean;
}

export interface SearchQuery {
  /** Every group must match; a group matches when one of its terms does (OR). */
  groups: Term[][];
  /** No term here may match. */
  exclude: Term[];
}

export type Parsed = { ok: true; query: SearchQuery } | { ok: false; message: string; hint: string };

const WORD = /[\p{L}\p{N}]+/gu;
const SYNTAX_HINT = 'Words must all match; "a phrase" in quotes; minin* for a prefix; -word to leave out; OR between two words';

/** The folded words of a text, as the index's tokenizer sees them (letters and digits, accents and case dropped). */
export function searchWords(text: string): string[] {
  return fold(text).match(WORD) ?? [];
}

interface Piece {
  text: string;
  quoted: boolean;
  exclude: boolean;
  prefix: boolean;
}

/** Split the query into pieces: quoted phrases and bare words, each with a leading - and trailing *. */
function pieces(input: string): Piece[] | string {
  const out: Piece[] = [];
  let i = 0;
  while (i < input.length) {
    if (/\s/.test(input[i]!)) {
      i++;
      continue;
    }
    let exclude = false;
    if (input[i] === '-' && i + 1 < input.length && !/\s/.test(input[i + 1]!)) {
      exclude = true;
      i++;
    }
    if (input[i] === '"') {
      const end = input.indexOf('"', i + 1);
      if (end === -1) return 'a quote is not closed';
      let prefix = false;
      let next = end + 1;
      if (input[next] === '*') {
        prefix = true;
        next++;
      }
      out.push({ text: input.slice(i + 1, end), quoted: true, exclude, prefix });
      i = next;
      continue;
    }
    let end = i;
    while (end < input.length && !/\s/.test(input[end]!) && input[end] !== '"') end++;
    const raw = input.slice(i, end);
    const prefix = raw.endsWith('*');
    out.push({ text: prefix ? raw.replace(/\*+$/, '') : raw, quoted: false, exclude, prefix });
    i = end;
  }
  return out;
}

export function parseSearch(input: string): Parsed {
  const fail = (message: string): Parsed => ({ ok: false, message, hint: SYNTAX_HINT });
  const split = pieces(input);
  if (typeof split === 'string') return fail(`${split} in the search ${JSON.stringify(input)}`);
  const groups: Term[][] = [];
  const exclude: Term[] = [];
  let pendingOr = false;
  for (const piece of split) {
    if (!piece.quoted && !piece.exclude && !piece.prefix && piece.text === 'OR') {
      if (groups.length === 0 || pendingOr) return fail('OR must stand between two words or phrases');
      pendingOr = true;
      continue;
    }
    const words = searchWords(piece.text);
    // Punctuation alone ("--", "…") is ignored, as it is in the text.
    if (words.length === 0) {
      if (piece.quoted) return fail('a phrase in quotes holds no word');
      continue;
    }
    const term: Term = { words, prefix: piece.prefix };
    if (piece.exclude) {
      if (pendingOr) return fail('OR cannot join a word left out with -');
      exclude.push(term);
    } else if (pendingOr) {
      groups[groups.length - 1]!.push(term);
      pendingOr = false;
    } else groups.push([term]);
  }
  if (pendingOr) return fail('OR must stand between two words or phrases');
  if (groups.length === 0) {
    return exclude.length
      ? { ok: false, message: 'a search cannot only leave words out', hint: 'Add a word to find, e.g. psg search \'mining -gold\'' }
      : fail(`nothing to search for in ${JSON.stringify(input)}`);
  }
  return { ok: true, query: { groups, exclude } };
}

/** A term in FTS5 syntax: its words as one quoted phrase (they hold only letters and digits). */
function ftsTerm(term: Term): string {
  return `"${term.words.join(' ')}"${term.prefix ? '*' : ''}`;
}

/** The FTS5 MATCH expression, with explicit brackets so that OR binds tighter than AND, as users expect. */
export function toFts(query: SearchQuery): string {
  const positive = query.groups.map((g) => (g.length === 1 ? ftsTerm(g[0]!) : `(${g.map(ftsTerm).join(' OR ')})`)).join(' AND ');
  return query.exclude.reduce((expr, term) => `${expr} NOT ${ftsTerm(term)}`, `(${positive})`);
}

/** Every term that can match (for highlighting): the positive ones. */
export function positiveTerms(query: SearchQuery): Term[] {
  return query.groups.flat();
}
