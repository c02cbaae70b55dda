// The quick fixes an editor offers for a problem: the --fix fix where the problem has one, and
// one replacement for each did-you-mean suggestion in its message. A small adapter over the
// problems as validate makes them, so that the editor offers exactly what validate says.
import { applyFixes } from '../fix.js';
import type { Problem } from '../problem.js';

export interface TextEdit {
  /** Offsets in the document text. */
  start: number;
  end: number;
  text: string;
}

export interface QuickFix {
  title: string;
  edit: TextEdit;
  /** The fix --fix applies (preferred), rather than a suggestion. */
  preferred: boolean;
}

/** The names a message suggests: `did you mean "Cusco" or "Cuzco"?` → Cusco, Cuzco. */
export function suggestionsIn(message: string): string[] {
  const m = /did you mean (.+?)\?/.exec(message);
  return m ? [...m[1]!.matchAll(/"([^"]+)"/g)].map((x) => x[1]!) : [];
}

export interface FixContext {
  text: string;
  /** The front matter's YAML and where it starts in the text. */
  yaml: string;
  yamlStart: number;
  /** The span of the problem's word in the text (what a suggestion replaces). */
  word?: { start: number; end: number };
}

export function quickFixes(problem: Problem, at: FixContext): QuickFix[] {
  const out: QuickFix[] = [];
  if (problem.fix) {
    const yaml = applyFixes(at.yaml, [problem.fix]);
    if (yaml !== at.yaml) out.push({ title: problem.message, preferred: true, edit: { start: at.yamlStart, end: at.yamlStart + at.yaml.length, text: yaml } });
  }
  if (at.word) {
    for (const name of suggestionsIn(problem.message)) {
      out.push({ title: `Change to "${name}"`, preferred: false, edit: { start: at.word.start, end: at.word.end, text: name } });
    }
  }
  return out;
}
