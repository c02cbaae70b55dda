// Give every problem a real line:column in the file, from its YAML path. Front matter is
// nearly always plain "key: value" lines with [flow] or "- block" lists, and a line scan
// finds those in microseconds; anything else goes to the `yaml` package's document model.
import type { Problem } from './problem.js';
import { lineColumn, offsetOf, parseYamlDocument } from './yaml-nodes.js';

interface Line {
  start: number;
  text: string;
}

function splitLines(yaml: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const nl = yaml.indexOf('\n', start);
    const end = nl === -1 ? yaml.length : nl;
    lines.push({ start, text: yaml.slice(start, end).replace(/\r$/, '') });
    if (nl === -1) return lines;
    start = nl + 1;
  }
}

/**
 * Whether a line is `field:` (bare, "quoted" or 'quoted') followed by a space, a tab or
 * nothing. Compared as text: a key is never made into a regular expression, whatever it holds.
 */
function isKeyLine(text: string, field: string): boolean {
  for (const quote of ['', '"', "'"]) {
    const key = quote + field + quote;
    if (!text.startsWith(key)) continue;
    let i = key.length;
    while (text[i] === ' ' || text[i] === '\t') i++;
    if (text[i] !== ':') continue;
    const after = text[i + 1];
    if (after === undefined || after === ' ' || after === '\t') return true;
  }
  return false;
}

/** Start offsets of the items of a one-line flow list "[a, "b, c", d]" (from its "["). */
function flowItems(text: string, open: number): number[] | undefined {
  const starts: number[] = [];
  let depth = 0;
  let quote = '';
  let expectItem = false;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (expectItem && c !== ' ' && c !== '\t') {
      if (c === ']' && depth === 1) return starts;
      starts.push(i);
      expectItem = false;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') {
      depth++;
      if (depth === 1) expectItem = true;
    } else if (c === ']' || c === '}') {
      depth--;
      if (depth === 0) return starts;
    } else if (c === ',' && depth === 1) expectItem = true;
    else if (c === '#' && depth === 0) return undefined;
  }
  return undefined; // the list goes on over several lines: leave it to the full parser
}

/**
 * Where a problem about a top-level field that no line names points: the start of the map,
 * its first key, as the document model answers (offsetOf). Only for plain front matter, a
 * "key: value" line at a time with indented or "- " lines under them; anything else goes
 * to the full parser. (Letters without series fields ask this of every file.)
 */
function absentKeyOffset(lines: Line[]): number | undefined {
  let first: number | undefined;
  for (const l of lines) {
    const t = l.text;
    const trimmed = t.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (t[0] === ' ' || t[0] === '\t' || (t[0] === '-' && first !== undefined && /^-([ \t]|$)/.test(t))) {
      if (first === undefined) return undefined;
      continue;
    }
    if (!/^[A-Za-z0-9_][\w-]*:([ \t]|$)/.test(t)) return undefined;
    first ??= l.start;
  }
  return first;
}

/** The offset of a top-level key, its value, or one item of its list; undefined if unsure. */
function fastOffset(lines: Line[], path: readonly (string | number)[], key: boolean): number | undefined {
  const [field, index] = path;
  if (typeof field !== 'string' || path.length > 2 || (path.length === 2 && typeof index !== 'number')) return undefined;
  const at = lines.findIndex((l) => isKeyLine(l.text, field));
  if (at === -1) return path.length === 1 ? absentKeyOffset(lines) : undefined;
  const line = lines[at]!;
  if (key) return line.start;
  const colon = line.text.indexOf(':', field.length);
  const rest = line.text.slice(colon + 1);
  const valueCol = colon + 1 + (rest.length - rest.trimStart().length);
  const inline = rest.trim() !== '' && !rest.trim().startsWith('#');
  if (path.length === 1) {
    if (inline) return line.start + valueCol;
    const next = lines.slice(at + 1).find((l) => l.text.trim() !== '' && !l.text.trim().startsWith('#'));
    return next && /^\s/.test(next.text) ? next.start + next.text.length - next.text.trimStart().length : line.start;
  }
  const i = index as number;
  if (inline) {
    if (line.text[valueCol] !== '[') return undefined;
    const starts = flowItems(line.text, valueCol);
    return starts && i < starts.length ? line.start + starts[i]! : undefined;
  }
  // A block list: "- item" lines indented under the key (or at its level, as YAML allows).
  let seen = -1;
  for (const l of lines.slice(at + 1)) {
    if (l.text.trim() === '' || l.text.trim().startsWith('#')) continue;
    const m = /^([ \t]*)-(?:[ \t]+|$)/.exec(l.text);
    if (!m) return undefined;
    if (++seen === i) return l.start + m[0].length;
  }
  return undefined;
}

export function locateProblems(problems: Problem[], yaml: string | undefined, yamlLine: number): void {
  let lines: Line[] | undefined;
  let doc: ReturnType<typeof parseYamlDocument> | undefined;
  for (const problem of problems) {
    const at = problem.at;
    // Once placed, the YAML path is not needed: drop it (100,000 files can hold many problems).
    delete problem.at;
    if (problem.line !== undefined) continue;
    let offset: number | undefined;
    if (yaml !== undefined && at) {
      lines ??= splitLines(yaml);
      offset = fastOffset(lines, at.path, Boolean(at.key));
      if (offset === undefined) {
        doc ??= parseYamlDocument(yaml);
        offset = offsetOf(doc, at.path, at.key);
      }
    }
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
