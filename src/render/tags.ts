// psg tags output: every tag with its count, then what the vocabulary and the archive do not share.
import type { ChalkInstance } from 'chalk';
import type { TagsReport } from '../core/tag-usage.js';
import { plural } from '../core/text.js';
import { cleanCell, displayWidth, padToWidth } from '../ui/table.js';

export function tagsTable(given: TagsReport, paint: ChalkInstance): string {
  // A tag is whatever an editor typed: no control character reaches the terminal.
  const report = { ...given, tags: given.tags.map((t) => ({ ...t, tag: cleanCell(t.tag) })), unknown: given.unknown.map(cleanCell) };
  const tagWidth = Math.max(3, ...report.tags.map((t) => displayWidth(t.tag)));
  const countWidth = Math.max('ARTICLES'.length, ...report.tags.map((t) => String(t.count).length));
  const lines = [paint.bold(`${padToWidth('TAG', tagWidth)}  ${'ARTICLES'.padStart(countWidth)}`)];
  for (const t of report.tags) {
    const row = `${padToWidth(t.tag, tagWidth)}  ${String(t.count).padStart(countWidth)}`;
    lines.push(t.inVocabulary ? row : `${row}  ${paint.yellow('not in the vocabulary')}`);
  }
  if (report.unused.length) {
    lines.push('', paint.bold(`${plural(report.unused.length, 'vocabulary tag')} no article uses:`), `  ${report.unused.join(', ')}`);
  }
  if (report.unknown.length) {
    lines.push('', paint.bold(`${plural(report.unknown.length, 'tag')} used but not in the vocabulary:`), `  ${report.unknown.join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}

export function tagsJson(report: TagsReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
