// What validate found, as data the reporters turn into text.
import type { Problem } from '../core/problem.js';
import type { ByteBatcher } from '../ui/chunked.js';

export interface FileReport {
  /** As the user should see it: relative to the current folder where possible. */
  path: string;
  problems: Problem[];
  /**
   * Where the plain, unwrapped report (the path as stylishHead makes it, then the lines of
   * stylishBody) is at hand: it written straight into `out`, without making a string of it.
   */
  writePlain?: (out: ByteBatcher) => void;
}

/** The figures of the summary line. */
export interface ReportSummary {
  checked: number;
  fixed: { problems: number; files: number };
}

export interface Totals {
  errors: number;
  warnings: number;
  fixable: number;
  /** Problems with a did-you-mean guess that --fix-suggestions would apply. */
  suggestions: number;
}

/** Count errors, warnings and fixable problems over lists of problems. */
export function totals(lists: Iterable<readonly Problem[]>): Totals {
  const t: Totals = { errors: 0, warnings: 0, fixable: 0, suggestions: 0 };
  for (const problems of lists) {
    for (const p of problems) {
      if (p.severity === 'error') t.errors++;
      else t.warnings++;
      if (p.fix) t.fixable++;
      else if (p.suggestion) t.suggestions++;
    }
  }
  return t;
}
