import { describe, expect, it } from '@jest/globals';
import { renderHtml } from '../../../src/render/digest/html.js';
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

describe('renderHtml', () => {
  it('escapes every value: no tag, attribute or entity of an article gets through', () => {
    expect(html).not.toMatch(/<script|<img|<b>|<\/p><\/div>&lt;/i);
    // onerror survives only as text, inside an escaped tag.
    expect(html).not.toMatch(/<[^>]*onerror/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(&#39;y&#39;)&quot;&gt;');
    expect(html).toContain('&amp;amp; done');
    expect(html).toContain('<title>News &amp; &lt;views&gt; &middot; 18–24 March 2019</title>');
    expect(html).toContain('href="https://example.org/a&quot;b/2019/2019-03-18-');
  });

  it('gives back the values as written once the entities are read', () => {
    const title = /<h2[^>]*><a[^>]*>([^<]*)<\/a><\/h2>/.exec(html)![1]!;
    expect(decode(title)).toBe(HOSTILE_TITLE);
    const summary = /<p style="margin:0 0 12px[^>]*>([^]*?)<\/p>/.exec(html)![1]!;
    expect(decode(summary)).toBe(HOSTILE_SUMMARY);
  });

  it('is self-contained and email-safe: inline styles, no scripts, no style sheets, nothing fetched', () => {
    const page = renderHtml(digestOf([art({ title: 'A', date: '2019-03-18' })]));
    expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(page).toContain('<meta charset="utf-8">');
    expect(page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(page).not.toMatch(/<script|<style|<link|<img|<iframe|\bsrc=|url\(|@import|javascript:/i);
    expect(page).toContain('max-width:640px');
    // Every element in the body carries its own style.
    const body = page.slice(page.indexOf('<body'));
    for (const tag of body.match(/<(?!\/|br>)[a-z0-9]+[^>]*>/g)!) expect(tag).toContain('style="');
  });

  it('puts the date and regions under each title and the period under the heading', () => {
    const page = renderHtml(
      digestOf([art({ title: 'Puno', date: '2019-04-01', regions: ['Puno', 'Moquegua'] })], {}, { from: '2019-04-01', to: '2019-04-01' }),
    );
    expect(page).toMatch(/<h1[^>]*>Peru Support Group news digest<\/h1>\n<p[^>]*>1 April 2019<\/p>/);
    expect(page).toMatch(/<h2[^>]*>Puno<\/h2>\n<p[^>]*>1 April 2019 &middot; Puno, Moquegua<\/p>/);
  });

  it('links titles to the site only when a site URL is known', () => {
    const a = art({ title: 'A', date: '2019-03-18', path: '2019/2019-03-18-a b.md' });
    expect(renderHtml(digestOf([a]))).not.toContain('<a ');
    expect(renderHtml(digestOf([a], { siteUrl: 'https://example.org' }))).toContain('href="https://example.org/2019/2019-03-18-a%20b"');
  });

  it('keeps the line breaks of a summary and makes blank lines paragraphs', () => {
    const page = renderHtml(digestOf([art({ title: 'Join', summary: '• One\n• Two\n\nBecome a member' })]));
    expect(page).toMatch(/>• One<br>\n• Two<\/p>\n<p[^>]*>Become a member<\/p>/);
  });

  it('says so in the language of the digest when nothing was published', () => {
    expect(renderHtml(digestOf([], { lang: 'es' }))).toContain('No se publicó nada en este periodo.');
    expect(renderHtml(digestOf([], { lang: 'es' }))).toContain('<html lang="es">');
  });
});
