// psg rename: title, slug and file name together, git mv in a work tree, never over another file.
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { psg } from '../helpers/run.js';
import { article, cleanup, sampleCopy } from '../helpers/testdir.js';

afterAll(cleanup);

const env = { PSG_TODAY: '2019-04-20', GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
const git = (dir: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=t@example.org', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env } });
const OLD = 'articles/2019/2019-03-11-exit-villanueva-as-prime-minister.md';
const NEW = 'articles/2019/2019-03-11-villanueva-resigns.md';

describe('psg rename', () => {
  it('a news item in a git work tree: --dry-run shows it, then the title line changes and git mv moves it', () => {
    const dir = sampleCopy();
    git(dir, 'init', '-q', '.');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'sample');
    const before = readFileSync(join(dir, OLD), 'utf8');
    const args = ['rename', OLD, '--title', 'Villanueva resigns'];
    expect(psg([...args, '--dry-run'], { cwd: dir, env })).toEqual({
      stdout: `${OLD} → ${NEW}\n  title "Exit Villanueva as prime minister" → "Villanueva resigns"\nDry run: nothing was changed\n`,
      stderr: '',
      code: 0,
    });
    expect(git(dir, 'status', '--porcelain')).toBe('');
    expect(psg(args, { cwd: dir, env })).toEqual({
      stdout: `${NEW}\n`,
      stderr: `psg: renamed "Exit Villanueva as prime minister" to "Villanueva resigns"; moved from ${OLD} with git mv\n`,
      code: 0,
    });
    expect(existsSync(join(dir, OLD))).toBe(false);
    expect(readFileSync(join(dir, NEW), 'utf8')).toBe(before.replace(/^title: .*$/m, 'title: "Villanueva resigns"'));
    expect(git(dir, 'status', '--porcelain')).toBe(`RM ${OLD} -> ${NEW}\n`);
    expect(psg(['validate'], { cwd: dir, env }).code).toBe(0);
  });

  it('never over another file or another slug: exit 2, nothing changed', () => {
    const dir = sampleCopy();
    writeFileSync(join(dir, NEW), 'someone else\n');
    const files = () => readdirSync(join(dir, 'articles/2019')).sort();
    const before = files();
    expect(psg(['rename', OLD, '--title', 'Villanueva resigns'], { cwd: dir, env })).toMatchObject({
      stderr: `psg: 1 file could not be read as an article; \`psg validate\` says why\npsg: ${NEW} already exists; nothing was changed\nhint: Choose another title, or rename that file first\n`,
      code: 2,
    });
    expect(readFileSync(join(dir, NEW), 'utf8')).toBe('someone else\n');
    expect(psg(['rename', OLD, '--title', 'Letter from Cajamarca'], { cwd: dir, env })).toMatchObject({
      stderr: expect.stringContaining('psg: the slug "letter-from-cajamarca" is already used by articles/2019/2019-03-18-letter-from-cajamarca.md; nothing was changed\n'),
      code: 2,
    });
    expect(files()).toEqual(before);
  });

  it('a letter: --subtitle keeps its part; --place takes it into that series as the next part (plain rename outside git)', () => {
    const dir = sampleCopy();
    const misspelt = 'articles/2019/2019-04-10-letter-from-cajamrca.md';
    writeFileSync(
      join(dir, misspelt),
      article({ title: '"Letter from Cajamrca"', type: 'letter', date: '2019-04-10', series: 'Letter from Cajamrca', part: '1', regions: '[Cajamarca]', places: '[Cajamrca]', summary: 'Water.' }),
    );
    const moved = psg(['rename', misspelt, '--place', 'Cajamarca'], { cwd: dir, env });
    expect(moved).toEqual({
      stdout: 'articles/2019/2019-04-10-letter-from-cajamarca-3.md\n',
      stderr: `psg: renamed "Letter from Cajamrca" to "Letter from Cajamarca (3)"; moved from ${misspelt}\n`,
      code: 0,
    });
    const text = readFileSync(join(dir, 'articles/2019/2019-04-10-letter-from-cajamarca-3.md'), 'utf8');
    expect(text).toContain('title: "Letter from Cajamarca (3)"\ntype: letter\ndate: 2019-04-10\nseries: Letter from Cajamarca\npart: 3\nregions: [Cajamarca]\nplaces: [Cajamarca]\n');
    const sub = psg(['rename', 'articles/2019/2019-04-10-letter-from-cajamarca-3.md', '--subtitle', 'the water'], { cwd: dir, env });
    expect(sub.stdout).toBe('articles/2019/2019-04-10-letter-from-cajamarca-3-the-water.md\n');
    expect(readFileSync(join(dir, sub.stdout.trim()), 'utf8')).toContain('title: "Letter from Cajamarca (3): the water"\n');
    expect(psg(['validate'], { cwd: dir, env })).toMatchObject({ stdout: '✔ 15 articles, no problems\n', code: 0 });
    expect(psg(['rename', sub.stdout.trim(), '--title', 'x'], { cwd: dir, env })).toMatchObject({ code: 2 });
  });
});
