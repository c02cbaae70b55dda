// One hostile file never takes down the report: a 40,000-character key is reported where it
// is, and every other file is still checked and reported.
import { afterAll, describe, expect, it } from '@jest/globals';
import { psg } from '../helpers/run.js';
import { article, cleanup, testdir } from '../helpers/testdir.js';

afterAll(cleanup);

const good = article({ title: 'Good', type: 'news', date: '2019-03-01', regions: '[Puno]', summary: 'Fine.' });

describe('psg validate over a file with a huge key', () => {
  it('reports the key as an unknown field on its line, and the other files too', () => {
    const long = 'k'.repeat(40_000);
    const dir = testdir({
      'articles/2019-03-01-good.md': good,
      'articles/2019-03-02-huge-key.md': `---\ntitle: Huge\ntype: news\ndate: 2019-03-02\nregions: [Puno]\nsummary: S.\n${long}: 1\n---\n\nBody.\n`,
      'articles/2019-03-03-bad-date.md': article({ title: 'Bad', type: 'news', date: 'soon', regions: '[Puno]', summary: 'S.' }),
    });
    const r = psg(['validate', '--format', 'json'], { cwd: dir, env: { PSG_TODAY: '2019-07-01' } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { files: { path: string; problems: { rule: string; line: number }[] }[] };
    const byFile = new Map(report.files.map((f) => [f.path.replace(/^articles\//, ''), f.problems]));
    const huge = byFile.get('2019-03-02-huge-key.md')!;
    expect(huge).toEqual([expect.objectContaining({ rule: 'unknown-field', line: 7, column: 1 })]);
    // The message quotes the start of the key, not all 40,000 characters of it.
    expect((huge[0] as unknown as { message: string }).message.length).toBeLessThan(300);
    expect(byFile.get('2019-03-03-bad-date.md')!.map((p) => p.rule)).toContain('date-invalid');
  });
});
