// --format json: one array, one article a line (compact, so that 100,000 articles stay quick
// to write and to read, and an unchanged archive can be printed straight from the index).
// With --by, an array of {group, count, articles}.
import { articleRecord } from './record.js';
import type { ListRenderer } from './view.js';

/** The array layout every json list uses: "[", one item a line, "]". */
export function jsonLines(items: readonly string[]): string {
  return items.length ? `[\n${items.join(',\n')}\n]\n` : '[]\n';
}

export const listJson: ListRenderer = (view) => {
  if (view.groups) {
    return jsonLines(view.groups.map((g) => JSON.stringify({ group: g.key, count: g.rows.length, articles: g.rows.map(articleRecord) })));
  }
  return jsonLines(view.rows.map((row) => JSON.stringify(articleRecord(row))));
};
