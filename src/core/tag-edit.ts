// psg tags rename / merge on one file's front matter: the matching items of `tags` are
// replaced (or, where the new tag is already there, removed) as text edits, each item in the
// quoting it had, so that everything else — comments, order, other fields, the body — stays
// byte for byte. Same approach as core/fix.ts.
import { isScalar, isSeq, type Node, type Scalar } from 'yaml';
import { tagForm } from './tags.js';
import { findPair, parseYamlDocument } from './yaml-nodes.js';
import { scalar } from './yaml-text.js';

/** Tags to replace (compared in their well-formed spelling) and the tag they become. */
export interface TagChange {
  from: ReadonlySet<string>;
  to: string;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** The new tag written in the quoting the old item had. */
function inStyle(item: Scalar, tag: string): string {
  if (item.type === 'QUOTE_DOUBLE') return `"${tag}"`;
  if (item.type === 'QUOTE_SINGLE') return `'${tag}'`;
  return tag;
}

const matches = (value: unknown, change: TagChange) => typeof value === 'string' && change.from.has(tagForm(value));
const isTo = (value: unknown, change: TagChange) => typeof value === 'string' && tagForm(value) === change.to;

/** The offset just past the line break that ends the line holding `offset`. */
function nextLine(yaml: string, offset: number): number {
  const nl = yaml.indexOf('\n', offset);
  return nl === -1 ? yaml.length : nl + 1;
}

function seqEdits(yaml: string, items: Node[], flow: boolean, change: TagChange): Edit[] {
  const edits: Edit[] = [];
  let haveTo = items.some((item) => isScalar(item) && isTo(item.value, change) && !matches(item.value, change));
  items.forEach((item, i) => {
    if (!isScalar(item) || !item.range || !matches(item.value, change)) return;
    const [start, end] = item.range;
    if (!haveTo) {
      haveTo = true;
      if (item.value !== change.to) edits.push({ start, end, text: inStyle(item, change.to) });
      return;
    }
    // Already there: drop this item with its separator.
    if (flow) {
      const next = items[i + 1]?.range;
      const prev = items[i - 1]?.range;
      if (next) edits.push({ start, end: next[0], text: '' });
      else if (prev) edits.push({ start: prev[1], end, text: '' });
      else edits.push({ start, end, text: '' });
    } else {
      const lineStart = yaml.lastIndexOf('\n', start - 1) + 1;
      edits.push({ start: lineStart, end: nextLine(yaml, end), text: '' });
    }
  });
  return edits;
}

/**
 * The YAML with the change made to `tags`, or the same text when the file has none of the
 * tags (or its front matter cannot be edited safely: a YAML error, tags that are not a list).
 */
export function renameTags(yaml: string, change: TagChange): string {
  const doc = parseYamlDocument(yaml);
  if (doc.errors.length) return yaml;
  const pair = findPair(doc.contents, 'tags');
  const value = pair?.value as Node | null | undefined;
  let edits: Edit[] = [];
  if (isSeq(value)) {
    edits = seqEdits(yaml, value.items as Node[], Boolean(value.flow), change);
  } else if (isScalar(value) && typeof value.value === 'string' && value.range) {
    // "tags: mining, environment": one string of comma-separated tags stays one string.
    const tags = value.value.split(',').map((t) => t.trim()).filter((t) => t !== '');
    if (tags.some((t) => change.from.has(tagForm(t)))) {
      const renamed = [...new Set(tags.map((t) => (change.from.has(tagForm(t)) ? change.to : t)))];
      const text = renamed.join(', ');
      // Plain stays plain where it safely can: "a-b, c" reads back the same in block context.
      const plain = value.type === 'PLAIN' && /^[a-z0-9-]+(?:, [a-z0-9-]+)*$/.test(text);
      edits = [{ start: value.range[0], end: value.range[1], text: plain ? text : scalar(text) }];
    }
  }
  let out = yaml;
  for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

/** A vocabulary list with the change made: the new tag where the first old one stood, once. */
export function renameInList(tags: readonly string[], change: TagChange): string[] {
  const out: string[] = [];
  for (const tag of tags) {
    const next = change.from.has(tag) ? change.to : tag;
    if (!out.includes(next)) out.push(next);
  }
  return out;
}
