import { afterAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { psg } from '../helpers/run.js';
import { article, cleanup, testdir } from '../helpers/testdir.js';

afterAll(cleanup);

interface RegionRow {
  name: string;
  count: number;
  provinces?: { name: string; count: number }[];
}

describe('psg regions', () => {
  it('counts the sample archive: 25 regions, Cajamarca 2 (must-show 1)', () => {
    const r = psg(['regions', '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { articles: number; withoutRegion: number; regions: RegionRow[] };
    expect(report.regions).toHaveLength(25);
    const counts = Object.fromEntries(report.regions.map((x) => [x.name, x.count]));
    expect(counts).toMatchObject({ Cajamarca: 2, Cusco: 1, 'Madre de Dios': 1, Puno: 1, Moquegua: 1, Lima: 0, Junín: 0 });
    expect(report.articles).toBe(14);
    // The four standing pages are not news: they do not count as naming no region.
    expect(report.withoutRegion).toBe(5);
    expect(r.stderr).toBe('');
  });

  it('prints a table, with the total as a note on stderr', () => {
    const r = psg(['regions']);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('REGION         ARTICLES');
    expect(lines).toHaveLength(26);
    expect(lines).toContain('Cajamarca             2');
    expect(lines).toContain('San Martín            0');
    expect(r.stderr).toBe('psg: 14 articles; 5 name no region\n');
  });

  it('counts provinces from places with --provinces', () => {
    const r = psg(['regions', '--provinces', '--format', 'json']);
    const cajamarca = (JSON.parse(r.stdout).regions as RegionRow[]).find((x) => x.name === 'Cajamarca')!;
    expect(cajamarca.provinces!.find((p) => p.name === 'Hualgayoc')!.count).toBe(1);
    const table = psg(['regions', '--provinces']).stdout.trimEnd().split('\n');
    expect(table.find((l) => l.startsWith('  Espinar '))).toMatch(/^ {2}Espinar +1$/);
    expect(table).toHaveLength(1 + 25 + 196);
    expect(new Set(table.map((l) => [...l].length)).size).toBe(1);
  });

  it('leaves drafts and future items out unless asked, like list', () => {
    const dir = testdir({
      'articles/a.md': article({ title: 'A', type: 'news', date: '2019-03-01', regions: '[Puno]', summary: 'S.' }),
      'articles/b.md': article({ title: 'B', type: 'news', date: '2019-03-02', regions: '[Puno]', draft: 'true', summary: 'S.' }),
      'articles/c.md': article({ title: 'C', type: 'news', date: '2030-01-01', places: '[Espinar]', summary: 'S.' }),
    });
    const puno = (...flags: string[]) => {
      const regions = JSON.parse(psg(['regions', '--format', 'json', ...flags], { cwd: dir }).stdout).regions as RegionRow[];
      return [regions.find((x) => x.name === 'Puno')!.count, regions.find((x) => x.name === 'Cusco')!.count];
    };
    expect(puno()).toEqual([1, 0]);
    expect(puno('--drafts')).toEqual([2, 0]);
    expect(puno('--future')).toEqual([1, 1]);
    expect(puno('--since', '2019-03-02', '--drafts')).toEqual([1, 0]);
  });

  it('rejects an unknown region in a filter with a suggestion', () => {
    const r = psg(['regions', '--region', 'Cajamrca']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('psg: unknown region "Cajamrca"; did you mean "Cajamarca"?');
  });

  it('stops at a bad config, naming the key and the file', () => {
    const dir = testdir({ 'psg.config.json': '{ "digest": { "lang": "fr" } }', 'articles/.keep': '' });
    const r = psg(['regions'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`psg: ${join(dir, 'psg.config.json')}: "digest.lang" must be "en" or "es"`);
    expect(r.stderr).toContain('hint: Correct "digest.lang" in');
  });
});
