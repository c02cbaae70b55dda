// psg search: the articles that match a query, best first, each with the passage that
// matched; and the matching behind `list --search`. The text comes from the search index
// (store/search-index.ts), every other filter from the archive, as list reads them.
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import type { FilterFlags } from '../cli/filters.js';
import type { Article } from '../core/article.js';
import type { ArticleRecord } from '../core/record.js';
import { articleRegions, type Query } from '../core/query.js';
import { bestPassage, type Passage, plainText } from '../core/search-passage.js';
import { parseSearch, positiveTerms, type SearchQuery, toFts } from '../core/search-query.js';
import { plural } from '../core/text.js';
import { ExitCode, PsgError } from '../errors.js';
import type { SearchRenderer, SearchResult } from '../render/search.js';
import type { Archive } from '../store/archive.js';
import { readBody } from '../store/body.js';
import { NUMBERS } from '../store/columns.js';
import { queryPositions } from '../store/select.js';
import { BadSearch, runSearch, type SearchHit } from '../store/search-index.js';
import { shownPath } from '../store/paths.js';
import type { Io } from '../ui/io.js';
import { progress } from '../ui/progress.js';
import { trace } from '../ui/trace.js';
import { type GlobalOptions, openWorkspace } from '../workspace.js';
import { buildQuery, cacheOptions, loadArticles } from './shared.js';

export type SearchFormat = 'table' | 'json' | 'ndjson' | 'paths';

export interface SearchOptions extends FilterFlags {
  limit?: number;
  format?: SearchFormat;
}

/** How many results a table shows unless --limit says otherwise (data formats give all). */
const TABLE_LIMIT = 20;
/** A passage's width when piped. */
const PIPED_WIDTH = 120;

/** The user's query read, or exit 2 with what is wrong and how to write it. */
export function readSearch(text: string): SearchQuery {
  const parsed = parseSearch(text);
  if (!parsed.ok) throw new PsgError(parsed.message, { hint: parsed.hint });
  return parsed.query;
}

/**
 * The archive's positions that match the search text, best first, with their scores. The
 * index in the cache folder is brought up to date first, from the stamps the archive's own
 * load found (no file is stat-ed twice); with --no-cache the same search runs on a
 * temporary index made from every file.
 */
export async function searchArchive(archive: Archive, search: SearchQuery, global: GlobalOptions, io: Io): Promise<SearchHit[]> {
  const startedAt = Date.now();
  const { columns } = archive;
  const { numbers } = columns;
  const rows = new Int32Array(archive.size);
  const stamps = new Float64Array(archive.size * 3);
  for (let i = 0; i < archive.size; i++) {
    const row = archive.row(i);
    rows[i] = row;
    stamps[i * 3] = numbers[row * NUMBERS]!;
    stamps[i * 3 + 1] = numbers[row * NUMBERS + 1]!;
    stamps[i * 3 + 2] = numbers[row * NUMBERS + 2]!;
  }
  trace('search: stamps taken');
  const cache = cacheOptions(global, io);
  const shown = progress(io, 'indexing');
  let hits;
  try {
    hits = await runSearch(
      { dir: cache?.dir, version: cache?.version ?? '', realRoot: realpathSync(archive.root) },
      {
        root: archive.root,
        count: archive.size,
        paths: () => Array.from(rows, (row) => columns.path(row)),
        identity: [columns.joinedPaths, new Uint8Array(rows.buffer)],
        stamps,
        startedAt,
        head: (i) => {
          // The stored record, read and dropped: archive.article would keep 100,000 parsed articles.
          const record = archive.record(i);
          const { title, summary } = JSON.parse(typeof record === 'string' ? record : Buffer.from(record.buffer, record.byteOffset, record.byteLength).toString('utf8')) as ArticleRecord;
          return { title, summary };
        },
        onProgress: shown.update,
      },
      toFts(search),
    );
  } catch (e) {
    if (e instanceof BadSearch) throw new PsgError(`the search could not be read: ${e.message}`, { hint: 'Put words with odd characters in "quotes"' });
    throw e;
  } finally {
    shown.end();
  }
  trace(`search: ${hits.length} hits`);
  // Equal scores keep the archive's order (newest first), so every run lists them alike.
  return hits.sort((a, b) => a.score - b.score || a.position - b.position);
}

/** The positions that pass every filter but the text: the store answers them from its columns. */
export function passesFilters(archive: Archive, query: Query): (i: number) => boolean {
  const allowed = new Set(queryPositions(archive, { ...query, search: undefined }));
  return (i) => allowed.has(i);
}

const RENDERERS: Record<SearchFormat, () => Promise<SearchRenderer>> = {
  table: async () => (await import('../render/search.js')).searchTable,
  json: async () => (await import('../render/search.js')).searchJson,
  ndjson: async () => (await import('../render/search.js')).searchNdjson,
  paths: async () => (await import('../render/search.js')).searchPaths,
};

export async function search(text: string, options: SearchOptions, global: GlobalOptions, io: Io): Promise<number> {
  const format = options.format ?? 'table';
  const parsed = readSearch(options.search === undefined ? text : `${text} ${options.search}`);
  const ws = openWorkspace(global, io.env, io.cwd);
  const query = buildQuery({ ...options, search: undefined }, ws.ctx, io);
  const archive = await loadArticles(ws, global, io);
  const ranked = await searchArchive(archive, parsed, global, io);
  const passes = passesFilters(archive, query);
  const matching = ranked.filter((h) => passes(h.position));
  trace('search: filtered');
  const limit = options.limit ?? (format === 'table' ? TABLE_LIMIT : undefined);
  const shownHits = limit === undefined ? matching : matching.slice(0, limit);

  const terms = positiveTerms(parsed);
  const width = format === 'table' && io.columns ? Math.max(20, io.columns - 2) : PIPED_WIDTH;
  const results: SearchResult[] = shownHits.map((h) => {
    const article = archive.article(h.position);
    return {
      article,
      path: shownPath(io.cwd, join(archive.root, article.path)),
      regions: [...articleRegions(article, ws.ctx.gazetteer)],
      score: h.score,
      passage: passageOf(archive, article, terms, width),
    };
  });
  if (matching.length === 0) io.err(`${io.paintErr.dim('psg:')} ${archive.total === 0 ? 'no articles yet (psg new writes one)' : 'no articles match'}\n`);
  else if (shownHits.length < matching.length && options.limit === undefined) {
    io.err(`${io.paintErr.dim('psg:')} the best ${shownHits.length} of ${plural(matching.length, 'match', 'matches')}; --limit N shows more\n`);
  }
  trace('search: passages cut');
  const render = await RENDERERS[format]();
  io.out(render(results, { width: format === 'table' ? io.columns : undefined }, io.paint));
  return ExitCode.ok;
}

function passageOf(archive: Archive, article: Article, terms: Parameters<typeof bestPassage>[1], width: number): Passage {
  return bestPassage([plainText(readBody(archive.root, article.path)), article.summary, article.title], terms, width);
}

/** For `list --search`: the paths that match the text, each with its score (lower is better). */
export async function textMatches(archive: Archive, text: string, global: GlobalOptions, io: Io): Promise<Map<string, number>> {
  const ranked = await searchArchive(archive, readSearch(text), global, io);
  return new Map(ranked.map((h, rank) => [archive.path(h.position), rank]));
}

/**
 * For stats and regions --search: the positions queryPositions gives (newest first), the
 * text matched through the search index, as list --search matches it.
 */
export async function searchedPositions(archive: Archive, query: Query, global: GlobalOptions, io: Io): Promise<number[]> {
  const text = await textMatches(archive, query.search!, global, io);
  return queryPositions(archive, { ...query, search: undefined }).filter((i) => text.has(archive.path(i)));
}
