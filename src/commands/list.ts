// psg list: find articles by date, region, type, tag or text, and show them as a table
// (fitted to the terminal) or as data for scripts.
import { join } from 'node:path';
import { shownPath } from '../store/paths.js';
import type { FilterFlags } from '../cli/filters.js';
import type { Query, SortKey } from '../core/query.js';
import { plural } from '../core/text.js';
import { ExitCode, PsgError } from '../errors.js';
import type { ListBy, ListRenderer, ListRow, ListView } from '../render/list/view.js';
import type { Io } from '../ui/io.js';
import { type GlobalOptions, openWorkspace } from '../workspace.js';
import { buildQuery, loadArticles } from './shared.js';
import type { Archive } from '../store/archive.js';
import { groupPositions, queryPositions, sortPositions } from '../store/select.js';
import { PATH_OPENING_BYTES, pathOpening } from '../core/record.js';
import { chunkedWriter } from '../ui/chunked.js';
import { trace } from '../ui/trace.js';

export type ListFormat = 'table' | 'json' | 'ndjson' | 'csv' | 'paths';

export interface ListOptions extends FilterFlags {
  sort?: SortKey | 'rank';
  reverse?: boolean;
  limit?: number;
  by?: ListBy;
  format?: ListFormat;
}

// Each format loads only its own renderer (csv-stringify only for csv).
const RENDERERS: Record<ListFormat, () => Promise<ListRenderer>> = {
  table: async () => (await import('../render/list/table.js')).listTable,
  json: async () => (await import('../render/list/json.js')).listJson,
  ndjson: async () => (await import('../render/list/ndjson.js')).listNdjson,
  csv: async () => (await import('../render/list/csv.js')).listCsv,
  paths: async () => (await import('../render/list/paths.js')).listPaths,
};


export async function list(options: ListOptions, global: GlobalOptions, io: Io): Promise<number> {
  const format = options.format ?? 'table';
  if (options.by && format === 'paths') {
    throw new PsgError('--by does not combine with --format paths', {
      hint: 'Paths are one file a line for other programs; use --format csv, json or ndjson to keep the groups',
    });
  }
  if (options.sort === 'rank' && options.search === undefined) {
    throw new PsgError('--sort rank needs --search', { hint: 'Rank is how well an article matches the search text' });
  }
  const ws = openWorkspace(global, io.env, io.cwd);
  const { gazetteer } = ws.ctx;
  // Read the flags before the files, so that a typo fails at once.
  const query = buildQuery(options, ws.ctx, io);
  const archive = await loadArticles(ws, global, io);
  trace('loaded');
  // --search asks psg search's index (words, "phrases", prefix*, -word, OR); --sort rank orders by its score.
  const text = query.search === undefined ? undefined : await (await import('./search.js')).textMatches(archive, query.search, global, io);
  // The store answers the other filters from its columns; records are parsed only for the rows printed.
  let positions = queryPositions(archive, text ? { ...query, search: undefined } : query);
  if (text) positions = positions.filter((i) => text.has(archive.path(i)));
  let chosen: number[];
  if (options.sort === 'rank') {
    chosen = positions.sort((x, y) => text!.get(archive.path(x))! - text!.get(archive.path(y))!);
    if (options.reverse) chosen.reverse();
  } else chosen = sortPositions(archive, positions, options.sort, options.reverse);
  if (options.limit !== undefined) chosen = chosen.slice(0, options.limit);
  trace('selected');
  if (chosen.length === 0) {
    io.err(`${io.paintErr.dim('psg:')} ${emptyNote(archive, query)}\n`);
  } else if (!options.by && (format === 'json' || format === 'ndjson' || format === 'paths')) {
    printRecords(archive, chosen, format, io);
    return ExitCode.ok;
  }

  const articles = archive.articlesAt(chosen);
  const rowAt = new Map<number, ListRow>();
  chosen.forEach((i, k) => rowAt.set(i, { article: articles[k]!, path: shownPath(io.cwd, join(archive.root, articles[k]!.path)), regions: archive.regions(i) }));
  const view: ListView = { rows: chosen.map((i) => rowAt.get(i)!) };
  if (options.by) {
    view.by = options.by;
    view.groups = groupPositions(archive, chosen, options.by, gazetteer).map((g) => ({ key: g.key || null, rows: g.items.map((i) => rowAt.get(i)!) }));
    // Oldest first should read oldest first from the top: months too, the undated group still last.
    if (options.reverse && options.by === 'month') {
      const undated = view.groups.filter((g) => g.key === null);
      view.groups = [...view.groups.filter((g) => g.key !== null).reverse(), ...undated];
    }
  }
  const render = options.by && format === 'table' ? (await import('../render/list/grouped.js')).listGrouped : await RENDERERS[format]();
  io.out(render(view, { width: format === 'table' ? io.columns : undefined }, io.paint));
  return ExitCode.ok;
}

/**
 * Records for scripts, printed as the index stores them (with the folder's path put in
 * front of each path), without parsing them.
 */
function printRecords(archive: Archive, chosen: readonly number[], format: 'json' | 'ndjson' | 'paths', io: Io): void {
  // Every path is the folder's path from here, then the path inside it.
  const folder = shownPath(io.cwd, archive.root);
  const prefix = folder === '' ? '' : `${folder.replace(/\/+$/, '')}/`;
  if (format === 'paths') {
    io.out(chosen.map((i) => `${prefix}${archive.path(i)}\n`).join(''));
    return;
  }
  const opening = Buffer.from(pathOpening(JSON.stringify(prefix).slice(1, -1)));
  const between = Buffer.from(format === 'json' ? ',\n' : '\n');
  const out = chunkedWriter(io);
  if (format === 'json') out.add('[\n');
  let first = true;
  archive.eachRecord(chosen, (record) => {
    if (!first) out.add(between);
    first = false;
    // The record with the folder's path put in front of its own.
    out.add(opening);
    out.add(record.subarray(PATH_OPENING_BYTES));
  });
  out.add(format === 'json' ? '\n]\n' : '\n');
  out.flush();
  trace('printed');
}

/** Why the list is empty, and what would show more: drafts and future items are left out by default. */
function emptyNote(archive: Archive, query: Query): string {
  if (archive.total === 0) return 'no articles yet (psg new writes one)';
  const hidden = queryPositions(archive, { ...query, drafts: true, future: true });
  const drafts = query.drafts ? 0 : hidden.filter((i) => archive.draft(i)).length;
  const future = query.future ? 0 : hidden.filter((i) => (archive.date(i) ?? '') > query.today).length;
  if (drafts + future === 0) return 'no articles match';
  const left = [drafts ? plural(drafts, 'draft') : '', future ? `${plural(future, 'item')} dated after today` : ''].filter(Boolean);
  const flags = [drafts ? '--drafts' : '', future ? '--future' : ''].filter(Boolean);
  return `no articles match; left out: ${left.join(', ')} (${flags.join(' and ')} ${flags.length === 1 ? 'shows' : 'show'} ${drafts + future === 1 ? 'it' : 'them'})`;
}
