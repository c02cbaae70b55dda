// Raw front matter → Article, leniently: the commands list what they can, validate says
// what is wrong. An article is usable when its title, type and (for dated types) date are.
import { type Article, FIELD_BY_NAME, isArticleType, nameParts, type Source } from './article.js';
import type { CoreContext } from './context.js';
import { parseDateValue } from './dates.js';
import { isPlainObject, own, readStringList, readText } from './values.js';

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** Region names as the gazetteer writes them; a name it does not know is kept as written. */
export function canonicalRegions(values: string[], ctx: CoreContext): string[] {
  return unique(values.map((v) => ctx.gazetteer.regionOf(v) ?? v));
}

function readSources(value: unknown): Source[] {
  if (!Array.isArray(value)) return [];
  const sources: Source[] = [];
  for (const item of value) {
    if (!isPlainObject(item)) continue;
    const url = own(item, 'url');
    const title = own(item, 'title');
    if (typeof url === 'string' && /^https?:\/\//i.test(url.trim())) {
      sources.push({ title: typeof title === 'string' ? title : url, url: url.trim() });
    }
  }
  return sources;
}

/** A field's whole number from 1 to its bound; anything else is validate's to report, and left out. */
function positiveInteger(value: unknown, field: string): number | undefined {
  const max = FIELD_BY_NAME.get(field)?.max ?? Number.MAX_SAFE_INTEGER;
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= max ? value : undefined;
}

export function toArticle(path: string, data: ReadonlyMap<string, unknown>, ctx: CoreContext): Article | undefined {
  const title = readText(data.get('title'))?.trim();
  const type = data.get('type');
  if (!title || !isArticleType(type)) return undefined;
  const article: Article = {
    path,
    slug: nameParts(path).slug,
    title,
    type,
    // Kept as written (a block scalar's final newline aside): the digest prints it verbatim.
    summary: readText(data.get('summary'))?.replace(/\n+$/, '') ?? '',
    regions: canonicalRegions(readStringList(data.get('regions'))?.values ?? [], ctx),
    places: readStringList(data.get('places'))?.values ?? [],
    tags: readStringList(data.get('tags'))?.values ?? [],
    sources: readSources(data.get('sources')),
    draft: data.get('draft') === true,
  };
  if (type !== 'page') {
    const raw = readText(data.get('date'));
    const parsed = raw === undefined ? undefined : parseDateValue(raw);
    if (!parsed?.ok) return undefined;
    article.date = parsed.value;
  }
  const author = readText(data.get('author'))?.trim();
  if (author) article.author = author;
  const series = readText(data.get('series'))?.trim();
  if (series) article.series = series;
  const part = positiveInteger(data.get('part'), 'part');
  if (part !== undefined) article.part = part;
  const order = positiveInteger(data.get('order'), 'order');
  if (order !== undefined) article.order = order;
  return article;
}
