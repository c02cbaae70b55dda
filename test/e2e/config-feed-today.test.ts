// Three settings of psg.config.json: feedUrl gives the feeds their rel="self" link; a siteUrl
// with ? or # is refused when the config is read, as digest --site-url refuses it; and "today"
// is London's date whatever the machine's zone, unless timeZone names another.
import { afterAll, describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { psg } from '../helpers/run.js';
import { cleanup, sampleCopy } from '../helpers/testdir.js';

afterAll(cleanup);

const SITE = 'https://perusupportgroup.org.uk';

function archive(config: Record<string, unknown>): string {
  const dir = sampleCopy();
  writeFileSync(join(dir, 'psg.config.json'), JSON.stringify(config));
  return dir;
}

const dateIn = (timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

describe('feedUrl', () => {
  it('is the rel="self" link of the Atom feed and of the RSS feed', () => {
    const dir = archive({ siteUrl: SITE, feedUrl: `${SITE}/feed.xml?lang=en&v=2` });
    const atom = psg(['digest', '--format', 'atom'], { cwd: dir });
    expect(atom.code).toBe(0);
    expect(XMLValidator.validate(atom.stdout)).toBe(true);
    expect(atom.stdout).toContain(`<link rel="self" href="${SITE}/feed.xml?lang=en&amp;v=2"/>`);
    const rss = psg(['digest', '--format', 'rss'], { cwd: dir });
    expect(XMLValidator.validate(rss.stdout)).toBe(true);
    expect(rss.stdout).toContain(`<atom:link href="${SITE}/feed.xml?lang=en&amp;v=2" rel="self" type="application/rss+xml"/>`);
  });

  it('without it the feeds claim no address of their own; a feedUrl that is not http(s) is refused', () => {
    const atom = psg(['digest', '--format', 'atom'], { cwd: archive({ siteUrl: SITE }) });
    expect(atom.stdout).not.toContain('rel="self"');
    const bad = psg(['list'], { cwd: archive({ feedUrl: 'feed.xml' }) });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/"feedUrl" must be the address the feed is published at/);
  });
});

describe('siteUrl in psg.config.json', () => {
  it.each([`${SITE}/?utm=x`, `${SITE}/#top`, `${SITE}?`])('refuses %j for every command, as digest --site-url does', (siteUrl) => {
    const dir = archive({ siteUrl });
    const r = psg(['list'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`psg.config.json: "siteUrl" must be the website address, with no ? or #`);
    expect(r.stderr).toContain('hint: ');
    expect(psg(['digest', '--format', 'html', '--site-url', siteUrl]).stderr).toContain(`bad site URL for --site-url: "${siteUrl}"`);
  });
});

describe('today', () => {
  it('is the same in every zone: London’s, unless timeZone says otherwise', () => {
    const title = (tz: string) => ['new', 'news', '--title', `Today in ${tz}`, '--summary', 's', '--yes'];
    const dir = sampleCopy();
    const london = dateIn('Europe/London');
    // UTC+14 and UTC−11: at any hour one of them has another date than London.
    for (const tz of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/Lima', 'UTC']) {
      const r = psg(title(tz), { cwd: dir, tz });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`/${london}-today-in-`);
    }
    const zoned = archive({ timeZone: 'Pacific/Kiritimati' });
    expect(psg(title('Kiritimati'), { cwd: zoned, tz: 'Pacific/Pago_Pago' }).stdout).toContain(`/${dateIn('Pacific/Kiritimati')}-today-in-`);
  });
});
