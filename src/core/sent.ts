// The digests sent so far, as the shared record keeps them, and what follows from it: which
// items went out already, and from which day "since last" starts.
import type { Article } from './article.js';
import type { IsoDate } from './dates.js';

export interface SentItem {
  /** Path in the articles folder, as the archive names it. */
  path: string;
  title: string;
  /** The item's own date (YYYY-MM-DD); pages have none. */
  date?: IsoDate;
}

export interface SentDigest {
  /** When the server accepted it, an ISO instant. */
  sentAt: string;
  messageId: string;
  subject: string;
  to: string[];
  items: SentItem[];
}

export interface SentRecord {
  digests: SentDigest[];
}

export function sentItem(article: Article): SentItem {
  return { path: article.path, title: article.title, ...(article.date && { date: article.date.date }) };
}

/** The digest sent last (by the time it was sent). */
export function lastSent(record: SentRecord): SentDigest | undefined {
  let last: SentDigest | undefined;
  for (const d of record.digests) if (!last || d.sentAt > last.sentAt) last = d;
  return last;
}

/** Every path that went out in any digest. */
export function sentPaths(record: SentRecord): Set<string> {
  return new Set(record.digests.flatMap((d) => d.items.map((i) => i.path)));
}

/**
 * Where "since last" starts: the day of the newest dated item of the last digest. Items of
 * that day are candidates too (one written later the same day); those already sent are
 * left out by path, so nothing goes out twice and nothing of that day is missed.
 */
export function sinceLastFrom(record: SentRecord): IsoDate | undefined {
  const last = lastSent(record);
  if (!last) return undefined;
  let from: IsoDate | undefined;
  for (const item of last.items) if (item.date && (!from || item.date > from)) from = item.date;
  return from;
}
