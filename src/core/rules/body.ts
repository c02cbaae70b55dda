import { warning } from '../problem.js';
import type { FileRule } from './types.js';

// An HTML comment, as CommonMark reads one: an unclosed "<!--" runs to the end of the text.
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;

/** Whether a body holds nothing a reader would see: white space and HTML comments only. */
export function bodyIsBlank(body: string): boolean {
  return body.trim() === '' || body.replace(COMMENT, '').trim() === '';
}

export const bodyRule: FileRule = {
  name: 'body-empty',
  check({ body, bodyLine }) {
    // A body of nothing but comments is the template of psg new, never filled in.
    if (!bodyIsBlank(body)) return [];
    // At the closing "---": the body's first line may not exist at all.
    return [warning('body-empty', 'The article has no text after the front matter, only white space or comments; write its body', { line: bodyLine - 1, column: 1 })];
  },
};
