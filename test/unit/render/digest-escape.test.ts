import { describe, expect, it } from '@jest/globals';
import { escapeHtml, escapeMarkdown, xmlChars } from '../../../src/render/digest/escape.js';

describe('escapeHtml', () => {
  it('turns every character with a meaning in HTML into an entity', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'q'`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;');
  });

  it('escapes an entity so that it shows as written', () => {
    expect(escapeHtml('&amp; &#60;')).toBe('&amp;amp; &amp;#60;');
  });

  it('leaves other text alone, accents and typographic quotes included', () => {
    const text = 'Jirón Lima, opposite Dylon’s • 35,000 people\u00a0';
    expect(escapeHtml(text)).toBe(text);
  });
});

describe('xmlChars', () => {
  it('drops what XML 1.0 cannot hold and keeps tab, newlines and astral characters', () => {
    expect(xmlChars('a\u0000b\u0007c\u000bd\u001fe\ufffef\uffff')).toBe('abcdef');
    expect(xmlChars('tab\there\nline\r\n😀')).toBe('tab\there\nline\r\n😀');
    expect(xmlChars('lone \ud800 high, lone \udc00 low')).toBe('lone  high, lone  low');
  });
});

describe('escapeMarkdown', () => {
  it.each([
    ['Letter from Cajamarca (2): the rondas campesinas', 'Letter from Cajamarca (2): the rondas campesinas'],
    ['<script>x</script>', '\\<script\\>x\\</script\\>'],
    ['*bold* and _it_ and `code`', '\\*bold\\* and \\_it\\_ and \\`code\\`'],
    ['[a link](http://x)', '\\[a link\\](http://x)'],
    ['# not a heading', '\\# not a heading'],
    ['- not a list', '\\- not a list'],
    ['2019. A year', '2019\\. A year'],
    ['long-lasting & fair', 'long-lasting & fair'],
    ['&amp; shown as written', '\\&amp; shown as written'],
    ['back\\slash', 'back\\\\slash'],
  ])('%s → %s', (text, md) => {
    expect(escapeMarkdown(text)).toBe(md);
  });
});
