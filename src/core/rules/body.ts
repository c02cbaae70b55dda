import { warning } from '../problem.js';
import type { FileRule } from './types.js';

export const bodyRule: FileRule = {
  name: 'body-empty',
  check({ body, bodyLine }) {
    if (body.trim() !== '') return [];
    // At the closing "---": the body's first line may not exist at all.
    return [warning('body-empty', 'The article has no text after the front matter; write its body', { line: bodyLine - 1, column: 1 })];
  },
};
