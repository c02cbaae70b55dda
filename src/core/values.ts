// Reading raw YAML values leniently, shared by the normaliser and the rules.

/** A list of strings as written: a lone string counts as a one-item list (fixable). */
export interface StringList {
  values: string[];
  /** The field held one string where a list belongs. */
  scalar: boolean;
  /** Indexes of items that are not strings (numbers, maps…). */
  bad: number[];
}

export function readStringList(value: unknown): StringList | undefined {
  if (value === undefined || value === null) return { values: [], scalar: false, bad: [] };
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return { values: trimmed ? [trimmed] : [], scalar: true, bad: [] };
  }
  if (!Array.isArray(value)) return undefined;
  const values: string[] = [];
  const bad: number[] = [];
  value.forEach((item, i) => {
    if (typeof item === 'string') values.push(item.trim());
    else if (typeof item === 'number') values.push(String(item));
    else bad.push(i);
  });
  return { values, scalar: false, bad };
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
