// The last step of a new letter, taken under its series' lock: number it from the series as it
// is now (another psg may have written a letter meanwhile), and refuse a letter that would be
// dated before an earlier part.
import type { Article } from '../core/article.js';
import type { ArticleDraft } from '../core/draft.js';
import type { Gazetteer } from '../core/gazetteer.js';
import { type ArchiveSeries, datedAfter, letterTitle, SERIES_PREFIX, type SeriesMember, seriesOf, titleSeries } from '../core/series.js';
import { editDistance, foldName, orList, suggest } from '../core/text.js';
import { PsgError } from '../errors.js';

export interface SettleOptions {
  /** Write a letter dated before an earlier part all the same (--out-of-order). */
  outOfOrder?: boolean;
  note(text: string): void;
}

/** Why a letter dated `date` cannot be part `part`: it would come before a part it follows. */
export function letterOrderProblem(series: string, part: number, date: string, members: readonly SeriesMember[]): string | undefined {
  const later = datedAfter(date, members);
  const last = later[later.length - 1];
  return last && `A letter dated ${date} would be part ${part} of "${series}", after part ${last.part} dated ${last.date}`;
}

export const orderHint = (series: string) =>
  `Check the date; if it is right, add --out-of-order to write it anyway, then number the series by date with: psg series renumber "${series}"`;

/** Refuse a letter dated before a part it would follow; the hint names the way out. */
export function checkLetterOrder(series: string, part: number, date: string, members: readonly SeriesMember[]): void {
  const problem = letterOrderProblem(series, part, date, members);
  if (problem) throw new PsgError(problem.charAt(0).toLowerCase() + problem.slice(1), { hint: orderHint(series) });
}

/** The draft numbered after the highest part in `members`, its title to match. */
export function settleLetter(draft: ArticleDraft, members: readonly SeriesMember[], options: SettleOptions): ArticleDraft {
  if (!draft.series || draft.part === undefined) return draft;
  const part = members.reduce((highest, m) => Math.max(highest, m.part), 0) + 1;
  if (draft.date && !options.outOfOrder) checkLetterOrder(draft.series, part, draft.date.date, members);
  if (part === draft.part) return draft;
  const subtitle = titleSeries(draft.title)?.subtitle;
  options.note(`another letter took part ${draft.part} of "${draft.series}" meanwhile; this one is part ${part}`);
  return { ...draft, part, title: letterTitle(draft.series, part, subtitle) };
}

/**
 * The known places close to `place` when it is itself unknown: not in the gazetteer, not a
 * series of the archive, not among its places. Known places are the gazetteer's, the places
 * of the archive's series, and the places its articles name.
 */
export function nearPlaces(place: string, gazetteer: Gazetteer, series: ArchiveSeries, articles: readonly Article[]): string[] {
  if (gazetteer.resolve(place) || series.parts(seriesOf(place)).length) return [];
  const key = foldName(place);
  const used = new Set<string>();
  for (const members of series.all()) {
    const name = members[0]!.series;
    if (name.startsWith(SERIES_PREFIX)) used.add(name.slice(SERIES_PREFIX.length));
  }
  for (const a of articles) for (const p of a.places) used.add(p);
  for (const name of used) if (foldName(name) === key) return [];
  // Close means a slip of the keys (two edits at most), not merely a shared beginning.
  const slip = key.length >= 5 ? 2 : 1;
  const near = [...gazetteer.suggest(place), ...suggest(place, used)].filter((n) => editDistance(foldName(n), key) <= slip);
  return [...new Set(near)].slice(0, 4);
}

/** A --place close to known ones is exit 2 with the suggestion, unless --new-place. */
export function refuseNearPlace(typed: string, near: readonly string[]): void {
  if (!near.length) return;
  const first = near[0]!.includes(' ') ? `"${near[0]}"` : near[0];
  throw new PsgError(`--place: "${typed}" is neither in the gazetteer nor in the archive; did you mean ${orList(near)}?`, {
    hint: `Give the place as it is spelled, e.g. --place ${first}, or add --new-place if "${typed}" is really new`,
  });
}
