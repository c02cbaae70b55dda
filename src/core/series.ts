// Letters number themselves within their series, as on the site: the first letter from a
// place is "Letter from Cajamarca", the second "Letter from Cajamarca (2): <subtitle>".
import type { Article } from './article.js';
import { fold } from './text.js';

export const SERIES_PREFIX = 'Letter from ';

export interface SeriesPlace {
  /** The series as the archive spells it (or as it will be spelled, for a new one). */
  series: string;
  /** The part the next letter takes: one after the highest part in the archive. */
  part: number;
}

function sameSeries(a: string, b: string): boolean {
  return fold(a.trim()).replace(/\s+/g, ' ') === fold(b.trim()).replace(/\s+/g, ' ');
}

/**
 * The series a letter from `place` belongs to and its next part. A series already in the
 * archive keeps its spelling, so "Letter from cajamarca" joins "Letter from Cajamarca".
 */
export function nextLetter(place: string, articles: readonly Article[]): SeriesPlace {
  const wanted = `${SERIES_PREFIX}${place.trim()}`;
  let series = wanted;
  let highest = 0;
  for (const article of articles) {
    if (!article.series || !sameSeries(article.series, wanted)) continue;
    if (highest === 0) series = article.series;
    highest = Math.max(highest, article.part ?? 1);
  }
  return { series, part: highest + 1 };
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
