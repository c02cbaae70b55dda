// psg tags, psg tags rename, psg tags merge: the vocabulary as a tool across the archive.
import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { filesBelow } from '../helpers/fixtures.js';
import { psg } from '../helpers/run.js';
import { article, cleanup, sampleCopy, testdir } from '../helpers/testdir.js';

afterAll(cleanup);

/** Every file below `dir` with its bytes. */
const snapshot = (dir: string) => new Map(filesBelow(dir).map((f) => [f, readFileSync(join(dir, f))]));
const bodyOf = (text: string) => text.slice(text.indexOf('\n---', 4) + 4);

describe('psg tags', () => {
  it('lists every tag with its count, the unused vocabulary and the tags outside it', () => {
    const dir = testdir({
      'articles/a.md': article({ title: 'A', type: 'page', summary: 'S', tags: '[mining, water, made-up]' }),
      'articles/b.md': article({ title: 'B', type: 'page', summary: 'S', tags: '[mining, mining]' }),
    });
    const table = psg(['tags'], { cwd: dir });
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^TAG +ARTICLES\nmining +2\n/);
    expect(table.stdout).toMatch(/made-up +1 {2}not in the vocabulary/);
    expect(table.stdout).toMatch(/vocabulary tags no article uses:\n {2}extractive-industries, hydrocarbons,/);
    expect(table.stdout).toContain('1 tag used but not in the vocabulary:\n  made-up\n');
    const json = JSON.parse(psg(['tags', '--format', 'json'], { cwd: dir }).stdout);
    expect(json.tags).toEqual([
      { tag: 'mining', count: 2, inVocabulary: true },
      { tag: 'made-up', count: 1, inVocabulary: false },
      { tag: 'water', count: 1, inVocabulary: true },
    ]);
    expect(json.unknown).toEqual(['made-up']);
    expect(json.unused).toContain('extractive-industries');
    expect(json.unused).not.toContain('water');
  });
});

describe('psg tags rename on the sample archive', () => {
  it('--dry-run prints a diff and changes nothing; the run changes exactly the tagged files; a second run nothing', () => {
    const dir = sampleCopy();
    const before = snapshot(dir);
    const tagged = [...before].filter(([, b]) => /^tags: \[.*\bmining\b(?!-)/m.test(b.toString()) && !/^tags: .*illegal-mining/m.test(b.toString())).map(([f]) => f);
    expect(tagged).toHaveLength(3);

    const dry = psg(['tags', 'rename', 'mining', 'extractive-industries', '--dry-run'], { cwd: dir });
    expect(dry.code).toBe(0);
    const headers = dry.stdout.match(/^\+\+\+ b\/.*$/gm)!;
    expect(headers.sort()).toEqual([...tagged.map((f) => `+++ b/${f}`), '+++ b/psg.config.json'].sort());
    expect(dry.stdout).toContain('-tags: [mining, social-conflict, environment]\n+tags: [extractive-industries, social-conflict, environment]\n');
    expect(dry.stdout).toMatch(/^@@ /m);
    expect(dry.stdout).toContain('--- /dev/null\n+++ b/psg.config.json\n');
    expect(dry.stderr).toContain('would change 3 files and psg.config.json; nothing was written');
    expect(snapshot(dir)).toEqual(before);

    const run = psg(['tags', 'rename', 'mining', 'extractive-industries'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('✔ Renamed "mining" to "extractive-industries" in 3 files');
    expect(run.stdout).toContain('psg.config.json now lists the whole vocabulary');
    const after = snapshot(dir);
    const changed = [...after.keys()].filter((f) => !before.get(f)?.equals(after.get(f)!));
    expect(changed.sort()).toEqual([...tagged, 'psg.config.json'].sort());
    for (const f of tagged) {
      const [old, now] = [before.get(f)!.toString(), after.get(f)!.toString()];
      expect(bodyOf(now)).toBe(bodyOf(old));
      const diff = now.split('\n').filter((line, i) => line !== old.split('\n')[i]);
      expect(diff).toEqual([old.split('\n').find((l) => l.startsWith('tags:'))!.replace('mining', 'extractive-industries')]);
    }
    const config = JSON.parse(readFileSync(join(dir, 'psg.config.json'), 'utf8'));
    expect(config.tags).toContain('extractive-industries');
    expect(config.tags).not.toContain('mining');
    expect(config.tags).toContain('illegal-mining');

    const check = psg(['validate'], { cwd: dir });
    expect(check.stdout).toBe('✔ 14 articles, no problems\n');
    expect(check.code).toBe(0);

    const stamps = filesBelow(dir).map((f) => statSync(join(dir, f)).mtimeMs);
    const again = psg(['tags', 'rename', 'mining', 'extractive-industries'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^Nothing to change/);
    expect(snapshot(dir)).toEqual(after);
    expect(filesBelow(dir).map((f) => statSync(join(dir, f)).mtimeMs)).toEqual(stamps);
  });
});

describe('psg tags merge', () => {
  it('merges into one tag: CRLF, BOM, comments and the config’s other keys kept', () => {
    const crlf = '\uFEFF---\r\ntitle: A\r\ntype: page\r\nsummary: S\r\ntags:\r\n  - politics # the big one\r\n  - "political-reform"\r\n  - tax\r\n---\r\n\r\nBody\r\n  kept.\r\n';
    const dir = testdir({
      'psg.config.json': '{\n  "author": "PSG",\n  "tags": { "extend": ["uk-mining"] }\n}\n',
      'articles/a.md': crlf,
      'articles/b.md': article({ title: 'B', type: 'page', summary: 'S', tags: "['political-reform'] # reform" }),
      'articles/c.md': article({ title: 'C', type: 'page', summary: 'S', tags: '[water]' }),
    });
    const c = readFileSync(join(dir, 'articles/c.md'));
    const r = psg(['tags', 'merge', 'political-reform', 'politics', '--into', 'politics'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✔ Merged "political-reform" into "politics" in 2 files');
    expect(readFileSync(join(dir, 'articles/a.md'), 'utf8')).toBe(crlf.replace('  - "political-reform"\r\n', ''));
    expect(readFileSync(join(dir, 'articles/b.md'), 'utf8')).toContain("tags: ['politics'] # reform\n");
    expect(readFileSync(join(dir, 'articles/c.md'))).toEqual(c);
    const config = JSON.parse(readFileSync(join(dir, 'psg.config.json'), 'utf8'));
    expect(config.author).toBe('PSG');
    expect(config.tags).toContain('uk-mining');
    expect(config.tags).toContain('politics');
    expect(config.tags).not.toContain('political-reform');
    expect(psg(['validate'], { cwd: dir }).code).toBe(0);
  });

  it('adds a new tag to a config of its own without writing out the built-in vocabulary', () => {
    const dir = testdir({ 'articles/a.md': article({ title: 'A', type: 'page', summary: 'S', tags: '[old-one]' }) });
    const r = psg(['tags', 'rename', 'old-one', 'new-one'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'psg.config.json'), 'utf8'))).toEqual({ tags: { extend: ['new-one'] } });
    expect(r.stdout).toContain('✔ Wrote the vocabulary in psg.config.json\n');
  });

  it('refuses a new name that is not a tag, and a missing --into, writing nothing', () => {
    const dir = sampleCopy();
    const before = snapshot(dir);
    const bad = psg(['tags', 'rename', 'mining', 'Extractive Industries'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('psg: "Extractive Industries" is not a tag: tags are lowercase words joined by hyphens\nhint: Write it as "extractive-industries"\n');
    const noInto = psg(['tags', 'merge', 'mining', 'water'], { cwd: dir });
    expect(noInto.code).toBe(2);
    expect(noInto.stderr).toContain("required option '--into <tag>' not specified");
    expect(snapshot(dir)).toEqual(before);
    expect(existsSync(join(dir, 'psg.config.json'))).toBe(false);
  });
});
