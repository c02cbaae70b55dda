// psg regions [--provinces]: every region of the gazetteer with its number of articles.
import type { FilterFlags } from '../cli/filters.js';
import type { Article } from '../core/article.js';
import type { Gazetteer } from '../core/gazetteer.js';
import { articleKeys } from '../core/query.js';
import { queryPositions, type RegionTally, regionTally } from '../store/select.js';
import { plural } from '../core/text.js';
import { ExitCode } from '../errors.js';
import { type RegionCount, regionsJson, type RegionsReport, regionsTable } from '../render/regions.js';
import type { Io } from '../ui/io.js';
import { type GlobalOptions, openWorkspace } from '../workspace.js';
import { buildQuery, loadArticles } from './shared.js';
import { trace } from '../ui/trace.js';

export interface RegionsOptions extends FilterFlags {
  provinces?: boolean;
  format: 'table' | 'json';
}

/**
 * The report from a tally of the articles about each region: those that list it or have a
 * place in it. A province counts the articles with a place that is that province (a name
 * that is both a region and a province, like Cusco, means the region, as everywhere in psg).
 * Standing pages are not counted as naming no region: they are not news.
 */
export function regionsReport(tally: RegionTally, gazetteer: Gazetteer, provinces = false): RegionsReport {
  const regions = gazetteer.regions.map((r): RegionCount => {
    const row: RegionCount = { name: r.name, ubigeo: r.ubigeo, iso: r.iso_3166_2, capital: r.capital, count: tally.regions.get(r.name) ?? 0 };
    if (provinces) {
      row.provinces = r.provinces.map((p) => ({ name: p.name, ubigeo: p.ubigeo, capital: p.capital, count: tally.provinces.get(`${r.name}/${p.name}`) ?? 0 }));
    }
    return row;
  });
  return { articles: tally.articles, withoutRegion: tally.withoutRegion, regions };
}

/** The same from parsed articles. */
export function countRegions(articles: readonly Article[], gazetteer: Gazetteer, provinces = false): RegionsReport {
  const tally: RegionTally = { articles: articles.length, withoutRegion: 0, regions: new Map(), provinces: new Map() };
  for (const a of articles) {
    const keys = articleKeys(a, gazetteer);
    if (!keys.regions.length && a.type !== 'page') tally.withoutRegion++;
    for (const r of keys.regions) tally.regions.set(r, (tally.regions.get(r) ?? 0) + 1);
    for (const p of keys.provinces) tally.provinces.set(p, (tally.provinces.get(p) ?? 0) + 1);
  }
  return regionsReport(tally, gazetteer, provinces);
}

export async function regions(options: RegionsOptions, global: GlobalOptions, io: Io): Promise<number> {
  const ws = openWorkspace(global, io.env, io.cwd);
  const query = buildQuery(options, ws.ctx, io);
  const archive = await loadArticles(ws, global, io);
  trace('loaded');
  // Counted from the store's columns: no record is parsed.
  // --search asks psg search's index, as list --search does.
  const chosen = query.search === undefined ? queryPositions(archive, query) : await (await import('./search.js')).searchedPositions(archive, query, global, io);
  const report = regionsReport(regionTally(archive, chosen), ws.ctx.gazetteer, options.provinces);
  trace('counted');
  if (options.format === 'json') {
    io.out(regionsJson(report));
  } else {
    io.out(regionsTable(report, io.paint));
    const none = report.withoutRegion ? `; ${report.withoutRegion} name no region` : '';
    io.err(`${io.paintErr.dim('psg:')} ${plural(report.articles, 'article')}${none}\n`);
  }
  return ExitCode.ok;
}
