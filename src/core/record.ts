// An article as one JSON object for scripts: stable field names, every field present (null
// where the file gives none), dates as YYYY-MM-DD whatever the time zone. `list --format
// json|ndjson|csv` and the index all use this record, so an unchanged archive can be printed
// straight from the index without parsing a thing.
import type { Article, ArticleType, Source } from './article.js';

export interface ArticleRecord {
  /** Relative to the articles folder here; list shows it from the current folder. */
  path: string;
  slug: string;
  title: string;
  type: ArticleType;
  date: string | null;
  /** 'HH:MM:SS' when the front matter gives a time. */
  time: string | null;
  /** 'Z' or '±HH:MM' when the front matter gives one. */
  offset: string | null;
  /** As the file lists them (canonical names); a place's region is not added here. */
  regions: string[];
  places: string[];
  tags: string[];
  author: string | null;
  series: string | null;
  part: number | null;
  draft: boolean;
  summary: string;
  order: number | null;
  sources: Source[];
}

/** The fields in their order: the CSV columns, and the key order of every JSON record. */
export const RECORD_FIELDS = [
  'path', 'slug', 'title', 'type', 'date', 'time', 'offset', 'regions', 'places', 'tags',
  'author', 'series', 'part', 'draft', 'summary', 'order', 'sources',
] as const satisfies readonly (keyof ArticleRecord)[];

export function toRecord(a: Article): ArticleRecord {
  return {
    path: a.path,
    slug: a.slug,
    title: a.title,
    type: a.type,
    date: a.date?.date ?? null,
    time: a.date?.time ?? null,
    offset: a.date?.offset ?? null,
    regions: [...a.regions],
    places: [...a.places],
    tags: [...a.tags],
    author: a.author ?? null,
    series: a.series ?? null,
    part: a.part ?? null,
    draft: a.draft,
    summary: a.summary,
    order: a.order ?? null,
    sources: a.sources.map((s) => ({ title: s.title, url: s.url })),
  };
}

export function fromRecord(r: ArticleRecord): Article {
  const a: Article = {
    path: r.path,
    slug: r.slug,
    title: r.title,
    type: r.type,
    summary: r.summary,
    regions: r.regions,
    places: r.places,
    tags: r.tags,
    sources: r.sources,
    draft: r.draft,
  };
  if (r.date !== null) {
    a.date = { date: r.date };
    if (r.time !== null) a.date.time = r.time;
    if (r.offset !== null) a.date.offset = r.offset;
  }
  if (r.author !== null) a.author = r.author;
  if (r.series !== null) a.series = r.series;
  if (r.part !== null) a.part = r.part;
  if (r.order !== null) a.order = r.order;
  return a;
}

/** Every record begins with this: the path comes first, so a folder can go in front of it. */
const PATH_OPENING = '{"path":"';
export const PATH_OPENING_BYTES = PATH_OPENING.length;

/**
 * A record's opening with `prefix` (already JSON-escaped, e.g. "articles/") in front of the
 * path, to stand for the first PATH_OPENING_BYTES bytes of a stored record without parsing it.
 */
export function pathOpening(prefix: string): string {
  return PATH_OPENING + prefix;
}
