// The validate reporter for scripts: stable field names, one JSON document, made in pieces.
import type { FileReport, ReportSummary, Totals } from './report.js';

function fileJson(file: FileReport): string {
  return JSON.stringify({
    path: file.path,
    problems: file.problems.map((p) => ({
      line: p.line ?? 1,
      column: p.column ?? 1,
      severity: p.severity,
      rule: p.rule,
      message: p.message,
      fixable: Boolean(p.fix),
    })),
  });
}

/** The document as pieces to write one after another. */
export function* problemsJsonPieces(files: Iterable<FileReport>, t: Totals, report: ReportSummary): Generator<string> {
  const head = { checked: report.checked, errors: t.errors, warnings: t.warnings, fixable: t.fixable, fixed: report.fixed.problems };
  yield `${JSON.stringify(head).slice(0, -1)},"files":[`;
  let first = true;
  for (const file of files) {
    yield `${first ? '\n' : ',\n'}${fileJson(file)}`;
    first = false;
  }
  yield `${first ? '' : '\n'}]}\n`;
}
