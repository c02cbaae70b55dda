// What validate found, as data the reporters turn into text.
import type { Problem } from '../core/problem.js';

export interface FileReport {
  /** As the user should see it: relative to the current folder where possible. */
  path: string;
  problems: Problem[];
}

export interface ValidationReport {
  /** Only files with problems, in path order. */
  files: FileReport[];
  checked: number;
  fixed: { problems: number; files: number };
}

export interface Totals {
  errors: number;
  warnings: number;
  fixable: number;
}

export function totals(report: ValidationReport): Totals {
  const t: Totals = { errors: 0, warnings: 0, fixable: 0 };
  for (const file of report.files) {
    for (const p of file.problems) {
      if (p.severity === 'error') t.errors++;
      else t.warnings++;
      if (p.fix) t.fixable++;
    }
  }
  return t;
}
