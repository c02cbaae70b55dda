// Writing validate's report in the format asked for: shared by validate and validate --staged.
import { packageVersion } from '../data.js';
import { githubFile } from '../render/github.js';
import { problemsJsonPieces } from '../render/problems-json.js';
import type { FileReport, ReportSummary, Totals } from '../render/report.js';
import { sarifPieces } from '../render/sarif.js';
import { stylishFile, stylishSummary } from '../render/stylish.js';
import { chunkedWriter } from '../ui/chunked.js';
import type { Io } from '../ui/io.js';

export type ReportFormat = 'stylish' | 'json' | 'github' | 'sarif';

export function writeReport(format: ReportFormat, reports: () => Iterable<FileReport>, counts: Totals, summary: ReportSummary, io: Io): void {
  if (format === 'json') for (const piece of problemsJsonPieces(reports(), counts, summary)) io.out(piece);
  else if (format === 'sarif') for (const piece of sarifPieces(reports(), { version: packageVersion() })) io.out(piece);
  else {
    // In pieces of a megabyte: a report on 100,000 files is not 100,000 writes.
    const out = chunkedWriter(io);
    // Piped and plain, the stored report lines are printed as they are.
    const plain = format === 'stylish' && io.paint.level === 0 && io.columns === undefined;
    for (const report of reports()) {
      if (plain && report.writePlain) report.writePlain(out);
      else out.add(format === 'github' ? githubFile(report) : stylishFile(report, io.paint, io.columns));
    }
    out.add(stylishSummary(counts, summary, io.paint, io.columns));
    out.flush();
  }
}
