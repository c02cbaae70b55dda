import { afterAll, describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Parser from 'rss-parser';
import { XMLValidator } from 'fast-xml-parser';
import { psg } from '../helpers/run.js';
import { SEED } from '../helpers/seed.js';
import { article, cleanup, sampleCopy, testdir } from '../helpers/testdir.js';

const SITE = 'https://perusupportgroup.org.uk';

afterAll(cleanup);

const bullets = (text: string) => text.split('\n').filter((l) => /^ {0,2}• /.test(l)).map((l) => l.replace(/^ *• /, ''));

describe('psg digest (text)', () => {
  it.each(['UTC', 'America/Lima', 'Pacific/Kiritimati'])('--pages over the sample archive is the site listing, byte for byte (TZ=%s)', (tz) => {
    const r = psg(['digest', '--pages'], { tz });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(SEED);
  });

  it('ends with a newline, even a title over an empty archive (so the prompt starts on a line of its own)', () => {
    const dir = testdir({ 'articles/.keep': '' });
    const r = psg(['digest', '--title', 'March news'], { cwd: dir });
    expect(r).toEqual({ stdout: 'March news\n', stderr: 'psg: no items match\n', code: 0 });
    const first = psg(['digest', '--limit', '1']).stdout;
    expect(first.startsWith('  • Letter from Puno')).toBe(true);
    expect(first.endsWith('mining companies.\n')).toBe(true);
  });

  it('--out writes the same bytes', () => {
    const dir = sampleCopy();
    const r = psg(['digest', '--pages', '--out', 'digest.txt'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('');
    expect(readFileSync(join(dir, 'digest.txt'), 'utf8')).toBe(SEED);
  });

  it('takes the 10 newest dated items and no pages by default', () => {
    const r = psg(['digest']);
    expect(r.code).toBe(0);
    expect(bullets(r.stdout)).toHaveLength(10);
    expect(r.stdout).toBe(`${SEED.slice(0, SEED.indexOf('\n\n  • PSG Aims'))}\n`);
  });

  it('--lang es prints dates in Spanish', () => {
    const r = psg(['digest', '--lang', 'es']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, 3)).toEqual(['  • Letter from Puno: Using the law to protect community rights', '', '    1 de abril de 2019']);
    expect(r.stdout).toContain('    23 de marzo de 2019\n');
  });

  it('--month 2019-03 --region Cajamarca --format markdown gives exactly the two Cajamarca letters', () => {
    const r = psg(['digest', '--month', '2019-03', '--region', 'Cajamarca', '--format', 'markdown']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`# Peru Support Group news digest

March 2019

## Letter from Cajamarca (2): the rondas campesinas

*23 March 2019 · Cajamarca*

Hualgayoc is a cold and rather forbidding town. Its mining traditions are very clear, and it has been the centre of mining activity since colonial times, if not before. It is also a politically lively place where the rondas campesinas loom large in maintaining order and defending local people from banditry.

## Letter from Cajamarca

*18 March 2019 · Cajamarca*

Should you be in Cajamarca and find yourself in Jirón Lima, opposite Dylon’s chicken rotisserie, you will find one of Peru’s most innovative and long-lasting development projects, and one with which the Peru Support Group has a rather special link.
`);
  });

  it('--week takes an ISO week or a date in it, and gives all of that week', () => {
    const week = psg(['digest', '--week', '2019-W12']);
    expect(week.code).toBe(0);
    expect(bullets(week.stdout)).toEqual([
      'An alternative development blueprint for Madre de Dios',
      'Tuesta commission publishes recommendations for political reform',
      'Letter from Cajamarca (2): the rondas campesinas',
      'Espinar: continuing problems with mine developments',
      'The issue of human trafficking: seminar in Lima',
      'Letter from Cajamarca',
    ]);
    expect(psg(['digest', '--week', '2019-03-20']).stdout).toBe(week.stdout);
  });

  it('a window gives everything in it; --limit caps it', () => {
    expect(bullets(psg(['digest', '--since', '2019-03-01', '--limit', '20']).stdout)).toHaveLength(10);
    expect(bullets(psg(['digest', '--since', '2019-03-18', '--limit', '2']).stdout)).toEqual([
      'Letter from Puno: Using the law to protect community rights',
      'An alternative development blueprint for Madre de Dios',
    ]);
    expect(bullets(psg(['digest', '--limit', '3', '--pages']).stdout)).toHaveLength(7);
  });

  it('--type page gives the pages alone, without a note', () => {
    const r = psg(['digest', '--type', 'page']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(SEED.slice(SEED.indexOf('  • PSG Aims')));
  });

  it('leaves out items dated after today', () => {
    const r = psg(['digest', '--limit', '1'], { env: { PSG_TODAY: '2019-03-20' } });
    expect(bullets(r.stdout)).toEqual(['Espinar: continuing problems with mine developments']);
  });

  it('reads digest.title, digest.limit and digest.lang from psg.config.json; flags win', () => {
    const dir = sampleCopy();
    writeFileSync(join(dir, 'psg.config.json'), JSON.stringify({ digest: { title: 'Boletín', limit: 2, lang: 'es' } }));
    const r = psg(['digest'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, 5)).toEqual(['Boletín', '', '  • Letter from Puno: Using the law to protect community rights', '', '    1 de abril de 2019']);
    expect(bullets(r.stdout)).toHaveLength(2);
    const flags = psg(['digest', '--title', 'News', '--limit', '1', '--lang', 'en'], { cwd: dir });
    expect(flags.stdout.split('\n').slice(0, 5)).toEqual(['News', '', '  • Letter from Puno: Using the law to protect community rights', '', '    1 April 2019']);
    expect(bullets(flags.stdout)).toHaveLength(1);
  });

  it('an empty selection is a note on stderr and exit 0', () => {
    const r = psg(['digest', '--month', '2018-01']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('psg: no items match in that period\n');
  });

  it.each([
    [['--week', '2019-W60'], 'psg: bad week for --week: "2019-W60"'],
    [['--limit', '0'], "psg: option '-n, --limit <n>' argument '0' is invalid. Give a whole number of 1 or more, e.g. --limit 10."],
    [['--format', 'pdf'], "psg: option '-f, --format <format>' argument 'pdf' is invalid. Allowed choices are text, markdown, html, json, rss, atom, email."],
    [['--lang', 'fr'], "psg: option '--lang <lang>' argument 'fr' is invalid. Allowed choices are en, es."],
    [['--region', 'Cajamrca'], 'psg: unknown region "Cajamrca"; did you mean "Cajamarca"?'],
    [['--month', '2019-04', '--week', '2019-W12'], 'psg: the dates cross: from 2019-04-01 until 2019-03-24 holds no day'],
    [['--site-url', 'ftp://example.org', '--format', 'html'], 'psg: bad site URL for --site-url: "ftp://example.org"'],
    [['--site-url', 'https://example.org/?page=1', '--format', 'rss'], 'psg: bad site URL for --site-url: "https://example.org/?page=1"'],
  ])('%j is a usage error, exit 2', (args, message) => {
    const r = psg(['digest', ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toBe(message);
    expect(r.stderr).toMatch(/\nhint: .+\n$/);
  });
});

describe('psg digest --format json', () => {
  it('holds the selected articles with all their fields', () => {
    const r = psg(['digest', '--format', 'json', '--pages']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.count).toBe(14);
    expect(doc.period).toEqual({ from: '2019-03-11', to: '2019-04-01', text: '11 March – 1 April 2019' });
    expect(doc.articles[0]).toMatchObject({
      path: 'articles/2019/2019-04-01-letter-from-puno-using-the-law-to-protect-community-rights.md',
      type: 'letter',
      date: '2019-04-01',
      regions: ['Puno', 'Moquegua'],
      places: ['Jatucachi'],
      series: 'Letter from Puno',
      part: 1,
      link: null,
    });
    expect(doc.articles.slice(10).map((a: { title: string }) => a.title)).toEqual(['PSG Aims', 'Historical Overview', 'Human Rights', 'Why join the PSG?']);
  });
});

describe('psg digest --format rss|atom', () => {
  it.each(['rss', 'atom'])('%s parses as XML and through a feed parser with 10 items', async (format) => {
    const r = psg(['digest', '--format', format, '--site-url', SITE]);
    expect(r.code).toBe(0);
    expect(XMLValidator.validate(r.stdout)).toBe(true);
    const feed = await new Parser().parseString(r.stdout);
    expect(feed.items).toHaveLength(10);
    expect(feed.items[0]!.link).toBe(`${SITE}/2019/2019-04-01-letter-from-puno-using-the-law-to-protect-community-rights`);
    expect(feed.items[9]!.title).toBe('Forcibly sterilised women continue fight for justice');
  });

  it('takes siteUrl from psg.config.json, and gives the same bytes in every time zone', () => {
    const dir = sampleCopy();
    writeFileSync(join(dir, 'psg.config.json'), JSON.stringify({ siteUrl: `${SITE}/` }));
    const utc = psg(['digest', '--format', 'atom'], { cwd: dir, tz: 'UTC' });
    expect(utc.code).toBe(0);
    expect(utc.stdout).toContain(`<id>${SITE}/2019/2019-03-18-letter-from-cajamarca</id>`);
    expect(psg(['digest', '--format', 'atom'], { cwd: dir, tz: 'Pacific/Kiritimati' }).stdout).toBe(utc.stdout);
  });

  it.each(['rss', 'atom'])('%s without a site URL is exit 2 with a hint naming --site-url and siteUrl', (format) => {
    const r = psg(['digest', '--format', format]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `psg: the ${format === 'rss' ? 'RSS' : 'Atom'} feed needs the website's address for its links\n` +
        'hint: Pass --site-url https://your.site, or set "siteUrl" in psg.config.json\n',
    );
  });

  it('says that pages are left out of a feed', () => {
    const r = psg(['digest', '--format', 'rss', '--pages', '--site-url', SITE]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('psg: pages have no date, so the feed leaves them out\n');
  });
});

describe('hostile titles and summaries', () => {
  const dir = testdir({
    'articles/2019/2019-03-18-hostile.md': article({
      title: `'<script>alert("x")</script> & ''quotes'' <img src=x onerror=alert(1)> ]]>'`,
      type: 'news',
      date: '2019-03-18',
      summary: `"Fish & chips </p><script>document.title='owned'</script> <img src=x onerror=\\"alert(1)\\"> ]]> &amp;"`,
      tags: '["a&b"]',
    }),
  });

  it('are escaped in HTML', () => {
    const r = psg(['digest', '--format', 'html'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/<script|<img|<[^>]*onerror/i);
    expect(r.stdout).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39; &lt;img src=x onerror=alert(1)&gt; ]]&gt;');
    expect(r.stdout).toContain('Fish &amp; chips &lt;/p&gt;&lt;script&gt;document.title=&#39;owned&#39;&lt;/script&gt;');
  });

  it.each(['rss', 'atom'])('leave the %s feed well-formed', async (format) => {
    const r = psg(['digest', '--format', format, '--site-url', SITE], { cwd: dir });
    expect(r.code).toBe(0);
    expect(XMLValidator.validate(r.stdout)).toBe(true);
    const feed = await new Parser().parseString(r.stdout);
    expect(feed.items).toHaveLength(1);
  });
});
