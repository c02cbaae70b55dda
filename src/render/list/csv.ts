// --format csv: RFC 4180 (a header row, CRLF line ends, fields quoted when they hold a comma,
// a quote or a line break), written by csv-stringify. Lists are joined with "; ".
import { stringify } from 'csv-stringify/sync';
import { articleRecord, RECORD_FIELDS } from './record.js';
import type { ListRenderer, ListRow } from './view.js';

type Cell = string | number | boolean | null;

function flat(row: ListRow): Record<string, Cell> {
  const record = articleRecord(row);
  const out: Record<string, Cell> = {};
  for (const field of RECORD_FIELDS) {
    const value = record[field];
    if (field === 'sources') out[field] = record.sources.map((s) => s.url).join(' ');
    else out[field] = Array.isArray(value) ? value.join('; ') : (value as Cell);
  }
  return out;
}

export const listCsv: ListRenderer = (view) => {
  const grouped = view.groups !== undefined;
  const records = view.groups
    ? view.groups.flatMap((g) => g.rows.map((row) => ({ group: g.key, ...flat(row) })))
    : view.rows.map(flat);
  return stringify(records, {
    header: true,
    columns: [...(grouped ? ['group'] : []), ...RECORD_FIELDS],
    record_delimiter: 'windows',
    cast: { boolean: (value) => (value ? 'true' : 'false') },
  });
};
