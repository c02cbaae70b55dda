// Apply safe fixes to front-matter YAML as text edits, so that everything the fix does not
// touch (comments, quoting, key order, the body) stays byte for byte.
import { isScalar, isSeq, type Node, type Scalar } from 'yaml';
import type { Fix, FixValue } from './problem.js';
import { findPair, parseYamlDocument } from './yaml-nodes.js';
import { flowList, scalar } from './yaml-text.js';

interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * A block list whose items stay where they are and new ones follow: each changed item is
 * replaced on its own, so comments between and after the items are kept.
 */
function itemEdits(yaml: string, items: Node[], values: readonly string[], indent: string, eol: string): Edit[] | undefined {
  if (values.length < items.length || !items.every((item) => isScalar(item) && item.range)) return undefined;
  const edits: Edit[] = [];
  items.forEach((item, i) => {
    const [start, end] = item.range!;
    if ((item as Scalar).value !== values[i]) edits.push({ start, end, text: scalar(values[i]!) });
  });
  if (values.length > items.length) {
    // After the last item's line, comment included.
    const lineBreak = yaml.indexOf('\n', items[items.length - 1]!.range![1]);
    const at = lineBreak === -1 ? yaml.length : yaml[lineBreak - 1] === '\r' ? lineBreak - 1 : lineBreak;
    const added = values.slice(items.length).map((v) => `${eol}${indent}- ${scalar(v)}`);
    edits.push({ start: at, end: at, text: added.join('') });
  }
  return edits;
}

/** A fix's value as YAML: a flow list, or one scalar. */
const valueText = (value: FixValue): string =>
  typeof value === 'number' ? String(value) : typeof value === 'string' ? scalar(value) : flowList(value);

/** One field's new value, a list written in the style the field already had. */
function editsFor(yaml: string, doc: ReturnType<typeof parseYamlDocument>, fix: Fix, eol: string): Edit[] {
  const pair = findPair(doc.contents, fix.field);
  if ('rename' in fix) {
    // Only the key's text changes; a field of the new name already there leaves it as it is.
    const range = (pair?.key as Node | undefined)?.range;
    if (!range || findPair(doc.contents, fix.rename)) return [];
    return [{ start: range[0], end: range[1], text: scalar(fix.rename) }];
  }
  if (!pair) {
    const end = yaml.length;
    const lead = end > 0 && !yaml.endsWith('\n') ? eol : '';
    return [{ start: end, end, text: `${lead}${fix.field}: ${valueText(fix.value)}${eol}` }];
  }
  const value = pair.value as Node | null;
  if (Array.isArray(fix.value) && isSeq(value) && !value.flow && value.items.length > 0) {
    const items = value.items as Node[];
    const first = items[0]!.range!;
    const last = items[items.length - 1]!.range!;
    const lineStart = yaml.lastIndexOf('\n', first[0] - 1) + 1;
    // The "- " of the first item starts the sequence; later items line up under it.
    const dash = yaml.lastIndexOf('-', first[0] - 1);
    const indent = yaml.slice(lineStart, dash);
    const list = fix.value as readonly string[];
    const each = itemEdits(yaml, items, list, indent, eol);
    if (each) return each;
    const lines = list.map((v) => `- ${scalar(v)}`).join(`${eol}${indent}`);
    return [{ start: dash, end: last[1], text: lines }];
  }
  const range = value?.range ?? [(pair.key as Node).range![1] + 1, (pair.key as Node).range![1] + 1];
  const empty = range[0] === range[1];
  return [{ start: range[0], end: range[1], text: `${empty ? ' ' : ''}${valueText(fix.value)}` }];
}

/** The YAML text with the fixes applied; the first fix of a field wins. */
export function applyFixes(yaml: string, fixes: readonly Fix[]): string {
  const eol = yaml.includes('\r\n') ? '\r\n' : '\n';
  const doc = parseYamlDocument(yaml);
  const byField = new Map<string, Fix>();
  for (const fix of fixes) {
    const key = 'rename' in fix ? `${fix.field}\u0000rename` : fix.field;
    if (!byField.has(key)) byField.set(key, fix);
  }
  const edits = [...byField.values()].flatMap((fix) => editsFor(yaml, doc, fix, eol)).sort((a, b) => b.start - a.start);
  let out = yaml;
  for (const edit of edits) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}
