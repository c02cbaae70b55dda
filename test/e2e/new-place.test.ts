// A misspelt place must not start a new series: asked again in a real terminal (tmux), refused
// by flag unless --new-place, and warned by validate (series-similar) when it got in anyway.
import { afterAll, afterEach, describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { psg } from '../helpers/run.js';
import { article, cleanup, sampleCopy } from '../helpers/testdir.js';
import { type PsgTerminal, startPsg } from '../helpers/tmux.js';

afterAll(cleanup);
let term: PsgTerminal | undefined;
afterEach(() => term?.close());

const env = { PSG_TODAY: '2019-04-20', GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };

describe('a place close to a known one', () => {
  it('by flag: exit 2 with the suggestion, nothing written; --new-place writes it', () => {
    const dir = sampleCopy();
    const args = ['new', 'letter', '--place', 'Cajamrca', '--summary', 'A letter.', '--yes'];
    expect(psg(args, { cwd: dir, env })).toEqual({
      stdout: '',
      stderr:
        'psg: --place: "Cajamrca" is neither in the gazetteer nor in the archive; did you mean "Cajamarca"?\n' +
        'hint: Give the place as it is spelled, e.g. --place Cajamarca, or add --new-place if "Cajamrca" is really new\n',
      code: 2,
    });
    // A place the archive already uses is known, though not in the gazetteer (Jatucachi is a
    // place of the Puno letter): no question.
    expect(psg(['new', 'letter', '--place', 'Jatucachi', '--region', 'Puno', '--summary', 'A letter.', '--yes'], { cwd: dir, env }).code).toBe(0);
    const made = psg([...args, '--new-place', '--region', 'Cajamarca'], { cwd: dir, env });
    expect(made).toMatchObject({ stdout: 'articles/2019/2019-04-20-letter-from-cajamrca.md\n', code: 0 });
    // ...and validate then says the two series are one letter apart.
    const report = psg(['validate'], { cwd: dir, env });
    expect(report.stdout).toContain(
      'The series "Letter from Cajamrca" is one letter away from "Letter from Cajamarca"; if they are one series, write it as "Letter from Cajamarca"',
    );
    expect(report.stdout).toContain('series-similar');
  });

  it('validate: series-similar for a series differing only in case or accents', () => {
    const dir = sampleCopy();
    writeFileSync(
      join(dir, 'articles/2019/2019-04-10-letter-from-cajamarca-3-x.md'),
      article({ title: '"Letter from CAJAMARCA (3): x"', type: 'letter', date: '2019-04-10', series: 'Letter from CAJAMARCA', part: '3', regions: '[Cajamarca]', summary: 'x' }),
    );
    expect(psg(['validate'], { cwd: dir, env }).stdout).toContain(
      'The series "Letter from CAJAMARCA" differs only in case or accents from "Letter from Cajamarca"',
    );
  });

  it('on a terminal: asked again, the near names first and "keep it as a new place" last', async () => {
    const dir = sampleCopy();
    term = startPsg(dir, ['new', 'letter'], env);
    await term.waitFor('? Letter from');
    term.type('Cajamrca');
    term.keys('Enter');
    const screen = await term.waitFor('keep "Cajamrca" as a new place');
    const lines = screen.split('\n');
    const asked = lines.findIndex((l) => l.includes('"Cajamrca" is neither in the gazetteer nor in the archive; did you mean'));
    expect(asked).toBeGreaterThanOrEqual(0);
    expect(lines[asked + 1]).toMatch(/❯ Cajamarca\s*$/);
    expect(lines.findIndex((l) => l.includes('keep "Cajamrca" as a new place'))).toBeGreaterThan(asked + 1);
    term.keys('Enter'); // Cajamarca
    await term.waitFor('? Subtitle of Letter from Cajamarca (3) (optional)');
    term.keys('C-c');
    expect(await term.exitCode()).toBe(130);
  }, 30_000);

  it('on a terminal: "keep it as a new place" starts the new series', async () => {
    const dir = sampleCopy();
    term = startPsg(dir, ['new', 'letter', '--subtitle', 'x', '--region', 'Cajamarca', '--summary', 'A letter.', '--author', ''], env);
    await term.waitFor('? Letter from');
    term.type('Cajamrca');
    term.keys('Enter');
    await term.waitFor('keep "Cajamrca" as a new place');
    term.keys('Up', 'Enter'); // the last choice
    await term.waitFor('? Date');
    term.keys('Enter');
    await term.waitFor('? Places');
    term.keys('Enter');
    await term.waitFor('? Tags');
    term.keys('Enter');
    expect(await term.exitCode()).toBe(0);
    expect(readFileSync(join(dir, 'articles/2019/2019-04-20-letter-from-cajamrca-x.md'), 'utf8')).toContain('series: Letter from Cajamrca\npart: 1\n');
  }, 30_000);
});
