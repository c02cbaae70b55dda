// The digest as every format sees it: the heading, the period, and each entry with its date
// and regions already put into words. Built once; the renderers only lay it out.
import type { Lang } from '../../config.js';
import type { Article } from '../../core/article.js';
import { formatDay, formatPeriod, type Period, WORDS } from '../../core/date-format.js';
import type { DigestSelection } from '../../core/digest-select.js';

export interface DigestEntry {
  article: Article;
  /** "1 April 2019"; undefined for pages. */
  date: string | undefined;
  /** The regions it lists, in the order written. */
  regions: string[];
  /** Absolute address on the website, when a site URL is known. */
  link: string | undefined;
  /** The file as psg shows paths everywhere (list, validate, new): from the current folder. */
  file: string;
}

export interface Digest {
  lang: Lang;
  /** The heading: --title, digest.title, or the default of the language. */
  title: string;
  /** Whether the title was asked for (the text format prints only a title asked for). */
  titleGiven: boolean;
  period: Period;
  /** The period in words, e.g. "11 March – 1 April 2019"; undefined when there is none. */
  periodText: string | undefined;
  /** Dated items then pages. */
  entries: DigestEntry[];
  siteUrl: string | undefined;
  /** The configured time zone, for the instants of the feeds. */
  timeZone: string | undefined;
  /** What the email-grade HTML adds: its hidden first line and its footer. */
  mail: MailParts;
  feedUrl: string | undefined;
}

export interface MailParts {
  /** The hidden first line a mail client shows beside the subject (email.preheader). */
  preheader?: string;
  /** Who sends it and why (email.footer). */
  footer?: string;
  /** A mailto: or https address to leave the list (email.unsubscribe). */
  unsubscribe?: string;
}

export interface DigestSettings {
  lang: Lang;
  title?: string;
  siteUrl?: string;
  timeZone?: string;
  mail?: MailParts;
  /** Where the feed is published (feedUrl in psg.config.json): its rel="self" link. */
  feedUrl?: string;
  /** The article's file as shown to the user; absent: its path in the articles folder. */
  shownPath?: (path: string) => string;
}

/**
 * An article's address on the site: the site URL, then its path in the articles folder
 * without `.md`, each segment percent-encoded (articles/2019/2019-03-18-espinar.md →
 * https://example.org/2019/2019-03-18-espinar).
 */
export function articleLink(siteUrl: string, path: string): string {
  const segments = path.replace(/\.md$/i, '').split('/').map(encodeURIComponent);
  return `${siteUrl.replace(/\/+$/, '')}/${segments.join('/')}`;
}

export function buildDigest(selection: DigestSelection, settings: DigestSettings): Digest {
  const { lang, siteUrl } = settings;
  const entry = (article: Article): DigestEntry => ({
    article,
    date: article.date ? formatDay(article.date.date, lang) : undefined,
    regions: article.regions,
    link: siteUrl ? articleLink(siteUrl, article.path) : undefined,
    file: settings.shownPath ? settings.shownPath(article.path) : article.path,
  });
  const title = settings.title?.trim();
  return {
    lang,
    title: title || WORDS[lang].digestTitle,
    titleGiven: Boolean(title),
    period: selection.period,
    periodText: formatPeriod(selection.period, lang),
    entries: [...selection.items, ...selection.pages].map(entry),
    siteUrl,
    timeZone: settings.timeZone,
    mail: settings.mail ?? {},
    feedUrl: settings.feedUrl,
  };
}

/** A summary as written, without the line breaks a YAML block may leave at its end. */
export function summaryLines(summary: string): string[] {
  return summary.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
}

/** Blank lines divide a summary into paragraphs; a line of spaces counts as blank. */
export function summaryParagraphs(summary: string): string[][] {
  const paragraphs: string[][] = [];
  let current: string[] = [];
  for (const line of summaryLines(summary)) {
    if (/^[ \t]*$/.test(line)) {
      if (current.length) paragraphs.push(current);
      current = [];
    } else current.push(line);
  }
  if (current.length) paragraphs.push(current);
  return paragraphs;
}
