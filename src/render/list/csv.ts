// --format csv: RFC 4180 (a header row, CRLF line ends, fields quoted when they hold a comma,
// a quote or a line break). Lists are joined with "; ". A cell that
// a spreadsheet would run as a formula (it starts with = + - @, a tab or a carriage return)
// gets a leading ' (OWASP's advice against CSV injection).
import { type ArticleRecord, articleRecord, RECORD_FIELDS } from './record.js';
import type { ListRenderer } from './view.js';

type Cell = string | number | boolean | null;

const FORMULA_START = /^[=+\-@\t\r]/;

/** The cell as text a spreadsheet shows, never runs. */
export function inertCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function flat(record: ArticleRecord): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  for (const field of RECORD_FIELDS) {
    const value = record[field];
    if (field === 'sources') out[field] = inertCell(record.sources.map((s) => s.url).join(' '));
    else if (Array.isArray(value)) out[field] = inertCell(value.join('; '));
    // An offset (-05:00) is checked to be one, and no formula; every other text is the editor's.
    else out[field] = typeof value === 'string' && field !== 'offset' ? inertCell(value) : (value as Cell);
  }
  return out;
}

/** One record of the csv, and its group with --by. */
export interface CsvItem {
  group?: string | null;
  record: ArticleRecord;
}

const HEADER = RECORD_FIELDS.join(',');

/** A field as RFC 4180 writes it: quoted (quotes doubled) when it holds a comma, a quote or a line break. */
function field(value: Cell): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * Rows of the csv, with the header first when asked: a long list is written a slice at a
 * time, and the slices joined are the csv of the whole (each row ends in its CRLF). Written
 * here rather than by csv-stringify, which takes ten times as long over 100,000 rows; the
 * unit tests hold the two to the same bytes.
 */
export function csvText(items: readonly CsvItem[], grouped: boolean, header: boolean): string {
  let out = header ? `${grouped ? 'group,' : ''}${HEADER}\r\n` : '';
  for (const { group, record } of items) {
    const cells = flat(record);
    let line = grouped ? `${field(group == null ? null : inertCell(group))},` : '';
    for (let i = 0; i < RECORD_FIELDS.length; i++) line += (i > 0 ? ',' : '') + field(cells[RECORD_FIELDS[i]!]!);
    out += `${line}\r\n`;
  }
  return out;
}

export const listCsv: ListRenderer = (view) =>
  view.groups
    ? csvText(view.groups.flatMap((g) => g.rows.map((row) => ({ group: g.key, record: articleRecord(row) }))), true, true)
    : csvText(view.rows.map((row) => ({ record: articleRecord(row) })), false, true);
