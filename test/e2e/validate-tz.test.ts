// Dates are calendar dates: psg validate prints the same under every time zone, on the
// sample archive and on the broken fixtures, stylish and JSON alike.
import { afterAll, describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BROKEN, brokenCopy, FIXTURE_TODAY } from '../helpers/fixtures.js';
import { psg, ROOT, type RunResult } from '../helpers/run.js';
import { article, cleanup, testdir } from '../helpers/testdir.js';

afterAll(cleanup);

// UTC−5, UTC and UTC+14: between them, two calendar days at every moment.
const ZONES = ['UTC', 'America/Lima', 'Pacific/Kiritimati'];

function inEveryZone(args: string[], cwd: string, env: Record<string, string> = {}): RunResult[] {
  return ZONES.map((tz) => psg(args, { cwd, tz, env }));
}

describe.each([
  ['stylish', []],
  ['json', ['--format', 'json']],
])('psg validate --format %s', (_name, format) => {
  it('prints the same for the sample archive in every zone', () => {
    const [utc, ...others] = inEveryZone(['validate', ...format], ROOT);
    expect(utc!.code).toBe(0);
    for (const other of others) expect(other).toEqual(utc);
  });

  it('prints the same for the broken fixtures in every zone', () => {
    const [utc, ...others] = inEveryZone(['validate', ...format], BROKEN, { PSG_TODAY: FIXTURE_TODAY });
    expect(utc!.code).toBe(1);
    expect(utc!.stdout).toContain('date-invalid');
    for (const other of others) expect(other).toEqual(utc);
  });
});

describe('today, for future-dated items', () => {
  it('comes from the configured timeZone, not the machine zone', () => {
    const dir = brokenCopy();
    writeFileSync(join(dir, 'psg.config.json'), JSON.stringify({ timeZone: 'America/Lima' }));
    const runs = inEveryZone(['validate', '--format', 'json'], dir);
    for (const run of runs.slice(1)) expect(run).toEqual(runs[0]);
    expect(runs[0]!.stdout).toContain('after today (');
  });

  it('keeps a date-time with an offset on the day written', () => {
    // 23:30 in Lima is already the next day in UTC; the date stays the 23rd and matches the file name.
    const dir = testdir({
      'articles/2019-03-23-late.md': article({ title: 'Late', type: 'news', date: '2019-03-23T23:30:00-05:00', summary: 'S.' }),
      'articles/2019-03-24-early.md': article({ title: 'Early', type: 'news', date: '2019-03-24T00:30:00+14:00', summary: 'S.' }),
    });
    for (const run of inEveryZone(['validate'], dir)) {
      expect(run).toEqual({ stdout: '✔ 2 articles, no problems\n', stderr: '', code: 0 });
    }
  });
});
