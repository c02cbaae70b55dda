// The messages an editor meets on an ordinary day: one piece of advice for a bad date (with
// the day-first date it most likely means), choice errors worded alike, an editor that fails,
// and one meaning of "path" in every JSON output.
import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { psg } from '../helpers/run.js';
import { cleanup, sampleCopy } from '../helpers/testdir.js';

afterAll(cleanup);

const NEWS = ['new', 'news', '--title', 'Protest in Puno', '--region', 'Puno', '--summary', 'A protest.', '--yes'];

describe('messages', () => {
  it('--date 1/4/2019: one piece of advice, reading the date day first', () => {
    const dir = sampleCopy();
    const r = psg([...NEWS, '--date', '1/4/2019'], { cwd: dir });
    expect(r).toEqual({
      stdout: '',
      stderr: 'psg: --date: "1/4/2019" is not a date; did you mean 2019-04-01? (write dates as YYYY-MM-DD)\nhint: A time may follow the date (2019-04-10T09:30); without --date it is today\n',
      code: 2,
    });
    // One example date in all, not two different ones.
    expect(r.stderr.match(/\d{4}-\d{2}-\d{2}/g)).toEqual(['2019-04-01', '2019-04-10']);
    expect(psg(['list', '--since', '23/3/2019']).stderr).toBe('psg: bad date for --since: "23/3/2019"; did you mean 2019-03-23?\nhint: Use YYYY-MM-DD, YYYY-MM, YYYY, or a span back from today: 7d, 4w, 3m, 1y\n');
    const publish = psg(['publish', 'psg-aims', '--date', '2.4.2019'], { cwd: dir });
    expect(publish.stderr).toBe('psg: bad date for --date: "2.4.2019" is not a date; did you mean 2019-04-02? (write dates as YYYY-MM-DD)\nhint: Without --date it is today\n');
  });

  it('--type letters is answered as every other choice error is', () => {
    const type = psg(['list', '--type', 'letters']);
    const format = psg(['list', '--format', 'tables']);
    expect(type.code).toBe(2);
    expect(type.stderr).toMatch(/^psg: option '-t, --type <type>' argument 'letters' is invalid\. Allowed choices are news, letter, page\.\n/);
    expect(format.stderr).toMatch(/^psg: option '-f, --format <format>' argument 'tables' is invalid\. Allowed choices are table, json, ndjson, csv, paths\.\n/);
  });

  it('--edit with an editor that fails keeps the file, says so, and exits 2', () => {
    const dir = sampleCopy();
    const editor = join(dir, 'broken-editor.sh');
    writeFileSync(editor, '#!/bin/sh\nexit 3\n', { mode: 0o755 });
    const r = psg([...NEWS, '--date', '2019-04-20', '--edit'], { cwd: dir, env: { VISUAL: editor } });
    const file = 'articles/2019/2019-04-20-protest-in-puno.md';
    expect(r.code).toBe(2);
    expect(r.stdout).toBe(`${file}\n`);
    expect(r.stderr).toBe(`psg: the editor "${editor}" failed (exit code 3); the new file is kept: ${file}\nhint: Open the file in your editor yourself, or check $VISUAL and $EDITOR\n`);
    expect(existsSync(join(dir, file))).toBe(true);
    expect(readFileSync(join(dir, file), 'utf8')).toContain('title: "Protest in Puno"');
  });

  it('"path" is the same thing in list --format json and digest --format json', () => {
    const listed = JSON.parse(psg(['list', '--format', 'json', '--limit', '3']).stdout) as { path: string }[];
    const digested = JSON.parse(psg(['digest', '--format', 'json', '--limit', '3']).stdout) as { articles: { path: string }[] };
    expect(digested.articles.map((a) => a.path)).toEqual(listed.map((a) => a.path));
    expect(listed[0]!.path).toBe('articles/2019/2019-04-01-letter-from-puno-using-the-law-to-protect-community-rights.md');
  });
});
