// The table with --by: a heading with a count for each group, its rows indented beneath,
// every group's columns lined up with the others'.
import { cutToWidth, displayWidth, formatHeader, MeasuredRows } from '../../ui/table.js';
import { headerPaint, tableColumns, tableText, type TableWriter } from './table.js';
import { PAGES_GROUP } from '../../core/query.js';
import type { ListBy } from './view.js';
import { visible } from '../../core/visible.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const TYPES: Record<string, string> = { news: 'News', letter: 'Letters', page: 'Pages' };
const NONE: Record<ListBy, string> = {
  region: 'National, no region',
  month: 'Undated pages',
  type: 'No type',
  tag: 'No tags',
};

/** A group's heading: "Cusco", "March 2019", "Letters", "mining"; the "none" group by its kind. */
export function groupLabel(by: ListBy, key: string | null): string {
  if (key === null) return NONE[by];
  if (by === 'region' && key === PAGES_GROUP) return 'Standing pages';
  if (by === 'month') {
    const month = MONTHS[Number(key.slice(5, 7)) - 1];
    return month ? `${month} ${key.slice(0, 4)}` : key;
  }
  if (by === 'type') return TYPES[key] ?? key;
  return key;
}

const INDENT = '  ';

export const writeGrouped: TableWriter = (view, cells, options, paint, write) => {
  const groups = view.groups ?? [];
  if (groups.length === 0 || !view.by) return;
  const columns = tableColumns(paint, cells);
  // Every group's rows in turn, each measured once.
  const width = options.width === undefined ? undefined : options.width - INDENT.length;
  const rows = new MeasuredRows(columns, groups.flatMap((g) => g.rows), width);
  const widths = rows.fit();
  write(`${INDENT}${formatHeader(columns, widths, headerPaint(paint))}\n`);
  let k = 0;
  for (const group of groups) {
    const count = `(${group.rows.length})`;
    let label = visible(groupLabel(view.by, group.key));
    if (options.width !== undefined) label = cutToWidth(label, options.width - displayWidth(count) - 1);
    write(`\n${paint.bold(label)} ${paint.dim(count)}\n`);
    for (let end = k + group.rows.length; k < end; k++) write(`${INDENT}${rows.format(widths, k)}\n`);
  }
};

export const listGrouped = tableText(writeGrouped);
