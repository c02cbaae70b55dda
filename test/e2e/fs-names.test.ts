// File names are bytes: a name that is not UTF-8 is reported as what it is (\xNN for its bad
// bytes), never opened through a lossy decoding (ENOENT, or the file that decoding names),
// and never counted twice. The plain scan and the worker-thread scan of a large archive agree.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { psg } from '../helpers/run.js';
import { cleanup, testdir } from '../helpers/testdir.js';

afterAll(cleanup);

// Long summaries make 2,160 items an index of 3 MB, over the 2 MB at which workers scan.
const item = (title: string, date = '2019-03-18', words = 20) => `---\ntitle: ${title}\ntype: news\ndate: ${date}\nregions: [Lima]\nsummary: ${'word '.repeat(words).trim()}\n---\n\nBody.\n`;
const latin1 = (path: string) => Buffer.from(path, 'latin1');
const env = { PSG_TODAY: '2019-12-31' };
const titles = (stdout: string) => (JSON.parse(stdout) as { title: string }[]).map((a) => a.title);
const NOTE = (shown: string) => `psg: 1 name is not UTF-8 (${shown}), so psg leaves it out; rename it in UTF-8\n`;

/** Old times, and the change times waited out, so that the index keeps every file (not "racily clean"). */
async function age(paths: (string | Buffer)[]): Promise<void> {
  const old = new Date('2020-01-01');
  for (const p of paths) utimesSync(p, old, old);
  await sleep(2100);
}

describe('a name that is not UTF-8, beside the name its decoding gives', () => {
  it('list, digest and validate: reported once, as its bytes; the other file listed once', () => {
    const dir = testdir({ 'articles/2019/caf\uFFFD.md': item('Replacement name') });
    writeFileSync(latin1(join(dir, 'articles/2019/caf\xe9.md')), item('Latin-1 name'));
    mkdirSync(latin1(join(dir, 'articles/d\xefr')));
    writeFileSync(latin1(join(dir, 'articles/d\xefr/inside.md')), item('In a folder so named'));
    for (const run of [1, 2]) {
      const list = psg(['list', '--format', 'json'], { cwd: dir, env });
      expect({ run, titles: titles(list.stdout) }).toEqual({ run, titles: ['Replacement name'] });
      expect(list.stderr).toBe('psg: 2 names are not UTF-8 (articles/d\\xefr, articles/2019/caf\\xe9.md), so psg leaves them out; rename them in UTF-8\n');
      expect(list.code).toBe(0);
    }
    const digest = psg(['digest', '--format', 'markdown', '--since', '2019-01-01'], { cwd: dir, env });
    expect(digest.stdout.match(/Replacement name/g)).toHaveLength(1);
    expect(digest.stdout).not.toContain('Latin-1');
    const validate = psg(['validate'], { cwd: dir, env });
    expect(validate.code).toBe(1);
    expect(validate.stdout).toContain('articles/2019/caf\\xe9.md\n  1:1  error    This name is not valid UTF-8 (its bad bytes are shown as \\xNN), so psg cannot read it; rename it in UTF-8   name-not-utf8\n');
    expect(validate.stdout).toContain('articles/d\\xefr\n  1:1  error    This name is not valid UTF-8');
    expect(validate.stdout).not.toMatch(/ENOENT|caf\uFFFD/);
    expect(validate.stdout).toMatch(/2 problems \(2 errors, 0 warnings\) in 1 article\n$/);
  });
});

describe('a large archive (index over 2 MB: worker threads scan it)', () => {
  let dir: string;
  const months = Array.from({ length: 12 }, (_, m) => String(m + 1).padStart(2, '0'));
  beforeAll(async () => {
    dir = testdir();
    const paths: string[] = [];
    for (const m of months) {
      mkdirSync(join(dir, 'articles/2019', m), { recursive: true });
      for (let i = 0; i < 180; i++) {
        const date = `2019-${m}-${String(1 + (i % 28)).padStart(2, '0')}`;
        const path = join(dir, 'articles/2019', m, `${date}-item-${i}.md`);
        writeFileSync(path, item(`Item ${m}-${i}`, date, 200));
        paths.push(path);
      }
    }
    await age(paths);
    expect(psg(['list'], { cwd: dir, env }).code).toBe(0); // builds the index
    // With the index in place and no folder changed, the index's files are stat-ed (by this
    // thread and the workers; at this size the main thread may be done before a worker is up).
    expect(psg(['list'], { cwd: dir, env: { ...env, PSG_TRACE: '1' } }).stderr).toMatch(/main {2}no folder changed[^]*main {2}files stat-ed/);
  }, 60_000);

  it.each([
    ['deep in a month folder (found by a worker)', 'articles/2019/05'],
    ['in a folder the shares are cut from', 'articles/2019'],
  ])('a name not UTF-8 %s: same output as the plain scan, reported once', async (_, folder) => {
    const bad = latin1(join(dir, folder, 'caf\xe9.md'));
    writeFileSync(join(dir, folder, 'caf\uFFFD.md'), item('Replacement name', '2019-12-30'));
    writeFileSync(bad, item('Latin-1 name', '2019-12-30'));
    await age([join(dir, folder, 'caf\uFFFD.md'), bad]);
    // The folder changed: it is listed again, in shares cut for the worker threads.
    const traced = psg(['list', '--limit', '1'], { cwd: dir, env: { ...env, PSG_TRACE: '1' } }).stderr;
    expect(traced).toMatch(/main {2}folders changed\n[^]*main {2}work handed out/);
    expect(traced).toContain(NOTE(`${folder}/caf\\xe9.md`));
    const plain = psg(['list', '--format', 'json', '--no-cache'], { cwd: dir, env });
    expect(titles(plain.stdout).filter((t) => !t.startsWith('Item '))).toEqual(['Replacement name']);
    expect(titles(plain.stdout)).toHaveLength(2161);
    expect(plain.stderr).toBe(NOTE(`${folder}/caf\\xe9.md`));
    for (const run of [1, 2]) {
      const r = psg(['list', '--format', 'json'], { cwd: dir, env });
      expect({ run, same: r.stdout === plain.stdout, stderr: r.stderr }).toEqual({ run, same: true, stderr: plain.stderr });
    }
    // Moved away for the next case.
    renameSync(bad, join(dir, 'moved-away.md'));
    renameSync(join(dir, folder, 'caf\uFFFD.md'), join(dir, 'moved-away-2.md'));
  }, 120_000);
});
