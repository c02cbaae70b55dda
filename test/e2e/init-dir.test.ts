// psg init --dir X initialises X, as psg init X does, and never the current folder.
import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { psg } from '../helpers/run.js';
import { cleanup, testdir } from '../helpers/testdir.js';

afterAll(cleanup);

const FILES = ['psg.config.json', 'articles/_templates/news.md', 'articles/_templates/letter.md', 'articles/_templates/page.md'];

describe('psg init --dir', () => {
  it.each([['--dir', 'site'], ['--dir=site'], ['site', '--dir', 'site'], ['--dir', 'site', 'site']])('psg init %s initialises site/ only', (...args) => {
    const dir = testdir();
    const r = psg(['init', ...args], { cwd: dir });
    expect(r.stderr).toContain('psg new');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('site/psg.config.json');
    for (const f of FILES) expect(existsSync(join(dir, 'site', f))).toBe(true);
    expect(readdirSync(dir)).toEqual(['site']);
  });

  it('refuses two different folders, and writes nothing', () => {
    const dir = testdir();
    const r = psg(['init', 'one', '--dir', 'two'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('psg: two folders for psg init: one and --dir two\nhint: Name the folder for the new archive once: psg init DIR\n');
    expect(readdirSync(dir)).toEqual([]);
  });
});
