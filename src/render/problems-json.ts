// The validate reporter for scripts: stable field names, one JSON document.
import { totals, type ValidationReport } from './report.js';

export function problemsJson(report: ValidationReport): string {
  const t = totals(report);
  const doc = {
    checked: report.checked,
    errors: t.errors,
    warnings: t.warnings,
    fixable: t.fixable,
    fixed: report.fixed.problems,
    files: report.files.map((file) => ({
      path: file.path,
      problems: file.problems.map((p) => ({
        line: p.line ?? 1,
        column: p.column ?? 1,
        severity: p.severity,
        rule: p.rule,
        message: p.message,
        fixable: Boolean(p.fix),
      })),
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
