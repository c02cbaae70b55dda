import { warning } from '../problem.js';
import type { FileRule } from './types.js';

export const bodyRule: FileRule = {
  name: 'body-empty',
  check({ body, bodyLine }) {
    if (body.trim() !== '') return [];
    return [warning('body-empty', 'The article has no text after the front matter; write its body', { line: bodyLine, column: 1 })];
  },
};
