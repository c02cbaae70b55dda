// Many psg new runs at once: each writes a whole file or exits 2 saying why; nothing is lost,
// torn or left behind.
import { afterAll, describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { psg, psgAsync } from '../helpers/run.js';
import { cleanup, sampleCopy } from '../helpers/testdir.js';

afterAll(cleanup);

const env = { PSG_TODAY: '2019-04-20', GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
// A long summary, different for each run, so a torn or mixed file would show.
const summary = (n: number) => `Run ${n}: ${'the water of Cajamarca and the Conga project. '.repeat(200)}`.trim();

function expectedText(title: string, n: number): string {
  const s = summary(n);
  return `---\ntitle: "${title}"\ntype: news\ndate: 2019-04-10\nregions: [Cajamarca]\nsummary: "${s}"\n---\n\n${s}\n`;
}

describe('concurrent psg new', () => {
  it('20 runs with one title and date: one file, whole; the other 19 exit 2 saying it exists; no temp file', async () => {
    const dir = sampleCopy();
    const title = 'Conga: the water question';
    const runs = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        psgAsync(['new', 'news', '--title', title, '--date', '2019-04-10', '--region', 'Cajamarca', '--summary', summary(n), '--yes'], { cwd: dir, env }),
      ),
    );
    const path = 'articles/2019/2019-04-10-conga-the-water-question.md';
    const winners = runs.flatMap((r, n) => (r.code === 0 ? [n] : []));
    expect(winners).toHaveLength(1);
    expect(runs[winners[0]!]).toEqual({ stdout: `${path}\n`, stderr: '', code: 0 });
    for (const r of runs.filter((_, n) => n !== winners[0])) {
      expect(r).toEqual({
        stdout: '',
        stderr: `psg: ${path} already exists; psg new never overwrites a file\nhint: Edit that file, or give the new article another title or date\n`,
        code: 2,
      });
    }
    expect(readFileSync(join(dir, path), 'utf8')).toBe(expectedText(title, winners[0]!));
    expect(readdirSync(join(dir, 'articles'), { recursive: true, encoding: 'utf8' }).filter((f) => /(^|\/)\./.test(f))).toEqual([]);
    expect(psg(['validate'], { cwd: dir, env }).code).toBe(0);
  }, 60_000);

  it('20 runs with different titles: every one is written, whole', async () => {
    const dir = sampleCopy();
    const runs = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        psgAsync(['new', 'news', '--title', `Item ${n}`, '--date', '2019-04-10', '--region', 'Cajamarca', '--summary', summary(n)], { cwd: dir, env }),
      ),
    );
    runs.forEach((r, n) => {
      expect(r).toEqual({ stdout: `articles/2019/2019-04-10-item-${n}.md\n`, stderr: '', code: 0 });
      expect(readFileSync(join(dir, r.stdout.trim()), 'utf8')).toBe(expectedText(`Item ${n}`, n));
    });
    expect(readdirSync(join(dir, 'articles', '2019'))).toHaveLength(10 + 20);
  }, 60_000);

  it('20 letters from one place at once: 20 distinct parts (or a clear refusal), never one part twice, no lock left', async () => {
    const dir = sampleCopy();
    const runs = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        psgAsync(['new', 'letter', '--place', 'Cajamarca', '--subtitle', `Subtitle ${n}`, '--summary', `Run ${n}.`], { cwd: dir, env }),
      ),
    );
    const written = runs.filter((r) => r.code === 0);
    for (const r of runs.filter((x) => x.code !== 0)) {
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^psg: another psg is writing a letter of "Letter from Cajamarca"; nothing was written\nhint: /);
    }
    // Each written file's part, from the file itself.
    const parts = written.map((r) => Number(/\npart: (\d+)\n/.exec(readFileSync(join(dir, r.stdout.trim()), 'utf8'))![1]));
    expect(new Set(parts).size).toBe(parts.length);
    expect(written.length).toBeGreaterThanOrEqual(15);
    // The sample has parts 1 and 2: the new ones follow without a gap.
    expect([...parts].sort((a, b) => a - b)).toEqual(Array.from({ length: parts.length }, (_, i) => i + 3));
    expect(readdirSync(join(dir, 'articles'), { recursive: true, encoding: 'utf8' }).filter((f) => /(^|\/)\./.test(f))).toEqual([]);
    const check = psg(['validate'], { cwd: dir, env });
    expect(check.stdout).not.toMatch(/series-duplicate/);
  }, 90_000);

  it('a lock left by a killed psg is broken: by a gone pid at once, by age after 30 seconds', () => {
    const dir = sampleCopy();
    const lock = join(dir, 'articles', '.psg-series-letter-from-cajamarca.lock');
    // A pid that no process has: the highest a Linux pid can be is below 2^22.
    writeFileSync(lock, JSON.stringify({ pid: 4_194_304 + 7, host: hostname() }));
    const args = ['new', 'letter', '--place', 'Cajamarca', '--summary', 'After a crash.'];
    expect(psg(args, { cwd: dir, env })).toMatchObject({ stdout: 'articles/2019/2019-04-20-letter-from-cajamarca-3.md\n', code: 0 });
    // A live pid (this test's own) with an old lock: taken as stale by its age.
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname() }));
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    expect(psg(args, { cwd: dir, env })).toMatchObject({ stdout: 'articles/2019/2019-04-20-letter-from-cajamarca-4.md\n', code: 0 });
    expect(readdirSync(join(dir, 'articles')).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});
