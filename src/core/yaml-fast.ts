// A reader for the plain front matter nearly every article has: one `name: value` line a
// field, where a value is a plain or quoted scalar on its line, a [flow, list] on its line,
// or a block list of such scalars. Anything else (comments, escapes, anchors, tags, block
// scalars, nesting, a scalar over several lines, tabs, duplicate names, characters YAML
// refuses) is left to js-yaml: this answers only where the answer is certain, and then with
// exactly the values js-yaml gives (plain scalars are resolved by js-yaml's own core-schema
// types). A first run reads 100,000 front matters; js-yaml's general parser was a fifth of it.
import { CORE_SCHEMA } from 'js-yaml';

interface ImplicitType {
  resolve(data: string): boolean;
  construct(data: string): unknown;
}

// js-yaml's own list of the types a plain scalar may resolve to (null, bool, int, float), in its order.
const IMPLICIT = (CORE_SCHEMA as unknown as { compiledImplicit: ImplicitType[] }).compiledImplicit;

/** What js-yaml makes of a plain scalar under the core schema. */
function resolvePlain(text: string): unknown {
  if (text === '') return null;
  for (const type of IMPLICIT) if (type.resolve(text)) return type.construct(text);
  return text;
}

// Characters js-yaml refuses anywhere in a stream (its PATTERN_NON_PRINTABLE), and tabs, CRs
// and '#' (comments), which the reader below does not handle.
// eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
const UNSURE = /[\x00-\x09\x0B-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF#\\]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
const KEY = /^([A-Za-z][A-Za-z0-9_-]*):(?: +|$)/;
/** Characters a plain scalar may not start with (YAML's indicators). */
const INDICATOR = new Set(['-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);

const NO = Symbol('unsure');

// YAML's white space is the space (tabs never get here); String.trim would also take
// no-break spaces and others that YAML keeps as text.
const endSpaces = (s: string): string => s.replace(/ +$/, '');
const spaces = (s: string): string => endSpaces(s).replace(/^ +/, '');
const blank = (s: string): boolean => /^ *$/.test(s);
type Maybe = unknown;

/** A quoted scalar that is the whole of `text` (after trailing spaces), or NO. */
function quoted(text: string): Maybe {
  const q = text[0];
  if (q === '"') {
    const end = text.indexOf('"', 1);
    // No backslashes reach here (UNSURE), so the first quote closes it.
    if (end === -1 || !blank(text.slice(end + 1))) return NO;
    return text.slice(1, end);
  }
  // Single quotes: '' is a quote inside.
  let out = '';
  let at = 1;
  for (;;) {
    const next = text.indexOf("'", at);
    if (next === -1) return NO;
    out += text.slice(at, next);
    if (text[next + 1] === "'") {
      out += "'";
      at = next + 2;
      continue;
    }
    return blank(text.slice(next + 1)) ? out : NO;
  }
}

/** A scalar value in block context (the rest of a line), or NO. */
function blockScalar(raw: string): Maybe {
  const text = endSpaces(raw);
  if (text === '') return null;
  const first = text[0]!;
  if (first === '"' || first === "'") return quoted(text);
  // "-1" and "-.inf" are numbers; "- x" would be a list.
  if (INDICATOR.has(first) && !(first === '-' && text.length > 1 && text[1] !== ' ')) return NO;
  if (/:( |$)/.test(text)) return NO;
  return resolvePlain(text);
}

/** A one-line [flow, list] of scalars, or NO. */
function flowList(raw: string): Maybe {
  const text = endSpaces(raw);
  if (!text.endsWith(']')) return NO;
  const inner = text.slice(1, -1);
  if (blank(inner)) return [];
  const items: unknown[] = [];
  let at = 0;
  while (at <= inner.length) {
    while (inner[at] === ' ') at++;
    let item: Maybe;
    let end: number;
    if (inner[at] === '"' || inner[at] === "'") {
      const q = inner[at]!;
      // The closing quote: for single quotes, '' inside does not close.
      let close = at + 1;
      for (;;) {
        close = inner.indexOf(q, close);
        if (close === -1) return NO;
        if (q === "'" && inner[close + 1] === "'") close += 2;
        else break;
      }
      item = quoted(inner.slice(at, close + 1));
      end = inner.indexOf(',', close + 1);
      if (end === -1) end = inner.length;
      if (!blank(inner.slice(close + 1, end))) return NO;
    } else {
      end = inner.indexOf(',', at);
      if (end === -1) end = inner.length;
      const plain = spaces(inner.slice(at, end));
      if (plain === '' || INDICATOR.has(plain[0]!) || /[[\]{}]|:( |$)/.test(plain)) {
        // "-1" is a number even here.
        if (!(plain[0] === '-' && plain.length > 1 && plain[1] !== ' ' && !/[[\]{}]|:( |$)/.test(plain))) return NO;
      }
      item = resolvePlain(plain);
    }
    if (item === NO) return NO;
    items.push(item);
    at = end + 1;
    if (end >= inner.length) break;
  }
  return items;
}

/**
 * The fields of plain front matter, as js-yaml would give them; undefined when the YAML is
 * anything this reader is not sure of (js-yaml then reads it, and reports what is wrong).
 */
export function fastFields(yaml: string): Map<string, unknown> | undefined {
  if (UNSURE.test(yaml)) return undefined;
  const lines = yaml.split('\n');
  const fields = new Map<string, unknown>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (blank(line)) continue;
    const key = KEY.exec(line);
    if (!key || fields.has(key[1]!) || key[1] === '__proto__') return undefined;
    const rest = line.slice(key[0].length);
    if (!blank(rest)) {
      const value = rest[0] === '[' ? flowList(rest) : blockScalar(rest);
      if (value === NO) return undefined;
      fields.set(key[1]!, value);
      // A line below that is indented would continue this value: not for this reader.
      const next = lines[i + 1];
      if (next !== undefined && next.startsWith(' ') && !blank(next)) return undefined;
      continue;
    }
    // "name:" alone: null, or a block list below it.
    const items: unknown[] = [];
    let indent = -1;
    let j = i + 1;
    for (; j < lines.length; j++) {
      const l = lines[j]!;
      if (blank(l)) continue;
      const item = /^( *)- +(.*)$|^( *)-$/.exec(l);
      if (!item) break;
      const at = (item[1] ?? item[3]!).length;
      if (indent === -1) indent = at;
      else if (at !== indent) return undefined;
      const value = item[2] === undefined ? null : item[2][0] === '[' || item[2].startsWith('- ') || item[2] === '-' ? NO : blockScalar(item[2]);
      if (value === NO) return undefined;
      items.push(value);
    }
    // Whatever follows must be the next field, at the left margin.
    if (j < lines.length && lines[j]!.startsWith(' ')) return undefined;
    fields.set(key[1]!, indent === -1 ? null : items);
    i = j - 1;
  }
  return fields;
}
