// The last step of a new letter, taken under its series' lock: number it from the series as it
// is now (another psg may have written a letter meanwhile), and refuse a letter that would be
// dated before an earlier part.
import type { ArticleDraft } from '../core/draft.js';
import { datedAfter, letterTitle, type SeriesMember, titleSeries } from '../core/series.js';
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
