// --format paths: one file a line, for xargs and editors.
import type { ListRenderer } from './view.js';

export const listPaths: ListRenderer = (view) => view.rows.map((row) => `${row.path}\n`).join('');
