// psg validate as a user runs it: the report, the summary line, the exit codes 0/1/2, --strict,
// --format json, named files, oversized files.
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { psg, ROOT } from '../helpers/run.js';
import { article, cleanup, testdir } from '../helpers/testdir.js';

afterAll(cleanup);

const news = (fields: Record<string, string> = {}, body?: string) =>
  article({ title: 'Protest in Puno', type: 'news', date: '2019-03-18', regions: '[Puno]', summary: 'A protest.', ...fields }, body);

describe('psg validate on the sample archive', () => {
  it('finds no problems and exits 0', () => {
    expect(psg(['validate'])).toEqual({ stdout: '✔ 14 articles, no problems\n', stderr: '', code: 0 });
  });

  it('says the same in JSON', () => {
    const result = psg(['validate', '--format', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ checked: 14, errors: 0, warnings: 0, fixable: 0, fixed: 0, files: [] });
  });

  it('checks the files named, and the articles in a named folder', () => {
    expect(psg(['validate', 'articles/pages']).stdout).toBe('✔ 4 articles, no problems\n');
    const one = 'articles/2019/2019-03-18-letter-from-cajamarca.md';
    // Named twice, checked once: a file is not a duplicate of itself.
    expect(psg(['validate', one, one])).toEqual({ stdout: '✔ 1 article, no problems\n', stderr: '', code: 0 });
  });

  it('is quiet on stderr and passes --strict', () => {
    expect(psg(['validate', '--strict'])).toEqual({ stdout: '✔ 14 articles, no problems\n', stderr: '', code: 0 });
  });
});

describe('psg validate report', () => {
  const dir = testdir({
    'articles/2019/2019-03-18-espinar.md': article(
      { tittle: 'Espinar', title: 'Espinar', type: 'news', date: '2019-03-18', regions: '[Cuzko]', summary: 'Mines.' },
      'Body.\n',
    ),
    'articles/2019/2019-03-18-ok.md': news(),
  });

  it('lists each file, its problems in file order, and one summary line', () => {
    const result = psg(['validate'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      [
        'articles/2019/2019-03-18-espinar.md',
        '  2:1   warning  Unknown field "tittle"; did you mean "title"?   unknown-field',
        '  6:11  error    Unknown region "Cuzko"; did you mean "Cusco"?   region-unknown',
        '',
        '✖ 2 problems (1 error, 1 warning) in 2 articles',
        '  1 problem with a did-you-mean guess: --fix-suggestions applies them',
        '',
      ].join('\n'),
    );
  });

  it('gives the same problems as JSON for scripts', () => {
    const result = psg(['validate', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      checked: 2,
      errors: 1,
      warnings: 1,
      fixable: 0,
      fixed: 0,
      files: [
        {
          path: 'articles/2019/2019-03-18-espinar.md',
          problems: [
            { line: 2, column: 1, severity: 'warning', rule: 'unknown-field', message: 'Unknown field "tittle"; did you mean "title"?', fixable: false },
            { line: 6, column: 11, severity: 'error', rule: 'region-unknown', message: 'Unknown region "Cuzko"; did you mean "Cusco"?', fixable: false },
          ],
        },
      ],
    });
  });

  it('shows paths relative to the current folder', () => {
    const result = psg(['validate', '--dir', join(dir, 'articles')], { cwd: join(dir, 'articles', '2019') });
    expect(result.stdout.split('\n')[0]).toBe('2019-03-18-espinar.md');
  });

  it('prints colour only when asked', () => {
    const plain = psg(['validate'], { cwd: dir });
    expect(plain.stdout).not.toContain('\u001b[');
    const forced = psg(['validate'], { cwd: dir, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain('\u001b[');
    expect(stripVTControlCharacters(forced.stdout)).toBe(plain.stdout);
    expect(psg(['validate', '--no-color'], { cwd: dir, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout).toBe(plain.stdout);
  });
});

describe('psg validate exit codes', () => {
  const warningsOnly = testdir({ 'articles/2019-03-18-a.md': news({ autor: 'Jane' }) });
  const withError = testdir({ 'articles/2019-03-18-a.md': news({ date: '2019-02-29' }) });

  it('exits 0 on warnings alone, and 1 with --strict', () => {
    const loose = psg(['validate'], { cwd: warningsOnly });
    expect(loose.code).toBe(0);
    expect(loose.stdout).toContain('✖ 1 problem (0 errors, 1 warning) in 1 article\n');
    const strict = psg(['validate', '--strict'], { cwd: warningsOnly });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toBe(loose.stdout);
  });

  it('exits 1 on an error', () => {
    const result = psg(['validate'], { cwd: withError });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('2019-02-29 is not a real date: February 2019 has 28 days; correct the day   date-invalid');
  });

  it('exits 2 when there is no articles folder, and says how to name one', () => {
    const result = psg(['validate'], { cwd: testdir() });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^psg: no articles folder at .+\nhint: .*--dir DIR.*\n$/);
  });

  it('exits 2 on a file that does not exist', () => {
    const result = psg(['validate', 'articles/nope.md'], { cwd: warningsOnly });
    expect(result).toEqual({
      stdout: '',
      stderr: 'psg: no such file: articles/nope.md\nhint: Name article files or folders, or run psg validate with no arguments to check them all\n',
      code: 2,
    });
  });

  it('exits 2 on a named pipe instead of waiting for ever', () => {
    const dir = testdir({ 'articles/2019-03-18-a.md': news() });
    execFileSync('mkfifo', [join(dir, 'articles/pipe.md')]);
    const result = psg(['validate', 'articles/pipe.md'], { cwd: dir });
    expect(result).toEqual({ stdout: '', stderr: 'psg: not a file: articles/pipe.md\nhint: Name article files (.md) or folders\n', code: 2 });
    // Found by the scan, a pipe named like an article is a problem of that file.
    expect(psg(['validate'], { cwd: dir }).stdout).toMatch(/^articles\/pipe\.md\n +1:1 +error +This is a named pipe \(FIFO\), not a regular file/);
  });

  it('exits 2 on an unknown option or format', () => {
    const option = psg(['validate', '--fixx'], { cwd: ROOT });
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/^psg: unknown option '--fixx'/);
    expect(option.stderr).toContain('hint: see psg validate --help');
    const format = psg(['validate', '--format', 'xml'], { cwd: ROOT });
    expect(format.code).toBe(2);
    expect(format.stderr).toContain("'xml' is invalid. Allowed choices are stylish, json");
  });
});

describe('psg validate on files that are not articles', () => {
  it('reports an oversized file without reading it, and checks the rest', () => {
    const dir = testdir({
      'articles/huge.md': `---\ntitle: Huge\n---\n${'x'.repeat(1024 * 1024 + 10)}\n`,
      'articles/2019-03-18-a.md': news({ autor: 'Jane' }),
    });
    const result = psg(['validate'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('articles/2019-03-18-a.md\n  7:1  warning  Unknown field "autor"');
    expect(result.stdout).toMatch(/articles\/huge\.md\n {2}1:1 {2}error {4}The file is 1\.0 MB \([0-9,]+ bytes\), over the 1\.0 MB \(1,048,576 bytes\) an article may be.* {3}file-too-large\n/);
    expect(result.stdout).toContain('in 2 articles');
  });

  it('shows no stack trace for broken files, even with --debug', () => {
    const dir = testdir({
      'articles/a.md': '---\ntitle: [unclosed\n---\n',
      'articles/b.md': new Uint8Array([0xff, 0xfe, 0x00, 0x41]),
      'articles/c.md': '---js\nprocess.exit(3)\n---\n',
    });
    const result = psg(['validate', '--debug'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).not.toMatch(/^\s+at /m);
    expect(result.stdout).toContain('✖ 3 problems (3 errors, 0 warnings) in 3 articles');
  });
});
