// Many psg new runs at once: each writes a whole file or exits 2 saying why; nothing is lost,
// torn or left behind.
import { afterAll, describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
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
});
