// Putting a letter series in date order: which letter becomes which part, and the title and
// file name each then takes. Pure: the command reads the files and moves them.
import { nameParts } from './article.js';
import { letterTitle, sameSeries, type SeriesMember, titleSeries } from './series.js';
import { slugify } from './slug.js';

export interface Retitle {
  /** The file now, relative to the articles folder. */
  path: string;
  part: number;
  title: string;
  /** What it becomes. */
  to: { part: number; title: string; path: string };
}

/**
 * A letter's title and path for a new part: the title rebuilt when it is the series' own
 * form ("Letter from X (n): subtitle"), kept when it is not; the file renamed after the new
 * title in the same folder, its date prefix kept.
 */
export function retitled(path: string, title: string, series: string, part: number): { title: string; path: string } {
  const parsed = titleSeries(title);
  const newTitle = parsed && sameSeries(parsed.series, series) ? letterTitle(series, part, parsed.subtitle) : title;
  return { title: newTitle, path: newTitle === title ? path : renamedPath(path, newTitle) };
}

/** The path a file takes for a new title: same folder, same date prefix, the title's slug. */
export function renamedPath(path: string, title: string): string {
  const slash = path.lastIndexOf('/');
  const folder = slash === -1 ? '' : path.slice(0, slash + 1);
  const { fileDate } = nameParts(path);
  return `${folder}${fileDate ? `${fileDate}-` : ''}${slugify(title)}.md`;
}

/**
 * Every letter of one series, numbered 1, 2, 3… by date (undated letters last; one day keeps
 * the present order). `series` is the spelling the series keeps.
 */
export function renumberPlan(series: string, members: readonly SeriesMember[]): Retitle[] {
  const ordered = [...members].sort(
    (a, b) =>
      (a.date === undefined ? 1 : 0) - (b.date === undefined ? 1 : 0) ||
      (a.date ?? '').localeCompare(b.date ?? '') ||
      a.part - b.part ||
      (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
  );
  return ordered.map((m, i) => ({ path: m.path, part: m.part, title: m.title, to: { part: i + 1, ...retitled(m.path, m.title, series, i + 1) } }));
}

/**
 * The order in which to move files so that none lands on a name another still holds; undefined
 * when two swap names (a cycle), which a caller must refuse rather than half-do.
 */
export function moveOrder(moves: readonly { from: string; to: string }[]): { from: string; to: string }[] | undefined {
  const pending = moves.filter((m) => m.from !== m.to);
  const out: { from: string; to: string }[] = [];
  while (pending.length) {
    const held = new Set(pending.map((m) => m.from));
    const next = pending.findIndex((m) => !held.has(m.to));
    if (next === -1) return undefined;
    out.push(pending.splice(next, 1)[0]!);
  }
  return out;
}
