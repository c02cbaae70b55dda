// psg new by flags, as a script or a pipe runs it: the real binary, stdout, stderr, exit code, files.
import { afterAll, describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { psg, type RunOptions } from '../helpers/run.js';
import { cleanup, sampleCopy } from '../helpers/testdir.js';

afterAll(cleanup);

const env = { PSG_TODAY: '2019-04-20', GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
const run = (args: string[], options: RunOptions = {}) => psg(['new', ...args], { ...options, env: { ...env, ...options.env } });

function files(dir: string): string[] {
  return readdirSync(join(dir, 'articles'), { recursive: true, encoding: 'utf8' }).sort();
}

describe('psg new', () => {
  it('numbers the third letter from Cajamarca, and the archive still validates', () => {
    const dir = sampleCopy();
    const r = run(
      ['letter', '--place', 'Cajamarca', '--subtitle', 'water and the Conga project', '--date', '2019-04-10', '--summary', 'Water and Conga.', '--yes'],
      { cwd: dir },
    );
    expect(r).toEqual({ stdout: 'articles/2019/2019-04-10-letter-from-cajamarca-3-water-and-the-conga-project.md\n', stderr: '', code: 0 });
    expect(readFileSync(join(dir, r.stdout.trim()), 'utf8')).toBe(
      '---\ntitle: "Letter from Cajamarca (3): water and the Conga project"\ntype: letter\ndate: 2019-04-10\n' +
        'series: Letter from Cajamarca\npart: 3\nregions: [Cajamarca]\nplaces: [Cajamarca]\nsummary: "Water and Conga."\n---\n\nWater and Conga.\n',
    );
    const check = psg(['validate'], { cwd: dir, env });
    expect(check.stdout).toMatch(/\b15 articles, no problems\n$/);
    expect(check.code).toBe(0);
    // The next one is part 4.
    const next = run(['letter', '--place', 'cajamarca', '--summary', 'More.', '--date', '2019-04-15'], { cwd: dir });
    expect(next.stdout).toBe('articles/2019/2019-04-15-letter-from-cajamarca-4.md\n');
    expect(readFileSync(join(dir, next.stdout.trim()), 'utf8')).toContain('title: "Letter from Cajamarca (4)"\n');
  });

  it('without a terminal and without the required flags: exit 2, naming every missing field, nothing written', () => {
    const dir = sampleCopy();
    const before = files(dir);
    expect(run([], { cwd: dir })).toEqual({
      stdout: '',
      stderr:
        'psg: missing the type (news, letter or page), --title (or --place for a letter) and --summary; nothing is asked when stdin is not a terminal\n' +
        'hint: Give them as flags, e.g. psg new news --title "…" --summary "…" (the date defaults to today)\n',
      code: 2,
    });
    expect(run(['letter', '--subtitle', 'x'], { cwd: dir }).stderr).toMatch(/^psg: missing --place and --summary; /);
    expect(run(['news', '--summary', 's', '--date', '2019-04-01'], { cwd: dir }).stderr).toMatch(/^psg: missing --title; /);
    expect(files(dir)).toEqual(before);
  });

  it('keeps every title inside the folder, and transliterates accents', () => {
    const dir = sampleCopy();
    const escape = run(['news', '--title', '../../../tmp/x', '--summary', 's', '--date', '2019-04-11', '--yes'], { cwd: dir });
    expect(escape.stdout).toBe('articles/2019/2019-04-11-tmp-x.md\n');
    const accents = run(['news', '--title', 'Jirón Lima: ¿qué pasó?', '--summary', 's', '--date', '2019-04-11', '--yes'], { cwd: dir });
    expect(accents.stdout).toBe('articles/2019/2019-04-11-jiron-lima-que-paso.md\n');
    expect(readFileSync(join(dir, accents.stdout.trim()), 'utf8')).toContain('title: "Jirón Lima: ¿qué pasó?"\n');
    const page = run(['page', '--title', '/etc/passwd', '--summary', 's'], { cwd: dir });
    expect(page.stdout).toBe('articles/pages/etc-passwd.md\n');
  });

  it('never overwrites: an existing path is exit 2 that says what to do', () => {
    const dir = sampleCopy();
    const args = ['news', '--title', 'Same', '--summary', 'first', '--date', '2019-04-11'];
    expect(run(args, { cwd: dir }).code).toBe(0);
    const again = run([...args.slice(0, 4), 'second', '--date', '2019-04-11'], { cwd: dir });
    expect(again).toEqual({
      stdout: '',
      stderr:
        'psg: articles/2019/2019-04-11-same.md already exists; psg new never overwrites a file\n' +
        'hint: Edit that file, or give the new article another title or date\n',
      code: 2,
    });
    expect(readFileSync(join(dir, 'articles/2019/2019-04-11-same.md'), 'utf8')).toContain('summary: "first"');
  });

  it('refuses bad answers given as flags, as the prompts would', () => {
    const dir = sampleCopy();
    expect(run(['news', '--title', 't', '--summary', 's', '--date', '2019-02-29'], { cwd: dir }).stderr).toBe(
      'psg: --date: 2019-02-29 is not a real date: February 2019 has 28 days; correct the day\n' +
        'hint: A time may follow the date (2019-04-10T09:30); without --date it is today\n',
    );
    const region = run(['news', '--title', 't', '--summary', 's', '--region', 'Cuzko'], { cwd: dir });
    expect(region.code).toBe(2);
    expect(region.stderr).toMatch(/^psg: --region: unknown region "Cuzko" \(did you mean "Cusco"/);
    expect(run(['story', '--title', 't'], { cwd: dir }).stderr).toMatch(/^psg: command-argument value 'story' is invalid for argument 'type'\. Allowed choices are news, letter, page\./);
  });

  it('writes into the folder psg is pointed at, with the author from the config', () => {
    const dir = sampleCopy();
    writeFileSync(join(dir, 'psg.config.json'), JSON.stringify({ articlesDir: 'articles', author: 'PSG desk', timeZone: 'America/Lima' }));
    const r = run(['page', '--title', 'Contact', '--summary', 'How to reach us.', '--draft'], { cwd: join(dir, 'articles', 'pages') });
    expect(r.stdout).toBe('contact.md\n');
    expect(readFileSync(join(dir, 'articles/pages/contact.md'), 'utf8')).toBe(
      '---\ntitle: "Contact"\ntype: page\ndraft: true\nauthor: PSG desk\nsummary: "How to reach us."\n---\n\nHow to reach us.\n',
    );
  });

  it('opens the new file in $VISUAL, else $EDITOR, with --edit', () => {
    const dir = sampleCopy();
    const editor = join(dir, 'fake-editor.sh');
    writeFileSync(editor, '#!/bin/sh\nprintf "Edited by %s.\\n" "$PSG_WHO" >> "$1"\n', { mode: 0o755 });
    const r = run(['news', '--title', 'Edit me', '--summary', 's', '--edit'], { cwd: dir, env: { EDITOR: editor, VISUAL: '', PSG_WHO: 'the editor' } });
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'articles/2019/2019-04-20-edit-me.md'), 'utf8')).toMatch(/\n\ns\nEdited by the editor\.\n$/);

    const unset = run(['news', '--title', 'No editor', '--summary', 's', '--edit'], { cwd: dir, env: { EDITOR: undefined, VISUAL: undefined } });
    expect(unset).toEqual({
      stdout: 'articles/2019/2019-04-20-no-editor.md\n',
      stderr: 'psg: set $VISUAL or $EDITOR to open new articles with --edit; the file is written\n',
      code: 0,
    });
  });
});

describe('psg new page --order', () => {
  it("writes the page's order; refuses it for other types and out of bounds", () => {
    const dir = sampleCopy();
    const made = psg(['new', 'page', '--title', 'Contact us', '--order', '1', '--summary', 'How to reach the PSG.', '--author', ''], { cwd: dir, env });
    expect(made).toEqual({ stdout: 'articles/pages/contact-us.md\n', stderr: '', code: 0 });
    expect(readFileSync(join(dir, 'articles/pages/contact-us.md'), 'utf8')).toBe(
      '---\ntitle: "Contact us"\ntype: page\norder: 1\nsummary: "How to reach the PSG."\n---\n\nHow to reach the PSG.\n',
    );
    expect(psg(['validate'], { cwd: dir, env }).code).toBe(0);
    expect(psg(['new', 'news', '--title', 'T', '--order', '2', '--summary', 's'], { cwd: dir, env })).toEqual({
      stdout: '',
      stderr: 'psg: --order: only pages have an order; a news item is placed by its date\nhint: Leave out --order, or make a page\n',
      code: 2,
    });
    expect(psg(['new', 'page', '--title', 'T', '--order', '20000', '--summary', 's'], { cwd: dir, env })).toMatchObject({
      stderr: 'psg: --order: "20000" is not a position; give a whole number from 1 to 10000\nhint: A page\'s order is its position among the standing pages in the digest, e.g. --order 2\n',
      code: 2,
    });
  });
});
