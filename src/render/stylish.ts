// The default validate reporter, after ESLint's "stylish": a block a file, aligned columns,
// then one summary line. Rendered a file at a time, so that a report on 100,000 files is
// written as it is made rather than held whole.
import type { ChalkInstance } from 'chalk';
import { plural } from '../core/text.js';
import type { FileReport, ReportSummary, Totals } from './report.js';
import { visible } from '../core/visible.js';

export function stylishFile(file: FileReport, paint: ChalkInstance): string {
  // File names and messages quote the article's own text: nothing in it may act on the terminal.
  const out = [paint.underline(visible(file.path))];
  const rows = file.problems.map((p) => ({ where: `${p.line ?? 1}:${p.column ?? 1}`, p: { ...p, message: visible(p.message) } }));
  const whereWidth = Math.max(...rows.map((r) => r.where.length));
  const messageWidth = Math.max(...rows.map((r) => r.p.message.length));
  for (const { where, p } of rows) {
    const severity = p.severity === 'error' ? paint.red('error  ') : paint.yellow('warning');
    out.push(`  ${paint.dim(where.padEnd(whereWidth))}  ${severity}  ${p.message.padEnd(messageWidth)}   ${paint.dim(p.rule)}`);
  }
  return `${out.join('\n')}\n\n`;
}

export function stylishSummary(t: Totals, report: ReportSummary, paint: ChalkInstance): string {
  const out: string[] = [];
  const checked = plural(report.checked, 'article');
  const problems = t.errors + t.warnings;
  if (report.fixed.problems > 0) {
    out.push(paint.green(`✔ Fixed ${plural(report.fixed.problems, 'problem')} in ${plural(report.fixed.files, 'file')}`));
  }
  if (problems === 0) {
    out.push(paint.green(`✔ ${checked}, no problems`));
  } else {
    const line = `✖ ${plural(problems, 'problem')} (${plural(t.errors, 'error')}, ${plural(t.warnings, 'warning')}) in ${checked}`;
    out.push(t.errors > 0 ? paint.red.bold(line) : paint.yellow.bold(line));
    if (t.fixable > 0) out.push(paint.dim(`  ${plural(t.fixable, 'problem')} can be fixed with --fix`));
  }
  return `${out.join('\n')}\n`;
}
