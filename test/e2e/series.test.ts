// psg series and psg series renumber, and psg new keeping a series in date order: in a real git
// work tree and in a plain folder.
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { psg } from '../helpers/run.js';
import { article, cleanup, testdir } from '../helpers/testdir.js';

afterAll(cleanup);

const env = { PSG_TODAY: '2019-05-01', GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
const letter = (title: string, date: string, part: number) =>
  article({ title: JSON.stringify(title), type: 'letter', date, series: 'Letter from Puno', part: String(part), regions: '[Puno]', summary: 'A letter.' });

/** Puno parts 1 (2019-04-02) and 2 (2019-04-20), as in the issue. */
const puno = () =>
  testdir({
    'articles/2019/2019-04-02-letter-from-puno-the-lake.md': letter('Letter from Puno: the lake', '2019-04-02', 1),
    'articles/2019/2019-04-20-letter-from-puno-2-the-mines.md': letter('Letter from Puno (2): the mines', '2019-04-20', 2),
  });

const git = (dir: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=t@example.org', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env } });

const files = (dir: string) => readdirSync(join(dir, 'articles/2019')).sort();

describe('a letter dated before an earlier part', () => {
  it('psg new refuses it, naming psg series renumber; --out-of-order writes it and validate says series-order', () => {
    const dir = puno();
    const args = ['new', 'letter', '--place', 'Puno', '--date', '2019-03-01', '--subtitle', 'the old road', '--summary', 'Older.', '--yes'];
    expect(psg(args, { cwd: dir, env })).toEqual({
      stdout: '',
      stderr:
        'psg: a letter dated 2019-03-01 would be part 3 of "Letter from Puno", after part 2 dated 2019-04-20\n' +
        'hint: Check the date; if it is right, add --out-of-order to write it anyway, then number the series by date with: psg series renumber "Letter from Puno"\n',
      code: 2,
    });
    expect(files(dir)).toHaveLength(2);
    expect(psg([...args, '--out-of-order'], { cwd: dir, env })).toMatchObject({ stdout: 'articles/2019/2019-03-01-letter-from-puno-3-the-old-road.md\n', code: 0 });
    const report = psg(['validate'], { cwd: dir, env });
    expect(report.stdout).toContain(
      'Part 3 of "Letter from Puno" is dated 2019-03-01, before part 2 (2019-04-20); number the series by date with psg series renumber "Letter from Puno"',
    );
    expect(report.stdout).toContain('series-order');
  });
});

describe('psg series renumber', () => {
  const outOfOrder = () => {
    const dir = puno();
    writeFileSync(join(dir, 'articles/2019/2019-03-01-letter-from-puno-3-the-old-road.md'), letter('Letter from Puno (3): the old road', '2019-03-01', 3));
    return dir;
  };

  it('lists the series with psg series', () => {
    const dir = outOfOrder();
    expect(psg(['series'], { cwd: dir, env })).toEqual({
      stdout:
        'Letter from Puno  3 letters\n' +
        '    1  2019-04-02  articles/2019/2019-04-02-letter-from-puno-the-lake.md\n' +
        '    2  2019-04-20  articles/2019/2019-04-20-letter-from-puno-2-the-mines.md\n' +
        '    3  2019-03-01  articles/2019/2019-03-01-letter-from-puno-3-the-old-road.md\n' +
        '  not in date order: psg series renumber "Letter from Puno"\n',
      stderr: '',
      code: 0,
    });
  });

  it('in a git work tree: shows the change, --dry-run changes nothing, then git mv; a second run changes nothing', () => {
    const dir = outOfOrder();
    git(dir, 'init', '-q', '.');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'letters');
    const before = files(dir);
    const dry = psg(['series', 'renumber', 'Puno', '--dry-run'], { cwd: dir, env });
    const plan =
      '"Letter from Puno" by date:\n' +
      '  part 3 → 1  2019-03-01  articles/2019/2019-03-01-letter-from-puno-3-the-old-road.md → articles/2019/2019-03-01-letter-from-puno-the-old-road.md\n' +
      '    title "Letter from Puno (3): the old road" → "Letter from Puno: the old road"\n' +
      '  part 1 → 2  2019-04-02  articles/2019/2019-04-02-letter-from-puno-the-lake.md → articles/2019/2019-04-02-letter-from-puno-2-the-lake.md\n' +
      '    title "Letter from Puno: the lake" → "Letter from Puno (2): the lake"\n' +
      '  part 2 → 3  2019-04-20  articles/2019/2019-04-20-letter-from-puno-2-the-mines.md → articles/2019/2019-04-20-letter-from-puno-3-the-mines.md\n' +
      '    title "Letter from Puno (2): the mines" → "Letter from Puno (3): the mines"\n';
    expect(dry).toEqual({ stdout: `Would renumber ${plan}Dry run: nothing was changed\n`, stderr: '', code: 0 });
    expect(files(dir)).toEqual(before);
    expect(git(dir, 'status', '--porcelain')).toBe('');

    const run = psg(['series', 'renumber', 'Letter from Puno'], { cwd: dir, env });
    expect(run).toEqual({ stdout: `Renumbering ${plan}Renumbered 3 letters (3 moved with git mv)\n`, stderr: '', code: 0 });
    expect(files(dir)).toEqual([
      '2019-03-01-letter-from-puno-the-old-road.md',
      '2019-04-02-letter-from-puno-2-the-lake.md',
      '2019-04-20-letter-from-puno-3-the-mines.md',
    ]);
    // git sees renames (staged by git mv), with the edited text in the work tree.
    const status = git(dir, 'status', '--porcelain').split('\n').filter(Boolean).sort();
    expect(status).toEqual([
      'RM articles/2019/2019-03-01-letter-from-puno-3-the-old-road.md -> articles/2019/2019-03-01-letter-from-puno-the-old-road.md',
      'RM articles/2019/2019-04-02-letter-from-puno-the-lake.md -> articles/2019/2019-04-02-letter-from-puno-2-the-lake.md',
      'RM articles/2019/2019-04-20-letter-from-puno-2-the-mines.md -> articles/2019/2019-04-20-letter-from-puno-3-the-mines.md',
    ]);
    expect(readFileSync(join(dir, 'articles/2019/2019-04-02-letter-from-puno-2-the-lake.md'), 'utf8')).toBe(
      letter('Letter from Puno (2): the lake', '2019-04-02', 2),
    );
    expect(psg(['validate'], { cwd: dir, env })).toMatchObject({ stdout: '✔ 3 articles, no problems\n', code: 0 });
    expect(psg(['series', 'renumber', 'Puno'], { cwd: dir, env })).toEqual({
      stdout: '"Letter from Puno": 3 letters, numbered by date already; nothing to change\n',
      stderr: '',
      code: 0,
    });
    expect(readdirSync(join(dir, 'articles')).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('outside git: plain renames; never over another file (exit 2, nothing changed); unknown series suggested', () => {
    const dir = outOfOrder();
    const squatter = join(dir, 'articles/2019/2019-04-02-letter-from-puno-2-the-lake.md');
    writeFileSync(squatter, article({ title: 'Another article', type: 'news', date: '2019-04-02', regions: '[Puno]', summary: 'News.' }));
    const before = files(dir).map((f) => readFileSync(join(dir, 'articles/2019', f), 'utf8'));
    expect(psg(['series', 'renumber', 'Puno'], { cwd: dir, env })).toEqual({
      stdout: '',
      stderr:
        'psg: articles/2019/2019-04-02-letter-from-puno-2-the-lake.md already exists; nothing was changed\n' +
        'hint: Rename or remove that file, then run psg series renumber "Letter from Puno" again\n',
      code: 2,
    });
    expect(files(dir).map((f) => readFileSync(join(dir, 'articles/2019', f), 'utf8'))).toEqual(before);

    expect(psg(['series', 'renumber', 'Pnuo'], { cwd: dir, env })).toMatchObject({
      stderr: 'psg: no letter series "Pnuo"; did you mean "Letter from Puno"?\nhint: `psg series` lists the series\n',
      code: 2,
    });

    execFileSync('rm', [squatter]);
    expect(psg(['series', 'renumber', 'Puno'], { cwd: dir, env }).stdout).toMatch(/Renumbered 3 letters\n$/);
    expect(existsSync(join(dir, 'articles/2019/2019-03-01-letter-from-puno-the-old-road.md'))).toBe(true);
  });
});
