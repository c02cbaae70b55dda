// RSS 2.0 and Atom 1.0 through the `feed` package. Feeds need absolute links, so they are
// built only with a site URL. Nothing in them depends on when they are made: ids are the
// items' links, and the feed's date is that of its newest item, so a rerun is byte-identical.
//
// The `feed` package wraps titles and summaries in CDATA but does not escape attribute values
// beyond quotes, and only splits the first "]]>" of a CDATA section; the values are prepared
// here so that any title still gives well-formed XML.
import { Feed, type Item } from 'feed';
import { instantOf, WORDS } from '../../core/date-format.js';
import { escapeHtml, xmlChars } from './escape.js';
import { summaryHtml } from './html.js';
import type { Digest, DigestEntry } from './model.js';

export type FeedFormat = 'rss' | 'atom';

/** Plain text inside CDATA: "]]>" would end the section, so a zero-width space splits it. */
function cdataText(value: string): string {
  return xmlChars(value).replace(/]]>/g, ']]\u200B>');
}

/** HTML inside CDATA (Atom's type="html", RSS descriptions): escaped, so it holds no "]]>". */
function cdataHtml(value: string): string {
  return escapeHtml(xmlChars(value));
}

function itemOf(entry: DigestEntry, format: FeedFormat, timeZone: string | undefined): Item {
  const a = entry.article;
  const date = instantOf(a.date!, timeZone);
  const names = [...a.regions, ...a.tags];
  return {
    // RSS titles are plain text; Atom's, as the package writes them, are HTML.
    title: format === 'rss' ? cdataText(a.title) : cdataHtml(a.title),
    link: entry.link!,
    date,
    published: date,
    description: summaryHtml(xmlChars(a.summary)),
    category: names.map((name) =>
      format === 'rss' ? { name: xmlChars(name) } : { name: escapeHtml(xmlChars(name)), term: escapeHtml(xmlChars(name)) },
    ),
    ...(a.author && format === 'atom' && { author: [{ name: xmlChars(a.author) }] }),
  };
}

/** The feed's own date: its newest item's, else noon of `today` for an empty feed. */
function updatedOf(digest: Digest, items: Item[], today: string): Date {
  if (items.length) return new Date(Math.max(...items.map((i) => i.date.getTime())));
  return instantOf({ date: today }, digest.timeZone);
}

export function renderFeed(digest: Digest, format: FeedFormat, today: string): string {
  const siteUrl = digest.siteUrl;
  if (!siteUrl) throw new Error('a feed needs a site URL');
  const home = `${siteUrl.replace(/\/+$/, '')}/`;
  // Feeds carry dated items; pages have no date to give them.
  const items = digest.entries.filter((e) => e.article.date).map((e) => itemOf(e, format, digest.timeZone));
  const feed = new Feed({
    title: xmlChars(digest.title),
    description: xmlChars(digest.periodText ?? digest.title),
    id: home,
    link: home,
    language: digest.lang,
    updated: updatedOf(digest, items, today),
    generator: 'psg',
    author: { name: WORDS[digest.lang].publisher },
    // rel="self": where the feed itself lives, which feed readers and validators ask for.
    ...(digest.feedUrl && { feedLinks: { [format]: xmlChars(digest.feedUrl) } }),
  });
  for (const item of items) feed.addItem(item);
  return `${format === 'rss' ? feed.rss2() : feed.atom1()}\n`;
}
