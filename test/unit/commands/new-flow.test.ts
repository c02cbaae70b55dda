// The flow of psg new through the real command, in-process, with the prompts answered by name.
import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import { newArticle, type NewFlags } from '../../../src/commands/new.js';
import type { ArticleType } from '../../../src/core/article.js';
import { CancelledError, PsgError } from '../../../src/errors.js';
import type { Io } from '../../../src/ui/io.js';
import { CANCEL, type FakeAnswer, FakePrompter } from '../../helpers/fake-prompter.js';
import { cleanup, sampleCopy } from '../../helpers/testdir.js';
import { testCacheDir } from '../../helpers/run.js';

afterAll(cleanup);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  prompter: FakePrompter;
  dir: string;
}

async function run(
  type: ArticleType | undefined,
  flags: NewFlags,
  answers: Record<string, FakeAnswer | undefined> = {},
  { tty = true, dir = sampleCopy(), env = {} as NodeJS.ProcessEnv } = {},
): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const paint = new Chalk({ level: 0 });
  const io: Io = {
    out: (t) => void (stdout += t),
    err: (t) => void (stderr += t),
    stdoutIsTTY: false,
    stderrIsTTY: false,
    stdinIsTTY: tty,
    columns: undefined,
    paint,
    paintErr: paint,
    // No git author from the machine running the tests, unless a test gives one.
    env: { PSG_CACHE_DIR: testCacheDir(), PSG_TODAY: '2019-04-20', GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', PATH: process.env.PATH, ...env },
    cwd: dir,
  };
  const prompter = new FakePrompter(answers);
  const code = await newArticle(type, flags, {}, io, { prompter });
  return { code, stdout, stderr, prompter, dir };
}

function written(r: Run): string {
  return readFileSync(join(r.dir, r.stdout.trim()), 'utf8');
}

/** Every file below the articles folder, dot files included. */
function files(dir: string): string[] {
  return readdirSync(join(dir, 'articles'), { recursive: true, encoding: 'utf8' }).sort();
}

describe('psg new at the prompts', () => {
  it('asks every question in order and writes the news item', async () => {
    const r = await run(undefined, {}, {
      type: 'news',
      title: 'Vizcarra dissolves Congress',
      date: '2019-04-12',
      places: 'Espinar, Jatucachi',
      regions: undefined, // Enter on the regions found from the places
      tags: ['politics', 'mining'],
      summary: 'The president closed Congress.',
      author: 'Ana Pérez',
    });
    expect(r.code).toBe(0);
    expect(r.prompter.asked).toEqual(['type', 'title', 'date', 'places', 'regions', 'tags', 'summary', 'author']);
    expect(r.prompter.defaults.date).toBe('2019-04-20');
    expect(r.prompter.defaults.regions).toBe('Cusco');
    expect(r.stdout).toBe('articles/2019/2019-04-12-vizcarra-dissolves-congress.md\n');
    expect(written(r)).toBe(
      '---\ntitle: "Vizcarra dissolves Congress"\ntype: news\ndate: 2019-04-12\nregions: [Cusco]\nplaces: [Espinar, Jatucachi]\n' +
        'tags: [politics, mining]\nauthor: Ana Pérez\nsummary: "The president closed Congress."\n---\n\nThe president closed Congress.\n',
    );
  });

  it('numbers a letter, pre-selects its region and place, and names the part in the subtitle question', async () => {
    const r = await run('letter', {}, { place: 'cajamarca', subtitle: 'water and the Conga project', summary: 'Water.' });
    expect(r.prompter.asked).toEqual(['place', 'subtitle', 'date', 'places', 'regions', 'tags', 'summary', 'author']);
    expect(r.prompter.defaults).toMatchObject({ places: 'Cajamarca', regions: 'Cajamarca' });
    expect(r.stdout).toBe('articles/2019/2019-04-20-letter-from-cajamarca-3-water-and-the-conga-project.md\n');
    expect(written(r)).toContain('title: "Letter from Cajamarca (3): water and the Conga project"\ntype: letter\ndate: 2019-04-20\n' +
      'series: Letter from Cajamarca\npart: 3\nregions: [Cajamarca]\nplaces: [Cajamarca]\n');
  });

  it('starts a new series without a number', async () => {
    const r = await run('letter', {}, { place: 'Espinar', subtitle: '', places: 'Espinar', summary: 'Cold.' });
    expect(written(r)).toContain('title: "Letter from Espinar"\ntype: letter\ndate: 2019-04-20\nseries: Letter from Espinar\npart: 1\nregions: [Cusco]\n');
  });

  it('re-asks a date that does not exist, an unknown region and an empty title, saying why', async () => {
    const r = await run('news', {}, {
      title: ['', 'Floods in Piura'],
      date: ['2019-02-30', '30/03/2019', '2019-03-30'],
      places: 'none',
      regions: ['Piura, Cajamrca', 'Piura'],
      summary: ['  ', 'Rain.'],
    });
    expect(r.prompter.rejected).toEqual({
      title: ['The title is empty; write the headline'],
      date: ['2019-02-30 is not a real date: February 2019 has 28 days; correct the day', '"30/03/2019" is not a date; did you mean 2019-03-30? (write dates as YYYY-MM-DD)'],
      regions: ['Unknown region "Cajamrca" (did you mean "Cajamarca"?); `psg regions` lists the 25 regions, and provinces work too'],
      summary: ['The summary is empty; write the lede that list and digest show'],
    });
    expect(written(r)).toContain('date: 2019-03-30\nregions: [Piura]\nsummary');
  });

  it('asks a letter from a place outside the gazetteer for its region', async () => {
    const r = await run('letter', {}, { place: 'Jatucachi', subtitle: 'prior consultation', regions: ['none', 'Puno, Moquegua'], summary: 'Law.' });
    expect(r.prompter.rejected.regions).toEqual(['Jatucachi is not in the gazetteer; name its region']);
    expect(r.stderr).toContain('"Jatucachi" is not a region or province');
    expect(written(r)).toContain('series: Letter from Jatucachi\npart: 1\nregions: [Puno, Moquegua]\nplaces: [Jatucachi]\n');
  });

  it('refuses at the title a slug the archive has, before any more is asked', async () => {
    const r = await run('page', {}, { title: ['Human rights', 'Human rights in Peru'], summary: 's' });
    expect(r.prompter.rejected.title).toEqual([
      'The slug "human-rights" is already used by articles/pages/human-rights.md; give this article another title',
    ]);
    expect(r.stdout).toBe('articles/pages/human-rights-in-peru.md\n');
    expect(r.prompter.asked).not.toContain('date');
  });

  it('asks only what no flag answered', async () => {
    const r = await run('news', { title: 'Tax lobby', region: ['Lima'], tag: ['tax'] }, { summary: 'Lobbying.' });
    expect(r.prompter.asked).toEqual(['date', 'places', 'summary', 'author']);
    expect(written(r)).toContain('regions: [Lima]\ntags: [tax]\n');
  });

  it('offers the config author, else git’s user.name', async () => {
    const dir = sampleCopy();
    writeFileSync(join(dir, 'psg.config.json'), JSON.stringify({ author: 'PSG desk' }));
    const fromConfig = await run('news', { title: 'One', summary: 's' }, {}, { dir });
    expect(fromConfig.prompter.defaults.author).toBe('PSG desk');
    expect(written(fromConfig)).toContain('author: PSG desk\n');

    const gitconfig = join(sampleCopy(), 'gitconfig');
    writeFileSync(gitconfig, '[user]\n\tname = Jane Correspondent\n');
    const fromGit = await run('news', { title: 'Two', summary: 's' }, {}, { env: { GIT_CONFIG_GLOBAL: gitconfig } });
    expect(written(fromGit)).toContain('author: Jane Correspondent\n');

    const none = await run('news', { title: 'Three', summary: 's' }, {});
    expect(none.prompter.defaults.author).toBeUndefined();
    expect(written(none)).not.toContain('author');
  });

  it('writes nothing when a question is cancelled', async () => {
    const dir = sampleCopy();
    const before = files(dir);
    await expect(run('news', {}, { title: 'Gone', date: '2019-04-01', summary: CANCEL }, { dir })).rejects.toBeInstanceOf(CancelledError);
    expect(files(dir)).toEqual(before);
  });

  it('uses the type’s template as the body', async () => {
    const dir = sampleCopy();
    mkdirSync(join(dir, 'articles/_templates'));
    writeFileSync(join(dir, 'articles/_templates/letter.md'), '## From our correspondent\n\nWrite the letter here.\n');
    const r = await run('letter', { place: ['Puno'], subtitle: 'Lake Titicaca', summary: 'The lake.', yes: true }, {}, { dir });
    expect(written(r)).toMatch(/\n---\n\n## From our correspondent\n\nWrite the letter here.\n$/);
    expect(written(r)).toContain('title: "Letter from Puno (2): Lake Titicaca"');
  });
});

describe('psg new by flags', () => {
  it('asks nothing with --yes, even on a terminal', async () => {
    const r = await run('news', { title: 'Flags only', summary: 's', yes: true, draft: true, date: '2019-05-01' });
    expect(r.prompter.asked).toEqual([]);
    expect(written(r)).toContain('date: 2019-05-01\ndraft: true\nregions: []\n');
    expect(r.stderr).toBe('');
  });

  it('names every missing answer at once', async () => {
    await expect(run(undefined, {}, {}, { tty: false })).rejects.toThrow(
      new PsgError(
        'missing the type (news, letter or page), --title (or --place for a letter) and --summary; nothing is asked when stdin is not a terminal',
      ),
    );
    await expect(run('letter', { place: ['Jatucachi'], yes: true })).rejects.toThrow(
      'missing --region (the region Jatucachi is in: it is not in the gazetteer) and --summary; with --yes nothing is asked',
    );
  });

  it.each<[ArticleType, NewFlags, string]>([
    ['news', { title: 'x', summary: 's', date: '2019-02-30' }, '--date: 2019-02-30 is not a real date'],
    ['news', { title: 'x', summary: 's', region: ['Cajamrca'] }, '--region: unknown region "Cajamrca" (did you mean "Cajamarca"?)'],
    ['news', { title: '  ', summary: 's' }, '--title: the title is empty; write the headline'],
    ['news', { title: 'x', summary: '' }, '--summary: the summary is empty'],
    ['letter', { place: ['Puno'], title: 'x', summary: 's' }, '--title: a letter takes its title from --place and --subtitle'],
    ['news', { title: 'x', subtitle: 'y', summary: 's' }, '--subtitle: only letters have a subtitle'],
    ['page', { title: 'x', date: '2019-04-01', summary: 's' }, '--date: pages have no date'],
    ['news', { title: 'Exit Villanueva as prime minister', summary: 's' }, '--title: the slug "exit-villanueva-as-prime-minister" is already used by articles/2019/2019-03-11-exit-villanueva-as-prime-minister.md'],
  ])('refuses a bad flag for a %s: %j', async (type, flags, message) => {
    const dir = sampleCopy();
    const before = files(dir);
    const error = await run(type, { ...flags, yes: true }, {}, { dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PsgError);
    expect((error as PsgError).exitCode).toBe(2);
    expect((error as PsgError).message).toContain(message);
    expect(files(dir)).toEqual(before);
  });

  it('takes a province as its region, and keeps an unknown tag with a note', async () => {
    const r = await run('news', { title: 'Tía María', summary: 's', region: ['Islay'], tag: ['Mining', 'minning'], yes: true });
    expect(r.stderr).toBe(
      'psg: Islay is a province of Arequipa; the region is Arequipa\npsg: "minning" is not in the tag vocabulary; did you mean "mining"?\n',
    );
    expect(written(r)).toContain('regions: [Arequipa]\ntags: [mining, minning]\n');
  });

  it('adds the regions of known places to the regions given', async () => {
    const r = await run('news', { title: 'Two regions', summary: 's', region: ['Puno'], place: ['Espinar'], yes: true });
    expect(written(r)).toContain('regions: [Puno, Cusco]\nplaces: [Espinar]\n');
  });

  it('notes a future date without --draft', async () => {
    const r = await run('news', { title: 'Later', summary: 's', date: '2019-06-01', yes: true });
    expect(r.stderr).toContain('dated 2019-06-01, after today (2019-04-20)');
  });

  it('needs an articles folder, which it finds from a folder inside the archive too', async () => {
    const dir = sampleCopy();
    const empty = join(dir, 'elsewhere');
    mkdirSync(join(empty, 'psg'), { recursive: true });
    writeFileSync(join(empty, 'psg.config.json'), '{}');
    const error = await run('news', { title: 'x', summary: 's', yes: true }, {}, { dir: join(empty, 'psg') }).catch((e: unknown) => e);
    expect((error as PsgError).message).toMatch(/^no articles folder at /);
    const found = await run('news', { title: 'x', summary: 's', yes: true }, {}, { dir: join(dir, 'articles', 'pages') });
    expect(found.code).toBe(0);
    expect(existsSync(join(dir, 'articles', 'pages', 'articles'))).toBe(false);
    expect(existsSync(join(dir, 'articles', '2019', '2019-04-20-x.md'))).toBe(true);
  });
});
