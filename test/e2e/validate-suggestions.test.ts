// Fixes and suggestions, as ESLint separates them: --fix applies what is certain (a tag or
// field name differing only in case or accents, a tag given twice); did-you-mean guesses
// ("autor" → "author", "Arequipaa" → "Arequipa") wait for --fix-suggestions.
import { afterAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { psg } from '../helpers/run.js';
import { cleanup, testdir } from '../helpers/testdir.js';

afterAll(cleanup);

const FILE = 'articles/2019/2019-03-18-protest.md';
const BEFORE = `---
Title: "Protest in Puno"   # the headline
type: news
date: 2019-03-18
regions: [Arequipaa]
autor: Ann Editor
tags: [Mining, mining, Consulta Previa, minning]
summary: A protest.
---

Text.
`;

describe('psg validate: fixes and suggestions', () => {
  it('reports the problems, what --fix can do and what --fix-suggestions would', () => {
    const dir = testdir({ [FILE]: BEFORE });
    const r = psg(['validate'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Unknown field "Title"; write it as "title"');
    expect(r.stdout).toMatch(/7:16 +warning +The tag "mining" is given twice; keep one +tag-duplicate/);
    expect(r.stdout).toContain('  4 problems can be fixed with --fix\n  3 problems with a did-you-mean guess: --fix-suggestions applies them\n');
  });

  it('--fix applies the certain fixes only, keeping the comment and the quoting', () => {
    const dir = testdir({ [FILE]: BEFORE });
    const r = psg(['validate', '--fix'], { cwd: dir });
    expect(r.stdout).toContain('✔ Fixed 5 problems in 1 file\n');
    expect(readFileSync(join(dir, FILE), 'utf8')).toBe(
      BEFORE.replace('Title:', 'title:').replace('[Mining, mining, Consulta Previa, minning]', '[mining, consulta-previa, minning]'),
    );
    // The guesses are still reported, untouched.
    expect(r.stdout).toContain('Unknown region "Arequipaa"; did you mean "Arequipa"?');
    expect(r.stdout).toContain('Unknown field "autor"; did you mean "author"?');
    expect(r.code).toBe(1);
  });

  it('--fix-suggestions applies the guesses too, and the file is then clean', () => {
    const dir = testdir({ [FILE]: BEFORE });
    const r = psg(['validate', '--fix-suggestions'], { cwd: dir });
    expect(r).toEqual({ stdout: '✔ Fixed 8 problems in 1 file\n✔ 1 article, no problems\n', stderr: '', code: 0 });
    expect(readFileSync(join(dir, FILE), 'utf8')).toBe(
      BEFORE.replace('Title:', 'title:')
        .replace('[Arequipaa]', '[Arequipa]')
        .replace('autor:', 'author:')
        .replace('[Mining, mining, Consulta Previa, minning]', '[mining, consulta-previa]'),
    );
  });

  it('renames no field onto a field that is already there', () => {
    const dir = testdir({ [FILE]: BEFORE.replace('autor: Ann Editor', 'author: Ann\nautor: Ann Editor').replace('Title:', 'title: "Other"\nTitle:') });
    const r = psg(['validate', '--fix-suggestions'], { cwd: dir });
    const after = readFileSync(join(dir, FILE), 'utf8');
    expect(after).toContain('autor: Ann Editor');
    expect(after).toContain('Title: "Protest in Puno"');
    expect(r.stdout).toContain('Unknown field "autor"; did you mean "author"?');
  });
});
