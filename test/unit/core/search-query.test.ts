import { describe, expect, it } from '@jest/globals';
import { bestPassage, passage, plainText } from '../../../src/core/search-passage.js';
import { parseSearch, positiveTerms, type SearchQuery, toFts } from '../../../src/core/search-query.js';

function query(text: string): SearchQuery {
  const parsed = parseSearch(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.query;
}

describe('search syntax', () => {
  it('reads words, phrases, prefixes, exclusions and OR into quoted FTS5 terms', () => {
    expect(toFts(query('consulta previa'))).toBe('("consulta" AND "previa")');
    expect(toFts(query('"Consulta Previa"'))).toBe('("consulta previa")');
    expect(toFts(query('minin*'))).toBe('("minin"*)');
    expect(toFts(query('mining -gold -"illegal mining"'))).toBe('("mining") NOT "gold" NOT "illegal mining"');
    // OR binds tighter than the implied AND, as in web search.
    expect(toFts(query('Conga OR Tía María'))).toBe('(("conga" OR "tia") AND "maria")');
  });

  it('folds accents and case and drops punctuation, so no user text reaches MATCH as syntax', () => {
    expect(toFts(query('Cooperacción'))).toBe('("cooperaccion")');
    expect(toFts(query('JUNÍN, (Huancayo)!'))).toBe('("junin" AND "huancayo")');
    // Words joined by punctuation stay together as a phrase.
    expect(toFts(query('co-operation'))).toBe('("co operation")');
    // FTS5 operators typed in lower case, or symbols, are only words.
    expect(toFts(query('mining or NEAR(gold) ^title: {x}'))).toBe('("mining" AND "or" AND "near gold" AND "title" AND "x")');
    expect(toFts(query('mining …'))).toBe('("mining")');
  });

  it('refuses what it cannot read, with a hint', () => {
    for (const bad of ['"', 'consulta "previa', '""', 'OR mining', 'mining OR', 'a OR OR b', '-gold', '…', '   ', 'mining OR -gold']) {
      const parsed = parseSearch(bad);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.hint).toMatch(/\w/);
    }
  });
});

describe('search passages', () => {
  const terms = (text: string) => positiveTerms(query(text));

  it('marks the matched words, accents and case ignored both ways', () => {
    const p = passage('The Cooperacción team met in Junin.', terms('cooperaccion junín'), 80)!;
    expect(p.text).toBe('The Cooperacción team met in Junin.');
    expect(p.marks.map(([a, b]) => p.text.slice(a, b))).toEqual(['Cooperacción', 'Junin']);
  });

  it('marks a phrase only where its words stand together, and prefixes by their start', () => {
    const text = 'Rondas met; the rondas campesinas keep order, and mining miners mine.';
    const p = passage(text, terms('"rondas campesinas" minin*'), 200)!;
    expect(p.marks.map(([a, b]) => p.text.slice(a, b))).toEqual(['rondas campesinas', 'mining']);
  });

  it('cuts one line around the best stretch, with … where text was left out', () => {
    const text = `${'word '.repeat(60)}consulta previa here ${'more '.repeat(60)}`.trim();
    const p = passage(text, terms('consulta previa'), 60)!;
    expect(p.text.length).toBeLessThanOrEqual(60);
    expect(p.text.startsWith('…')).toBe(true);
    expect(p.text.endsWith('…')).toBe(true);
    expect(p.marks.map(([a, b]) => p.text.slice(a, b))).toEqual(['consulta', 'previa']);
  });

  it('takes the summary or title when the body does not match, and drops Markdown marks', () => {
    expect(plainText('# Head\n\nSee **the [report](http://x.org)** _now_.')).toBe('Head See the report now.');
    const p = bestPassage(['Nothing here.', 'Summary on Conga.', 'Title'], terms('conga'), 80);
    expect(p.text).toBe('Summary on Conga.');
    expect(bestPassage(['Nothing here.'], terms('conga'), 80)).toEqual({ text: 'Nothing here.', marks: [] });
  });
});
