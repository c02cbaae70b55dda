// Reading raw YAML values leniently, shared by the normaliser and the rules.

/**
 * A list of strings as written. A lone string counts as a list (fixable), split at commas:
 * `regions: Puno, Cusco` means two regions.
 */
export interface StringList {
  values: string[];
  /** Where each of `values` sits in the list as written (items that are not text are left out). */
  indexes: number[];
  /** The field held one string where a list belongs. */
  scalar: boolean;
  /** Indexes of items that are not strings (numbers, maps…). */
  bad: number[];
}

export function readStringList(value: unknown): StringList | undefined {
  if (value === undefined || value === null) return { values: [], indexes: [], scalar: false, bad: [] };
  if (typeof value === 'string') {
    const values = value
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v !== '');
    return { values, indexes: values.map(() => 0), scalar: true, bad: [] };
  }
  if (!Array.isArray(value)) return undefined;
  const values: string[] = [];
  const indexes: number[] = [];
  const bad: number[] = [];
  value.forEach((item, i) => {
    const text = typeof item === 'string' ? item.trim() : typeof item === 'number' ? String(item) : undefined;
    if (text === undefined) bad.push(i);
    else {
      values.push(text);
      indexes.push(i);
    }
  });
  return { values, indexes, scalar: false, bad };
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property only: never `constructor` or `__proto__` from the prototype. */
export function own(object: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

/** Numbers YAML read from the text (e.g. `author: 1984`) are still text to an editor. */
export function readText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}
