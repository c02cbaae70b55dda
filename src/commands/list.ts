// psg list: find articles by date, region, type, tag or text, and show them as a table
// (fitted to the terminal) or as data for scripts.
import { join } from 'node:path';
import { shownPath } from '../store/paths.js';
import type { FilterFlags } from '../cli/filters.js';
import type { Article } from '../core/article.js';
import type { Gazetteer } from '../core/gazetteer.js';
import { articleRegions, filterArticles, groupArticles, type Query, type SortKey, sortArticles } from '../core/query.js';
import { plural } from '../core/text.js';
import { ExitCode, PsgError } from '../errors.js';
import type { ListBy, ListRenderer, ListRow, ListView } from '../render/list/view.js';
import type { Io } from '../ui/io.js';
import { type GlobalOptions, openWorkspace } from '../workspace.js';
import { buildQuery, loadArticles } from './shared.js';
import type { Archive } from '../store/archive.js';
import { keysSuffice, matchingPositions } from '../store/preselect.js';
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
  if (await listFromKeys(archive, query, options, format, io)) return ExitCode.ok;
  // --search asks psg search's index (words, "phrases", prefix*, -word, OR); --sort rank orders by its score.
  const text = query.search === undefined ? undefined : await (await import('./search.js')).textMatches(archive, query.search, global, io);
  const pool = text ? archive.articles.filter((a) => text.has(a.path)) : archive.articles;
  const filters = text ? { ...query, search: undefined } : query;

  const found = filterArticles(pool, filters, gazetteer);
  let chosen = options.sort === 'rank' ? found.sort((a, b) => text!.get(a.path)! - text!.get(b.path)!) : sortArticles(found, options.sort ?? 'date', options.reverse);
  if (options.sort === 'rank' && options.reverse) chosen.reverse();
  if (options.limit !== undefined) chosen = chosen.slice(0, options.limit);

  const rowOf = new Map<Article, ListRow>();
  for (const article of chosen) {
    rowOf.set(article, { article, path: shownPath(io.cwd, join(archive.root, article.path)), regions: [...articleRegions(article, gazetteer)] });
  }
  const view: ListView = { rows: chosen.map((a) => rowOf.get(a)!) };
  if (options.by) {
    view.by = options.by;
    view.groups = groupArticles(chosen, options.by, gazetteer).map((g) => ({ key: g.key || null, rows: g.articles.map((a) => rowOf.get(a)!) }));
    // Oldest first should read oldest first from the top: months too, the undated group still last.
    if (options.reverse && options.by === 'month') {
      const undated = view.groups.filter((g) => g.key === null);
      view.groups = [...view.groups.filter((g) => g.key !== null).reverse(), ...undated];
    }
  }

  if (chosen.length === 0) {
    io.err(`${io.paintErr.dim('psg:')} ${emptyNote(pool, filters, gazetteer, undefined, archive.total)}\n`);
  }
  const render = options.by && format === 'table' ? (await import('../render/list/grouped.js')).listGrouped : await RENDERERS[format]();
  io.out(render(view, { width: format === 'table' ? io.columns : undefined }, io.paint));
  return ExitCode.ok;
}

/**
 * The quick way for scripts over a large archive: when nothing but type, draft and date is
 * asked and the order is the archive's own, print the stored records as they are. Returns
 * false (and prints nothing) when the general way is needed, an empty result included.
 */
async function listFromKeys(archive: Archive, query: Query, options: ListOptions, format: ListFormat, io: Io): Promise<boolean> {
  if (!['json', 'ndjson', 'paths'].includes(format) || options.by || (options.sort ?? 'date') !== 'date' || !keysSuffice(query)) return false;
  let chosen = matchingPositions(archive, query);
  if (options.reverse) chosen.reverse();
  if (options.limit !== undefined) chosen = chosen.slice(0, options.limit);
  if (chosen.length === 0) return false;
  // Every path is the folder's path from here, then the path inside it.
  const folder = shownPath(io.cwd, archive.root);
  const prefix = folder === '' ? '' : `${folder.replace(/\/+$/, '')}/`;
  if (format === 'paths') {
    io.out(chosen.map((i) => `${prefix}${archive.path(i)}\n`).join(''));
    return true;
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
  return true;
}

/** Why the list is empty, and what would show more: drafts and future items are left out by default. */
function emptyNote(
  articles: readonly Article[],
  query: Query,
  gazetteer: Gazetteer,
  bodyOf: ((a: Article) => string) | undefined,
  total: number,
): string {
  if (total === 0) return 'no articles yet (psg new writes one)';
  const hidden = filterArticles(articles, { ...query, drafts: true, future: true }, gazetteer, bodyOf);
  const drafts = query.drafts ? 0 : hidden.filter((a) => a.draft).length;
  const future = query.future ? 0 : hidden.filter((a) => a.date && a.date.date > query.today).length;
  if (drafts + future === 0) return 'no articles match';
  const left = [drafts ? plural(drafts, 'draft') : '', future ? `${plural(future, 'item')} dated after today` : ''].filter(Boolean);
  const flags = [drafts ? '--drafts' : '', future ? '--future' : ''].filter(Boolean);
  return `no articles match; left out: ${left.join(', ')} (${flags.join(' and ')} ${flags.length === 1 ? 'shows' : 'show'} ${drafts + future === 1 ? 'it' : 'them'})`;
}
