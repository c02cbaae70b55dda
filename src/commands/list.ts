// psg list: find articles by date, region, type, tag or text, and show them as a table
// (fitted to the terminal) or as data for scripts.
import { shownPath } from '../store/paths.js';
import type { FilterFlags } from '../cli/filters.js';
import type { Query, SortKey } from '../core/query.js';
import { plural } from '../core/text.js';
import { ExitCode, PsgError } from '../errors.js';
import type { ListBy, ListView } from '../render/list/view.js';
import type { TableCells } from '../render/list/table.js';
import type { CsvItem } from '../render/list/csv.js';
import type { ArticleRecord } from '../core/record.js';
import type { Gazetteer } from '../core/gazetteer.js';
import { eachRecordInOrder } from '../store/record-order.js';
import type { Io } from '../ui/io.js';
import { type GlobalOptions, openWorkspace } from '../workspace.js';
import { buildQuery, loadArticles } from './shared.js';
import type { Archive } from '../store/archive.js';
import { groupPositions, queryPositions, sortPositions } from '../store/select.js';
import { PATH_OPENING_BYTES, pathOpening } from '../core/record.js';
import { chunkedWriter } from '../ui/chunked.js';
import { allSimple } from '../ui/table.js';
import { trace } from '../ui/trace.js';

/** A group of --by: its key (null for the "none" group) and its positions. */
interface Group {
  key: string | null;
  items: number[];
}

export type ListFormat = 'table' | 'json' | 'ndjson' | 'csv' | 'paths';

export interface ListOptions extends FilterFlags {
  sort?: SortKey | 'rank';
  reverse?: boolean;
  limit?: number;
  by?: ListBy;
  format?: ListFormat;
}

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
  if (chosen.length === 0) io.err(`${io.paintErr.dim('psg:')} ${emptyNote(archive, query)}\n`);
  const groups = options.by ? listGroups(archive, chosen, options.by, Boolean(options.reverse), gazetteer) : undefined;
  if (format === 'table') await printTable(archive, chosen, groups, options.by, io);
  else if (format === 'csv') await printCsv(archive, chosen, groups, io);
  else printRecords(archive, chosen, groups, format, io);
  trace('printed');
  return ExitCode.ok;
}

/** The chosen positions grouped as --by asks. */
function listGroups(archive: Archive, chosen: readonly number[], by: ListBy, reverse: boolean, gazetteer: Gazetteer): Group[] {
  let groups: Group[] = groupPositions(archive, chosen, by, gazetteer).map((g) => ({ key: g.key || null, items: g.items }));
  // Oldest first should read oldest first from the top: months too, the undated group still last.
  if (reverse && by === 'month') {
    const undated = groups.filter((g) => g.key === null);
    groups = [...groups.filter((g) => g.key !== null).reverse(), ...undated];
  }
  return groups;
}

/** The table (grouped with --by), drawn from the columns alone: no record is parsed, no object made a row. */
async function printTable(archive: Archive, chosen: readonly number[], groups: Group[] | undefined, by: ListBy | undefined, io: Io): Promise<void> {
  const cols = archive.columns;
  // A row is the article's position in the archive; its cells come from the store's columns.
  const cells: TableCells<number> = {
    date: (i) => cols.date(archive.row(i)),
    type: (i) => cols.type(archive.row(i))!,
    title: (i) => cols.title(archive.row(i)),
    draft: (i) => cols.draft(archive.row(i)),
    regions: (i) => cols.sharedRegions(archive.row(i)),
    simpleTitles: () => {
      const joined = cols.joinedTitles();
      return joined !== undefined && allSimple(joined);
    },
  };
  const view: ListView<number> = { rows: chosen };
  if (by && groups) {
    view.by = by;
    view.groups = groups.map((g) => ({ key: g.key, rows: g.items }));
  }
  const write = by ? (await import('../render/list/grouped.js')).writeGrouped : (await import('../render/list/table.js')).writeTable;
  const out = chunkedWriter(io);
  write(view, cells, { width: io.columns }, io.paint, (text) => out.add(text));
  out.flush();
}

/** Every path is the folder's path from here, then the path inside it. */
function pathPrefix(archive: Archive, io: Io): string {
  const folder = shownPath(io.cwd, archive.root);
  return folder === '' ? '' : `${folder.replace(/\/+$/, '')}/`;
}

/**
 * Records for scripts, printed as the index stores them (with the folder's path put in
 * front of each path), without parsing them; with --by, in their groups.
 */
function printRecords(archive: Archive, chosen: readonly number[], groups: Group[] | undefined, format: 'json' | 'ndjson' | 'paths', io: Io): void {
  const prefix = pathPrefix(archive, io);
  if (format === 'paths') {
    io.out(chosen.map((i) => `${prefix}${archive.path(i)}\n`).join(''));
    return;
  }
  const sequence = groups ? groups.flatMap((g) => g.items) : chosen;
  if (sequence.length === 0) {
    if (format === 'json') io.out('[]\n');
    return;
  }
  const path = JSON.stringify(prefix).slice(1, -1);
  const opening = Buffer.from(pathOpening(path));
  const out = chunkedWriter(io);
  // What goes before the k-th record, and after the last.
  let before: (k: number) => string | Buffer;
  let end: string;
  if (!groups) {
    const between = Buffer.from(format === 'json' ? ',\n' : '\n');
    before = (k) => (k === 0 ? (format === 'json' ? '[\n' : '') : between);
    end = format === 'json' ? '\n]\n' : '\n';
  } else {
    // The k-th record's group: where each group starts in the sequence.
    const starts = new Map<number, Group>();
    let at = 0;
    for (const g of groups) {
      starts.set(at, g);
      at += g.items.length;
    }
    let group: Group;
    const key = (g: Group) => JSON.stringify(g.key);
    if (format === 'ndjson') {
      // Each line is the group, then the record's own fields: {"group":…,"path":…}.
      let line = '';
      before = (k) => {
        const next = starts.get(k);
        if (next) line = `{"group":${key((group = next))},${pathOpening(path).slice(1)}`;
        return k === 0 ? line : `\n${line}`;
      };
      end = '\n';
    } else {
      // One line a group: {"group":…,"count":…,"articles":[record,record]}.
      before = (k) => {
        const next = starts.get(k);
        if (!next) return ',';
        group = next;
        return `${k === 0 ? '[\n' : ']},\n'}{"group":${key(group)},"count":${group.items.length},"articles":[`;
      };
      end = ']}\n]\n';
    }
  }
  eachRecordInOrder(archive, sequence, (buf, start, end, k) => {
    out.add(before(k));
    // The record with the folder's path put in front of its own.
    if (!groups || format === 'json') out.add(opening);
    out.addRange(buf, start + PATH_OPENING_BYTES, end);
  });
  out.add(end);
  out.flush();
}

/** Records are parsed for the csv a slice at a time, so memory stays flat however many rows. */
const CSV_SLICE = 256;

/** --format csv: each record parsed (its fields become cells), written a slice at a time. */
async function printCsv(archive: Archive, chosen: readonly number[], groups: Group[] | undefined, io: Io): Promise<void> {
  const { csvText } = await import('../render/list/csv.js');
  const prefix = pathPrefix(archive, io);
  const sequence = groups ? groups.flatMap((g) => g.items) : chosen;
  const groupAt: (string | null)[] = groups ? groups.flatMap((g) => g.items.map(() => g.key)) : [];
  const out = chunkedWriter(io);
  let slice: CsvItem[] = [];
  let header = true;
  const flush = () => {
    out.add(csvText(slice, groups !== undefined, header));
    header = false;
    slice = [];
  };
  eachRecordInOrder(archive, sequence, (buf, start, end, k) => {
    const record = JSON.parse(buf.toString('utf8', start, end)) as ArticleRecord;
    record.path = prefix + record.path;
    slice.push(groups ? { group: groupAt[k]!, record } : { record });
    if (slice.length === CSV_SLICE) flush();
  });
  if (slice.length > 0 || header) flush();
  out.flush();
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
