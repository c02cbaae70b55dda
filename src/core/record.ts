// An article as one JSON object for scripts: stable field names, dates as YYYY-MM-DD, every
// field present (null where empty). `list --format json|ndjson`, the json digest and the
// index all write this record, so an unchanged archive can be printed from the index as is.
import type { Article, ArticleType, Source } from './article.js';

export interface ArticleRecord {
  path: string;
  slug: string;
  title: string;
  type: ArticleType;
  date: string | null;
  time: string | null;
  offset: string | null;
  summary: string;
  regions: string[];
  places: string[];
  tags: string[];
  author: string | null;
  series: string | null;
  part: number | null;
  order: number | null;
  draft: boolean;
  sources: Source[];
}

export function toRecord(a: Article): ArticleRecord {
  return {
    path: a.path,
    slug: a.slug,
    title: a.title,
    type: a.type,
    date: a.date?.date ?? null,
    time: a.date?.time ?? null,
    offset: a.date?.offset ?? null,
    summary: a.summary,
    regions: a.regions,
    places: a.places,
    tags: a.tags,
    author: a.author ?? null,
    series: a.series ?? null,
    part: a.part ?? null,
    order: a.order ?? null,
    draft: a.draft,
    sources: a.sources,
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
