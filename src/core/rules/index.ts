// Every rule, in the order their problems read best. Each is one concern in a file of its own.
import type { CoreContext } from '../context.js';
import { internalProblem, type Problem } from '../problem.js';
import { bodyRule } from './body.js';
import { controlCharacterRule } from './control-characters.js';
import { dateRule } from './date.js';
import { fieldTypesRule } from './field-types.js';
import { lengthsRule } from './lengths.js';
import { placesRule } from './places.js';
import { regionsRule } from './regions.js';
import { requiredRule } from './required.js';
import { duplicateSlugRule, duplicateSlugs, seriesFieldsRule, seriesOrderRule, seriesPartsRule, seriesSimilarRule } from './series.js';
import { sourcesRule } from './sources.js';
import { tagsRule } from './tags.js';
import type { ArchiveFacts, ArchiveRule, FileFacts, FileRule } from './types.js';
import { unknownFieldRule } from './unknown-field.js';

export type { ArchiveFacts, ArchiveRule, FileFacts, FileRule } from './types.js';

export const FILE_RULES: readonly FileRule[] = [
  requiredRule,
  fieldTypesRule,
  unknownFieldRule,
  lengthsRule,
  dateRule,
  regionsRule,
  placesRule,
  tagsRule,
  sourcesRule,
  seriesFieldsRule,
  bodyRule,
  controlCharacterRule,
];

export const ARCHIVE_RULES: readonly ArchiveRule[] = [duplicateSlugRule, seriesPartsRule, seriesOrderRule, seriesSimilarRule];

export function checkFile(file: FileFacts, ctx: CoreContext): Problem[] {
  // A rule that fails on one file's values is a problem of that file: the other rules, and
  // the other files, are still checked and reported.
  return FILE_RULES.flatMap((rule) => {
    try {
      return rule.check(file, ctx);
    } catch (e) {
      return [internalProblem(`the ${rule.name} rule`, e)];
    }
  });
}

/**
 * The archive as the rules across files see it, by position in path order, without an
 * object per article: only the letters in a series (a few of the archive) come as facts.
 */
export interface ArchiveView {
  count: number;
  path(i: number): string;
  /** The slug, or undefined where the file is not a readable article. */
  slug(i: number): string | undefined;
  /** The letters in a series, in path order. */
  series: readonly ArchiveFacts[];
}

/** checkArchive over a view: the same problems, in the same order. */
export function checkArchiveView(view: ArchiveView, ctx: CoreContext): Map<string, Problem[]> {
  let first: string | undefined;
  for (let i = 0; i < view.count && first === undefined; i++) if (view.slug(i) !== undefined) first = view.path(i);
  return runArchiveRules(first, ctx, (rule) => (rule === duplicateSlugRule ? duplicateSlugs(view.count, (i) => view.slug(i), (i) => view.path(i)) : rule.check(view.series, ctx)));
}

export function checkArchive(articles: readonly ArchiveFacts[], ctx: CoreContext): Map<string, Problem[]> {
  return runArchiveRules(articles[0]?.path, ctx, (rule) => rule.check(articles, ctx));
}

function runArchiveRules(firstPath: string | undefined, ctx: CoreContext, run: (rule: ArchiveRule) => Map<string, Problem[]>): Map<string, Problem[]> {
  const out = new Map<string, Problem[]>();
  for (const rule of ARCHIVE_RULES) {
    let found: Map<string, Problem[]>;
    try {
      found = run(rule);
    } catch (e) {
      // Not one file's fault, but shown on the first one, so that the report still comes out whole.
      if (firstPath !== undefined) found = new Map([[firstPath, [internalProblem(`the ${rule.name} check across the archive`, e)]]]);
      else continue;
    }
    for (const [path, problems] of found) out.set(path, [...(out.get(path) ?? []), ...problems]);
  }
  return out;
}
