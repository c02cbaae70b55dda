// psg search's output. table: the list's DATE TYPE REGIONS TITLE row, then the passage on
// a line of its own, indented, the matched words highlighted (plain when piped or NO_COLOR).
// json and ndjson: list's record with the score and the passage; paths: one file a line.
import type { ChalkInstance } from 'chalk';
import type { Passage } from '../core/search-passage.js';
import { cleanCell, cutToWidth, fitColumns, formatHeader, formatRow } from '../ui/table.js';
import { articleCells, headerPaint, tableColumns } from './list/table.js';
import { type ArticleRecord, articleRecord } from './list/record.js';
import { jsonLines } from './list/json.js';
import type { ListRow } from './list/view.js';

export interface SearchResult extends ListRow {
  /** BM25 with title and summary weighted: lower is better. */
  score: number;
  passage: Passage;
}

export type SearchRenderer = (results: readonly SearchResult[], options: { width?: number }, paint: ChalkInstance) => string;

const INDENT = '  ';

/** The passage with its marks painted; cut to `width` columns on a terminal (before painting, so no colour is cut). */
export function paintPassage(passage: Passage, paint: ChalkInstance, width?: number): string {
  const whole = cleanCell(passage.text);
  const text = width === undefined ? whole : cutToWidth(whole, width);
  // A cut text ends in "…" that the passage did not have: marks stop before it.
  const end = text === whole ? text.length : text.length - 1;
  let out = '';
  let at = 0;
  for (const [from, to] of passage.marks) {
    if (from >= end) break;
    const stop = Math.min(to, end);
    out += text.slice(at, from) + paint.bold.yellow(text.slice(from, stop));
    at = stop;
  }
  return out + text.slice(at);
}

export const searchTable: SearchRenderer = (results, options, paint) => {
  if (results.length === 0) return '';
  const columns = tableColumns(paint, articleCells);
  const widths = fitColumns(columns, results, options.width);
  const lines = [formatHeader(columns, widths, headerPaint(paint))];
  for (const r of results) {
    lines.push(formatRow(columns, widths, r));
    lines.push(INDENT + paintPassage(r.passage, paint, options.width === undefined ? undefined : options.width - INDENT.length));
  }
  return lines.map((l) => `${l}\n`).join('');
};

export interface SearchRecord extends ArticleRecord {
  score: number;
  passage: string;
}

function searchRecord(r: SearchResult): SearchRecord {
  return { ...articleRecord(r), score: Number(r.score.toFixed(6)), passage: r.passage.text };
}

export const searchJson: SearchRenderer = (results) => jsonLines(results.map((r) => JSON.stringify(searchRecord(r))));

export const searchNdjson: SearchRenderer = (results) => results.map((r) => `${JSON.stringify(searchRecord(r))}\n`).join('');

export const searchPaths: SearchRenderer = (results) => results.map((r) => `${r.path}\n`).join('');
