import { describe, expect, it } from '@jest/globals';
import { renameInList, renameTags } from '../../../src/core/tag-edit.js';
import { configText, editVocabulary } from '../../../src/core/vocabulary-edit.js';

const rename = (from: string[], to: string) => ({ from: new Set(from), to });

describe('renameTags', () => {
  it('replaces a flow item in place and leaves everything else alone', () => {
    const yaml = 'title: A # the headline\ntags: [mining, "social-conflict", environment] # topics\nregions: [Cusco]\n';
    expect(renameTags(yaml, rename(['mining'], 'extractive-industries'))).toBe(
      'title: A # the headline\ntags: [extractive-industries, "social-conflict", environment] # topics\nregions: [Cusco]\n',
    );
  });

  it('keeps the quoting of the item it replaces', () => {
    expect(renameTags("tags: ['mining', \"water\"]\n", rename(['mining', 'water'], 'environment'))).toBe("tags: ['environment']\n");
    expect(renameTags('tags:\n  - "mining"  # big ones\n  - water\n', rename(['mining'], 'extractive-industries'))).toBe(
      'tags:\n  - "extractive-industries"  # big ones\n  - water\n',
    );
  });

  it('drops an item whose new name is already in the list, with its separator or its line', () => {
    expect(renameTags('tags: [a, mining, b]\n', rename(['mining'], 'b'))).toBe('tags: [a, b]\n');
    expect(renameTags('tags: [a, mining]\n', rename(['mining'], 'a'))).toBe('tags: [a]\n');
    const block = 'tags:\n  - politics\n  # reform too\n  - political-reform\n  - tax\ntitle: T\n';
    expect(renameTags(block, rename(['politics', 'political-reform'], 'politics'))).toBe('tags:\n  - politics\n  # reform too\n  - tax\ntitle: T\n');
  });

  it('finds a tag written in another spelling', () => {
    expect(renameTags('tags: [Mining]\n', rename(['mining'], 'extractive-industries'))).toBe('tags: [extractive-industries]\n');
  });

  it('edits a comma-separated string as one string', () => {
    expect(renameTags('tags: mining, water\n', rename(['mining'], 'environment'))).toBe('tags: environment, water\n');
  });

  it('leaves a file without the tag, or with broken YAML, as it is', () => {
    for (const yaml of ['tags: [water]\n', 'title: A\n', 'tags: [mining\n', 'tags: {a: mining}\n', '']) {
      expect(renameTags(yaml, rename(['mining'], 'x'))).toBe(yaml);
    }
  });

  it('changes nothing the second time', () => {
    const once = renameTags('tags: [mining, water]\n', rename(['mining'], 'environment'));
    expect(renameTags(once, rename(['mining'], 'environment'))).toBe(once);
  });
});

describe('the vocabulary', () => {
  const builtIn = ['mining', 'water', 'politics'];

  it('renames in place in a list of its own, once', () => {
    expect(renameInList(['a', 'mining', 'b', 'water'], rename(['mining', 'water'], 'env'))).toEqual(['a', 'env', 'b']);
    expect(editVocabulary(['mining', 'water'], builtIn, rename(['mining'], 'water'))).toEqual({ tags: ['water'], wroteBuiltIn: false });
    expect(editVocabulary(['water'], builtIn, rename(['mining'], 'water'))).toEqual({ wroteBuiltIn: false });
  });

  it('writes the built-in vocabulary out whole when it loses a tag', () => {
    expect(editVocabulary(undefined, builtIn, rename(['mining'], 'extractive'))).toEqual({ tags: ['extractive', 'water', 'politics'], wroteBuiltIn: true });
    expect(editVocabulary({ extend: ['uk'] }, builtIn, rename(['water'], 'politics'))).toEqual({ tags: ['mining', 'politics', 'uk'], wroteBuiltIn: true });
  });

  it('only extends it when no built-in tag goes', () => {
    expect(editVocabulary(undefined, builtIn, rename(['old'], 'new'))).toEqual({ tags: { extend: ['new'] }, wroteBuiltIn: false });
    expect(editVocabulary({ extend: ['old', 'uk'] }, builtIn, rename(['old'], 'water'))).toEqual({ tags: { extend: ['uk'] }, wroteBuiltIn: false });
    expect(editVocabulary(undefined, builtIn, rename(['old'], 'water'))).toEqual({ wroteBuiltIn: false });
  });

  it('sets tags in the config text, in its indentation, keeping the other keys', () => {
    expect(configText('{\n    "author": "PSG",\n    "tags": ["a"]\n}\n', ['b'])).toBe('{\n    "author": "PSG",\n    "tags": [\n        "b"\n    ]\n}\n');
    expect(configText(undefined, { extend: ['x'] })).toBe('{\n  "tags": {\n    "extend": [\n      "x"\n    ]\n  }\n}\n');
  });
});
