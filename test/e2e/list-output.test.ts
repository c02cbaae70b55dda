import { afterAll, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { psg, SAMPLE } from '../helpers/run.js';
import { article, cleanup, sampleCopy, testdir } from '../helpers/testdir.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

afterAll(cleanup);

const list = (args: string[], options: Parameters<typeof psg>[1] = {}) => psg(['list', ...args], options);

describe('psg list output', () => {
  it('piped: the whole sample, newest first, pages last, no title cut, no colour', () => {
    const r = list([], { env: { NO_COLOR: undefined } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('DATE        TYPE    REGIONS         TITLE');
    expect(lines).toHaveLength(15);
    expect(lines[1]).toBe('2019-04-01  letter  Puno, Moquegua  Letter from Puno: Using the law to protect community rights');
    expect(lines[11]).toBe('—           page    —               PSG Aims');
    expect(r.stdout).not.toContain('…');
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stdout).toContain('Tuesta commission publishes recommendations for political reform\n');
  });

  it('--by region groups with counts, national items under their own heading', () => {
    const r = list(['--by', 'region']);
    expect(r.code).toBe(0);
    const headings = r.stdout.split('\n').filter((l) => /^\S/.test(l));
    expect(headings).toEqual(['Cajamarca (2)', 'Cusco (1)', 'Madre de Dios (1)', 'Moquegua (1)', 'Puno (1)', 'Standing pages (4)', 'National, no region (5)']);
    expect(r.stdout).toMatch(/\nCusco \(1\)\n {2}2019-03-18 {2}news {4}Cusco {11}Espinar: continuing problems with mine developments\n/);
  });

  it('--by month and --by type and --by tag', () => {
    const heads = (by: string) => list(['--by', by]).stdout.split('\n').filter((l) => /^\S/.test(l));
    expect(heads('month')).toEqual(['April 2019 (1)', 'March 2019 (9)', 'Undated pages (4)']);
    expect(heads('type')).toEqual(['News (7)', 'Letters (3)', 'Pages (4)']);
    expect(heads('tag')).toContain('mining (3)');
  });

  it('--by tag counts an article once in a group, even with the tag written twice', () => {
    const dir = testdir({ 'articles/2019/2019-03-01-a.md': article({ title: 'Twice', type: 'news', date: '2019-03-01', tags: '[mining, mining]', summary: 'x' }) });
    const data = JSON.parse(list(['--by', 'tag', '--format', 'json'], { cwd: dir }).stdout);
    expect(data.map((g: { group: string; count: number }) => [g.group, g.count])).toEqual([['mining', 1]]);
  });

  it('--reverse with --by month reads oldest first, undated pages still last', () => {
    const r = list(['--by', 'month', '--reverse']);
    expect(r.stdout.split('\n').filter((l) => /^\S/.test(l))).toEqual(['March 2019 (9)', 'April 2019 (1)', 'Undated pages (4)']);
    expect(r.stdout).toMatch(/March 2019 \(9\)\n {2}2019-03-11 /);
  });

  it('--format csv round-trips through a real CSV parser', () => {
    const r = list(['--format', 'csv']);
    const records = parse(r.stdout, { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(14);
    expect(records[0]).toMatchObject({
      title: 'Letter from Puno: Using the law to protect community rights',
      type: 'letter',
      date: '2019-04-01',
      regions: 'Puno; Moquegua',
      places: 'Jatucachi',
      series: 'Letter from Puno',
      part: '1',
      path: 'articles/2019/2019-04-01-letter-from-puno-using-the-law-to-protect-community-rights.md',
    });
    const join = records.find((x) => x.slug === 'why-join-the-psg')!;
    expect(join.summary).toContain('• Support the work of the Peru Support Group\n\nBecome a member');
  });

  it('--format ndjson is one object a line', () => {
    const lines = list(['--format', 'ndjson']).stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(14);
    const records = lines.map((l) => JSON.parse(l));
    expect(records.map((x) => x.date).slice(0, 3)).toEqual(['2019-04-01', '2019-03-23', '2019-03-23']);
  });

  it('--format json with --by is an array of {group, count, articles}', () => {
    const data = JSON.parse(list(['--format', 'json', '--by', 'region']).stdout);
    expect(data.map((g: { group: string | null; count: number }) => `${g.group}:${g.count}`)).toEqual([
      'Cajamarca:2', 'Cusco:1', 'Madre de Dios:1', 'Moquegua:1', 'Puno:1', 'page:4', 'null:5',
    ]);
  });

  it('--format paths gives paths that open from the current folder', () => {
    const r = list(['--format', 'paths', '--region', 'Cajamarca']);
    expect(r.stdout).toBe('articles/2019/2019-03-23-letter-from-cajamarca-2-the-rondas-campesinas.md\narticles/2019/2019-03-18-letter-from-cajamarca.md\n');
    const inside = list(['--format', 'paths', '--limit', '1', '--dir', '.'], { cwd: join(SAMPLE, '2019') });
    expect(inside.stdout).toBe('2019-04-01-letter-from-puno-using-the-law-to-protect-community-rights.md\n');
  });

  it('--by with --format paths is exit 2', () => {
    const r = list(['--format', 'paths', '--by', 'region']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^psg: --by does not combine with --format paths\nhint: /);
  });

  it('--sort title, --reverse and --limit', () => {
    const paths = (args: string[]) => list(['--format', 'paths', ...args]).stdout.trimEnd().split('\n').map((p) => p.slice(p.lastIndexOf('/') + 1));
    expect(paths(['--sort', 'title', '--limit', '3'])).toEqual([
      '2019-03-23-an-alternative-development-blueprint-for-madre-de-dios.md',
      '2019-03-11-confiep-deploys-lobby-power-to-modify-tax-evasion-legislation.md',
      '2019-03-18-espinar-continuing-problems-with-mine-developments.md',
    ]);
    expect(paths(['--type', 'news', '--reverse', '--limit', '2'])).toEqual([
      '2019-03-11-forcibly-sterilised-women-continue-fight-for-justice.md',
      '2019-03-11-confiep-deploys-lobby-power-to-modify-tax-evasion-legislation.md',
    ]);
  });

  it.each(['0', '-3', 'ten', '2.5'])('--limit %s is exit 2', (n) => {
    const r = list([`--limit=${n}`]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--limit.*Give a whole number of 1 or more/);
  });

  it('an unknown --format or --by is exit 2 naming the choices', () => {
    const r = list(['--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/table, json, ndjson, csv, paths/);
    expect(list(['--by', 'author']).code).toBe(2);
  });

  it('an empty result is a note on stderr and exit 0; json prints []', () => {
    const table = list(['--month', '2018-01']);
    expect(table).toEqual({ code: 0, stdout: '', stderr: 'psg: no articles match\n' });
    const json = list(['--month', '2018-01', '--format', 'json']);
    expect(json).toEqual({ code: 0, stdout: '[]\n', stderr: 'psg: no articles match\n' });
  });

  it('gives the same bytes under UTC, Lima and Kiritimati', () => {
    for (const args of [[], ['--format', 'json'], ['--format', 'csv'], ['--by', 'month'], ['--since', '2w']]) {
      const outputs = ['UTC', 'America/Lima', 'Pacific/Kiritimati'].map((tz) => list(args, { tz, env: { PSG_TODAY: '2019-03-25' } }));
      expect(outputs[0]!.code).toBe(0);
      expect(outputs[1]).toEqual(outputs[0]);
      expect(outputs[2]).toEqual(outputs[0]);
    }
  });

  it('keeps dates as written, midnight and offsets included', () => {
    const dir = testdir({
      'articles/2019/2019-03-01-a.md': article({ title: 'Midnight', type: 'news', date: '2019-03-01T00:00:00-05:00', summary: 'x' }),
      'articles/2019/2019-03-02-b.md': article({ title: 'Late', type: 'news', date: '2019-03-02T23:30:00Z', summary: 'x' }),
    });
    for (const tz of ['UTC', 'America/Lima', 'Pacific/Kiritimati']) {
      const data = JSON.parse(list(['--format', 'json'], { cwd: dir, tz }).stdout);
      expect(data.map((a: { date: string; time: string; offset: string }) => [a.date, a.time, a.offset])).toEqual([
        ['2019-03-02', '23:30:00', 'Z'],
        ['2019-03-01', '00:00:00', '-05:00'],
      ]);
    }
  });
});

describe('psg list with broken files', () => {
  it('lists the good ones, with one line on stderr about the rest', () => {
    const dir = sampleCopy();
    writeFileSync(join(dir, 'articles/2019/2019-05-01-broken-yaml.md'), '---\ntitle: "unclosed\ntype: news\n---\nBody\n');
    writeFileSync(join(dir, 'articles/2019/2019-05-02-no-front-matter.md'), 'Just some text.\n');
    writeFileSync(join(dir, 'articles/2019/2019-05-03-binary.md'), Buffer.from([0, 1, 2, 3]));
    const r = list([], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(15);
    expect(r.stderr).toBe('psg: 3 files could not be read as articles; `psg validate` says why\n');
  });

  it('with no articles folder is exit 2 saying how to point psg at one', () => {
    const r = list([], { cwd: testdir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^psg: no articles folder at .*\nhint: .*--dir/);
  });

  it('says when the folder holds no articles yet', () => {
    const r = list([], { cwd: testdir({ 'articles/.keep': '' }) });
    expect(r).toEqual({ code: 0, stdout: '', stderr: 'psg: no articles yet (psg new writes one)\n' });
  });
});
