import { describe, expect, it } from '@jest/globals';
import { decodeArticle } from '../../../src/core/article-file.js';
import { coreContext, fileText } from '../../helpers/core.js';

const ctx = coreContext();
const decode = (bytes: Uint8Array | string) => decodeArticle('2019/2019-03-18-a.md', typeof bytes === 'string' ? Buffer.from(bytes) : bytes, ctx);
const where = (bytes: Uint8Array | string) => decode(bytes).problems.map((p) => `${p.line}:${p.column} ${p.rule}`);

const valid = fileText('title: A\ntype: news\ndate: 2019-03-18\nsummary: S.');

describe('decodeArticle', () => {
  it('reads a valid file into data and an article', () => {
    const file = decode(valid);
    expect(file.problems).toEqual([]);
    expect(file.bom).toBe(false);
    expect(file.article).toMatchObject({ path: '2019/2019-03-18-a.md', slug: 'a', title: 'A', date: { date: '2019-03-18' } });
  });

  it('takes off a byte-order mark and remembers it', () => {
    const file = decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(valid.replace(/\n/g, '\r\n'))]));
    expect(file.problems).toEqual([]);
    expect(file.bom).toBe(true);
    expect(file.text!.startsWith('---\r\n')).toBe(true);
    expect(file.article?.title).toBe('A');
  });

  it('finds the first byte that is not UTF-8, by line and character', () => {
    // "Jirón" in Latin-1 on line 2, after an accented character that is valid UTF-8.
    const bytes = Buffer.concat([Buffer.from('---\ntitle: é Jir'), Buffer.from([0xf3]), Buffer.from('n\n---\n')]);
    expect(where(bytes)).toEqual(['2:13 invalid-utf8']);
  });

  it.each([
    ['an overlong slash', [0x2f, 0xc0, 0xaf], '1:2'],
    ['a UTF-16 surrogate', [0x41, 0x41, 0xed, 0xa0, 0x80], '1:3'],
    ['a sequence cut short at the end', [0x41, 0xe2, 0x82], '1:2'],
    ['a lone continuation byte', [0x0a, 0x0a, 0x80], '3:1'],
    ['a code point past U+10FFFF', [0xf4, 0x90, 0x80, 0x80], '1:1'],
  ])('reports %s as invalid UTF-8', (_what, bytes, at) => {
    expect(where(new Uint8Array(bytes))).toEqual([`${at} invalid-utf8`]);
  });

  it('reports a binary file (NUL bytes) without decoding it', () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]);
    expect(where(bytes)).toEqual(['1:1 file-binary']);
    expect(decode(bytes).text).toBeUndefined();
  });

  it('reports an empty file, a file of blanks and a lone BOM as empty', () => {
    for (const bytes of [new Uint8Array(), Buffer.from(' \n\t\n'), new Uint8Array([0xef, 0xbb, 0xbf])]) {
      expect(where(bytes)).toEqual(['1:1 file-empty']);
    }
  });

  it('stops at front-matter and YAML problems, without an article', () => {
    expect(where('# no front matter\n')).toEqual(['1:1 front-matter-missing']);
    const file = decode(fileText('title: "open\ntype: news'));
    expect(file.article).toBeUndefined();
    expect(where(fileText('title: "open\ntype: news'))).toEqual(['2:8 yaml-syntax']);
  });
});
