// Give every problem a real line:column in the file, from its YAML path.
import type { Problem } from './problem.js';
import { lineColumn, offsetOf, parseYamlDocument } from './yaml-nodes.js';

export function locateProblems(problems: Problem[], yaml: string | undefined, yamlLine: number): void {
  const doc = yaml !== undefined && problems.some((p) => p.line === undefined && p.at) ? parseYamlDocument(yaml) : undefined;
  for (const problem of problems) {
    if (problem.line !== undefined) continue;
    const offset = doc && problem.at ? offsetOf(doc, problem.at.path, problem.at.key) : undefined;
    if (offset === undefined || yaml === undefined) {
      problem.line = 1;
      problem.column = 1;
      continue;
    }
    const { line, column } = lineColumn(yaml, offset);
    problem.line = yamlLine + line;
    problem.column = column + 1;
  }
}
