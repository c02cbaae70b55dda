// The series rules of validate as an editor meets them: one wild number never takes the report
// down, series written only in titles, letters out of date order, misspelt series.
import { afterAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { psg } from '../helpers/run.js';
import { article, cleanup, testdir } from '../helpers/testdir.js';

afterAll(cleanup);

const letter = (title: string, date: string, fields: Record<string, string> = {}) =>
  article({ title: JSON.stringify(title), type: 'letter', date, ...fields, regions: '[Puno]', summary: 'A letter.' });

describe('a wild part or order number', () => {
  it('is a problem of its file; the other files are checked and reported, quickly', () => {
    const dir = testdir({
      'articles/2019/2019-04-01-letter-from-puno.md': letter('Letter from Puno', '2019-04-01', { series: 'Letter from Puno', part: '1' }),
      'articles/2019/2019-04-02-a.md': letter('Letter from Puno (2): a', '2019-04-02', { series: 'Letter from Puno', part: '300000000' }),
      'articles/2019/2019-04-03-b.md': letter('Letter from Puno (3): b', '2019-04-03', { series: 'Letter from Puno', part: '4294967296' }),
      'articles/2019/2019-04-04-c.md': letter('Letter from Puno (4): c', '2019-04-04', { series: 'Letter from Puno', part: '50000000' }),
      'articles/2019/2019-04-05-d.md': letter('Letter from Puno (5): d', '2019-04-05', { series: 'Letter from Puno', part: '5' }),
      'articles/pages/about.md': article({ title: 'About', type: 'page', order: '99999', summary: 'Who we are.' }),
    });
    const started = Date.now();
    const result = psg(['validate', '--format', 'json'], { cwd: dir });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { checked: number; files: { path: string; problems: { rule: string; message: string; line: number }[] }[] };
    expect(report.checked).toBe(6);
    const rules = Object.fromEntries(report.files.map((f) => [f.path, f.problems.map((p) => `${p.line} ${p.rule}`)]));
    expect(rules).toEqual({
      'articles/2019/2019-04-02-a.md': ['6 field-range'],
      'articles/2019/2019-04-03-b.md': ['6 field-range'],
      'articles/2019/2019-04-04-c.md': ['6 field-range'],
      // The good letters are still checked against each other: 2, 3 and 4 are missing.
      'articles/2019/2019-04-05-d.md': ['6 series-skipped'],
      'articles/pages/about.md': ['4 field-range'],
    });
    const messages = report.files.flatMap((f) => f.problems.map((p) => p.message));
    expect(messages).toContain('"part" is 4294967296, more than 10000 (the number of a letter in its series); check the number');
    expect(messages).toContain('"order" is 99999, more than 10000 (a page\'s position in the digest); check the number');
    expect(messages).toContain('"Letter from Puno" has no part 2, 3, 4 before part 5; check the numbering');
  });
});

describe('series written only in titles', () => {
  const env = { PSG_TODAY: '2019-05-01', GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
  const imported = () =>
    testdir({
      'articles/2019/2019-03-01-letter-from-cajamarca-the-rondas.md': letter('Letter from Cajamarca: the rondas', '2019-03-01'),
      'articles/2019/2019-04-01-letter-from-cajamarca-2-water.md': letter('Letter from Cajamarca (2): water', '2019-04-01'),
      'articles/2019/2019-04-02-letter-from-puno-the-lake.md': letter('Letter from Puno: the lake', '2019-04-02'),
    });

  it('count as the series and part: validate warns series-missing, and new numbers on from them', () => {
    const dir = imported();
    const result = psg(['validate'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('The title names the series "Letter from Cajamarca" but the fields do not; add series: Letter from Cajamarca and part: 2');
    expect(result.stdout).toContain('The title names the series "Letter from Puno" but the fields do not; add series: Letter from Puno and part: 1');
    expect(result.stdout).toContain('3 warnings');

    const made = psg(['new', 'letter', '--place', 'Cajamarca', '--subtitle', 'gold', '--summary', 'More.', '--yes'], { cwd: dir, env });
    expect(made).toEqual({ stdout: 'articles/2019/2019-05-01-letter-from-cajamarca-3-gold.md\n', stderr: '', code: 0 });
    const text = readFileSync(join(dir, made.stdout.trim()), 'utf8');
    expect(text).toContain('title: "Letter from Cajamarca (3): gold"\n');
    expect(text).toContain('series: Letter from Cajamarca\npart: 3\n');
    const puno = psg(['new', 'letter', '--place', 'Puno', '--summary', 'More.', '--yes'], { cwd: dir, env });
    expect(puno.stdout).toBe('articles/2019/2019-05-01-letter-from-puno-2.md\n');
  });

  it('--fix adds the series and part fields and touches nothing else', () => {
    const dir = imported();
    const path = join(dir, 'articles/2019/2019-04-01-letter-from-cajamarca-2-water.md');
    const before = readFileSync(path, 'utf8');
    const fixed = psg(['validate', '--fix'], { cwd: dir });
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toBe('✔ Fixed 3 problems in 3 files\n✔ 3 articles, no problems\n');
    expect(readFileSync(path, 'utf8')).toBe(before.replace('summary: A letter.\n', 'summary: A letter.\nseries: Letter from Cajamarca\npart: 2\n'));
    expect(readFileSync(join(dir, 'articles/2019/2019-04-02-letter-from-puno-the-lake.md'), 'utf8')).toContain('series: Letter from Puno\npart: 1\n');
    expect(psg(['validate', '--fix'], { cwd: dir }).stdout).toBe('✔ 3 articles, no problems\n');
  });

  it('a part used twice in titles is a duplicate', () => {
    const dir = testdir({
      'articles/2019/2019-03-01-a.md': letter('Letter from Cajamarca (845): a', '2019-03-01'),
      'articles/2019/2019-04-01-b.md': letter('Letter from Cajamarca (845): b', '2019-04-01'),
    });
    expect(psg(['validate'], { cwd: dir }).stdout).toContain('Part 845 of "Letter from Cajamarca" is also 2019/2019-03-01-a.md');
  });
});
