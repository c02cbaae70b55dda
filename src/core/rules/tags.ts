import { type Fix, type Problem, warning } from '../problem.js';
import { isWellFormedTag, tagForm } from '../tags.js';
import { orList } from '../text.js';
import { readStringList } from '../values.js';
import type { FileRule } from './types.js';

/** The list once each tag is in its well-formed spelling, each tag once. */
const tidied = (tags: readonly string[]): string[] => [...new Set(tags.map((t) => (isWellFormedTag(t) ? t : tagForm(t))))];

export const tagsRule: FileRule = {
  name: 'tags',
  check({ data }, ctx) {
    const list = readStringList(data.get('tags'));
    if (!list) return [];
    const problems: Problem[] = [];
    // Case, accents and separators are certain ("Consulta Previa" is consulta-previa), as is
    // dropping a tag given twice: one fix for the whole list, safe when every item is text
    // and every spelling keeps a letter.
    const safe = list.bad.length === 0 && list.values.every((t) => tagForm(t) !== '');
    const fix = safe ? { fix: { field: 'tags', value: tidied(list.values) } } : {};
    const seen = new Set<string>();
    list.values.forEach((tag, i) => {
      const at = { path: list.scalar ? ['tags'] : ['tags', list.indexes[i]!] };
      const form = tagForm(tag);
      if (!isWellFormedTag(tag)) {
        problems.push(warning('tag-format', `Tag "${tag}" should be lowercase words joined by hyphens; write it as "${form}"`, { at, ...fix }));
      } else if (seen.has(tag)) {
        problems.push(warning('tag-duplicate', `The tag "${tag}" is given twice; keep one`, { at, ...fix }));
      }
      seen.add(isWellFormedTag(tag) ? tag : form);
      if (!ctx.tags.has(tag) && !ctx.tags.has(form)) {
        const near = ctx.tags.suggest(tag);
        const mean = near.length ? `; did you mean ${orList(near)}?` : '; add it to "tags" in psg.config.json if it is new';
        // A guess, not a certainty: offered only where there is one near tag.
        const suggestion: Fix | undefined =
          near.length === 1 && list.bad.length === 0 ? { field: 'tags', value: [...new Set(list.values.map((t, k) => (k === i ? near[0]! : t)))] } : undefined;
        problems.push(warning('tag-unknown', `Unknown tag "${tag}"${mean}`, { at, ...(suggestion && { suggestion }) }));
      }
    });
    return problems;
  },
};
