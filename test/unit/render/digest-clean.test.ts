import { describe, expect, it } from '@jest/globals';
import { cleanText, oneLine } from '../../../src/render/digest/clean.js';
import { html, trusted } from '../../../src/render/digest/markup.js';

describe('cleanText and oneLine', () => {
  it('drop C0 and C1 controls, DEL, noncharacters and lone surrogates, and keep tab, line feed and real text', () => {
    expect(cleanText('a\u0000b\u0007c\u001bd\u007fe\u0085f\u009bg')).toBe('abcdefg');
    expect(cleanText('x\uFFFEy\uFFFFz\uFDD0w\uD83F\uDFFEv')).toBe('xyzwv');
    expect(cleanText('lone \uD800 and \uDC00 halves')).toBe('lone  and  halves');
    expect(cleanText('Junín 🇵🇪\ttab\nline')).toBe('Junín 🇵🇪\ttab\nline');
    expect(cleanText('one\r\ntwo\rthree')).toBe('one\ntwo\nthree');
  });

  it('puts a value on one line: each line break with the space around it becomes one space', () => {
    expect(oneLine('  Title\r\n  Bcc: evil@example.org \n\n X-Other: 1\t ')).toBe('Title Bcc: evil@example.org X-Other: 1');
    expect(oneLine('a\u2028b\u2029c')).toBe('a b c');
  });
});

describe('the html tag', () => {
  it('escapes and cleans every value, in text and in attributes, and nests its own markup as is', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p title="${'"x" & \'y\''}">${'a<b>\u0000'}${inner}${[1, ' & ', undefined, false, null]}${trusted('&nbsp;')}</p>`.html).toBe(
      '<p title="&quot;x&quot; &amp; &#39;y&#39;">a&lt;b&gt;<b>&lt;i&gt;</b>1 &amp; &nbsp;</p>',
    );
  });
});
