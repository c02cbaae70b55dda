// psg search on the sample archive and on small folders: ranking, syntax, filters, formats,
// and the index kept in step with the files (its results always equal a plain scan's).
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { psg } from '../helpers/run.js';
import { article, cleanup, testdir } from '../helpers/testdir.js';

afterAll(cleanup);

const PUNO = 'Letter from Puno: Using the law to protect community rights';
const ESPINAR = 'Espinar: continuing problems with mine developments';
const CAJAMARCA_2 = 'Letter from Cajamarca (2): the rondas campesinas';
const BLUEPRINT = 'An alternative development blueprint for Madre de Dios';
const ESC = '\u001b';

interface Hit {
  path: string;
  title: string;
  score: number;
  passage: string;
}

function hits(args: string[], options: Parameters<typeof psg>[1] = {}): Hit[] {
  const r = psg(['search', ...args, '--format', 'json'], options);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Hit[];
}
const titles = (args: string[], options: Parameters<typeof psg>[1] = {}) => hits(args, options).map((h) => h.title);

describe('psg search on the sample archive', () => {
  it('"consulta previa" gives the Letter from Puno first', () => {
    const found = hits(['"consulta previa"']);
    expect(found[0]!.title).toBe(PUNO);
    expect(found[0]!.passage).toMatch(/consulta previa/i);
  });

  it('cooperaccion gives the Espinar item (accents and case ignored both ways)', () => {
    expect(titles(['cooperaccion'])).toEqual([ESPINAR]);
    expect(titles(['COOPERACCIÓN'])).toEqual([ESPINAR]);
    expect(titles(['Cooperacción'])).toEqual(titles(['cooperaccion']));
  });

  it('rondas --region Cajamarca gives the Cajamarca letter, its passage on the rondas campesinas', () => {
    const found = hits(['rondas', '--region', 'Cajamarca']);
    expect(found[0]!.title).toBe(CAJAMARCA_2);
    expect(found[0]!.passage).toMatch(/rondas campesinas/);
    // The table shows the passage under the row; piped, plain.
    const table = psg(['search', 'rondas', '--region', 'Cajamarca']);
    expect(table.stdout).toMatch(/letter +Cajamarca +Letter from Cajamarca \(2\)/);
    expect(table.stdout).toMatch(/\n {2}.*rondas campesinas/);
    expect(table.stdout).not.toContain(ESC);
  });

  it('highlights the matched words in colour (FORCE_COLOR), a phrase as a whole', () => {
    const one = psg(['search', 'rondas', '--region', 'Cajamarca', '--limit', '1'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(one.stdout).toContain(`${ESC}[1m${ESC}[33mrondas${ESC}[39m${ESC}[22m campesinas`);
    const phrase = psg(['search', '"rondas campesinas"', '--limit', '1'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(phrase.stdout).toContain(`${ESC}[1m${ESC}[33mrondas campesinas${ESC}[39m${ESC}[22m`);
  });

  it("'mining -gold' leaves out the Madre de Dios item", () => {
    const mining = titles(['mining']);
    expect(mining).toContain(BLUEPRINT);
    const found = titles(['mining -gold']);
    expect(found.length).toBeGreaterThan(0);
    expect(found).not.toContain(BLUEPRINT);
  });

  it('a malformed query is exit 2 with a hint, never a crash', () => {
    for (const bad of ['"', '-gold', 'OR', '"consulta previa']) {
      const r = psg(['search', bad]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^psg: /);
      expect(r.stderr).toMatch(/hint: /);
      expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    }
  });

  it('prefix, OR, and title above body', () => {
    expect(titles(['rond*'])).toContain(CAJAMARCA_2);
    const either = titles(['cooperaccion OR Hualgayoc']);
    expect(either).toEqual(expect.arrayContaining([ESPINAR, CAJAMARCA_2]));
    // A word in the title ranks above the same word only in a body.
    expect(titles(['rondas'])[0]).toBe(CAJAMARCA_2);
  });

  it('takes every filter of list, --limit and every format', () => {
    expect(titles(['mining', '--type', 'letter']).every((t) => t.startsWith('Letter'))).toBe(true);
    expect(titles(['mining', '--since', '2019-03-20', '--until', '2019-03-31']).length).toBeGreaterThan(0);
    expect(titles(['mining', '--month', '2019-01'])).toEqual([]);
    expect(titles(['mining', '--limit', '1'])).toHaveLength(1);
    const paths = psg(['search', 'cooperaccion', '--format', 'paths']);
    expect(paths.stdout).toBe('articles/2019/2019-03-18-espinar-continuing-problems-with-mine-developments.md\n');
    const nd = psg(['search', 'mining', '--format', 'ndjson']).stdout.trim().split('\n');
    expect(nd.map((l) => (JSON.parse(l) as Hit).title)).toEqual(titles(['mining']));
    const none = psg(['search', 'zzzqqq']);
    expect(none.code).toBe(0);
    expect(none.stderr).toMatch(/no articles match/);
  });

  it('list --search uses the same index: list order, ranked with --sort rank', () => {
    const listed = psg(['list', '--search', 'mining -gold', '--format', 'json']);
    const listTitles = (JSON.parse(listed.stdout) as Hit[]).map((h) => h.title);
    expect([...listTitles].sort()).toEqual([...titles(['mining -gold'])].sort());
    const ranked = psg(['list', '--search', 'mining', '--sort', 'rank', '--format', 'json']);
    expect((JSON.parse(ranked.stdout) as Hit[]).map((h) => h.title)).toEqual(titles(['mining']));
    expect(psg(['list', '--sort', 'rank']).code).toBe(2);
  });
});

describe('stats, regions and digest --search ask the same index', () => {
  it('take the query syntax: words, -word, accents ignored; a malformed query is exit 2', () => {
    const all = psg(['stats', '--search', 'mining']);
    expect(all.stdout).toMatch(/^Madre de Dios\t1$/m);
    const stats = psg(['stats', '--search', 'mining -gold']);
    expect(stats.code).toBe(0);
    expect(stats.stdout).toMatch(/^Cajamarca\t1$/m);
    expect(stats.stdout).not.toMatch(/Madre de Dios/);
    const regions = psg(['regions', '--search', 'mining -gold']);
    expect(regions.stdout).toMatch(/^Cajamarca +1$/m);
    expect(regions.stdout).toMatch(/^Madre de Dios +0$/m);
    const digest = psg(['digest', '--search', 'mining -gold', '--format', 'text']);
    expect(digest.code).toBe(0);
    expect(digest.stdout).toContain(PUNO);
    expect(digest.stdout).not.toContain(BLUEPRINT);
    expect(psg(['digest', '--search', 'cooperacción', '--format', 'text']).stdout).toContain(ESPINAR);
    for (const command of ['stats', 'regions', 'digest']) {
      const bad = psg([command, '--search', '"']);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/hint: /);
    }
  });
});

/** What a plain reading of every file says matches all `words` (folded), for a brute-force check. */
function bruteForce(dir: string, words: string[]): string[] {
  const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path);
      else if (e.name.endsWith('.md')) {
        const tokens = new Set(fold(readFileSync(join(dir, path), 'utf8')).match(/[\p{L}\p{N}]+/gu));
        if (words.every((w) => tokens.has(w))) out.push(path);
      }
    }
  };
  walk('');
  return out.sort();
}

describe('the search index stays in step with the files', () => {
  /** A search's results equal a plain scan's (--no-cache) and a brute-force reading of the files. */
  const checker = (dir: string, env: Record<string, string>) => (q: string, words: string[]) => {
    const cached = psg(['search', q, '--format', 'json', '--dir', '.'], { env, cwd: dir });
    const plain = psg(['search', q, '--format', 'json', '--dir', '.', '--no-cache'], { env, cwd: dir });
    expect(cached.code).toBe(0);
    expect(cached.stdout).toBe(plain.stdout);
    expect((JSON.parse(cached.stdout) as Hit[]).map((h) => h.path).sort()).toEqual(bruteForce(dir, words));
  };
  const item = (title: string, body: string, date = '2020-01-01') => article({ title: JSON.stringify(title), type: 'news', date, summary: JSON.stringify(`About ${title}.`) }, `${body}\n`);

  it('equals a plain scan (--no-cache) and a brute-force reading after edits, adds, deletes, renames and damage', () => {
    const dir = testdir({
      'a.md': item('Alpha', 'Conga mine protest in Cajamarca.'),
      'b.md': item('Beta', 'The Conga project and water.', '2020-02-01'),
      'c.md': item('Gamma', 'Nothing of note.', '2020-03-01'),
    });
    const cache = testdir();
    const env = { PSG_CACHE_DIR: cache };
    const check = checker(dir, env);
    check('conga', ['conga']);
    expect(readdirSync(cache).some((f) => f.startsWith('search-') && f.endsWith('.sqlite'))).toBe(true);

    writeFileSync(join(dir, 'c.md'), item('Gamma', 'Now about Conga too.', '2020-03-01')); // edited
    check('conga', ['conga']);
    writeFileSync(join(dir, 'd.md'), item('Delta', 'Conga again; Tía María.', '2020-04-01')); // added
    check('conga', ['conga']);
    check('tia maria', ['tia', 'maria']);
    rmSync(join(dir, 'a.md')); // deleted
    check('conga', ['conga']);
    renameSync(join(dir, 'b.md'), join(dir, 'b2.md')); // renamed
    check('conga', ['conga']);
    check('water', ['water']);
    // Edited, then seen first by psg list, which brings psg's own index up to date: once the
    // edit is two seconds old (psg's index leaves out files changed just now), so that the
    // search finds psg's index whole and must still notice its own is behind.
    writeFileSync(join(dir, 'c.md'), item('Gamma', 'Now about water only.', '2020-03-01'));
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2100);
    expect(psg(['list', '--dir', '.'], { env, cwd: dir }).code).toBe(0);
    check('conga', ['conga']);
    check('water', ['water']);

    const file = readdirSync(cache).find((f) => f.startsWith('search-') && f.endsWith('.sqlite'))!;
    writeFileSync(join(cache, file), 'not a database at all'); // damaged
    check('conga', ['conga']);
    const db = readFileSync(join(cache, file));
    writeFileSync(join(cache, file), db.subarray(0, Math.floor(db.length / 2))); // cut short
    writeFileSync(join(dir, 'e.md'), item('Epsilon', 'Conga once more.', '2020-05-01'));
    check('conga', ['conga']);
  });

  it('stays equal to a plain scan at a size whose bodies are read on worker threads, and rebuilds an index that lost its record of its rows', () => {
    // Over 2,000 files to read: the build and the plain scan read bodies on a worker thread.
    const words = ['conga', 'agua', 'minería', 'rondas', 'cobre', 'Junín', 'consulta', 'previa'];
    const body = (i: number, extra = '') => `${words.filter((_, w) => (i >> w) % 2 === 1 || (i * 7 + w) % 11 === 0).join(' ')} ${extra}`.trim();
    const files: Record<string, string> = {};
    for (let i = 0; i < 2100; i++) files[`a/${String(i).padStart(4, '0')}.md`] = item(`Item ${i}`, body(i), `2020-01-${String((i % 28) + 1).padStart(2, '0')}`);
    const dir = testdir(files);
    const cache = testdir();
    const env = { PSG_CACHE_DIR: cache };
    const check = checker(dir, env);
    check('conga junin', ['conga', 'junin']);
    check('mineria', ['mineria']);
    // Edits, adds, deletes and renames, then searched at once (within the two seconds whose stamps psg does not trust).
    for (let i = 0; i < 40; i++) writeFileSync(join(dir, `a/${String(i * 50).padStart(4, '0')}.md`), item(`Item ${i * 50}`, body(i * 50 + 1, 'cobre cobre'), '2020-02-01'));
    mkdirSync(join(dir, 'b'));
    for (let i = 0; i < 5; i++) writeFileSync(join(dir, `b/new-${i}.md`), item(`New ${i}`, 'conga Junín minería'));
    for (let i = 0; i < 5; i++) rmSync(join(dir, `a/${String(i * 100 + 7).padStart(4, '0')}.md`));
    for (let i = 0; i < 5; i++) renameSync(join(dir, `a/${String(i * 100 + 9).padStart(4, '0')}.md`), join(dir, `b/moved-${i}.md`));
    check('conga junin', ['conga', 'junin']);
    check('cobre', ['cobre']);
    check('mineria', ['mineria']);
    // The index's record of what its rows were made from, gone: it is built again.
    const file = join(cache, readdirSync(cache).find((f) => f.startsWith('search-') && f.endsWith('.sqlite'))!);
    const db = new Database(file);
    db.prepare("DELETE FROM meta WHERE key IN ('stamps', 'fingerprint')").run();
    db.close();
    writeFileSync(join(dir, 'a/0001.md'), item('Item 1', 'conga Junín'));
    check('conga junin', ['conga', 'junin']);
  });

  it('rebuilds an index written by another version of psg, and works on when the cache cannot be written', () => {
    const dir = testdir({ 'a.md': item('Alpha', 'Conga.'), 'b.md': item('Beta', 'Conga.') });
    const cache = testdir();
    const env = { PSG_CACHE_DIR: cache };
    const first = psg(['search', 'conga', '--format', 'paths', '--dir', dir], { env });
    expect(first.stdout.trim().split('\n')).toHaveLength(2);
    const file = join(cache, readdirSync(cache).find((f) => f.startsWith('search-'))!);
    // Another version's index, its rows emptied: trusted, it would find nothing.
    const db = new Database(file);
    db.prepare("UPDATE meta SET value = '0/0.0.0' WHERE key = 'tag'").run();
    db.exec('DELETE FROM text;');
    db.close();
    expect(psg(['search', 'conga', '--format', 'paths', '--dir', dir], { env }).stdout).toBe(first.stdout);
    // A folder where the index should be, that psg may not remove: the search runs on, from memory.
    rmSync(file);
    mkdirSync(join(file, 'keep'), { recursive: true });
    const r = psg(['search', 'conga', '--format', 'paths', '--dir', dir], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(first.stdout);
  });
});
