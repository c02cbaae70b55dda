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
import { duplicateSlugRule, seriesFieldsRule, seriesOrderRule, seriesPartsRule, seriesSimilarRule } from './series.js';
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

export function checkArchive(articles: readonly ArchiveFacts[], ctx: CoreContext): Map<string, Problem[]> {
  const out = new Map<string, Problem[]>();
  for (const rule of ARCHIVE_RULES) {
    let found: Map<string, Problem[]>;
    try {
      found = rule.check(articles, ctx);
    } catch (e) {
      // Not one file's fault, but shown on the first one, so that the report still comes out whole.
      if (articles[0]) found = new Map([[articles[0].path, [internalProblem(`the ${rule.name} check across the archive`, e)]]]);
      else continue;
    }
    for (const [path, problems] of found) out.set(path, [...(out.get(path) ?? []), ...problems]);
  }
  return out;
}
