// A problem found in an article: rule id, severity, a message that says what to do, and where.

export type Severity = 'error' | 'warning';

/** A place in the front matter as a YAML path: ['regions', 1] is the second region. */
export interface YamlPlace {
  path: readonly (string | number)[];
  /** Point at the key rather than the value (unknown fields). */
  key?: boolean;
}

/**
 * An edit of the front matter: give a field a new value (a list, or one text or number), or
 * rename a field's key. Applied by core/fix.ts, written by store/.
 */
export type FixValue = readonly string[] | string | number;
export type Fix = { field: string; value: FixValue } | { field: string; rename: string };

export interface Problem {
  rule: string;
  severity: Severity;
  message: string;
  /** 1-based line and column in the file; filled from `at` by the locator when absent. */
  line?: number;
  column?: number;
  at?: YamlPlace;
  /** A fix that is certain ("Mining" → "mining"): --fix applies it. */
  fix?: Fix;
  /**
   * A did-you-mean guess ("autor" → "author"), offered only where it is the one near name:
   * applied with --fix-suggestions, never by --fix, after ESLint's fixes and suggestions.
   */
  suggestion?: Fix;
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
