// Finding nodes of the front matter with their offsets, through the `yaml` package's
// document model. Only used when a position or an edit is needed: js-yaml reads faster,
// `yaml` knows where everything is.
import { createRequire } from 'node:module';
import type { Document, Node, Pair } from 'yaml';

// Loaded when first needed: most runs of validate never place a problem this way, and the
// package costs about 50 ms to load. It is CommonJS, so require gives it at once.
let yamlLib: typeof import('yaml') | undefined;
const lib = (): typeof import('yaml') => (yamlLib ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));
const isMap = ((node: unknown) => lib().isMap(node)) as typeof import('yaml').isMap;
const isPair = ((node: unknown) => lib().isPair(node)) as typeof import('yaml').isPair;
const isScalar = ((node: unknown) => lib().isScalar(node)) as typeof import('yaml').isScalar;
const isSeq = ((node: unknown) => lib().isSeq(node)) as typeof import('yaml').isSeq;

export function parseYamlDocument(yaml: string): Document {
  return lib().parseDocument(yaml, { uniqueKeys: false });
}

export function findPair(node: unknown, key: string | number): Pair | undefined {
  if (!isMap(node)) return undefined;
  return node.items.find((pair) => isPair(pair) && isScalar(pair.key) && String(pair.key.value) === String(key));
}

/**
 * The offset of a YAML path in the document text: the value's start, or the key's with
 * `key`. Where the path stops early (a scalar where a list was expected) the deepest node
 * found answers.
 */
export function offsetOf(doc: Document, path: readonly (string | number)[], key = false): number | undefined {
  let node: unknown = doc.contents;
  let offset: number | undefined = (doc.contents as Node | null)?.range?.[0];
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const last = i === path.length - 1;
    if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
    } else {
      const pair = findPair(node, segment);
      if (!pair) return offset;
      const keyNode = pair.key as Node;
      if (last && key) return keyNode.range?.[0] ?? offset;
      node = pair.value ?? undefined;
      // An empty value has no useful range: point at its key.
      if (!node || (isScalar(node) && node.value === null)) return keyNode.range?.[0] ?? offset;
    }
    const range = (node as Node | undefined)?.range;
    if (!range) return offset;
    offset = range[0];
  }
  return offset;
}

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart };
}

