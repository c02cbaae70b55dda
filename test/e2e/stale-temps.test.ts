// Temp files left by a psg killed mid-write are removed by the next run that writes in that
// folder: those of psg's own naming whose writer is gone or that are over a minute old.
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, psg, psgEnv } from '../helpers/run.js';
import { article, cleanup, testdir } from '../helpers/testdir.js';

afterAll(cleanup);

const env = { PSG_TODAY: '2019-07-01' };
const fixable = (i: number) => article({ title: `Item ${i}`, type: 'news', date: '2019-03-01', regions: 'cuzco', summary: 'A summary.' });

/** The pid of a process that has ended. */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
}

describe('stale temp files', () => {
  it('are removed by the next --fix that writes in the folder; others are kept', () => {
    const dir = testdir({ 'articles/2019-03-01-item.md': fixable(1) });
    const articles = join(dir, 'articles');
    const dead = `.2019-03-01-item.md.${deadPid()}.0123abcd.tmp`;
    const old = `.other.md.${process.pid}.89abcdef.tmp`;
    const young = `.other.md.${process.pid}.fedcba98.tmp`;
    const foreign = '.2019-03-01-item.md.swp';
    for (const name of [dead, old, young, foreign]) writeFileSync(join(articles, name), 'half a file');
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    utimesSync(join(articles, old), twoMinutesAgo, twoMinutesAgo);
    const result = psg(['validate', '--fix'], { cwd: dir, env });
    expect(result.stdout).toContain('in 1 file');
    expect(readdirSync(articles).sort()).toEqual([young, foreign, '2019-03-01-item.md'].sort());
  });

  it('left by kill -9 during --fix are gone after the next run', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 150; i++) files[`articles/2019-03-01-item-${i}.md`] = fixable(i);
    const dir = testdir(files);
    const articles = join(dir, 'articles');
    for (let attempt = 0; attempt < 2; attempt++) {
      const child = spawn(process.execPath, [BIN, 'validate', '--fix'], { cwd: dir, env: psgEnv({ env }), stdio: 'ignore' });
      // Kill it as soon as the first fix is on disk: it is then in the middle of writing.
      await new Promise<void>((resolve) => {
        const poll = setInterval(() => {
          if (readdirSync(articles).some((f) => f.endsWith('.tmp'))) {
            child.kill('SIGKILL');
            clearInterval(poll);
          }
        }, 1);
        child.on('close', () => {
          clearInterval(poll);
          resolve();
        });
      });
      // Plant one more, as a killed writer leaves it, so the check never depends on timing.
      writeFileSync(join(articles, `.2019-03-01-item-0.md.${child.pid}.0badf00d.tmp`), 'half');
      for (let i = 0; i < 150; i++) writeFileSync(join(articles, `2019-03-01-item-${i}.md`), fixable(i));
    }
    const next = psg(['validate', '--fix'], { cwd: dir, env });
    expect(next.stdout).toMatch(/Fixed \d+ problems in 150 files/);
    expect(readdirSync(articles).filter((f) => f.startsWith('.'))).toEqual([]);
  }, 60_000);
});
