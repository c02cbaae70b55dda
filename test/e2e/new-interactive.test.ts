// psg new in a real terminal (tmux): the whole interactive flow to a valid file, and Ctrl-C.
import { afterAll, afterEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { psg } from '../helpers/run.js';
import { cleanup, sampleCopy, testdir } from '../helpers/testdir.js';
import { hasTmux, type PsgTerminal, startPsg } from '../helpers/tmux.js';

afterAll(cleanup);
let term: PsgTerminal | undefined;
afterEach(() => term?.close());

function files(dir: string): string[] {
  return readdirSync(join(dir, 'articles'), { recursive: true, encoding: 'utf8' }).sort();
}

describe('psg new in a terminal', () => {
  it('needs tmux, at /usr/bin/tmux', () => {
    expect(hasTmux()).toBe(true);
  });

  it('asks every question, re-asks a bad answer, and writes a letter that validates', async () => {
    const dir = sampleCopy();
    term = startPsg(dir, ['new'], { PSG_TODAY: '2019-04-20' });
    await term.waitFor('? Type');
    term.keys('Down', 'Enter'); // news → letter
    await term.waitFor('? Letter from');
    term.type('Cajamarca');
    term.keys('Enter');
    await term.waitFor('? Subtitle of Letter from Cajamarca (3) (optional)');
    term.type('water and the Conga project');
    term.keys('Enter');
    await term.waitFor('? Date (2019-04-20)');
    term.type('2019-02-30');
    term.keys('Enter');
    await term.waitFor('> 2019-02-30 is not a real date');
    term.keys(...Array<string>(10).fill('BSpace'));
    term.type('2019-04-10');
    term.keys('Enter');
    await term.waitFor('? Places');
    term.keys('Enter'); // keeps the pre-filled Cajamarca
    await term.waitFor('? Regions');
    term.type(', Cajamrca');
    term.keys('Enter');
    await term.waitFor('Unknown region "Cajamrca" (did you mean "Cajamarca"?)');
    term.keys(...Array<string>(10).fill('BSpace'));
    term.keys('Enter');
    await term.waitFor('? Tags');
    term.keys('Space', 'Enter'); // the first tag, mining
    await term.waitFor('? Summary');
    term.type('The Conga project and the water of Cajamarca.');
    term.keys('Enter');
    await term.waitFor('? Author (optional)');
    term.type('Ana Pérez');
    term.keys('Enter');

    expect(await term.exitCode()).toBe(0);
    const screen = term.screen();
    const path = 'articles/2019/2019-04-10-letter-from-cajamarca-3-water-and-the-conga-project.md';
    expect(screen).toContain(`\n${path}`);
    expect(screen).toContain('✔ Regions (comma-separated; "none" for national news) Cajamarca');
    expect(readFileSync(join(dir, path), 'utf8')).toBe(
      [
        '---',
        'title: "Letter from Cajamarca (3): water and the Conga project"',
        'type: letter',
        'date: 2019-04-10',
        'series: Letter from Cajamarca',
        'part: 3',
        'regions: [Cajamarca]',
        'places: [Cajamarca]',
        'tags: [mining]',
        'author: Ana Pérez',
        'summary: "The Conga project and the water of Cajamarca."',
        '---',
        '',
        'The Conga project and the water of Cajamarca.',
        '',
      ].join('\n'),
    );
    const check = psg(['validate'], { cwd: dir, env: { PSG_TODAY: '2019-04-20' } });
    expect(check.stdout).toMatch(/\b15 articles, no problems\n$/);
    expect(check.code).toBe(0);
  }, 30_000);

  it('stops at Ctrl-C: exit 130, "Cancelled", nothing written', async () => {
    const dir = sampleCopy();
    const before = files(dir);
    term = startPsg(dir, ['new', 'news'], { PSG_TODAY: '2019-04-20' });
    await term.waitFor('? Title');
    term.type('A story never finished');
    term.keys('Enter');
    await term.waitFor('? Date');
    term.keys('C-c');
    expect(await term.exitCode()).toBe(130);
    expect(term.screen()).toMatch(/\npsg: Cancelled$/);
    expect(files(dir)).toEqual(before);
  }, 30_000);

  it('Ctrl-C while the archive loads, before the first prompt: "Cancelled", exit 130, nothing written', async () => {
    // Enough articles, read without the index, that the reading takes seconds.
    const dir = testdir();
    for (let i = 0; i < 15000; i++) {
      const path = join(dir, 'articles', '2019', `2019-03-01-item-${i}.md`);
      if (i === 0) mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, `---\ntitle: "Item ${i}"\ntype: news\ndate: 2019-03-01\nregions: [Puno]\nsummary: "s"\n---\n\nBody.\n`);
    }
    term = startPsg(dir, ['--no-cache', 'new', 'letter', '--place', 'Cajamarca'], { PSG_TODAY: '2019-04-20', PSG_TRACE: '1' });
    // The trace says when Ctrl-C is psg's to handle; psg then reads 15,000 files (a third of
    // a second or more) before it asks anything. A fixed wait could outlast a fast read.
    await term.waitFor('Ctrl-C cancels');
    term.keys('C-c');
    expect(await term.exitCode(30_000)).toBe(130);
    const screen = term.screen();
    expect(screen).not.toContain('? Subtitle'); // it came before the first prompt
    expect(screen).toMatch(/(^|\n|\^C)psg: Cancelled$/);
    expect(readdirSync(join(dir, 'articles', '2019'))).toHaveLength(15000);
    expect(readdirSync(join(dir, 'articles')).filter((f) => f.startsWith('.'))).toEqual([]);
  }, 60_000);
});
