// psg validate over the broken-article fixtures: every kind of breakage is reported with its
// place, rule and a message that says what to do; nothing runs; no stack trace; exit 1.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BROKEN, EXPECTED, filesBelow, FIXTURE_TODAY, SAYS_WHAT_TO_DO, VALID } from '../helpers/fixtures.js';
import { psg, type RunResult } from '../helpers/run.js';

// The path the ---js and !!js/function fixtures would write to if anything ran them.
const PWNED = '/tmp/psg-pwned';
const env = { PSG_TODAY: FIXTURE_TODAY };

interface JsonReport {
  checked: number;
  errors: number;
  warnings: number;
  fixable: number;
  fixed: number;
  files: { path: string; problems: { line: number; column: number; severity: string; rule: string; message: string; fixable: boolean }[] }[];
}

let stylish: RunResult;
let json: RunResult;
let report: JsonReport;

beforeAll(() => {
  rmSync(PWNED, { force: true });
  stylish = psg(['validate'], { cwd: BROKEN, env });
  json = psg(['validate', '--format', 'json'], { cwd: BROKEN, env });
  report = JSON.parse(json.stdout) as JsonReport;
});

afterAll(() => rmSync(PWNED, { force: true }));

describe('psg validate on the broken fixtures', () => {
  it('has at least 25 kinds of breakage and a file for each, plus valid files', () => {
    expect(EXPECTED.length).toBeGreaterThanOrEqual(25);
    expect(filesBelow(join(BROKEN, 'articles'))).toEqual([...EXPECTED.map((e) => e.file), ...VALID].sort());
  });

  it('exits 1 with the report on stdout and nothing on stderr', () => {
    expect(stylish.code).toBe(1);
    expect(json.code).toBe(1);
    expect(stylish.stderr).toBe('');
    expect(json.stderr).toBe('');
  });

  it('never shows a stack trace', () => {
    for (const out of [stylish.stdout, stylish.stderr, json.stdout]) {
      expect(out).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
      expect(out).not.toMatch(/internal error|Error:|TypeError|RangeError/);
    }
  });

  it('runs no front matter: the ---js and !!js/function fixtures write nothing', () => {
    expect(existsSync(PWNED)).toBe(false);
  });

  it('counts every file, the valid ones too, in the summary', () => {
    expect(stylish.stdout).toMatch(/\n✖ 34 problems \(25 errors, 9 warnings\) in 38 articles\n {2}4 problems can be fixed with --fix\n {2}3 problems with a did-you-mean guess: --fix-suggestions applies them\n$/);
    expect(report).toMatchObject({ checked: 38, errors: 25, warnings: 9, fixable: 4, fixed: 0 });
  });

  it('lists only the broken files, in path order', () => {
    expect(report.files.map((f) => f.path)).toEqual(EXPECTED.map((e) => `articles/${e.file}`));
    const headers = stylish.stdout.split('\n').filter((line) => line.startsWith('articles/'));
    expect(headers).toEqual(EXPECTED.map((e) => `articles/${e.file}`));
    for (const valid of VALID) expect(headers).not.toContain(`articles/${valid}`);
  });

  it.each(EXPECTED)('reports $file with line:column, severity and rule', ({ file, problems, fixable }) => {
    const entry = report.files.find((f) => f.path === `articles/${file}`);
    expect(entry?.problems.map((p) => [`${p.line}:${p.column}`, p.severity, p.rule])).toEqual(problems);
    expect(entry?.problems.every((p) => p.fixable === Boolean(fixable))).toBe(true);
    // The same in the stylish block of that file.
    const block = stylish.stdout.split('\n\n').find((b) => b.startsWith(`articles/${file}\n`));
    expect(block).toBeDefined();
    const rows = block!.split('\n').slice(1);
    expect(rows.map((row) => row.trim().split(/\s+/))).toEqual(
      problems.map(([where, severity, rule]) => expect.arrayContaining([where, severity, rule])),
    );
    for (const [i, [where, severity, rule]] of problems.entries()) {
      expect(rows[i]).toMatch(new RegExp(`^ {2}${where} +${severity} +\\S.* {3}${rule}$`));
    }
  });

  it.each(EXPECTED)('tells the editor what to do about $file', ({ file }) => {
    for (const p of report.files.find((f) => f.path === `articles/${file}`)!.problems) {
      expect(p.message).toMatch(SAYS_WHAT_TO_DO);
      expect(p.message).not.toMatch(/undefined|\[object|NaN/);
    }
  });

  it('says what was wrong in words an editor knows', () => {
    const messages = new Map(report.files.map((f) => [f.path.replace('articles/', ''), f.problems.map((p) => p.message).join(' | ')]));
    expect(messages.get('js-front-matter.md')).toBe('"---js" front matter is code and is never run; write the fields as YAML after a plain "---"');
    expect(messages.get('yaml-js-function.md')).toContain('!!js/function is not allowed');
    expect(messages.get('yaml-syntax.md')).toContain('the quote " that opens here is never closed');
    expect(messages.get('impossible-date.md')).toBe('2019-02-30 is not a real date: February 2019 has 28 days; correct the day');
    expect(messages.get('unknown-region.md')).toBe('Unknown region "Cuzko"; did you mean "Cusco"?');
    expect(messages.get('unknown-field.md')).toBe('Unknown field "autor"; did you mean "author"?');
    expect(messages.get('type-mistyped.md')).toContain('did you mean "news"?');
    expect(messages.get('duplicate-key.md')).toBe('The field "title" is given twice; keep one of them');
    expect(messages.get('proto-key.md')).toBe('The key "__proto__" is not allowed in front matter; remove it');
    expect(messages.get('2019-05-02-shared-slug.md')).toContain('also used by 2019-05-01-shared-slug.md');
    expect(messages.get('2019-06-08-letter-from-ayacucho-again.md')).toContain('Part 1 of "Letter from Ayacucho" is also 2019-06-01-letter-from-ayacucho.md');
    expect(messages.get('javascript-url.md')).toContain('use a full http:// or https:// link');
    expect(messages.get('future-date.md')).toContain(`after today (${FIXTURE_TODAY})`);
  });

  it('aligns each block in columns: place, severity, message, rule', () => {
    const block = stylish.stdout.split('\n\n').find((b) => b.startsWith('articles/noncanonical-region.md\n'))!;
    expect(block).toBe(
      [
        'articles/noncanonical-region.md',
        '  6:5  warning  Write the region "cuzco" as "Cusco"   region-noncanonical',
        '  7:5  warning  Write the region "Junin" as "Junín"   region-noncanonical',
      ].join('\n'),
    );
  });

  it('reads a valid file saved with a BOM and CRLF line ends', () => {
    const result = psg(['validate', 'articles/bom-crlf-valid.md'], { cwd: BROKEN, env });
    expect(result).toEqual({ stdout: '✔ 1 article, no problems\n', stderr: '', code: 0 });
  });

  it('checks named files only, against the whole folder for slugs and series', () => {
    const result = psg(['validate', 'articles/2019-05-02-shared-slug.md', 'articles/empty.md'], { cwd: BROKEN, env });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      [
        'articles/2019-05-02-shared-slug.md',
        '  1:1  error    The slug "shared-slug" is also used by 2019-05-01-shared-slug.md; rename one of the files   slug-duplicate',
        '',
        'articles/empty.md',
        '  1:1  error    The file is empty; write an article in it or delete it   file-empty',
        '',
        '✖ 2 problems (2 errors, 0 warnings) in 2 articles',
        '',
      ].join('\n'),
    );
  });
});
