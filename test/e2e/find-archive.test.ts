// psg finds its archive from any folder inside it, as git finds its repository: the nearest
// articles/ upward, bounded by the folder of a psg.config.json.
import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { psg } from '../helpers/run.js';
import { cleanup, sampleCopy, testdir } from '../helpers/testdir.js';

afterAll(cleanup);

describe('psg run from inside the archive', () => {
  it('lists and validates from articles/ and from articles/2019/', () => {
    const dir = sampleCopy();
    for (const cwd of [join(dir, 'articles'), join(dir, 'articles', '2019')]) {
      const list = psg(['list', '--limit', '1'], { cwd });
      expect(list.stderr).toBe('');
      expect(list.stdout).toContain('Letter from Puno: Using the law');
      expect(psg(['validate'], { cwd })).toEqual({ stdout: '✔ 14 articles, no problems\n', stderr: '', code: 0 });
    }
  });

  it('prints paths that open from the folder psg runs in', () => {
    const dir = sampleCopy();
    const cwd = join(dir, 'articles', '2019');
    const paths = psg(['list', '--format', 'paths'], { cwd }).stdout.trim().split('\n');
    expect(paths).toHaveLength(14);
    for (const path of paths) expect(existsSync(resolve(cwd, path))).toBe(true);
  });

  it('writes psg new into the archive found, not a new articles/ below the current folder', () => {
    const dir = sampleCopy();
    const cwd = join(dir, 'articles', 'pages');
    const r = psg(['new', 'news', '--title', 'Protest in Puno', '--region', 'Puno', '--summary', 'A protest.', '--date', '2019-05-01', '--yes'], { cwd });
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'articles', '2019', '2019-05-01-protest-in-puno.md'))).toBe(true);
    expect(existsSync(join(cwd, 'articles'))).toBe(false);
  });

  it('stops at the folder of psg.config.json: an articles/ above it is another archive', () => {
    const dir = testdir({ 'articles/2019/2019-03-18-x.md': 'not ours', 'site/psg.config.json': '{}' });
    mkdirSync(join(dir, 'site', 'notes'));
    const r = psg(['validate'], { cwd: join(dir, 'site', 'notes') });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`no articles folder at ${join(dir, 'site', 'articles')}`);
  });
});
