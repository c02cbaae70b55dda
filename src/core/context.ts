// What the rules and the normaliser need besides the file: the gazetteer, the tag
// vocabulary, and today's date in the configured time zone.
import type { IsoDate } from './dates.js';
import type { Gazetteer } from './gazetteer.js';
import type { TagVocabulary } from './tags.js';

export interface CoreContext {
  gazetteer: Gazetteer;
  tags: TagVocabulary;
  today: IsoDate;
}
