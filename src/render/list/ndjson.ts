// --format ndjson: one article a line, for streams (jq -c, grep). With --by, each line carries
// its "group" first, and an article in two groups is two lines.
import { articleRecord } from './record.js';
import type { ListRenderer } from './view.js';

export const listNdjson: ListRenderer = (view) => {
  const lines = view.groups
    ? view.groups.flatMap((g) => g.rows.map((row) => JSON.stringify({ group: g.key, ...articleRecord(row) })))
    : view.rows.map((row) => JSON.stringify(articleRecord(row)));
  return lines.map((l) => `${l}\n`).join('');
};
