// A folder that cannot be read hides articles: validate reports it as an error, list and
// digest say so in one line. Run as an ordinary user: root reads through chmod 000.
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, psgEnv, type RunResult } from '../helpers/run.js';
import { article, cleanup, testdir } from '../helpers/testdir.js';

/** A tool that runs a command as the unprivileged user "nobody", when this machine has one. */
const AS_NOBODY: string[] | undefined = process.getuid?.() !== 0
  ? []
  : existsSync('/usr/bin/setpriv')
    ? ['/usr/bin/setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups']
    : existsSync('/usr/sbin/runuser')
      ? ['/usr/sbin/runuser', '-u', 'nobody', '--']
      : undefined;

afterAll(() => {
  for (const dir of open.splice(0)) chmodSync(dir, 0o755);
  cleanup();
});
const open: string[] = [];

/** psg as an ordinary user, with a cache folder that user can write. */
function psgAsUser(args: string[], cwd: string, cache: string): RunResult {
  const command = [...AS_NOBODY!, process.execPath, BIN, ...args];
  const r = spawnSync(command[0]!, command.slice(1), { cwd, env: psgEnv({ env: { PSG_CACHE_DIR: cache, PSG_TODAY: '2019-04-20' } }), encoding: 'utf8', timeout: 60_000 });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status };
}

/** An archive the ordinary user can read, but for `locked` (made unreadable). */
function archive(locked: string): { dir: string; cache: string } {
  const dir = testdir({
    'articles/2019/2019-03-18-seen.md': article({ title: 'Seen', type: 'news', date: '2019-03-18', regions: '[Lima]', summary: 'x' }),
    'articles/pages/about.md': article({ title: 'About', type: 'page', summary: 'x' }),
    'articles/pages/deeper/more.md': article({ title: 'More', type: 'page', summary: 'x' }),
  });
  const cache = join(dir, 'cache');
  mkdirSync(cache);
  spawnSync('chmod', ['-R', 'a+rwX', dir]);
  chmodSync(join(dir, locked), 0o000);
  open.push(join(dir, locked));
  return { dir, cache };
}

const maybe = AS_NOBODY ? describe : describe.skip;
if (!AS_NOBODY) it('needs setpriv or runuser to run psg as an ordinary user (tests run as root, who reads through chmod 000)', () => {});

maybe('a folder that cannot be read', () => {
  it.each([
    ['articles/pages', 'articles/pages'],
    ['articles/pages/deeper', 'articles/pages/deeper'],
    ['articles', 'articles'],
  ])('chmod 000 %s: validate reports it (exit 1); list and digest say so in one line', (locked, shown) => {
    const { dir, cache } = archive(locked);
    const validate = psgAsUser(['validate'], dir, cache);
    expect(validate.code).toBe(1);
    expect(validate.stdout).toContain(`${shown}\n  1:1  error    This folder cannot be read (EACCES), so the articles in it are not checked; check its permissions   folder-unreadable\n`);
    for (const args of [['list'], ['digest', '--pages', '--format', 'markdown']]) {
      const r = psgAsUser(args, dir, cache);
      expect(r.stderr).toContain(`psg: 1 folder could not be read (${shown}), so its articles are left out; \`psg validate\` says why\n`);
      if (locked !== 'articles') expect(r.stdout).toContain('Seen');
    }
    // Named on the command line, the same.
    const named = psgAsUser(['validate', 'articles'], dir, cache);
    expect(named.code).toBe(1);
    expect(named.stdout).toContain(`${shown}\n  1:1  error    This folder cannot be read (EACCES)`);
  });

  it('readable again, its articles are back (the index kept nothing wrong)', () => {
    const { dir, cache } = archive('articles/pages');
    expect(psgAsUser(['list', '--type', 'page'], dir, cache).stdout).not.toContain('About');
    chmodSync(join(dir, 'articles/pages'), 0o777);
    const r = psgAsUser(['list', '--type', 'page'], dir, cache);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('About');
    expect(r.stdout).toContain('More');
    expect(psgAsUser(['validate'], dir, cache).code).toBe(0);
  });
});
