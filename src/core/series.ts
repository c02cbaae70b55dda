// Letters number themselves within their series, as on the site: the first letter from a
// place is "Letter from Cajamarca", the second "Letter from Cajamarca (2): <subtitle>".
// Archives brought over from the site often say so only in the title; the title then counts
// as the letter's series and part wherever the series matters.
import { type Article, FIELD_BY_NAME } from './article.js';
import type { ArchiveFacts } from './rules/types.js';
import { fold } from './text.js';

export const SERIES_PREFIX = 'Letter from ';
const PART_MAX = FIELD_BY_NAME.get('part')!.max!;

export interface SeriesPlace {
  /** The series as the archive spells it (or as it will be spelled, for a new one). */
  series: string;
  /** The part the next letter takes: one after the highest part in the archive. */
  part: number;
}

/** One letter of a series, as the series rules, `new` and renumbering see it. */
export interface SeriesMember {
  path: string;
  title: string;
  series: string;
  part: number;
  /** YYYY-MM-DD. */
  date?: string;
}

/** What of an article decides its place in a series. */
export type SeriesSource = Pick<Article, 'path' | 'title' | 'type' | 'series' | 'part' | 'date'>;

/** The key two spellings of one series share: "Letter from Junín" and "letter from  junin". */
export function seriesKey(name: string): string {
  return fold(name.trim()).replace(/\s+/g, ' ');
}

export function sameSeries(a: string, b: string): boolean {
  return seriesKey(a) === seriesKey(b);
}

export interface TitleSeries {
  series: string;
  part: number;
  subtitle?: string;
}

// "Letter from Cajamarca (846): subtitle", "Letter from Puno: subtitle", "Letter from Puno".
// The place holds no colon and no bracketed number; the part is at most five digits.
const LETTER_TITLE = /^(Letter from [^:]+?)\s*(?:\((\d{1,5})\))?\s*(?::\s*(.*))?$/su;

/** The series, part and subtitle a letter's title spells out, when it does. */
export function titleSeries(title: string): TitleSeries | undefined {
  const m = LETTER_TITLE.exec(title.trim());
  if (!m || m[1]!.length <= SERIES_PREFIX.length) return undefined;
  const part = m[2] === undefined ? 1 : Number(m[2]);
  if (part < 1 || part > PART_MAX) return undefined;
  const out: TitleSeries = { series: m[1]!.trim(), part };
  const subtitle = m[3]?.trim();
  if (subtitle) out.subtitle = subtitle;
  return out;
}

/**
 * The series and part a letter counts as: its fields where it has them (a missing part is
 * the title's number, else 1); a letter without a series field goes by its title.
 */
export function countedSeries(a: Pick<Article, 'title' | 'type' | 'series' | 'part'>): { series: string; part: number } | undefined {
  if (a.series) {
    if (a.part !== undefined) return { series: a.series, part: a.part };
    const fromTitle = titleSeries(a.title);
    return { series: a.series, part: fromTitle && sameSeries(fromTitle.series, a.series) ? fromTitle.part : 1 };
  }
  if (a.type !== 'letter') return undefined;
  const fromTitle = titleSeries(a.title);
  return fromTitle && { series: fromTitle.series, part: fromTitle.part };
}

/** An article as a member of its series, or undefined when it is in none. */
export function seriesMember(a: SeriesSource): SeriesMember | undefined {
  const counted = countedSeries(a);
  if (!counted) return undefined;
  const member: SeriesMember = { path: a.path, title: a.title, ...counted };
  if (a.date) member.date = a.date.date;
  return member;
}

export function byPart(a: SeriesMember, b: SeriesMember): number {
  return a.part - b.part || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}

/**
 * The series a letter from `place` belongs to and its next part, from the members of that
 * series. A series already in the archive keeps its spelling, so "Letter from cajamarca"
 * joins "Letter from Cajamarca".
 */
export function nextLetter(place: string, members: readonly Pick<SeriesMember, 'series' | 'part'>[]): SeriesPlace {
  const wanted = `${SERIES_PREFIX}${place.trim()}`;
  let series = wanted;
  let highest = 0;
  for (const m of members) {
    if (!sameSeries(m.series, wanted)) continue;
    if (highest === 0) series = m.series;
    highest = Math.max(highest, m.part);
  }
  return { series, part: highest + 1 };
}

/** The series name of a letter from `place`. */
export function seriesOf(place: string): string {
  return `${SERIES_PREFIX}${place.trim()}`;
}

/**
 * The title of a letter: "Letter from X" for the first, "Letter from X: subtitle" when the
 * first has one, "Letter from X (n): subtitle" (or "Letter from X (n)") after it.
 */
export function letterTitle(series: string, part: number, subtitle?: string): string {
  const number = part > 1 ? ` (${part})` : '';
  const sub = subtitle?.trim();
  return `${series}${number}${sub ? `: ${sub}` : ''}`;
}

/**
 * The first member dated before a member with a lower part, with that earlier part: the
 * series then reads out of order. Members are taken in part order; cost is one pass.
 */
export function outOfOrder(members: readonly SeriesMember[]): { member: SeriesMember; before: SeriesMember }[] {
  const out: { member: SeriesMember; before: SeriesMember }[] = [];
  let latest: SeriesMember | undefined;
  for (const m of [...members].sort(byPart)) {
    if (m.date === undefined) continue;
    if (latest?.date !== undefined && m.date < latest.date && m.part > latest.part) out.push({ member: m, before: latest });
    if (!latest || latest.date! <= m.date) latest = m;
  }
  return out;
}

/** Where a letter dated `date` would fall: the parts dated after it, when it would not be last. */
export function datedAfter(date: string, members: readonly SeriesMember[]): SeriesMember[] {
  return members.filter((m) => m.date !== undefined && m.date > date).sort(byPart);
}

/**
 * The numbers missing below the highest part, from the parts present: at most `shown` of them
 * listed, and how many there are in all. The cost follows the number of parts, never their size.
 */
export function missingParts(parts: Iterable<number>, shown = 10): { missing: number[]; count: number; highest: number } {
  const sorted = [...new Set(parts)].sort((a, b) => a - b);
  const missing: number[] = [];
  let count = 0;
  let expected = 1;
  for (const part of sorted) {
    if (part > expected) {
      count += part - expected;
      for (let n = expected; n < part && missing.length < shown; n++) missing.push(n);
    }
    expected = part + 1;
  }
  return { missing, count, highest: sorted[sorted.length - 1] ?? 0 };
}

/**
 * True when `a` and `b` are one edit apart (one letter added, dropped, changed, or two
 * neighbours swapped): Damerau-Levenshtein distance 1, found in one pass without a table.
 */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b) return false;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    // A change at i, or a swap of i and i+1; the rest equal.
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  return long.slice(i + 1) === short.slice(i);
}

/**
 * What the archive rules keep of an article: its slug, and its series as counted. With the
 * raw fields at hand, a `part` written but unusable (validate reports it) counts as no part
 * at all, rather than as the title's number.
 */
export function archiveFacts(a: SeriesSource & Pick<Article, 'slug'>, data?: ReadonlyMap<string, unknown>): ArchiveFacts {
  const raw = data?.get('part');
  const badPart = a.part === undefined && raw !== undefined && raw !== null;
  const counted = badPart ? undefined : countedSeries(a);
  const facts: ArchiveFacts = { path: a.path, slug: a.slug };
  if (counted) Object.assign(facts, counted);
  if (a.date) facts.day = a.date.date;
  return facts;
}

/** The archive's series from the rules' facts, each spelling of one series together, in part order. */
export function membersOfFacts(facts: readonly ArchiveFacts[]): Map<string, SeriesMember[]> {
  const out = new Map<string, SeriesMember[]>();
  for (const f of facts) {
    if (!f.series || f.part === undefined) continue;
    const member: SeriesMember = { path: f.path, title: '', series: f.series, part: f.part };
    if (f.day) member.date = f.day;
    const key = seriesKey(f.series);
    const list = out.get(key);
    if (list) list.push(member);
    else out.set(key, [member]);
  }
  for (const list of out.values()) list.sort(byPart);
  return out;
}

/**
 * What `new`, renumbering and renaming ask of the archive about its series. Everything goes
 * through this one shape, so that a store that reads only these keys can stand in for it.
 */
export interface ArchiveSeries {
  /** The letters of the series named `series` (any spelling of it), in part order. */
  parts(series: string): SeriesMember[];
  /** Every series, as spelled by its first letter, with its letters in part order. */
  all(): SeriesMember[][];
}

/** ArchiveSeries over articles in memory. */
export function seriesOfArticles(articles: readonly SeriesSource[]): ArchiveSeries {
  let grouped: Map<string, SeriesMember[]> | undefined;
  const groups = () => {
    if (grouped) return grouped;
    grouped = new Map();
    for (const a of articles) {
      const m = seriesMember(a);
      if (!m) continue;
      const key = seriesKey(m.series);
      const list = grouped.get(key);
      if (list) list.push(m);
      else grouped.set(key, [m]);
    }
    for (const list of grouped.values()) list.sort(byPart);
    return grouped;
  };
  return {
    parts: (series) => [...(groups().get(seriesKey(series)) ?? [])],
    all: () => [...groups().values()],
  };
}
