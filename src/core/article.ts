// The article model and the front-matter schema, kept as data so that validation, the
// unknown-field did-you-mean, `psg new` and the docs all read the same list.
import type { DateValue } from './dates.js';

export const ARTICLE_TYPES = ['news', 'letter', 'page'] as const;
export type ArticleType = (typeof ARTICLE_TYPES)[number];

export interface Source {
  title: string;
  url: string;
}

/** One article as the commands see it: canonical values, never raw YAML. */
export interface Article {
  /** Path relative to the articles folder, with forward slashes. */
  path: string;
  /** File name without `.md` and without a leading `YYYY-MM-DD-`. */
  slug: string;
  title: string;
  type: ArticleType;
  /** Absent for pages (their date is ignored). */
  date?: DateValue;
  summary: string;
  regions: string[];
  places: string[];
  tags: string[];
  author?: string;
  series?: string;
  part?: number;
  sources: Source[];
  draft: boolean;
  order?: number;
}

export type FieldKind = 'string' | 'text' | 'type' | 'date' | 'string-list' | 'integer' | 'boolean' | 'sources';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  /** Which types need it. */
  requiredFor: readonly ArticleType[];
  description: string;
  /** The largest value that makes sense (integers): beyond it the value is a mistake of that file. */
  max?: number;
}

export const FIELDS: readonly FieldSpec[] = [
  { name: 'title', kind: 'string', requiredFor: ARTICLE_TYPES, description: 'the headline, one line' },
  { name: 'type', kind: 'type', requiredFor: ARTICLE_TYPES, description: 'news, letter or page' },
  { name: 'date', kind: 'date', requiredFor: ['news', 'letter'], description: 'YYYY-MM-DD, optionally with a time' },
  { name: 'summary', kind: 'text', requiredFor: ARTICLE_TYPES, description: 'the lede shown by list and digest' },
  { name: 'regions', kind: 'string-list', requiredFor: [], description: "Peru's regions the item is about" },
  { name: 'places', kind: 'string-list', requiredFor: [], description: 'provinces, towns, communities' },
  { name: 'tags', kind: 'string-list', requiredFor: [], description: 'topics from the vocabulary' },
  { name: 'author', kind: 'string', requiredFor: [], description: 'who wrote it' },
  { name: 'series', kind: 'string', requiredFor: [], description: 'a letter series, e.g. Letter from Cajamarca' },
  { name: 'part', kind: 'integer', requiredFor: [], description: 'the number of a letter in its series', max: 10_000 },
  { name: 'sources', kind: 'sources', requiredFor: [], description: 'a list of {title, url}' },
  { name: 'draft', kind: 'boolean', requiredFor: [], description: 'true keeps it out of list and digest' },
  { name: 'order', kind: 'integer', requiredFor: [], description: "a page's position in the digest", max: 10_000 },
];

export const FIELD_NAMES: readonly string[] = FIELDS.map((f) => f.name);
export const FIELD_BY_NAME: ReadonlyMap<string, FieldSpec> = new Map(FIELDS.map((f) => [f.name, f]));

export const LIMITS = {
  titleMax: 160,
  summaryWarn: 600,
  /** Larger files are reported, not parsed: no article is a megabyte of text. */
  fileBytes: 1024 * 1024,
} as const;

export function isArticleType(value: unknown): value is ArticleType {
  return typeof value === 'string' && (ARTICLE_TYPES as readonly string[]).includes(value);
}

const DATE_PREFIX = /^(\d{4}-\d{2}-\d{2})-/;

/** The slug and the date written in a file name: "2019/2019-03-18-espinar.md" → espinar, 2019-03-18. */
export function nameParts(path: string): { slug: string; fileDate?: string } {
  const base = path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/i, '');
  const m = DATE_PREFIX.exec(base);
  if (m) return { slug: base.slice(m[0].length) || base, fileDate: m[1] };
  return { slug: base };
}
