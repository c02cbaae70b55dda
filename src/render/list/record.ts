// The stable shape of an article for scripts (json, ndjson, csv): every field always present,
// null when the file does not give it, dates as YYYY-MM-DD whatever the time zone.
import type { ArticleType, Source } from '../../core/article.js';
import type { ListRow } from './view.js';

export interface ArticleRecord {
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

export const RECORD_FIELDS = [
  'path', 'slug', 'title', 'type', 'date', 'time', 'offset', 'regions', 'places', 'tags',
  'author', 'series', 'part', 'draft', 'summary', 'order', 'sources',
] as const satisfies readonly (keyof ArticleRecord)[];

export function articleRecord({ article: a, path }: ListRow): ArticleRecord {
  return {
    path,
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
