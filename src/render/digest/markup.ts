// HTML built with one tagged template: every value put into `html\`...\`` is cleaned of
// control characters and escaped, unless it is itself markup made by the same tag. Escaping
// happens in this one place, so no value from an article can reach the page raw.
import { cleanText } from './clean.js';
import { escapeHtml } from './escape.js';

export class Markup {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

export type MarkupValue = string | number | Markup | undefined | null | false | readonly MarkupValue[];

function part(value: MarkupValue): string {
  if (value === undefined || value === null || value === false) return '';
  if (value instanceof Markup) return value.html;
  if (Array.isArray(value)) return value.map(part).join('');
  return escapeHtml(cleanText(String(value)));
}

export function html(strings: TemplateStringsArray, ...values: MarkupValue[]): Markup {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += part(values[i]!) + strings[i + 1]!;
  return new Markup(out);
}

/** Markup written by psg itself (an Outlook conditional comment, an entity); never a value. */
export function trusted(text: string): Markup {
  return new Markup(text);
}

/** Inline CSS from a map of properties, so that styles are data rather than long strings. */
export function css(style: Record<string, string | number>): string {
  return Object.entries(style)
    .map(([k, v]) => `${k}:${v}`)
    .join(';');
}
