import { LIMITS } from '../article.js';
import { error, type Problem, warning } from '../problem.js';
import type { FileRule } from './types.js';

/** Characters as a reader counts them (an emoji is one), without building an array. */
function codePoints(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

export const lengthsRule: FileRule = {
  name: 'lengths',
  check({ data }) {
    const problems: Problem[] = [];
    const title = data.get('title');
    if (typeof title === 'string') {
      const at = { path: ['title'] };
      if (/[\r\n]/.test(title.trim())) {
        problems.push(error('title-length', 'The title must be one line; join its lines', { at }));
      }
      const length = codePoints(title.trim());
      if (length > LIMITS.titleMax) {
        problems.push(error('title-length', `The title is ${length} characters; shorten it to ${LIMITS.titleMax} or fewer`, { at }));
      }
    }
    const summary = data.get('summary');
    if (typeof summary === 'string') {
      const length = codePoints(summary.trim());
      if (length > LIMITS.summaryWarn) {
        problems.push(
          warning('summary-length', `The summary is ${length} characters; a lede over ${LIMITS.summaryWarn} reads badly in the digest, so shorten it`, {
            at: { path: ['summary'] },
          }),
        );
      }
    }
    return problems;
  },
};
