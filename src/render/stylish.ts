// The default validate reporter, after ESLint's "stylish": a block a file, aligned columns,
// then one summary line.
import type { ChalkInstance } from 'chalk';
import { plural } from '../core/text.js';
import { totals, type ValidationReport } from './report.js';

export function stylish(report: ValidationReport, paint: ChalkInstance): string {
  const out: string[] = [];
  for (const file of report.files) {
    out.push(paint.underline(file.path));
    const rows = file.problems.map((p) => ({
      where: `${p.line ?? 1}:${p.column ?? 1}`,
      severity: p.severity,
      message: p.message,
      rule: p.rule,
    }));
    const whereWidth = Math.max(...rows.map((r) => r.where.length));
    const messageWidth = Math.max(...rows.map((r) => r.message.length));
    for (const r of rows) {
      const severity = r.severity === 'error' ? paint.red('error  ') : paint.yellow('warning');
      out.push(`  ${paint.dim(r.where.padEnd(whereWidth))}  ${severity}  ${r.message.padEnd(messageWidth)}   ${paint.dim(r.rule)}`);
    }
    out.push('');
  }
  const t = totals(report);
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
