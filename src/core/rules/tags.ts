import { type Problem, warning } from '../problem.js';
import { isWellFormedTag, tagForm } from '../tags.js';
import { orList } from '../text.js';
import { readStringList } from '../values.js';
import type { FileRule } from './types.js';

export const tagsRule: FileRule = {
  name: 'tags',
  check({ data }, ctx) {
    const list = readStringList(data.get('tags'));
    if (!list) return [];
    const problems: Problem[] = [];
    list.values.forEach((tag, i) => {
      const at = { path: list.scalar ? ['tags'] : ['tags', list.indexes[i]!] };
      if (!isWellFormedTag(tag)) {
        problems.push(warning('tag-format', `Tag "${tag}" should be lowercase words joined by hyphens; write it as "${tagForm(tag)}"`, { at }));
      }
      if (!ctx.tags.has(tag) && !ctx.tags.has(tagForm(tag))) {
        const near = ctx.tags.suggest(tag);
        const mean = near.length ? `; did you mean ${orList(near)}?` : '; add it to "tags" in psg.config.json if it is new';
        problems.push(warning('tag-unknown', `Unknown tag "${tag}"${mean}`, { at }));
      }
    });
    return problems;
  },
};
