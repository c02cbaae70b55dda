// --format table: DATE  TYPE  REGIONS  TITLE, newest first. On a terminal the rows fit its
// width (the title gives way first, with "…"); piped, every row is whole.
import type { ChalkInstance } from 'chalk';
import { type Column, formatHeader, MeasuredRows } from '../../ui/table.js';
import type { ListRenderOptions, ListRow, ListView, TableRenderer, TableRow } from './view.js';
import { visible } from '../../core/visible.js';

/** What the DATE and REGIONS cells show when there is none (pages, national items). */
export const NONE = '—';
const DRAFT = '[draft] ';

/**
 * What the table reads of a row, whatever a row is: a position in the store (list reads its
 * columns, no record parsed, no object made a row) or a row that carries its article.
 */
export interface TableCells<R> {
  /** 'YYYY-MM-DD'; none for pages. */
  date(row: R): string | undefined;
  type(row: R): string;
  title(row: R): string;
  draft(row: R): boolean;
  /** Rows that share one list (the store's do) share its cell, joined once. */
  regions(row: R): readonly string[];
  /** Whether every title is known to be shown as it is, one column a character (see allSimple). */
  simpleTitles?(): boolean;
}

export function tableColumns<R>(paint: ChalkInstance, cells: TableCells<R>): Column<R>[] {
  const none = (text: string, painted: string) => (text === NONE ? paint.dim(text) : painted);
  const joined = new Map<readonly string[], string>();
  const regionsText = (regions: readonly string[]) => {
    let text = joined.get(regions);
    if (text === undefined) joined.set(regions, (text = visible(regions.join(', ')) || NONE));
    return text;
  };
  // A column of titles tested whole, where the store holds them as one text: no test for each row.
  const simpleTitles = cells.simpleTitles?.() ?? false;
  const typeText = (type: string) => (type === 'news' || type === 'letter' || type === 'page' ? type : visible(type));
  const columns: Column<R>[] = [
    // Narrow, the date drops its century (19-04-01): still in ISO order, two columns fewer.
    { header: 'DATE', text: (r) => cells.date(r) ?? NONE, compact: (r) => cells.date(r)?.slice(2) ?? NONE, paint: (t) => none(t, t), squeeze: 4, min: 8 },
    {
      header: 'TYPE',
      text: (r) => typeText(cells.type(r)),
      paint: (t, r) => {
        const type = cells.type(r);
        return type === 'news' ? paint.cyan(t) : type === 'letter' ? paint.magenta(t) : paint.yellow(t);
      },
      squeeze: 3,
    },
    // Narrow, the first region and how many more (Puno +1) rather than a name cut in half.
    {
      header: 'REGIONS',
      text: (r) => regionsText(cells.regions(r)),
      compact: (r) => {
        const regions = cells.regions(r);
        return visible(regions.length > 1 ? `${regions[0]} +${regions.length - 1}` : (regions[0] ?? NONE));
      },
      paint: (t) => none(t, paint.green(t)),
      squeeze: 2,
      min: 9,
    },
    {
      header: 'TITLE',
      text: (r) => (cells.draft(r) ? DRAFT : '') + (simpleTitles ? cells.title(r) : visible(cells.title(r))),
      simple: simpleTitles,
      // Narrow, a letter's title drops "Letter from ", which TYPE already says: "Puno: Using…".
      compact: (r) => {
        const title = cells.title(r);
        return (cells.draft(r) ? DRAFT : '') + visible(cells.type(r) === 'letter' ? title.replace(/^Letter from /, '') : title);
      },
      paint: (t, r) => (cells.draft(r) && t.startsWith(DRAFT) ? paint.yellow(DRAFT) + t.slice(DRAFT.length) : t),
      squeeze: 1,
      min: 16,
    },
  ];
  // Piped, there is no colour to add: 100,000 rows skip 300,000 calls that return their text.
  return paint.level === 0 ? columns.map(({ paint: _, ...plain }) => plain) : columns;
}

/** The cells of a TableRow, which holds them as fields. */
export const rowCells: TableCells<TableRow> = {
  date: (r) => r.date,
  type: (r) => r.type,
  title: (r) => r.title,
  draft: (r) => r.draft,
  regions: (r) => r.regions,
};

/** The cells of a row that carries its whole article (psg search's). */
export const articleCells: TableCells<ListRow> = {
  date: (r) => r.article.date?.date,
  type: (r) => r.article.type,
  title: (r) => r.article.title,
  draft: (r) => r.article.draft,
  regions: (r) => r.regions,
};

export function headerPaint(paint: ChalkInstance): (text: string) => string {
  return (text) => paint.bold.dim(text);
}

/** Writes a table a piece at a time (100,000 rows need not become one string). */
export type TableWriter = <R>(view: ListView<R>, cells: TableCells<R>, options: ListRenderOptions, paint: ChalkInstance, write: (text: string) => void) => void;

/** The table of TableRows written whole, as one string. */
export function tableText(writer: TableWriter): TableRenderer {
  return (view, options, paint) => {
    const pieces: string[] = [];
    writer(view, rowCells, options, paint, (text) => pieces.push(text));
    return pieces.join('');
  };
}

export const writeTable: TableWriter = (view, cells, options, paint, write) => {
  if (view.rows.length === 0) return;
  const columns = tableColumns(paint, cells);
  const rows = new MeasuredRows(columns, view.rows, options.width);
  const widths = rows.fit();
  write(`${formatHeader(columns, widths, headerPaint(paint))}\n`);
  for (let k = 0; k < view.rows.length; k++) write(`${rows.format(widths, k)}\n`);
};

export const listTable = tableText(writeTable);
