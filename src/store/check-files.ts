// Reading each file whole and running every file rule on it: the per-file work of validate.
// What a file's check gives is made compact where it is found (in a worker, for a large
// archive): its problems as JSON and as the plain report lines, a few counts, and where the
// rules across files would point in it. Strings cross between threads far more cheaply than
// 100,000 small objects, and they are what validate's stored results keep.
import { checkArticleFile } from '../core/check.js';
import type { CoreContext } from '../core/context.js';
import { locateProblems } from '../core/locate.js';
import type { Problem } from '../core/problem.js';
import type { ArchiveFacts } from '../core/rules/index.js';
import { archiveFacts } from '../core/series.js';
import { stylishBody } from '../render/stylish.js';
import type { RowData } from './columns.js';
import { type PackedRows, packRows, recordsInOneBuffer, rowFromArticle, unpackRows } from './index-rows.js';
import { type FileStamp, readArticle } from './read.js';

const NO_STAMP: FileStamp = { size: -1, mtimeMs: -1, ctimeMs: -1 };

/** Counts of a file's own problems: errors, warnings, fixable, with a did-you-mean guess. */
export type Counts = [number, number, number, number];

export interface CheckedRow {
  path: string;
  /** The file's own problems, as JSON (an array of Problem). */
  own: string;
  /** The plain stylish lines of those problems ('' when there are none). */
  body: string;
  counts: Counts;
  /** Whether a problem depends on the day (a date after today). */
  future: boolean;
  facts?: ArchiveFacts;
  /** Line and column of the `part` and `series` fields, where the rules across files point. */
  places?: [number, number, number, number];
}

export function countsOf(problems: readonly Problem[]): Counts {
  const c: Counts = [0, 0, 0, 0];
  for (const p of problems) {
    c[p.severity === 'error' ? 0 : 1]++;
    if (p.fix) c[2]++;
    else if (p.suggestion) c[3]++;
  }
  return c;
}

/** Where a problem about `field` would be placed in this front matter. */
function placeOf(yaml: string | undefined, yamlLine: number, field: string): [number, number] {
  const probe: Problem = { rule: 'probe', severity: 'warning', message: '', at: { path: [field] } };
  locateProblems([probe], yaml, yamlLine);
  return [probe.line!, probe.column!];
}

/** Read each file whole and run every file rule on it. */
export function checkFiles(root: string, paths: readonly string[], ctx: CoreContext, also?: (rel: string, file: ReturnType<typeof readArticle>) => void): CheckedRow[] {
  const prefix = root.endsWith('/') ? root : `${root}/`;
  return paths.map((rel) => {
    const file = readArticle(prefix + rel, rel, ctx, 'check');
    also?.(rel, file);
    const problems = checkArticleFile(file, ctx);
    const checked: CheckedRow = {
      path: rel,
      own: JSON.stringify(problems),
      body: problems.length ? stylishBody(problems) : '',
      counts: countsOf(problems),
      future: problems.some((p) => p.rule === 'date-future'),
    };
    const a = file.article;
    if (a) {
      checked.facts = archiveFacts(a, file.data);
      // Only letters in a series can get a series problem: the others need no places.
      if (checked.facts.series !== undefined) {
        const fm = file.frontMatter;
        checked.places = [...placeOf(fm?.yaml, fm?.yamlLine ?? 1, 'part'), ...placeOf(fm?.yaml, fm?.yamlLine ?? 1, 'series')];
      }
    }
    return checked;
  });
}

/** A file's check with its index row: one read of the file serves both (validate's first run). */
export interface CheckedWithRow {
  row: RowData;
  checked: CheckedRow;
}

/** Read each file once: its check, and its row for the index as indexRows would make it. */
export function checkRows(root: string, paths: readonly string[], ctx: CoreContext): CheckedWithRow[] {
  const prefix = root.endsWith('/') ? root : `${root}/`;
  const rows: RowData[] = [];
  const checked = checkFiles(root, paths, ctx, (rel, file) => {
    // Without an article from the whole file (its body is not UTF-8, say), the front matter
    // alone may still be one, as the index reads it.
    const article = file.article ?? readArticle(prefix + rel, rel, ctx, 'front-matter').article;
    rows.push(rowFromArticle(rel, file.stamp ?? NO_STAMP, article, ctx.gazetteer));
  });
  return checked.map((c, i) => ({ row: rows[i]!, checked: c }));
}

/** A chunk of checkRows' results, to hand from a worker: the rows packed as the index's reader packs them. */
export function packCheckRows(items: readonly CheckedWithRow[]): { packed: { rows: PackedRows; checked: CheckedRow[] }; transfer: ArrayBuffer[] } {
  // packRows takes the records of a chunk in one buffer, in row order.
  const rows = recordsInOneBuffer(items.map((i) => i.row));
  const p = packRows(rows);
  return { packed: { rows: p.packed, checked: items.map((i) => i.checked) }, transfer: p.transfer };
}

export function unpackCheckRows(p: { rows: PackedRows; checked: CheckedRow[] }): CheckedWithRow[] {
  const rows = unpackRows(p.rows);
  return rows.map((row, i) => ({ row, checked: p.checked[i]! }));
}
