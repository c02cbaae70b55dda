// A problem found in an article: rule id, severity, a message that says what to do, and where.

export type Severity = 'error' | 'warning';

/** A place in the front matter as a YAML path: ['regions', 1] is the second region. */
export interface YamlPlace {
  path: readonly (string | number)[];
  /** Point at the key rather than the value (unknown fields). */
  key?: boolean;
}

/** A safe fix: give a field a new list value. Applied by core/fix.ts, written by store/. */
export interface Fix {
  field: string;
  value: readonly string[];
}

export interface Problem {
  rule: string;
  severity: Severity;
  message: string;
  /** 1-based line and column in the file; filled from `at` by the locator when absent. */
  line?: number;
  column?: number;
  at?: YamlPlace;
  fix?: Fix;
}

export function error(rule: string, message: string, where: Partial<Problem> = {}): Problem {
  return { rule, severity: 'error', message, ...where };
}

export function warning(rule: string, message: string, where: Partial<Problem> = {}): Problem {
  return { rule, severity: 'warning', message, ...where };
}

export function byPosition(a: Problem, b: Problem): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || a.rule.localeCompare(b.rule);
}

/** psg itself failed on this file (a bug, not the editor's mistake): said so, and where to report it. */
export function internalProblem(where: string, e: unknown): Problem {
  const why = (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 200);
  return error('internal', `psg failed inside ${where} on this file (${why}); the other checks and files went on. Please report it, with the file`, { line: 1, column: 1 });
}
