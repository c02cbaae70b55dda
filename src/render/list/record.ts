// The stable shape of an article for scripts (json, ndjson, csv): core/record.ts's record,
// with the path as the user can open it from the current folder.
import { type ArticleRecord, RECORD_FIELDS, toRecord } from '../../core/record.js';
import type { ListRow } from './view.js';

export { type ArticleRecord, RECORD_FIELDS };

export function articleRecord({ article, path }: ListRow): ArticleRecord {
  return { ...toRecord(article), path };
}
