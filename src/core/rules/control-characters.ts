// Control characters in a value (ESC, BEL, NUL, bidirectional overrides…) are never meant:
// they come from a bad paste, or from someone who wants to act on the terminal of whoever
// reads the report or the digest. Line breaks and tabs are text and stay allowed.
import { error, type Problem } from '../problem.js';
import { controlCharacterIn, visible } from '../visible.js';
import type { FileRule } from './types.js';

function named(text: string, at: number): string {
  return visible(String.fromCodePoint(text.codePointAt(at)!));
}

function walk(value: unknown, path: (string | number)[], out: Problem[]): void {
  if (typeof value === 'string') {
    const at = controlCharacterIn(value);
    if (at !== -1) {
      out.push(
        error('control-character', `"${path.join('.')}" holds the control character ${named(value, at)} (at character ${at + 1}); remove it, it can act on the terminal of whoever reads this`, { at: { path } }),
      );
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, [...path, i], out));
  } else if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, inner] of Object.entries(value)) walk(inner, [...path, key], out);
  }
}

export const controlCharacterRule: FileRule = {
  name: 'control-character',
  check({ data }) {
    const problems: Problem[] = [];
    for (const [key, value] of data) {
      if (controlCharacterIn(key) !== -1) {
        problems.push(error('control-character', `A field name holds the control character ${named(key, controlCharacterIn(key))}; remove it`, { at: { path: [key], key: true } }));
      }
      walk(value, [key], problems);
    }
    return problems;
  },
};
