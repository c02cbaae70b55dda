// How the archive uses the tag vocabulary: each tag with its number of articles, the
// vocabulary's tags no article uses, and tags used that the vocabulary does not hold.
import type { Article } from './article.js';
import type { TagVocabulary } from './tags.js';

export interface TagCount {
  tag: string;
  count: number;
  inVocabulary: boolean;
}

export interface TagsReport {
  articles: number;
  /** Most used first, then by name. */
  tags: TagCount[];
  /** In the vocabulary, in its order, used by no article. */
  unused: string[];
  /** Used, not in the vocabulary, by name. */
  unknown: string[];
}

export function tagUsage(articles: readonly Article[], vocabulary: TagVocabulary): TagsReport {
  const counts = new Map<string, number>();
  for (const article of articles) for (const tag of new Set(article.tags)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  const tags = [...counts]
    .map(([tag, count]) => ({ tag, count, inVocabulary: vocabulary.has(tag) }))
    .sort((a, b) => b.count - a.count || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
  return {
    articles: articles.length,
    tags,
    unused: vocabulary.names().filter((tag) => !counts.has(tag)),
    unknown: tags.filter((t) => !t.inVocabulary).map((t) => t.tag).sort(),
  };
}
