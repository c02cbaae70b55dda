import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PsgError } from '../../../src/errors.js';
import { isTrackedByGit, moveFile } from '../../../src/store/move.js';
import { cleanup, testdir } from '../../helpers/testdir.js';

afterAll(cleanup);

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.org', ...args], { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout;
}

describe('moveFile', () => {
  it('renames into a new folder when git does not track the file', () => {
    const dir = testdir({ 'articles/drafts/a.md': 'A' });
    const to = join(dir, 'articles/2019/2019-04-02-a.md');
    expect(moveFile(join(dir, 'articles/drafts/a.md'), to)).toBe('rename');
    expect(readFileSync(to, 'utf8')).toBe('A');
    expect(existsSync(join(dir, 'articles/drafts/a.md'))).toBe(false);
  });

  it('never replaces a file, and leaves no folder behind when it cannot move', () => {
    const dir = testdir({ 'a.md': 'A', 'b.md': 'B' });
    expect(() => moveFile(join(dir, 'a.md'), join(dir, 'b.md'))).toThrow(PsgError);
    expect(readFileSync(join(dir, 'b.md'), 'utf8')).toBe('B');
    expect(() => moveFile(join(dir, 'missing.md'), join(dir, 'new/deeper/c.md'))).toThrow();
    expect(existsSync(join(dir, 'new'))).toBe(false);
  });

  it('uses git mv for a tracked file, so git sees a rename', () => {
    const dir = testdir({ 'articles/drafts/a.md': 'A\n', 'articles/drafts/untracked.md': 'U\n' });
    git(dir, 'init', '-q');
    git(dir, 'add', 'articles/drafts/a.md');
    git(dir, 'commit', '-qm', 'draft');
    expect(isTrackedByGit(join(dir, 'articles/drafts/a.md'))).toBe(true);
    expect(isTrackedByGit(join(dir, 'articles/drafts/untracked.md'))).toBe(false);
    expect(moveFile(join(dir, 'articles/drafts/a.md'), join(dir, 'articles/2019/a.md'))).toBe('git mv');
    expect(git(dir, 'status', '--porcelain')).toContain('R  articles/drafts/a.md -> articles/2019/a.md');
    expect(moveFile(join(dir, 'articles/drafts/untracked.md'), join(dir, 'articles/2019/u.md'))).toBe('rename');
  });
});
