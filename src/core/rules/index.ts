// Every rule, in the order their problems read best. Each is one concern in a file of its own.
import type { CoreContext } from '../context.js';
import type { Problem } from '../problem.js';
import { bodyRule } from './body.js';
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
];

export const ARCHIVE_RULES: readonly ArchiveRule[] = [duplicateSlugRule, seriesPartsRule, seriesOrderRule, seriesSimilarRule];

export function checkFile(file: FileFacts, ctx: CoreContext): Problem[] {
  return FILE_RULES.flatMap((rule) => rule.check(file, ctx));
}

export function checkArchive(articles: readonly ArchiveFacts[], ctx: CoreContext): Map<string, Problem[]> {
  const out = new Map<string, Problem[]>();
  for (const rule of ARCHIVE_RULES) {
    for (const [path, problems] of rule.check(articles, ctx)) out.set(path, [...(out.get(path) ?? []), ...problems]);
  }
  return out;
}
