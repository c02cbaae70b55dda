import { afterAll, describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { psg } from '../helpers/run.js';
import { article, cleanup, testdir } from '../helpers/testdir.js';

afterAll(cleanup);

const JATUCACHI = 'Letter from Puno: Using the law to protect community rights';
const ESPINAR = 'Espinar: continuing problems with mine developments';
const BLUEPRINT = 'An alternative development blueprint for Madre de Dios';

/** Titles of `psg list` rows (piped: header first, whole rows). */
function titles(output: string | { stdout: string }): string[] {
  const stdout = typeof output === 'string' ? output : output.stdout;
  if (stdout === '') return [];
  return stdout
    .trimEnd()
    .split('\n')
    .slice(1)
    .map((line) => line.split(/ {2,}/).slice(3).join('  '));
}

function list(args: string[], options: Parameters<typeof psg>[1] = {}) {
  return psg(['list', ...args], options);
}

describe('psg list --region', () => {
  it.each(['Puno', 'Moquegua', 'región puno'])('%s gives the Jatucachi letter', (region) => {
    const r = list(['--region', region]);
    expect(r.code).toBe(0);
    expect(titles(r.stdout)).toEqual([JATUCACHI]);
  });

  it('cuzco (an alias) gives the Espinar item', () => {
    const r = list(['--region', 'cuzco']);
    expect(titles(r.stdout)).toEqual([ESPINAR]);
    expect(r.stderr).toBe('');
  });

  it('Espinar (a province) gives the Espinar item, with a note that it is in Cusco', () => {
    const r = list(['--region', 'Espinar']);
    expect(r.code).toBe(0);
    expect(titles(r.stdout)).toEqual([ESPINAR]);
    expect(r.stderr).toMatch(/Espinar is a province of Cusco/);
  });

  it('"madre de dios" gives the blueprint item', () => {
    expect(titles(list(['--region', 'madre de dios']).stdout)).toEqual([BLUEPRINT]);
  });

  it('matches a province in places when the regions list leaves it out', () => {
    const dir = testdir({
      'articles/2019/2019-03-18-espinar.md': article({ title: 'Espinar again', type: 'news', date: '2019-03-18', places: '[Espinar]', summary: 'x' }),
      'articles/2019/2019-03-19-lima.md': article({ title: 'In Lima', type: 'news', date: '2019-03-19', regions: '[Lima]', summary: 'x' }),
    });
    const r = list(['--region', 'Cusco'], { cwd: dir });
    expect(titles(r.stdout)).toEqual(['Espinar again']);
    expect(r.stdout).toMatch(/2019-03-18 {2}news {2}Cusco {4}Espinar again/);
  });

  it('repeated, matches any of them', () => {
    expect(titles(list(['--region', 'Puno', '--region', 'Cusco']).stdout)).toEqual([JATUCACHI, ESPINAR]);
  });

  it('Cajamrca is exit 2 and suggests Cajamarca, with nothing on stdout', () => {
    const r = list(['--region', 'Cajamrca']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^psg: unknown region "Cajamrca"; did you mean "Cajamarca"\?\nhint: /);
  });
});

describe('psg list dates, types and text', () => {
  it('--month 2019-03 gives 9 items', () => {
    expect(titles(list(['--month', '2019-03']).stdout)).toHaveLength(9);
  });

  it('--since 2019-03-18 --type news gives 4', () => {
    expect(titles(list(['--since', '2019-03-18', '--type', 'news']).stdout)).toEqual([
      BLUEPRINT,
      'Tuesta commission publishes recommendations for political reform',
      ESPINAR,
      'The issue of human trafficking: seminar in Lima',
    ]);
  });

  it('--search cooperaccion finds the Espinar item (accents and case ignored)', () => {
    expect(titles(list(['--search', 'cooperaccion']).stdout)).toEqual([ESPINAR]);
    expect(titles(list(['--search', 'COOPERACCIÓN']).stdout)).toEqual([ESPINAR]);
  });

  it('--search looks in the body too', () => {
    const dir = testdir({
      'articles/2019/2019-03-18-a.md': article({ title: 'A', type: 'news', date: '2019-03-18', summary: 'nothing here' }, 'The Tía María project again.\n'),
      'articles/2019/2019-03-19-b.md': article({ title: 'B', type: 'news', date: '2019-03-19', summary: 'nor here' }),
    });
    expect(titles(list(['--search', 'tia maria'], { cwd: dir }).stdout)).toEqual(['A']);
  });

  it('--tag and --author filter', () => {
    expect(titles(list(['--tag', 'consulta-previa']).stdout)).toEqual([JATUCACHI]);
    const dir = testdir({
      'articles/2019/2019-03-18-a.md': article({ title: 'By José', type: 'news', date: '2019-03-18', summary: 'x', author: 'José Pérez' }),
      'articles/2019/2019-03-19-b.md': article({ title: 'By Ann', type: 'news', date: '2019-03-19', summary: 'x', author: 'Ann Lee' }),
    });
    expect(titles(list(['--author', 'jose'], { cwd: dir }).stdout)).toEqual(['By José']);
  });

  it.each([
    ['--since', '2019-02-30'],
    ['--until', 'yesterday'],
    ['--month', '2019-13'],
  ])('%s %s is exit 2 naming the forms that work', (flag, value) => {
    const r = list([flag, value]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^psg: bad (date|month) for ${flag}: "${value}"\\nhint: .*YYYY-MM`));
  });

  it('counts relative dates back from today (PSG_TODAY pins it)', () => {
    const env = { PSG_TODAY: '2019-03-25' };
    expect(titles(list(['--since', '7d'], { env }))).toHaveLength(6);
    expect(titles(list(['--since', '1w', '--until', '3d'], { env }))).toEqual([ESPINAR, 'The issue of human trafficking: seminar in Lima', 'Letter from Cajamarca']);
    expect(titles(list(['--since', '1m', '--type', 'letter'], { env }))).toEqual(['Letter from Cajamarca (2): the rondas campesinas', 'Letter from Cajamarca']);
    expect(titles(list(['--since', '1y', '--type', 'letter'], { env: { PSG_TODAY: '2020-03-25' } }))).toEqual([JATUCACHI]);
  });

  it('leaves out items dated after today unless --future', () => {
    const env = { PSG_TODAY: '2019-03-20' };
    expect(titles(list(['--type', 'letter'], { env }))).toEqual(['Letter from Cajamarca']);
    expect(titles(list(['--type', 'letter', '--future'], { env }))).toHaveLength(3);
    const none = list(['--type', 'letter', '--since', '2019-03-19'], { env });
    expect(none).toEqual({ code: 0, stdout: '', stderr: 'psg: no articles match; left out: 2 items dated after today (--future shows them)\n' });
  });

  it('counts "today" in the configured time zone', () => {
    // Kiritimati (UTC+14) is always a day or two ahead of Pago Pago (UTC−11).
    const kiritimati = new Intl.DateTimeFormat('en-CA', { timeZone: 'Pacific/Kiritimati' }).format(new Date());
    const dir = testdir({
      [`articles/${kiritimati.slice(0, 4)}/${kiritimati}-today.md`]: article({ title: 'Today in Kiritimati', type: 'news', date: kiritimati, summary: 'x' }),
    });
    const config = (timeZone: string) => writeFileSync(join(dir, 'psg.config.json'), JSON.stringify({ timeZone }));
    config('Pacific/Kiritimati');
    expect(titles(list(['--since', '1d'], { cwd: dir }))).toEqual(['Today in Kiritimati']);
    config('Pacific/Pago_Pago');
    const r = list(['--since', '1d'], { cwd: dir });
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^psg: no articles match; left out: 1 item dated after today \(--future shows it\)\n$/);
  });
});

describe('psg list drafts', () => {
  const dir = testdir({
    'articles/2019/2019-03-18-a.md': article({ title: 'Published', type: 'news', date: '2019-03-18', summary: 'x' }),
    'articles/2019/2019-03-19-b.md': article({ title: 'Not yet', type: 'news', date: '2019-03-19', summary: 'x', draft: 'true' }),
  });

  it('leaves drafts out unless --drafts, and marks them', () => {
    expect(titles(list([], { cwd: dir }))).toEqual(['Published']);
    expect(titles(list(['--drafts'], { cwd: dir }))).toEqual(['[draft] Not yet', 'Published']);
  });

  it('says when only drafts would match', () => {
    const r = list(['--search', 'not yet'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^psg: no articles match; left out: 1 draft \(--drafts shows it\)\n$/);
  });
});
