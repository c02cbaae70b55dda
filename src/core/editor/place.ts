// Where the cursor is in a document's front matter, as plain text positions (0-based line and
// character, as the Language Server Protocol counts them), without parsing the YAML: a file
// being typed is broken YAML half the time.

export interface Place {
  /** The top-level field the cursor is in, when it is in the front matter. */
  field?: string;
  /** True when the cursor is where a field name goes (start of a top-level line). */
  atKey: boolean;
  /** The word typed so far before the cursor, and the character it starts at. */
  prefix: string;
  prefixStart: number;
}

const KEY = /^([A-Za-z_][\w-]*)[ \t]*:/;

/** The lines of the front matter: [first, last) line numbers, or undefined when there is none. */
export function frontMatterLines(lines: readonly string[]): [number, number] | undefined {
  if (!/^\uFEFF?---[ \t]*$/.test(lines[0] ?? '')) return undefined;
  for (let i = 1; i < lines.length; i++) if (/^---[ \t]*$/.test(lines[i]!)) return [1, i];
  return [1, lines.length];
}

export function placeAt(text: string, line: number, character: number): Place | undefined {
  const lines = text.split(/\r?\n/);
  const fm = frontMatterLines(lines);
  if (!fm || line < fm[0] || line >= fm[1]) return undefined;
  const before = (lines[line] ?? '').slice(0, character);
  const start = before.search(/[^\s,[\]{}"'-]*$/);
  const prefix = before.slice(start);
  const own = KEY.exec(before);
  if (own) return { field: own[1]!, atKey: false, prefix, prefixStart: start };
  if (/^[A-Za-z_][\w-]*$|^$/.test(before)) return { atKey: true, prefix, prefixStart: start };
  // An indented line (a block list item) belongs to the nearest field above it.
  for (let i = line - 1; i >= fm[0]; i--) {
    const key = KEY.exec(lines[i]!);
    if (key) return { field: key[1]!, atKey: false, prefix, prefixStart: start };
  }
  return { atKey: false, prefix, prefixStart: start };
}

/**
 * The word under the cursor (a region or tag name, spaces included) and where it starts and
 * ends: between the marks that delimit YAML values, without the dash of a list item. On an
 * opening quote it is the quoted word.
 */
export function wordAt(text: string, line: number, character: number): { word: string; start: number; end: number } | undefined {
  const row = text.split(/\r?\n/)[line] ?? '';
  const stop = /[,[\]{}"'#:]/;
  const at = /["']/.test(row[character] ?? '') ? character + 1 : character;
  let start = at;
  while (start > 0 && !stop.test(row[start - 1]!)) start--;
  let end = at;
  while (end < row.length && !stop.test(row[end]!)) end++;
  while (start < end && /\s/.test(row[start]!)) start++;
  if (row.startsWith('- ', start)) start += 2;
  while (start < end && /\s/.test(row[start]!)) start++;
  while (end > start && /\s/.test(row[end - 1]!)) end--;
  return end > start ? { word: row.slice(start, end), start, end } : undefined;
}
