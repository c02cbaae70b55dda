// --format table: DATE  TYPE  REGIONS  TITLE, newest first. On a terminal the rows fit its
// width (the title gives way first, with "…"); piped, every row is whole.
import type { ChalkInstance } from 'chalk';
import { type Column, fitColumns, formatHeader, formatRow } from '../../ui/table.js';
import type { ListRenderer, ListRow } from './view.js';
import { visible } from '../../core/visible.js';

/** What the DATE and REGIONS cells show when there is none (pages, national items). */
export const NONE = '—';
const DRAFT = '[draft] ';

export function listColumns(paint: ChalkInstance): Column<ListRow>[] {
  const none = (text: string, painted: string) => (text === NONE ? paint.dim(text) : painted);
  return [
    // Narrow, the date drops its century (19-04-01): still in ISO order, two columns fewer.
    { header: 'DATE', text: (r) => r.article.date?.date ?? NONE, compact: (r) => r.article.date?.date.slice(2) ?? NONE, paint: (t) => none(t, t), squeeze: 4, min: 8 },
    {
      header: 'TYPE',
      text: (r) => visible(r.article.type),
      paint: (t, r) => (r.article.type === 'news' ? paint.cyan(t) : r.article.type === 'letter' ? paint.magenta(t) : paint.yellow(t)),
      squeeze: 3,
    },
    // Narrow, the first region and how many more (Puno +1) rather than a name cut in half.
    {
      header: 'REGIONS',
      text: (r) => visible(r.regions.join(', ')) || NONE,
      compact: (r) => visible(r.regions.length > 1 ? `${r.regions[0]} +${r.regions.length - 1}` : (r.regions[0] ?? NONE)),
      paint: (t) => none(t, paint.green(t)),
      squeeze: 2,
      min: 9,
    },
    {
      header: 'TITLE',
      text: (r) => (r.article.draft ? DRAFT : '') + visible(r.article.title),
      // Narrow, a letter's title drops "Letter from ", which TYPE already says: "Puno: Using…".
      compact: (r) => (r.article.draft ? DRAFT : '') + visible(r.article.type === 'letter' ? r.article.title.replace(/^Letter from /, '') : r.article.title),
      paint: (t, r) => (r.article.draft && t.startsWith(DRAFT) ? paint.yellow(DRAFT) + t.slice(DRAFT.length) : t),
      squeeze: 1,
      min: 16,
    },
  ];
}

export function headerPaint(paint: ChalkInstance): (text: string) => string {
  return (text) => paint.bold.dim(text);
}

export const listTable: ListRenderer = (view, options, paint) => {
  if (view.rows.length === 0) return '';
  const columns = listColumns(paint);
  const widths = fitColumns(columns, view.rows, options.width);
  const lines = [formatHeader(columns, widths, headerPaint(paint)), ...view.rows.map((row) => formatRow(columns, widths, row))];
  return lines.map((l) => `${l}\n`).join('');
};
