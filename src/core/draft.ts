// A new article before it is a file: what the prompts or the flags produced. Turning it into
// text is pure, so the same draft always gives the same bytes, and the YAML reads back as
// exactly the values that went in.
import type { ArticleType } from './article.js';
import type { DateValue } from './dates.js';
import { slugify } from './slug.js';

export interface ArticleDraft {
  type: ArticleType;
  title: string;
  /** Absent for pages. */
  date?: DateValue;
  summary: string;
  /** Canonical region names. */
  regions: string[];
  places: string[];
  tags: string[];
  author?: string;
  series?: string;
  part?: number;
  draft: boolean;
}

/** The path of the new file inside the articles folder, with forward slashes. */
export function draftPath(draft: Pick<ArticleDraft, 'type' | 'title' | 'date'>): string {
  const slug = slugify(draft.title);
  if (draft.type === 'page' || !draft.date) return `pages/${slug}.md`;
  const day = draft.date.date;
  return `${day.slice(0, 4)}/${day}-${slug}.md`;
}

// Words YAML 1.1 or 1.2 would read as something other than a string.
const RESERVED = /^(?:true|false|yes|no|on|off|y|n|null|~)$/i;
// A plain scalar that is safe both alone and inside a flow list [a, b]: it starts with a
// letter and holds no character YAML gives a meaning to (: # , [ ] { } & * ! | > ' " % @ `).
const PLAIN = /^\p{L}[\p{L}\p{M}\p{N} ._’()/-]*$/u;
// Characters a YAML double-quoted string must escape beyond what JSON escapes: DEL, C1
// controls, the Unicode line and paragraph separators and the byte-order mark.
const UNPRINTABLE = /[\u007f-\u009f\u2028\u2029\ufeff]/g;
// Half of a surrogate pair on its own is not text; it becomes U+FFFD, as a decoder would make it.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A double-quoted YAML string: JSON's escaping, which YAML reads the same way, plus a few more. */
export function quoted(text: string): string {
  return JSON.stringify(text.replace(LONE_SURROGATE, '\ufffd')).replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A string as a plain scalar where that reads back unchanged, else double-quoted. */
export function scalar(text: string): string {
  return PLAIN.test(text) && !RESERVED.test(text) && text.trim() === text ? text : quoted(text);
}

function list(values: readonly string[]): string {
  return `[${values.map(scalar).join(', ')}]`;
}

function dateText({ date, time, offset }: DateValue): string {
  return time ? `${date}T${time}${offset ?? ''}` : date;
}

/** The front matter, in the order the sample archive uses. */
export function frontMatter(draft: ArticleDraft): string {
  const lines = [`title: ${quoted(draft.title)}`, `type: ${draft.type}`];
  if (draft.date && draft.type !== 'page') lines.push(`date: ${dateText(draft.date)}`);
  if (draft.draft) lines.push('draft: true');
  if (draft.series) lines.push(`series: ${scalar(draft.series)}`);
  if (draft.part !== undefined) lines.push(`part: ${draft.part}`);
  // Dated items always say which regions they are about; [] is national news.
  if (draft.regions.length || draft.type !== 'page') lines.push(`regions: ${list(draft.regions)}`);
  if (draft.places.length) lines.push(`places: ${list(draft.places)}`);
  if (draft.tags.length) lines.push(`tags: ${list(draft.tags)}`);
  if (draft.author) lines.push(`author: ${scalar(draft.author)}`);
  lines.push(`summary: ${quoted(draft.summary)}`);
  return `---\n${lines.join('\n')}\n---\n`;
}

/**
 * The whole file: front matter, a blank line, then the body. The body is the type's template
 * when there is one; without one the summary opens the text, as in every sample article.
 */
export function draftText(draft: ArticleDraft, template?: string): string {
  const body = template === undefined ? `${draft.summary}\n` : template.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  return `${frontMatter(draft)}\n${body.endsWith('\n') || body === '' ? body : `${body}\n`}`;
}
