// --format table: DATE  TYPE  REGIONS  TITLE, newest first. On a terminal the rows fit its
// width (the title gives way first, with "…"); piped, every row is whole.
import type { ChalkInstance } from 'chalk';
import { type Column, formatHeader, MeasuredRows } from '../../ui/table.js';
import type { ListRenderOptions, ListRow, ListView, TableRenderer, TableRow } from './view.js';
import { visible } from '../../core/visible.js';

/** What the DATE and REGIONS cells show when there is none (pages, national items). */
export const NONE = '—';
const DRAFT = '[draft] ';

export function tableColumns(paint: ChalkInstance): Column<TableRow>[] {
  const none = (text: string, painted: string) => (text === NONE ? paint.dim(text) : painted);
  const columns: Column<TableRow>[] = [
    // Narrow, the date drops its century (19-04-01): still in ISO order, two columns fewer.
    { header: 'DATE', text: (r) => r.date ?? NONE, compact: (r) => r.date?.slice(2) ?? NONE, paint: (t) => none(t, t), squeeze: 4, min: 8 },
    {
      header: 'TYPE',
      text: (r) => (r.type === 'news' || r.type === 'letter' || r.type === 'page' ? r.type : visible(r.type)),
      paint: (t, r) => (r.type === 'news' ? paint.cyan(t) : r.type === 'letter' ? paint.magenta(t) : paint.yellow(t)),
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
      text: (r) => (r.draft ? DRAFT : '') + visible(r.title),
      // Narrow, a letter's title drops "Letter from ", which TYPE already says: "Puno: Using…".
      compact: (r) => (r.draft ? DRAFT : '') + visible(r.type === 'letter' ? r.title.replace(/^Letter from /, '') : r.title),
      paint: (t, r) => (r.draft && t.startsWith(DRAFT) ? paint.yellow(DRAFT) + t.slice(DRAFT.length) : t),
      squeeze: 1,
      min: 16,
    },
  ];
  // Piped, there is no colour to add: 100,000 rows skip 300,000 calls that return their text.
  return paint.level === 0 ? columns.map(({ paint: _, ...plain }) => plain) : columns;
}

/** What the table shows of a row that carries its whole article. */
export function tableRow({ article, regions }: ListRow): TableRow {
  const row: TableRow = { type: article.type, title: article.title, draft: article.draft, regions };
  if (article.date) row.date = article.date.date;
  return row;
}

/** The same columns for rows that carry their whole article (psg search's). */
export function listColumns(paint: ChalkInstance): Column<ListRow>[] {
  return tableColumns(paint).map(({ text, compact, paint: painted, ...rest }) => ({
    ...rest,
    text: (r) => text(tableRow(r)),
    ...(compact && { compact: (r: ListRow) => compact(tableRow(r)) }),
    ...(painted && { paint: (t: string, r: ListRow) => painted(t, tableRow(r)) }),
  }));
}

export function headerPaint(paint: ChalkInstance): (text: string) => string {
  return (text) => paint.bold.dim(text);
}

/** Writes a table a piece at a time (100,000 rows need not become one string). */
export type TableWriter = (view: ListView<TableRow>, options: ListRenderOptions, paint: ChalkInstance, write: (text: string) => void) => void;

/** The table written whole, as one string. */
export function tableText(writer: TableWriter): TableRenderer {
  return (view, options, paint) => {
    const pieces: string[] = [];
    writer(view, options, paint, (text) => pieces.push(text));
    return pieces.join('');
  };
}

export const writeTable: TableWriter = (view, options, paint, write) => {
  if (view.rows.length === 0) return;
  const columns = tableColumns(paint);
  const rows = new MeasuredRows(columns, view.rows);
  const widths = rows.fit(options.width);
  write(`${formatHeader(columns, widths, headerPaint(paint))}\n`);
  for (let k = 0; k < view.rows.length; k++) write(`${rows.format(widths, k)}\n`);
};

export const listTable = tableText(writeTable);
