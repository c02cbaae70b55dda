import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import Parser from 'rss-parser';
import { renderFeed } from '../../../src/render/digest/feeds.js';
import { art, digestOf, HOSTILE_SUMMARY, HOSTILE_TITLE } from '../../helpers/digest.js';

const SITE = 'https://example.org';
const TODAY = '2019-04-10';

const items = [
  art({ title: 'Letter from Puno', type: 'letter', date: '2019-04-01', regions: ['Puno', 'Moquegua'], tags: ['mining'], path: '2019/2019-04-01-puno.md', author: 'A. Writer' }),
  art({ title: 'Exit Villanueva', date: '2019-03-11T12:00:00', tags: ['politics'], path: '2019/2019-03-11-exit.md' }),
];
const hostile = art({ title: HOSTILE_TITLE, date: '2019-03-18', summary: HOSTILE_SUMMARY, tags: ['a&b', '<tag>', 'q"uote'], regions: ['Cajamarca'], path: '2019/2019-03-18-x.md' });

function xml(format: 'rss' | 'atom', articles = items, settings = {}) {
  return renderFeed(digestOf(articles, { siteUrl: SITE, ...settings }, { from: '2019-03-11', to: '2019-04-01' }), format, TODAY);
}

/** Categories as a parser reads them (rss-parser reads them from RSS only). */
function categories(text: string, format: 'rss' | 'atom', index: number): string[] {
  const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'category' || name === 'item' || name === 'entry' }).parse(text);
  return format === 'rss'
    ? doc.rss.channel.item[index].category
    : doc.feed.entry[index].category.map((c: Record<string, string>) => c['@_term']);
}

/** The XML outside CDATA sections, and the HTML held in the sections that carry HTML. */
const outsideCdata = (text: string) => text.replace(/<!\[CDATA\[[^]*?\]\]>/g, '');

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

afterEach(() => {
  jest.useRealTimers();
});

describe.each(['rss', 'atom'] as const)('%s feed', (format) => {
  it('is well-formed XML that a feed parser reads, item for item', async () => {
    const text = xml(format);
    expect(XMLValidator.validate(text)).toBe(true);
    const feed = await new Parser().parseString(text);
    expect(feed.title).toBe('Peru Support Group news digest');
    expect(feed.items.map((i) => i.link)).toEqual([`${SITE}/2019/2019-04-01-puno`, `${SITE}/2019/2019-03-11-exit`]);
    expect(feed.items.map((i) => unescape(i.title ?? ''))).toEqual(['Letter from Puno', 'Exit Villanueva']);
    expect(categories(text, format, 0)).toEqual(['Puno', 'Moquegua', 'mining']);
    expect(new Date(feed.items[1]!.isoDate!).toISOString()).toBe('2019-03-11T12:00:00.000Z');
  });

  it('stays well-formed and keeps the values whole with markup, entities, quotes and ]]> in them', async () => {
    const text = xml(format, [hostile, ...items]);
    expect(XMLValidator.validate(text)).toBe(true);
    expect(outsideCdata(text)).not.toMatch(/<script|<img|a&b|<tag>/);
    const feed = await new Parser().parseString(text);
    const first = feed.items[0]!;
    // RSS titles are plain text; Atom titles are HTML, so they arrive escaped once more.
    const title = format === 'rss' ? first.title! : unescape(first.title!);
    expect(title.replace(/\u200B/g, '')).toBe(HOSTILE_TITLE);
    expect(categories(text, format, 0)).toEqual(['Cajamarca', 'a&b', '<tag>', 'q"uote']);
    const summary = format === 'rss' ? first.content! : first.summary!;
    expect(summary).toContain('&lt;script&gt;document.title=&#39;owned&#39;&lt;/script&gt;');
    expect(summary).not.toMatch(/<script|<img/);
  });

  it('drops characters XML cannot hold', () => {
    const text = xml(format, [art({ title: 'Bell\u0007 and \u0000null', date: '2019-03-18', summary: 'Form\u000cfeed' })]);
    expect(XMLValidator.validate(text)).toBe(true);
    expect(text).toContain('Bell and null');
  });

  it('is the same whenever it is made: dated by its newest item, ids from links', () => {
    jest.useFakeTimers({ now: new Date('2030-01-01T00:00:00Z') });
    const first = xml(format);
    jest.setSystemTime(new Date('2031-06-15T08:00:00Z'));
    expect(xml(format)).toBe(first);
    expect(first).not.toContain('2030');
    expect(first).toContain(format === 'rss' ? 'Mon, 01 Apr 2019 12:00:00 GMT' : '<updated>2019-04-01T12:00:00.000Z</updated>');
  });

  it('leaves pages out, since they have no date', async () => {
    const feed = await new Parser().parseString(xml(format, [...items, art({ title: 'PSG Aims', order: 1 })]));
    expect(feed.items).toHaveLength(2);
  });

  it('is a valid empty feed when nothing was selected', async () => {
    const text = xml(format, []);
    expect(XMLValidator.validate(text)).toBe(true);
    expect((await new Parser().parseString(text)).items).toHaveLength(0);
  });
});

describe('feed details', () => {
  const parser = new XMLParser({ ignoreAttributes: false });

  it('gives Atom what it requires: feed id, author, updated, and an id per entry', () => {
    const atom = parser.parse(xml('atom', items, { timeZone: 'America/Lima' })).feed;
    expect(atom.id).toBe(`${SITE}/`);
    expect(atom.author.name).toBe('Peru Support Group');
    expect(atom.updated).toBe('2019-04-01T17:00:00.000Z');
    expect(atom.entry.map((e: { id: string }) => e.id)).toEqual([`${SITE}/2019/2019-04-01-puno`, `${SITE}/2019/2019-03-11-exit`]);
    expect(atom.entry[0].author.name).toBe('A. Writer');
    expect(atom.entry[1].updated).toBe('2019-03-11T17:00:00.000Z');
  });

  it('gives RSS a channel link, language and a permalink guid per item', () => {
    const rss = parser.parse(xml('rss', items, { lang: 'es' })).rss.channel;
    expect(rss.link).toBe(`${SITE}/`);
    expect(rss.language).toBe('es');
    expect(rss.title).toBe('Resumen de noticias del Peru Support Group');
    expect(rss.description).toBe('11 de marzo – 1 de abril de 2019');
    expect(rss.item[0].guid).toEqual({ '#text': `${SITE}/2019/2019-04-01-puno`, '@_isPermaLink': 'true' });
  });
});
