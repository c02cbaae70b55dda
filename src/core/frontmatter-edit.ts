// Set or remove one top-level scalar field of front-matter YAML as a text edit (publish and
// unpublish change `date` and `draft`), so that every other byte — comments, quoting, key
// order — stays as the editor wrote it. Same approach as core/fix.ts.
import { isMap, isScalar, type Node } from 'yaml';
import { findPair, parseYamlDocument } from './yaml-nodes.js';

export class FrontMatterEditError extends Error {}

function blockMap(yaml: string) {
  const doc = parseYamlDocument(yaml);
  if (doc.errors.length) throw new FrontMatterEditError(`the front matter is not valid YAML (${doc.errors[0]!.message.split('\n')[0]})`);
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) return undefined; // empty front matter
  if (!isMap(contents) || contents.flow) throw new FrontMatterEditError('the front matter is not a block of "key: value" lines');
  return contents;
}

const eolOf = (yaml: string) => (yaml.includes('\r\n') ? '\r\n' : '\n');

/** The offset just past the end of the line holding `offset` (past its line break). */
function endOfLine(yaml: string, offset: number): number {
  const nl = yaml.indexOf('\n', offset);
  return nl === -1 ? yaml.length : nl + 1;
}

/**
 * Give top-level `key` the value `valueYaml` (already YAML text, e.g. `2019-04-02` or `true`).
 * An existing value is replaced where it stands, a comment after it kept; a missing key is
 * added as a last line.
 */
export function setField(yaml: string, key: string, valueYaml: string): string {
  const map = blockMap(yaml);
  const pair = map ? findPair(map, key) : undefined;
  if (!pair) {
    const lead = yaml.length > 0 && !yaml.endsWith('\n') ? eolOf(yaml) : '';
    return `${yaml}${lead}${key}: ${valueYaml}${eolOf(yaml)}`;
  }
  const value = pair.value as Node | null;
  if (isScalar(value) && value.range && value.range[1] > value.range[0]) {
    const [start, end] = value.range;
    return yaml.slice(0, start) + valueYaml + yaml.slice(end);
  }
  // No value yet (`date:`), or a list or map where a scalar belongs: the new value goes
  // right after the colon, replacing whatever collection was there.
  const keyEnd = (pair.key as Node).range![1];
  const colon = yaml.indexOf(':', keyEnd);
  let end = value?.range && !isScalar(value) ? value.range[1] : colon + 1;
  // A collection's range runs past its last line break; keep that break.
  while (end > colon + 1 && /\s/.test(yaml[end - 1]!)) end--;
  return `${yaml.slice(0, colon + 1)} ${valueYaml}${yaml.slice(end)}`;
}

/** Remove top-level `key` (every copy of it), each with the whole of its lines. */
export function removeField(yaml: string, key: string): string {
  const map = blockMap(yaml);
  if (!map) return yaml;
  let out = yaml;
  const pairs = map.items.filter((p) => isScalar(p.key) && String(p.key.value) === key).reverse();
  for (const pair of pairs) {
    const keyStart = (pair.key as Node).range![0];
    const start = out.lastIndexOf('\n', keyStart - 1) + 1;
    const value = pair.value as Node | null;
    const last = value?.range && value.range[1] > value.range[0] ? value.range[1] - 1 : (pair.key as Node).range![1];
    out = out.slice(0, start) + out.slice(endOfLine(out, last));
  }
  return out;
}
