// psg regions output: the gazetteer with a count of articles for each region (and province).
import type { ChalkInstance } from 'chalk';
import { cellWidth } from '../ui/bars.js';

export interface ProvinceCount {
  name: string;
  ubigeo: string;
  capital: string;
  count: number;
}

export interface RegionCount {
  name: string;
  ubigeo: string;
  iso: string;
  capital: string;
  count: number;
  provinces?: ProvinceCount[];
}

export interface RegionsReport {
  /** Articles counted, and how many of them name no region at all. */
  articles: number;
  withoutRegion: number;
  regions: RegionCount[];
}

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - cellWidth(text)));

/** `REGION  ARTICLES` rows in gazetteer order; provinces indented under their region. */
export function regionsTable(report: RegionsReport, paint: ChalkInstance): string {
  const rows: { name: string; count: number; province: boolean }[] = [];
  for (const region of report.regions) {
    rows.push({ name: region.name, count: region.count, province: false });
    for (const p of region.provinces ?? []) rows.push({ name: `  ${p.name}`, count: p.count, province: true });
  }
  const heading = report.regions.some((r) => r.provinces) ? 'REGION / PROVINCE' : 'REGION';
  const nameWidth = Math.max(cellWidth(heading), ...rows.map((r) => cellWidth(r.name)));
  const countWidth = Math.max('ARTICLES'.length, ...rows.map((r) => String(r.count).length));
  const lines = [paint.bold(`${pad(heading, nameWidth)}  ${'ARTICLES'.padStart(countWidth)}`)];
  for (const row of rows) {
    const line = `${pad(row.name, nameWidth)}  ${String(row.count).padStart(countWidth)}`;
    lines.push(row.count === 0 ? paint.dim(line) : row.province ? line : paint.bold(line));
  }
  return `${lines.join('\n')}\n`;
}

export function regionsJson(report: RegionsReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
