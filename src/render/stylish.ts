// The default validate reporter, after ESLint's "stylish": a block a file, aligned columns,
// then one summary line. Rendered a file at a time, so that a report on 100,000 files is
// written as it is made rather than held whole. Piped, every problem is one line; on a
// terminal, messages wrap at spaces under their own column, so that no line is wider than it.
import type { ChalkInstance } from 'chalk';
import { plural } from '../core/text.js';
import { displayWidth, wrapToWidth } from '../ui/table.js';
import type { FileReport, ReportSummary, Totals } from './report.js';
import { visible } from '../core/visible.js';
import type { Problem } from '../core/problem.js';

const RULE_GAP = 3;
/** Narrower than this, a message column beside the rule ids is too cramped: the id goes below. */
const MIN_MESSAGE = 24;

/** Lines of at most `width` columns (none: the text as one line). */
const fit = (text: string, width: number | undefined): string[] => (width === undefined ? [text] : wrapToWidth(text, width));

export function stylishFile(file: FileReport, paint: ChalkInstance, width?: number): string {
  return `${stylishHead(file.path, paint, width)}${stylishLines(file.problems, paint, width)}`;
}

/** The file's name line(s) that head its block. */
export function stylishHead(path: string, paint: ChalkInstance, width?: number): string {
  // File names and messages quote the article's own text: nothing in it may act on the terminal.
  return `${fit(visible(path), width)
    .map((l) => paint.underline(l))
    .join('\n')}\n`;
}

/**
 * The lines of a file's problems under its name, and the blank line after them. Plain and
 * unwrapped (piped output), they depend on the problems alone: validate stores them so.
 */
export function stylishBody(problems: readonly Problem[]): string {
  return stylishLines(problems, PLAIN);
}

/** The styles the lines use. */
type LinePaint = Pick<ChalkInstance, 'red' | 'yellow' | 'dim'> | { red: (s: string) => string; yellow: (s: string) => string; dim: (s: string) => string };
const same = (s: string) => s;
// Without the proxy of plainPaint: the lines of 100,000 files are made on a first run.
const PLAIN: LinePaint = { red: same, yellow: same, dim: same };

function stylishLines(problems: readonly Problem[], paint: LinePaint, width?: number): string {
  const out: string[] = [];
  const rows = problems.map((p) => ({ where: `${p.line ?? 1}:${p.column ?? 1}`, p: { ...p, message: visible(p.message) } }));
  const whereWidth = Math.max(...rows.map((r) => r.where.length));
  const longestMessage = Math.max(...rows.map((r) => displayWidth(r.p.message)));
  const longestRule = Math.max(...rows.map((r) => r.p.rule.length));
  // "  1:1  warning  " before every message.
  const indent = 2 + whereWidth + 2 + 7 + 2;
  const room = width === undefined ? Infinity : width - indent;
  const besideRule = Math.min(longestMessage, room - RULE_GAP - longestRule);
  const stacked = width !== undefined && besideRule < MIN_MESSAGE;
  const messageWidth = stacked ? room : besideRule;
  for (const { where, p } of rows) {
    const severity = p.severity === 'error' ? paint.red('error  ') : paint.yellow('warning');
    const head = `  ${paint.dim(where.padEnd(whereWidth))}  ${severity}  `;
    const lines = width === undefined ? [p.message] : wrapToWidth(p.message, messageWidth);
    const rule = paint.dim(p.rule);
    if (stacked) {
      lines.forEach((l, i) => out.push(`${i === 0 ? head : ' '.repeat(indent)}${l}`));
      // Under the message; on a terminal too narrow even for that, as far right as it fits.
      const at = Math.max(0, Math.min(indent, width - p.rule.length));
      out.push(`${' '.repeat(at)}${rule}`);
      continue;
    }
    lines.forEach((l, i) => {
      const start = i === 0 ? head : ' '.repeat(indent);
      out.push(i === 0 ? `${start}${l}${' '.repeat(messageWidth - displayWidth(l) + RULE_GAP)}${rule}` : `${start}${l}`);
    });
  }
  return `${out.join('\n')}\n\n`;
}

export function stylishSummary(t: Totals, report: ReportSummary, paint: ChalkInstance, width?: number): string {
  const out: string[] = [];
  const add = (text: string, painter: (s: string) => string, indent = '') => {
    for (const l of fit(text, width === undefined ? undefined : width - indent.length)) out.push(painter(indent + l));
  };
  const checked = plural(report.checked, 'article');
  const problems = t.errors + t.warnings;
  if (report.fixed.problems > 0) {
    add(`✔ Fixed ${plural(report.fixed.problems, 'problem')} in ${plural(report.fixed.files, 'file')}`, paint.green);
  }
  if (problems === 0) {
    add(`✔ ${checked}, no problems`, paint.green);
  } else {
    const line = `✖ ${plural(problems, 'problem')} (${plural(t.errors, 'error')}, ${plural(t.warnings, 'warning')}) in ${checked}`;
    add(line, t.errors > 0 ? paint.red.bold : paint.yellow.bold);
    if (t.fixable > 0) add(`${plural(t.fixable, 'problem')} can be fixed with --fix`, paint.dim, '  ');
    if (t.suggestions > 0) add(`${plural(t.suggestions, 'problem')} with a did-you-mean guess: --fix-suggestions applies them`, paint.dim, '  ');
  }
  return `${out.join('\n')}\n`;
}
