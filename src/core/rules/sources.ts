import { error, type Problem, warning } from '../problem.js';
import { isPlainObject, own } from '../values.js';
import { describe } from './field-types.js';
import type { FileRule } from './types.js';

/** A URL a reader may follow: absolute http or https, nothing else (no javascript:, data:, file:). */
export function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text.trim());
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

export const sourcesRule: FileRule = {
  name: 'sources',
  check({ data }) {
    const sources = data.get('sources');
    if (!Array.isArray(sources)) return [];
    const problems: Problem[] = [];
    sources.forEach((item, i) => {
      if (!isPlainObject(item)) {
        problems.push(error('source-url', `Each source must be {title, url}, not ${describe(item)}; write it as {title: …, url: https://…}`, { at: { path: ['sources', i] } }));
        return;
      }
      const url = own(item, 'url');
      if (typeof url !== 'string' || !isWebUrl(url)) {
        const shown = typeof url === 'string' ? `"${url.slice(0, 60)}"` : 'missing';
        problems.push(
          error('source-url', `Source url ${shown} is not a web address; use a full http:// or https:// link`, {
            at: { path: ['sources', i, ...(url === undefined ? [] : ['url'])] },
          }),
        );
      }
      if (typeof own(item, 'title') !== 'string') {
        problems.push(warning('source-title', 'Give each source a "title" that names it', { at: { path: ['sources', i] } }));
      }
    });
    return problems;
  },
};
