// --format json: one array. With --by, an array of {group, count, articles}.
import { articleRecord } from './record.js';
import type { ListRenderer } from './view.js';

export const listJson: ListRenderer = (view) => {
  const data = view.groups
    ? view.groups.map((g) => ({ group: g.key, count: g.rows.length, articles: g.rows.map(articleRecord) }))
    : view.rows.map(articleRecord);
  return `${JSON.stringify(data, null, 2)}\n`;
};
