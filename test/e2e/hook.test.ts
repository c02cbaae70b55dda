// psg hook install | uninstall, in a real git repository: commits of broken articles are
// refused with the problem shown, good ones pass, a hook already there is kept and put back.
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { psg, psgEnv } from '../helpers/run.js';
import { article, cleanup, testdir } from '../helpers/testdir.js';

afterAll(cleanup);

const identity = { GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.org' };

function git(dir: string, ...args: string[]) {
  const r = spawnSync('git', args, { cwd: dir, env: psgEnv({ env: { ...identity, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } }), encoding: 'utf8' });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

const good = (region: string) => article({ title: 'A', type: 'news', date: '2019-03-01', summary: 'S', regions: `[${region}]` });
const commits = (dir: string) => Number(git(dir, 'rev-list', '--count', '--all').out.trim() || 0);

function repo(files: Record<string, string> = {}): string {
  const dir = testdir(files);
  expect(git(dir, 'init', '-q', '.').code).toBe(0);
  return dir;
}

const OLD_HOOK = '#!/bin/sh\necho "the old hook ran" >> old-hook.log\n';

describe('psg hook', () => {
  it('blocks a commit of a broken article, passes good ones, and keeps the hook that was there', () => {
    const dir = repo({ 'articles/a.md': good('Puno') });
    writeFileSync(join(dir, '.git/hooks/pre-commit'), OLD_HOOK);
    chmodSync(join(dir, '.git/hooks/pre-commit'), 0o755);

    const install = psg(['hook', 'install'], { cwd: dir });
    expect(install.code).toBe(0);
    expect(install.stdout).toContain('✔ Installed the pre-commit hook');
    expect(install.stderr).toContain('kept as');
    expect(readFileSync(join(dir, '.git/hooks/pre-commit.before-psg'), 'utf8')).toBe(OLD_HOOK);

    git(dir, 'add', '-A');
    const first = git(dir, 'commit', '-q', '-m', 'good');
    expect(first.out).toContain('✔ 1 article, no problems');
    expect(first.code).toBe(0);
    expect(commits(dir)).toBe(1);
    expect(readFileSync(join(dir, 'old-hook.log'), 'utf8')).toBe('the old hook ran\n');

    writeFileSync(join(dir, 'articles/b.md'), good('Cuzko'));
    git(dir, 'add', 'articles/b.md');
    const broken = git(dir, 'commit', '-q', '-m', 'broken');
    expect(broken.code).not.toBe(0);
    expect(broken.out).toMatch(/articles\/b\.md\n {2}6:11 +error +Unknown region "Cuzko"; did you mean "Cusco"\? +region-unknown/);
    expect(commits(dir)).toBe(1);
    // Only psg ran: the old hook runs after psg's check passes.
    expect(readFileSync(join(dir, 'old-hook.log'), 'utf8')).toBe('the old hook ran\n');
  });

  it('checks what is staged, not the working copy', () => {
    const dir = repo({ 'articles/a.md': good('Cuzko'), 'README.md': 'not an article\n', 'articles/_templates/news.md': 'not checked\n' });
    expect(psg(['hook', 'install'], { cwd: dir }).code).toBe(0);
    git(dir, 'add', '-A');
    writeFileSync(join(dir, 'articles/a.md'), good('Cusco')); // fixed, but not staged
    const refused = git(dir, 'commit', '-q', '-m', 'x');
    expect(refused.code).not.toBe(0);
    expect(refused.out).toContain('Unknown region "Cuzko"');

    git(dir, 'add', '-A');
    writeFileSync(join(dir, 'articles/a.md'), good('Atlantis')); // broken, but not staged
    const passed = git(dir, 'commit', '-q', '-m', 'y');
    expect(passed.out).toContain('✔ 1 article, no problems');
    expect(passed.code).toBe(0);
    expect(git(dir, 'show', 'HEAD:articles/a.md').out).toContain('regions: [Cusco]');
  });

  it('uninstalls only its own hook and puts back the one it kept', () => {
    const dir = repo();
    writeFileSync(join(dir, '.git/hooks/pre-commit'), OLD_HOOK);
    psg(['hook', 'install'], { cwd: dir });
    const again = psg(['hook', 'install'], { cwd: dir });
    expect(again.stdout).toContain('✔ Updated the pre-commit hook');
    expect(readFileSync(join(dir, '.git/hooks/pre-commit.before-psg'), 'utf8')).toBe(OLD_HOOK);

    const off = psg(['hook', 'uninstall'], { cwd: dir });
    expect(off.code).toBe(0);
    expect(off.stdout).toBe('✔ Removed the psg pre-commit hook\n✔ Put back the pre-commit hook that was there before\n');
    expect(readFileSync(join(dir, '.git/hooks/pre-commit'), 'utf8')).toBe(OLD_HOOK);
    expect(existsSync(join(dir, '.git/hooks/pre-commit.before-psg'))).toBe(false);

    const foreign = psg(['hook', 'uninstall'], { cwd: dir });
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toMatch(/^psg: .*pre-commit is not psg's pre-commit hook; it was left as it is\n/);
    expect(readFileSync(join(dir, '.git/hooks/pre-commit'), 'utf8')).toBe(OLD_HOOK);
  });

  it('says so outside a git repository', () => {
    const dir = testdir();
    const r = psg(['hook', 'install'], { cwd: dir, env: { GIT_CEILING_DIRECTORIES: dir.replace(/\/[^/]+$/, '') } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not inside a git repository\nhint: .*git init/);
  });
});
