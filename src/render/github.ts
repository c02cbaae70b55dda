// The validate reporter for GitHub Actions: one workflow command a problem, which the runner
// turns into an annotation on the file and line of the pull request.
import type { Problem } from '../core/problem.js';
import type { FileReport } from './report.js';

/** Escaping of a command's message, as the runner expects it (actions/toolkit escapeData). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a property value: also the ":" and "," that end a property (escapeProperty). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function githubCommand(path: string, p: Problem): string {
  const props = [`file=${escapeProperty(path)}`, `line=${p.line ?? 1}`, `col=${p.column ?? 1}`, `title=${escapeProperty(p.rule)}`];
  return `::${p.severity === 'error' ? 'error' : 'warning'} ${props.join(',')}::${escapeData(p.message)}\n`;
}

/** A file's problems as workflow commands. */
export function githubFile(file: FileReport): string {
  return file.problems.map((p) => githubCommand(file.path, p)).join('');
}
