// What a rename or merge does to the vocabulary as psg.config.json states it: the config's
// own list is edited; a built-in vocabulary that loses a tag has to be written out whole.
import { renameInList, type TagChange } from './tag-edit.js';

/** The `tags` value of psg.config.json: absent (built-in), a list, or { extend }. */
export type TagsSetting = string[] | { extend: string[] } | undefined;

export interface VocabularyEdit {
  /** The new `tags` value, or undefined when the vocabulary needs no change. */
  tags?: string[] | { extend: string[] };
  /** True when the built-in vocabulary was written out as a list (it lost a tag). */
  wroteBuiltIn: boolean;
}

export function editVocabulary(setting: TagsSetting, builtIn: readonly string[], change: TagChange): VocabularyEdit {
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((t, i) => t === b[i]);
  if (Array.isArray(setting)) {
    const next = renameInList(setting, change);
    if (!next.includes(change.to)) next.push(change.to);
    return same(next, setting) ? { wroteBuiltIn: false } : { tags: next, wroteBuiltIn: false };
  }
  const extend = setting?.extend ?? [];
  if (builtIn.some((t) => change.from.has(t) && t !== change.to)) {
    // { extend } can only add: to take a built-in tag away, the whole list is written.
    const next = renameInList([...builtIn, ...extend.filter((t) => !builtIn.includes(t))], change);
    if (!next.includes(change.to)) next.push(change.to);
    return { tags: next, wroteBuiltIn: true };
  }
  let next = renameInList(extend, change);
  if (!next.includes(change.to) && !builtIn.includes(change.to)) next = [...next, change.to];
  next = next.filter((t) => !builtIn.includes(t) || extend.includes(t));
  return same(next, extend) ? { wroteBuiltIn: false } : { tags: { extend: next }, wroteBuiltIn: false };
}

/** psg.config.json's text with `tags` set, in the indentation the file had (new: two spaces). */
export function configText(text: string | undefined, tags: string[] | { extend: string[] }): string {
  const raw = text === undefined ? {} : (JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>);
  raw.tags = tags;
  const indent = text === undefined ? '  ' : (/^\{\s*\n([ \t]+)"/.exec(text)?.[1] ?? '  ');
  const eol = text?.includes('\r\n') ? '\r\n' : '\n';
  return JSON.stringify(raw, null, indent).replace(/\n/g, eol) + eol;
}
