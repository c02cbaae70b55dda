import { ARTICLE_TYPES, FIELDS, type FieldSpec } from '../article.js';
import { error, type Problem, warning } from '../problem.js';
import { orList, suggest } from '../text.js';
import { readStringList } from '../values.js';
import type { FileRule } from './types.js';

/** How a YAML value reads to an editor: "a list", "true/false"… */
export function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'boolean') return `${value}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (value && typeof value === 'object') return 'a set of fields';
  return 'nothing';
}

function checkField(field: FieldSpec, value: unknown): Problem[] {
  const at = { path: [field.name] };
  const name = field.name;
  switch (field.kind) {
    case 'string':
    case 'text':
      return typeof value === 'string' || typeof value === 'number'
        ? []
        : [error('field-type', `"${name}" must be text, not ${describe(value)}; write it as ${name}: "…"`, { at })];
    case 'type': {
      if (typeof value === 'string' && (ARTICLE_TYPES as readonly string[]).includes(value)) return [];
      const near = typeof value === 'string' ? suggest(value, ARTICLE_TYPES, 1) : [];
      const mean = near.length ? `; did you mean "${near[0]}"? Use` : '; use';
      return [error('field-type', `Unknown type ${describe(value)}${mean} ${orList(ARTICLE_TYPES)}`, { at })];
    }
    case 'date':
      return []; // the date rule reads dates
    case 'string-list': {
      const list = readStringList(value);
      if (!list) {
        return [error('field-type', `"${name}" must be a list, e.g. ${name}: [Puno, Cusco], not ${describe(value)}`, { at })];
      }
      if (list.scalar) {
        return [
          warning('field-list', `"${name}" holds one text where a list belongs; write ${name}: [${list.values.join(', ')}]`, {
            at,
            fix: { field: name, value: list.values },
          }),
        ];
      }
      return list.bad.map((i) =>
        error('field-type', `Each of "${name}" must be a name, not ${describe((value as unknown[])[i])}; write it as text or remove it`, {
          at: { path: [name, i] },
        }),
      );
    }
    case 'integer':
      if (!(typeof value === 'number' && Number.isInteger(value) && value >= 1)) {
        return [error('field-type', `"${name}" must be a whole number from 1 up, not ${describe(value)}; write it in digits, e.g. ${name}: 2`, { at })];
      }
      // A number far beyond any real one is a slip of the keyboard (and must cost nothing).
      return field.max !== undefined && value > field.max
        ? [error('field-range', `"${name}" is ${value}, more than ${field.max} (${field.description}); check the number`, { at })]
        : [];
    case 'boolean':
      return typeof value === 'boolean'
        ? []
        : [error('field-type', `"${name}" must be true or false, not ${describe(value)}; write ${name}: true or ${name}: false`, { at })];
    case 'sources':
      return Array.isArray(value)
        ? []
        : [error('field-type', `"${name}" must be a list of {title, url}, not ${describe(value)}; write it as ${name}: [{title: …, url: https://…}]`, { at })];
  }
}

export const fieldTypesRule: FileRule = {
  name: 'field-type',
  check({ data }) {
    return FIELDS.flatMap((field) => {
      const value = data.get(field.name);
      return value === undefined || value === null ? [] : checkField(field, value);
    });
  },
};
