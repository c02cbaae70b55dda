// psg stats [--by region|month|year|type|tag]: how many articles fall in each group, drawn as
// bars on a terminal, plain numbers when piped, or JSON.
import type { FilterFlags } from '../cli/filters.js';
import type { Article } from '../core/article.js';
import { addMonths } from '../core/dates.js';
import type { Gazetteer } from '../core/gazetteer.js';
import { type GroupKey, groupArticles, PAGES_GROUP } from '../core/query.js';
import { groupCounts, queryPositions } from '../store/select.js';
import { ExitCode } from '../errors.js';
import { statsChart, statsJson, statsPlain, type StatsReport, type StatsRow } from '../render/stats.js';
import type { Io } from '../ui/io.js';
import { type GlobalOptions, openWorkspace } from '../workspace.js';
import { buildQuery, loadArticles } from './shared.js';
import { trace } from '../ui/trace.js';

export interface StatsOptions extends FilterFlags {
  by: GroupKey;
  format: 'table' | 'json';
}

const NONE: Record<GroupKey, string> = {
  region: '(no region)',
  tag: '(no tag)',
  month: '(undated)',
  year: '(undated)',
  type: '(none)',
};

/** Every month or year from the first to the last, so that a quiet month shows as a gap. */
function span(keys: string[], by: 'month' | 'year'): string[] {
  if (!keys.length) return [];
  const sorted = [...keys].sort();
  const [first, last] = [sorted[0]!, sorted[sorted.length - 1]!];
  const out: string[] = [];
  if (by === 'year') {
    for (let y = Number(first); y <= Number(last); y++) out.push(String(y).padStart(4, '0'));
  } else {
    for (let m = first; m <= last; m = addMonths(`${m}-01`, 1).slice(0, 7)) out.push(m);
  }
  return out;
}

/**
 * The rows of the chart, from the groups' sizes. Regions and tags: most articles first.
 * Months and years: in time order, gaps included. Types: news, letter, page. Standing pages
 * without a region, then articles with no region, tag or date, last.
 */
export function statsRowsOf(groups: readonly { key: string; count: number }[], by: GroupKey): StatsRow[] {
  const counts = new Map(groups.map((g) => [g.key, g.count]));
  const pages = by === 'region' ? counts.get(PAGES_GROUP) : undefined;
  let keys = groups.map((g) => g.key).filter((k) => k !== '' && !(pages !== undefined && k === PAGES_GROUP));
  if (by === 'month' || by === 'year') keys = span(keys, by);
  else if (by === 'region' || by === 'tag') keys = keys.map((k, i) => ({ k, i })).sort((a, b) => (counts.get(b.k) ?? 0) - (counts.get(a.k) ?? 0) || a.i - b.i).map((x) => x.k);
  const rows: StatsRow[] = keys.map((key) => ({ key, label: key, count: counts.get(key) ?? 0 }));
  if (pages) rows.push({ key: PAGES_GROUP, label: '(standing pages)', count: pages });
  const none = counts.get('');
  if (none) rows.push({ key: null, label: NONE[by], count: none });
  return rows;
}

/** The same from parsed articles. */
export function statsRows(articles: readonly Article[], by: GroupKey, gazetteer: Gazetteer): StatsRow[] {
  return statsRowsOf(groupArticles(articles, by, gazetteer).map((g) => ({ key: g.key, count: g.articles.length })), by);
}

export async function stats(options: StatsOptions, global: GlobalOptions, io: Io): Promise<number> {
  const ws = openWorkspace(global, io.env, io.cwd);
  const query = buildQuery(options, ws.ctx, io);
  const archive = await loadArticles(ws, global, io);
  trace('loaded');
  // Counted from the store's columns: no record is parsed.
  // --search asks psg search's index, as list --search does.
  const chosen = query.search === undefined ? queryPositions(archive, query) : await (await import('./search.js')).searchedPositions(archive, query, global, io);
  const groups = groupCounts(archive, chosen, options.by, ws.ctx.gazetteer);
  const report: StatsReport = { by: options.by, articles: chosen.length, rows: statsRowsOf(groups, options.by) };
  trace('counted');
  if (options.format === 'json') io.out(statsJson(report));
  else if (io.columns !== undefined) io.out(statsChart(report, io.columns, io.paint));
  else io.out(statsPlain(report));
  if (!chosen.length) io.err(`${io.paintErr.dim('psg:')} no articles match\n`);
  return ExitCode.ok;
}
