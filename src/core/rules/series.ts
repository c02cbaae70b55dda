import { membersOfFacts, missingParts, oneEditApart, outOfOrder, sameSeries, seriesKey, type SeriesMember, titleSeries } from '../series.js';
import { fold } from '../text.js';
import { error, type Problem, warning } from '../problem.js';
import type { ArchiveFacts, ArchiveRule, FileRule } from './types.js';

const isSet = (value: unknown) => value !== undefined && value !== null;

/** `series` and `part` go together; a letter whose title names its series says so in fields too. */
export const seriesFieldsRule: FileRule = {
  name: 'series-part',
  check({ data }) {
    const series = data.get('series');
    const hasSeries = typeof series === 'string';
    const hasPart = isSet(data.get('part'));
    const title = data.get('title');
    const fromTitle = typeof title === 'string' ? titleSeries(title) : undefined;
    if (!isSet(series) && fromTitle && data.get('type') === 'letter') {
      const fields = hasPart ? `series: ${fromTitle.series}` : `series: ${fromTitle.series} and part: ${fromTitle.part}`;
      return [
        warning('series-missing', `The title names the series "${fromTitle.series}" but the fields do not; add ${fields}`, {
          at: { path: ['title'] },
          fix: { field: 'series', value: fromTitle.series },
        }),
      ];
    }
    if (hasSeries && !hasPart) {
      // The title's number is certain when the title names this series; else the editor says.
      const fix = fromTitle && sameSeries(fromTitle.series, series) ? { fix: { field: 'part', value: fromTitle.part } } : {};
      return [warning('series-part', 'A letter in a series needs its number: add a line "part: N" (1 for the first)', { at: { path: ['series'] }, ...fix })];
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

/** The archive's series, each spelling of one series together (keyed by seriesKey). */
function seriesOf(articles: readonly ArchiveFacts[]): Map<string, SeriesMember[]> {
  return membersOfFacts(articles);
}

/** Within a series every part appears once and none is skipped. Cost follows the number of letters. */
export const seriesPartsRule: ArchiveRule = {
  name: 'series-parts',
  check(articles) {
    const out = new Map<string, Problem[]>();
    for (const members of seriesOf(articles).values()) {
      const series = members[0]!.series;
      const byPart = new Map<number, string>();
      for (const { path, part } of members) {
        const first = byPart.get(part);
        if (first !== undefined) {
          push(out, path, error('series-duplicate', `Part ${part} of "${series}" is also ${first}; give this letter the next free number`, { at: { path: ['part'] } }));
        } else byPart.set(part, path);
      }
      const { missing, count, highest } = missingParts(byPart.keys());
      if (count) {
        const more = count > missing.length ? ` and ${count - missing.length} more` : '';
        push(out, byPart.get(highest)!, warning('series-skipped', `"${series}" has no part ${missing.join(', ')}${more} before part ${highest}; check the numbering`, { at: { path: ['part'] } }));
      }
    }
    return out;
  },
};

/** A series reads in date order: a part dated before an earlier part is out of place. */
export const seriesOrderRule: ArchiveRule = {
  name: 'series-order',
  check(articles) {
    const out = new Map<string, Problem[]>();
    for (const members of seriesOf(articles).values()) {
      for (const { member, before } of outOfOrder(members)) {
        push(
          out,
          member.path,
          warning(
            'series-order',
            `Part ${member.part} of "${member.series}" is dated ${member.date}, before part ${before.part} (${before.date}); number the series by date with psg series renumber "${member.series}"`,
            { at: { path: ['part'] } },
          ),
        );
      }
    }
    return out;
  },
};

/**
 * Two series whose names are one small edit apart ("Cajamrca", "Cajamarca") or differ only in
 * case or accents are most likely one series misspelt: said on the first letter of the smaller.
 */
export const seriesSimilarRule: ArchiveRule = {
  name: 'series-similar',
  check(articles) {
    const spellings = new Map<string, { name: string; paths: string[] }>();
    for (const { path, series } of articles) {
      if (!series) continue;
      const s = spellings.get(series);
      if (s) s.paths.push(path);
      else spellings.set(series, { name: series, paths: [path] });
    }
    const out = new Map<string, Problem[]>();
    // Only names of about the same length can be one edit apart: compare within length ± 1.
    const byLength = new Map<number, { name: string; paths: string[]; folded: string }[]>();
    for (const s of spellings.values()) {
      const entry = { ...s, folded: fold(s.name) };
      const list = byLength.get(s.name.length);
      if (list) list.push(entry);
      else byLength.set(s.name.length, [entry]);
    }
    for (const [length, list] of byLength) {
      for (const a of list) {
        for (const b of [...list, ...(byLength.get(length + 1) ?? [])]) {
          if (a === b || (b.name.length === length && b.name <= a.name)) continue;
          const caseOnly = a.folded === b.folded || seriesKey(a.name) === seriesKey(b.name);
          if (!caseOnly && !oneEditApart(a.folded, b.folded)) continue;
          // The smaller series is the likely slip; at equal size, the later name.
          const [slip, kept] = a.paths.length < b.paths.length || (a.paths.length === b.paths.length && a.name > b.name) ? [a, b] : [b, a];
          const why = caseOnly ? 'differs only in case or accents from' : 'is one letter away from';
          push(
            out,
            [...slip.paths].sort()[0]!,
            warning('series-similar', `The series "${slip.name}" ${why} "${kept.name}"; if they are one series, write it as "${kept.name}"`, {
              at: { path: ['series'] },
            }),
          );
        }
      }
    }
    return out;
  },
};

/**
 * The later of two articles (in path order) that share a slug, by position: `slugAt(i)` is
 * the slug of the i-th article, undefined where there is none. No object per article is made.
 */
export function duplicateSlugs(count: number, slugAt: (i: number) => string | undefined, pathAt: (i: number) => string): Map<string, Problem[]> {
  const first = new Map<string, number>();
  const out = new Map<string, Problem[]>();
  for (let i = 0; i < count; i++) {
    const slug = slugAt(i);
    if (slug === undefined) continue;
    const owner = first.get(slug);
    if (owner === undefined) first.set(slug, i);
    else push(out, pathAt(i), error('slug-duplicate', `The slug "${slug}" is also used by ${pathAt(owner)}; rename one of the files`, { line: 1, column: 1 }));
  }
  return out;
}

/** Two articles may not share a slug: the site would publish one over the other. */
export const duplicateSlugRule: ArchiveRule = {
  name: 'slug-duplicate',
  check(articles) {
    return duplicateSlugs(
      articles.length,
      (i) => articles[i]!.slug,
      (i) => articles[i]!.path,
    );
  },
};
