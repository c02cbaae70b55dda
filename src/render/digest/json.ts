// The JSON digest: the heading, the period and the selected articles with all their fields,
// for scripts. Absent fields are null, so every article has the same keys.
import type { Article } from '../../core/article.js';
import type { Digest, DigestEntry } from './model.js';

/** A front-matter date as written: 2019-03-23, 2019-03-23T09:30:00, with its offset if any. */
export function writtenDate(article: Article): string | null {
  const d = article.date;
  if (!d) return null;
  return d.time ? `${d.date}T${d.time}${d.offset ?? ''}` : d.date;
}

function articleJson(entry: DigestEntry): Record<string, unknown> {
  const a = entry.article;
  return {
    // The same path as list --format json gives: one meaning of "path" in every output.
    path: entry.file,
    slug: a.slug,
    title: a.title,
    type: a.type,
    date: writtenDate(a),
    dateText: entry.date ?? null,
    summary: a.summary,
    regions: a.regions,
    places: a.places,
    tags: a.tags,
    author: a.author ?? null,
    series: a.series ?? null,
    part: a.part ?? null,
    sources: a.sources,
    draft: a.draft,
    order: a.order ?? null,
    link: entry.link ?? null,
  };
}

export function renderJson(digest: Digest): string {
  const doc = {
    title: digest.title,
    lang: digest.lang,
    period: { from: digest.period.from ?? null, to: digest.period.to ?? null, text: digest.periodText ?? null },
    count: digest.entries.length,
    articles: digest.entries.map(articleJson),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
