import { FIELDS } from '../article.js';
import { error } from '../problem.js';
import type { FileRule } from './types.js';

export const requiredRule: FileRule = {
  name: 'required-field',
  check({ data }) {
    const type = data.get('type');
    return FIELDS.filter((field) => {
      const needed = typeof type === 'string' && (field.requiredFor as readonly string[]).includes(type);
      // title, type and summary are needed whatever the type; date only where the type needs it.
      const always = field.requiredFor.length === 3;
      if (!needed && !always) return false;
      const value = data.get(field.name);
      return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
    }).map((field) =>
      error('required-field', `Missing "${field.name}" (${field.description}): add a line "${field.name}: …"`, {
        ...(data.has(field.name) ? { at: { path: [field.name], key: true } } : {}),
      }),
    );
  },
};
