import { describe, expect, it } from '@jest/globals';
import { isWellFormedTag, tagForm, TagVocabulary } from '../../../src/core/tags.js';
import { loadBuiltInTags } from '../../../src/data.js';

const vocabulary = new TagVocabulary(loadBuiltInTags());

describe('tags', () => {
  it('writes a tag as lowercase words joined by hyphens', () => {
    expect(tagForm('Consulta previa')).toBe('consulta-previa');
    expect(tagForm('  Derechos  Humanos! ')).toBe('derechos-humanos');
    expect(tagForm('Minería')).toBe('mineria');
  });

  it('knows a well-formed tag', () => {
    expect(isWellFormedTag('consulta-previa')).toBe(true);
    expect(isWellFormedTag('mining')).toBe(true);
    for (const bad of ['Mining', 'consulta previa', '-mining', 'mining-', 'a--b', '']) expect(isWellFormedTag(bad)).toBe(false);
  });

  it('holds the built-in vocabulary', () => {
    expect(vocabulary.has('mining')).toBe(true);
    expect(vocabulary.has('Mining')).toBe(false);
    expect(vocabulary.names()).toContain('consulta-previa');
  });

  it('suggests the vocabulary spelling of a near miss', () => {
    expect(vocabulary.suggest('Consulta Previa')).toEqual(['consulta-previa']);
    expect(vocabulary.suggest('minning')).toContain('mining');
    expect(vocabulary.suggest('zzzzzzzz')).toEqual([]);
  });
});
