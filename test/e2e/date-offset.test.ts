// An impossible UTC offset is date-invalid, and never moves a feed's date by days.
import { afterAll, describe, expect, it } from '@jest/globals';
import { psg } from '../helpers/run.js';
import { article, cleanup, testdir } from '../helpers/testdir.js';

afterAll(cleanup);

describe('psg validate and UTC offsets', () => {
  it.each(['"2019-03-11T10:00:00+99:00"', '2019-03-11T10:00:00-05:75', '"2019-03-11 10:00 +1500"'])('date: %s is date-invalid', (date) => {
    const dir = testdir({ 'articles/2019-03-11-a.md': article({ title: 'A', type: 'news', date, regions: '[Puno]', summary: 'S.' }) });
    const r = psg(['validate'], { cwd: dir, env: { PSG_TODAY: '2019-07-01' } });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/4:7 +error +.* is not a UTC offset: offsets run from -14:00 to \+14:00.* +date-invalid/);
  });
});
