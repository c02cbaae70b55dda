// Split a file into YAML front matter and body, and parse the YAML as data only.
// js-yaml with the core schema: no JavaScript types, no timestamps (dates stay the text the
// editor wrote, so no time zone can shift them), and a budget that stops alias bombs.
import { CORE_SCHEMA, load, type LoadOptions, YAMLException } from 'js-yaml';
import { error, type Problem } from './problem.js';
import { yamlProblem } from './yaml-errors.js';
import { fastFields } from './yaml-fast.js';

export interface FrontMatter {
  /** The YAML text between the delimiter lines. */
  yaml: string;
  /** Offset of `yaml` in the text, and its first line (1-based) in the file. */
  yamlStart: number;
  yamlLine: number;
  /** Offset of the body (just after the closing delimiter line), and its first line. */
  bodyStart: number;
  bodyLine: number;
}

export type SplitResult = { ok: true; frontMatter: FrontMatter } | { ok: false; problem: Problem };

const EXECUTABLE = new Set(['js', 'javascript', 'coffee', 'coffeescript', 'cson']);

/** The end of the line that starts at `from`, and the offset where the next line starts. */
function lineEnd(text: string, from: number): [number, number] {
  const nl = text.indexOf('\n', from);
  if (nl === -1) return [text.length, text.length];
  return [text[nl - 1] === '\r' ? nl - 1 : nl, nl + 1];
}

/** Split the text (BOM already removed). The opening line must be `---`, the closing one too. */
export function splitFrontMatter(text: string): SplitResult {
  const [openEnd, yamlStart] = lineEnd(text, 0);
  const opening = text.slice(0, openEnd);
  const open = /^---[ \t]*([A-Za-z][\w-]*)?[ \t]*$/.exec(opening);
  if (!open) {
    const hint = opening.startsWith('+++')
      ? 'TOML front matter (+++) is not read; write the fields as YAML between --- lines'
      : 'begin the file with a line "---", then the YAML fields, then another "---"';
    return { ok: false, problem: error('front-matter-missing', `No front matter: ${hint}`, { line: 1, column: 1 }) };
  }
  const language = open[1]?.toLowerCase();
  if (language && EXECUTABLE.has(language)) {
    return {
      ok: false,
      problem: error(
        'front-matter-executable',
        `"---${open[1]}" front matter is code and is never run; write the fields as YAML after a plain "---"`,
        { line: 1, column: 4 },
      ),
    };
  }
  if (language && language !== 'yaml' && language !== 'yml') {
    return {
      ok: false,
      problem: error('front-matter-missing', `"---${open[1]}" front matter is not YAML; psg reads YAML only: write the fields as YAML after a plain "---"`, {
        line: 1,
        column: 4,
      }),
    };
  }
  let line = 2;
  let at = yamlStart;
  while (at < text.length) {
    const [end, next] = lineEnd(text, at);
    if (end - at >= 3 && text.startsWith('---', at) && /^---[ \t]*$/.test(text.slice(at, end))) {
      return {
        ok: true,
        frontMatter: { yaml: text.slice(yamlStart, at), yamlStart, yamlLine: 2, bodyStart: next, bodyLine: line + 1 },
      };
    }
    at = next;
    line++;
  }
  return {
    ok: false,
    problem: error('front-matter-unclosed', 'The front matter is never closed: add a line "---" after the last field', {
      line: 1,
      column: 1,
    }),
  };
}

export type ParseResult = { ok: true; data: Map<string, unknown> } | { ok: false; problem: Problem };

// maxDepth (js-yaml 4.1.1+, not yet in its types) stops deeply nested bombs.
const LOAD_OPTIONS = { schema: CORE_SCHEMA, maxDepth: 50 } as LoadOptions;

/** More values than this, counting every use of an alias, is an alias bomb, not an article. */
const VALUE_BUDGET = 10_000;

function countValues(value: unknown, budget: { left: number }): boolean {
  if (--budget.left < 0) return false;
  if (Array.isArray(value)) return value.every((v) => countValues(v, budget));
  if (value && typeof value === 'object') return Object.values(value).every((v) => countValues(v, budget));
  return true;
}

/** Parse front-matter YAML into a map of top-level fields. `yamlLine` places errors in the file. */
export function parseFrontMatter(yaml: string, yamlLine: number): ParseResult {
  // Plain fields (nearly every article) are read directly; js-yaml reads everything else.
  const plain = fastFields(yaml);
  if (plain) return { ok: true, data: plain };
  let value: unknown;
  try {
    value = load(yaml, LOAD_OPTIONS);
  } catch (e) {
    if (!(e instanceof YAMLException)) throw e;
    return { ok: false, problem: yamlProblem(e, yaml, yamlLine) };
  }
  if (value === null || value === undefined) return { ok: true, data: new Map() };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return {
      ok: false,
      problem: error('front-matter-type', 'The front matter must be fields, not a list or a single value: write one "name: value" line a field, e.g. title: …', {
        line: yamlLine,
        column: 1,
      }),
    };
  }
  if (!countValues(value, { left: VALUE_BUDGET })) {
    return {
      ok: false,
      problem: error(
        'yaml-too-complex',
        `The front matter expands to more than ${VALUE_BUDGET.toLocaleString('en')} values (YAML aliases used as a bomb); write the fields out plainly`,
        { line: yamlLine, column: 1 },
      ),
    };
  }
  // Own keys only, into a Map: a key named __proto__ or constructor stays plain data.
  return { ok: true, data: new Map(Object.entries(value)) };
}
