import { error, type Problem, warning } from '../problem.js';
import type { ArchiveFacts, ArchiveRule, FileRule } from './types.js';

/** `series` and `part` go together. */
export const seriesFieldsRule: FileRule = {
  name: 'series-part',
  check({ data }) {
    const hasSeries = typeof data.get('series') === 'string';
    const hasPart = data.get('part') !== undefined && data.get('part') !== null;
    if (hasSeries && !hasPart) {
      return [warning('series-part', 'A letter in a series needs its number: add a line "part: N" (1 for the first)', { at: { path: ['series'] } })];
    }
    if (hasPart && !hasSeries) {
      return [warning('series-part', '"part" needs a "series", e.g. series: Letter from Cajamarca', { at: { path: ['part'] } })];
    }
    return [];
  },
};

function push(map: Map<string, Problem[]>, path: string, problem: Problem): void {
  const list = map.get(path);
  if (list) list.push(problem);
  else map.set(path, [problem]);
}

/** Within a series every part appears once and none is skipped. */
export const seriesPartsRule: ArchiveRule = {
  name: 'series-parts',
  check(articles) {
    const bySeries = new Map<string, ArchiveFacts[]>();
    for (const article of articles) {
      if (!article.series || article.part === undefined) continue;
      const list = bySeries.get(article.series);
      if (list) list.push(article);
      else bySeries.set(article.series, [article]);
    }
    const out = new Map<string, Problem[]>();
    for (const [series, members] of bySeries) {
      const byPart = new Map<number, string>();
      for (const { path, part: partOrNone } of members) {
        const part = partOrNone!;
        const first = byPart.get(part);
        if (first !== undefined) {
          push(out, path, error('series-duplicate', `Part ${part} of "${series}" is also ${first}; give this letter the next free number`, { at: { path: ['part'] } }));
        } else byPart.set(part, path);
      }
      const max = Math.max(...byPart.keys());
      const missing = Array.from({ length: max }, (_, i) => i + 1).filter((n) => !byPart.has(n));
      if (missing.length) {
        const last = byPart.get(max)!;
        push(out, last, warning('series-skipped', `"${series}" has no part ${missing.join(', ')} before part ${max}; check the numbering`, { at: { path: ['part'] } }));
      }
    }
    return out;
  },
};

/** Two articles may not share a slug: the site would publish one over the other. */
export const duplicateSlugRule: ArchiveRule = {
  name: 'slug-duplicate',
  check(articles) {
    const first = new Map<string, string>();
    const out = new Map<string, Problem[]>();
    for (const { path, slug } of articles) {
      const owner = first.get(slug);
      if (owner === undefined) first.set(slug, path);
      else push(out, path, error('slug-duplicate', `The slug "${slug}" is also used by ${owner}; rename one of the files`, { line: 1, column: 1 }));
    }
    return out;
  },
};
