// Output that cannot be turned against its reader: CSV that a strict parser reads row for row
// and a spreadsheet never runs as formulas; terminal output in which no article text can act
// on the terminal or forge a line; a Markdown digest in which a value never starts a heading.
import { afterAll, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { psg } from '../helpers/run.js';
import { cleanup, testdir } from '../helpers/testdir.js';

afterAll(cleanup);

const ESC = '\u001b';
const fm = (lines: string[], body = 'Body.\n') => `---\n${lines.join('\n')}\n---\n\n${body}`;
const FORGED = '2019-03-05-forged\n1:1  error  Forged problem  forged-rule.md';

const dir = testdir({
  'articles/2019-03-01-two-paragraphs.md': fm(['title: "=HYPERLINK(""http://evil.example"",""click"")"'.replace(/""/g, '\\"'), 'type: news', 'date: 2019-03-01', 'regions: [Puno]', 'summary: |', '  First paragraph.', '', '  Second, "quoted", paragraph.']),
  'articles/2019-03-02-formulas.md': fm(['title: "@SUM(A1:A9)"', 'type: news', 'date: 2019-03-02', 'regions: [Cusco]', 'summary: "+1 then -2"', 'tags: ["-x", "\\tTab"]']),
  'articles/2019-03-03-title-escape.md': fm(['title: "Innocent\\n# INJECTED HEADING"', 'type: news', 'date: 2019-03-03', 'regions: ["\\e]2;PWNED\\a", "Puno\\n# INJECTED REGION"]', 'summary: "A summary with \\e[2J a clear-screen and \\e]0;title\\a a title."']),
  [`articles/${FORGED}`]: fm(['title: Forged', 'type: news', 'date: 2019-03-05', 'regions: [Puno]', 'summary: S.']),
});
const run = (args: string[]) => psg(args, { cwd: dir, env: { PSG_TODAY: '2019-07-01' } });
// Anything but line feed, in what a terminal is shown (tabs only where the format uses them).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('CSV', () => {
  const r = run(['list', '--format', 'csv']);
  // Any line break ends a record unless it is inside quotes, as Python's csv module and most
  // spreadsheets read it; a column count that differs is an error.
  const rows = parse(r.stdout, { columns: true, record_delimiter: ['\r\n', '\n', '\r'] }) as Record<string, string>[];

  it('quotes every field with a line break, so a strict parser reads one row an article', () => {
    expect(r.code).toBe(0);
    expect(rows).toHaveLength(4);
    expect(rows.find((row) => row.date === '2019-03-01')!.summary).toBe('First paragraph.\n\nSecond, "quoted", paragraph.');
  });

  it("neutralises cells a spreadsheet would run as formulas with a leading '", () => {
    const cells = rows.flatMap((row) => Object.values(row));
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(cells).toContain(`'=HYPERLINK("http://evil.example","click")`);
    expect(cells).toContain("'@SUM(A1:A9)");
    expect(cells).toContain("'+1 then -2");
    expect(cells).toContain("'-x; Tab");
  });
});

describe('terminal output', () => {
  it.each([
    [['validate']],
    [['list']],
    [['list', '--by', 'region']],
    [['list', '--by', 'tag']],
    [['stats', '--by', 'region']],
    [['stats', '--by', 'tag']],
    [['digest']],
  ])('psg %j shows no control character from an article and forges no line', (args) => {
    const r = run(args);
    expect([0, 1]).toContain(r.code);
    const text = r.stdout.replace(/\t/g, args[0] === 'stats' ? '' : '\t');
    expect(text).not.toMatch(CONTROL);
    expect(text).not.toContain(ESC);
    expect(r.stdout.split('\n').some((line) => line.startsWith('1:1  error  Forged'))).toBe(false);
  });

  it('validate reports control characters in values as a problem', () => {
    const r = run(['validate', '--format', 'json']);
    const report = JSON.parse(r.stdout) as { files: { path: string; problems: { rule: string; line: number }[] }[] };
    const file = report.files.find((f) => f.path.endsWith('2019-03-03-title-escape.md'))!;
    const rules = file.problems.filter((p) => p.rule === 'control-character');
    // The regions (line 5) and the summary (line 6); a line break in the title is text.
    expect(rules.map((p) => p.line)).toEqual([5, 6]);
  });
});

describe('Markdown digest', () => {
  it('keeps every title, region and summary out of the heading syntax', () => {
    const r = run(['digest', '--format', 'markdown']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.filter((l) => /^#{1,6} /.test(l))).toEqual([
      expect.stringMatching(/^# /),
      ...[1, 2, 3, 4].map(() => expect.stringMatching(/^## /)),
    ]);
    expect(lines.some((l) => l.includes('INJECTED HEADING') && l.startsWith('## Innocent'))).toBe(true);
    expect(r.stdout).not.toMatch(CONTROL);
  });
});
