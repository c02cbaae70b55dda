// psg stats output: a bar chart on a terminal, `label<TAB>count` lines when piped, or JSON.
import type { ChalkInstance } from 'chalk';
import type { GroupKey } from '../core/query.js';
import { renderBars } from '../ui/bars.js';
import { visible } from '../core/visible.js';

export interface StatsRow {
  /** A region, 'YYYY-MM', 'YYYY', a type or a tag; null for articles with none. */
  key: string | null;
  label: string;
  count: number;
}

export interface StatsReport {
  by: GroupKey;
  /** How many articles were counted (one with two regions counts under each). */
  articles: number;
  rows: StatsRow[];
}

export function statsChart(report: StatsReport, columns: number, paint: ChalkInstance): string {
  return renderBars(
    report.rows.map((r) => ({ label: visible(r.label), count: r.count, muted: r.key === null })),
    columns,
    paint,
  );
}

export function statsPlain(report: StatsReport): string {
  return report.rows.map((r) => `${visible(r.label)}\t${r.count}\n`).join('');
}

export function statsJson(report: StatsReport): string {
  const groups = report.rows.map((r) => ({ key: r.key, count: r.count }));
  return `${JSON.stringify({ by: report.by, articles: report.articles, groups }, null, 2)}\n`;
}
