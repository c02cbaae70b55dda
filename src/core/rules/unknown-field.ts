import { FIELD_NAMES } from '../article.js';
import { error, type Problem, warning } from '../problem.js';
import { fold, suggest } from '../text.js';
import { shortValue } from '../visible.js';
import type { FileRule } from './types.js';

// Keys that reach an object's prototype if any code ever copied them into a plain object.
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

function forbidden(path: (string | number)[]): Problem {
  const key = String(path[path.length - 1]);
  return error('forbidden-key', `The key "${shortValue(key)}" is not allowed in front matter; remove it`, { at: { path, key: true } });
}

function forbiddenKeys(value: unknown, path: (string | number)[], out: Problem[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => forbiddenKeys(item, [...path, i], out));
  } else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (FORBIDDEN.has(key)) out.push(forbidden([...path, key]));
      else forbiddenKeys(inner, [...path, key], out);
    }
  }
}

export const unknownFieldRule: FileRule = {
  name: 'unknown-field',
  check({ data }) {
    const problems: Problem[] = [];
    for (const [key, value] of data) {
      if (FORBIDDEN.has(key)) {
        problems.push(forbidden([key]));
        continue;
      }
      if (!FIELD_NAMES.includes(key)) {
        const at = { path: [key], key: true };
        // "Title" is title: differing only in case or accents, the rename is certain (unless
        // the field is there too); a nearer guess ("autor") is only a suggestion.
        const same = FIELD_NAMES.find((name) => fold(name) === fold(key));
        if (same !== undefined) {
          const fix = data.has(same) ? {} : { fix: { field: key, rename: same } };
          problems.push(warning('unknown-field', `Unknown field "${shortValue(key)}"; write it as "${same}"`, { at, ...fix }));
        } else {
          const near = suggest(key, FIELD_NAMES, 1);
          const mean = near.length ? `; did you mean "${near[0]}"?` : `; psg reads ${FIELD_NAMES.join(', ')}`;
          const suggestion = near.length && !data.has(near[0]!) ? { suggestion: { field: key, rename: near[0]! } } : {};
          problems.push(warning('unknown-field', `Unknown field "${shortValue(key)}"${mean}`, { at, ...suggestion }));
        }
      }
      forbiddenKeys(value, [key], problems);
    }
    return problems;
  },
};
