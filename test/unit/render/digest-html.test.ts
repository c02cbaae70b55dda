import { describe, expect, it } from '@jest/globals';
import { preheaderOf, renderHtml } from '../../../src/render/digest/html.js';
import { art, digestOf, HOSTILE_SUMMARY, HOSTILE_TITLE } from '../../helpers/digest.js';

const decode = (html: string) =>
  html
    .replace(/<br>\n/g, '\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

const hostile = art({ title: HOSTILE_TITLE, date: '2019-03-18', path: '2019/2019-03-18-hostile.md', summary: HOSTILE_SUMMARY, regions: ['Cajamarca'] });
const html = renderHtml(digestOf([hostile], { title: 'News & <views>', siteUrl: 'https://example.org/a"b' }, { from: '2019-03-18', to: '2019-03-24' }));
const bodyOf = (page: string) => page.slice(page.indexOf('<body'), page.indexOf('</body>'));

describe('renderHtml', () => {
  it('escapes every value: no tag, attribute or entity of an article gets through', () => {
    expect(html).not.toMatch(/<script|<img|<b>|<\/p><\/div>&lt;/i);
    // onerror survives only as text, inside an escaped tag.
    expect(html).not.toMatch(/<[^>]*onerror/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(&#39;y&#39;)&quot;&gt;');
    expect(html).toContain('&amp;amp; done');
    expect(html).toContain('<title>News &amp; &lt;views&gt; · 18–24 March 2019</title>');
    expect(html).toContain('href="https://example.org/a&quot;b/2019/2019-03-18-');
  });

  it('gives back the values as written once the entities are read', () => {
    const title = /<h2[^>]*><a[^>]*>([^<]*)<\/a><\/h2>/.exec(html)![1]!;
    expect(decode(title)).toBe(HOSTILE_TITLE);
    const summary = [...html.matchAll(/<p style="[^"]*font-size:17px[^>]*>([^]*?)<\/p>/g)].map((m) => decode(m[1]!));
    expect(summary.join('\n')).toBe(HOSTILE_SUMMARY);
  });

  it('is laid out in nested presentation tables, 600 px wide three ways, and no div', () => {
    const page = renderHtml(digestOf([art({ title: 'A', date: '2019-03-18' })]));
    expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="en" /);
    expect(page).not.toMatch(/<div/i);
    const tables = page.match(/<table[^>]*>/g)!;
    expect(tables.length).toBeGreaterThanOrEqual(3);
    for (const t of tables) expect(t).toMatch(/role="presentation".*cellpadding="0" cellspacing="0" border="0"/);
    // The column: the width attribute, max-width in CSS, and Outlook's own fixed table.
    expect(page).toMatch(/<table role="presentation" width="600"[^>]*style="[^"]*max-width:600px/);
    expect(page).toContain('<!--[if mso]><table role="presentation" width="600" align="center"');
    expect(page).toContain('<!--[if mso]></td></tr></table><![endif]-->');
  });

  it('is self-contained: every style inline, no scripts, forms, style sheets or anything fetched', () => {
    const page = renderHtml(digestOf([art({ title: 'A', date: '2019-03-18' })], { siteUrl: 'https://example.org' }));
    expect(page).not.toMatch(/<script|<style|<link|<img|<iframe|<form|<input|<button|\bsrc=|url\(|@import|javascript:/i);
    // What Outlook alone reads, inside its conditional comments, is checked above.
    const body = bodyOf(page).replace(/<!--[^]*?-->/g, '');
    for (const tag of body.match(/<(?!\/|br>|tr>)[a-z0-9]+[^>]*>/g)!) expect(tag).toContain('style="');
    // Spacing is padding on cells; elements inside have no margin of their own.
    for (const style of body.match(/style="[^"]*"/g)!) expect(style).not.toMatch(/margin:(?!0[;"]|0 auto)/);
    for (const td of body.match(/<td[^>]*>/g)!) {
      expect(td).toMatch(/bgcolor="#[0-9a-f]{6}"/);
      expect(td).toMatch(/background-color:#[0-9a-f]{6}/);
    }
    // Every piece of text says its colour and its font (system fonts only).
    for (const tag of body.match(/<(h1|h2|p|a) [^>]*>/g)!) expect(tag).toMatch(/color:#[0-9a-f]{6}/);
    for (const family of body.match(/font-family:[^;"]*/g)!) expect(family).toMatch(/font-family:(Georgia, Times New Roman, Times, serif|Helvetica, Arial, sans-serif)$/);
    expect(page).toContain('<meta name="color-scheme" content="light only">');
  });

  it('starts with a hidden preheader: the period and the first headlines, or the configured line', () => {
    const items = [art({ title: 'Puno', date: '2019-04-01' }), art({ title: 'Lima', date: '2019-03-30' })];
    const digest = digestOf(items, {}, { from: '2019-03-30', to: '2019-04-01' });
    expect(preheaderOf(digest)).toBe('30 March – 1 April 2019: Puno · Lima');
    const page = renderHtml(digest);
    expect(bodyOf(page)).toMatch(/^<body[^>]*>\n<span style="display:none;[^"]*mso-hide:all[^"]*">30 March – 1 April 2019: Puno · Lima&#847;/);
    const own = renderHtml(digestOf(items, { mail: { preheader: 'Our fortnight in\nPeru' } }));
    expect(own).toMatch(/<span style="display:none;[^>]*>Our fortnight in Peru&#847;/);
  });

  it('links each title and a "Read more" to the site only when a site URL is known', () => {
    const a = art({ title: 'A', date: '2019-03-18', path: '2019/2019-03-18-a b.md' });
    expect(renderHtml(digestOf([a]))).not.toContain('<a ');
    expect(renderHtml(digestOf([a]))).not.toContain('Read more');
    const linked = renderHtml(digestOf([a], { siteUrl: 'https://example.org' }));
    expect(linked.match(/href="https:\/\/example.org\/2019\/2019-03-18-a%20b"/g)).toHaveLength(2);
    expect(linked).toMatch(/<a href="https:\/\/example.org\/2019\/2019-03-18-a%20b"[^>]*>Read more&nbsp;&rarr;<\/a>/);
    expect(renderHtml(digestOf([a], { siteUrl: 'https://example.org', lang: 'es' }))).toContain('>Leer más&nbsp;&rarr;</a>');
  });

  it('ends with the footer from the config: who sends it and why, and how to leave', () => {
    const page = renderHtml(
      digestOf([art({ title: 'A', date: '2019-03-18' })], { mail: { footer: 'Sent by the PSG\nto its members.', unsubscribe: 'mailto:leave@example.org?subject=stop' } }),
    );
    expect(page).toMatch(/<p [^>]*>Sent by the PSG<br>\nto its members\.<\/p>/);
    expect(page).toMatch(/Unsubscribe: <a href="mailto:leave@example.org\?subject=stop"[^>]*>leave@example.org<\/a>/);
    const web = renderHtml(digestOf([], { mail: { unsubscribe: 'https://example.org/leave?id=1&x=2' } }));
    expect(web).toContain('<a href="https://example.org/leave?id=1&amp;x=2"');
    expect(renderHtml(digestOf([]))).toContain('You receive this digest because you are a member or friend of the Peru Support Group.');
  });

  it('drops control characters and noncharacters from every value, and keeps titles on one line', () => {
    const raw = art({
      title: 'Bad\u0000 \u001b]2;PWNED\u0007title\nwith a line\uFFFE',
      date: '2019-03-18',
      regions: ['Cajamarca\u0007'],
      summary: 'Line\u0000 one\u001b[31m\r\nline two\uFDD0\u0085',
    });
    const page = renderHtml(digestOf([raw], { title: 'Digest\u0007 of\nthe week', mail: { footer: 'Foot\u001bnote', preheader: 'Pre\u0000header' } }));
    // eslint-disable-next-line no-control-regex
    expect(page).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]/);
    expect(page).toContain('>Bad ]2;PWNEDtitle with a line</h2>');
    expect(page).toContain('>Digest of the week</h1>');
    expect(page).toContain('<title>Digest of the week</title>');
    expect(page).toContain('Line one[31m<br>\nline two</p>');
    expect(page).toContain('>18 March 2019 · Cajamarca</p>');
    expect(page).toContain('>Preheader&#847;');
    expect(page).toContain('>Footnote');
  });

  it('says so in the language of the digest when nothing was published', () => {
    expect(renderHtml(digestOf([], { lang: 'es' }))).toContain('No se publicó nada en este periodo.');
    expect(renderHtml(digestOf([], { lang: 'es' }))).toMatch(/<html lang="es" /);
  });
});
