// psg new on a file system without hard links (as FAT or some network mounts): the exclusive
// create still writes the file whole and never over another. The refusal of link() is made
// real with a small preloaded library that makes every link() fail as such file systems do.
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { psg, psgAsync } from '../helpers/run.js';
import { cleanup, sampleCopy, testdir } from '../helpers/testdir.js';

afterAll(cleanup);

const SHIM = `
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
int link(const char *a, const char *b) { (void)a; (void)b; errno = EPERM; return -1; }
int linkat(int fa, const char *a, int fb, const char *b, int flags) { (void)fa; (void)a; (void)fb; (void)b; (void)flags; errno = EPERM; return -1; }
`;

function noLinksLibrary(): string {
  const dir = testdir({ 'nolink.c': SHIM });
  execFileSync('gcc', ['-shared', '-fPIC', '-o', join(dir, 'nolink.so'), join(dir, 'nolink.c')]);
  return join(dir, 'nolink.so');
}

describe('psg new without hard links', () => {
  const env = { PSG_TODAY: '2019-04-20', GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };

  it('the preloaded library really refuses links (else this test proves nothing)', () => {
    const lib = noLinksLibrary();
    const dir = testdir({ a: 'x' });
    const script = `try { require('fs').linkSync(${JSON.stringify(join(dir, 'a'))}, ${JSON.stringify(join(dir, 'b'))}); console.log('linked') } catch (e) { console.log(e.code) }`;
    expect(execFileSync(process.execPath, ['-e', script], { env: { ...process.env, LD_PRELOAD: lib }, encoding: 'utf8' })).toBe('EPERM\n');
  });

  it('writes the new file whole; an existing one is never replaced; 10 at once: one wins', async () => {
    const lib = noLinksLibrary();
    const dir = sampleCopy();
    const args = ['new', 'news', '--title', 'No links here', '--region', 'Puno', '--summary', 'Written without a hard link.', '--author', ''];
    const run = { cwd: dir, env: { ...env, LD_PRELOAD: lib } };
    const path = 'articles/2019/2019-04-20-no-links-here.md';
    expect(psg(args, run)).toEqual({ stdout: `${path}\n`, stderr: '', code: 0 });
    expect(readFileSync(join(dir, path), 'utf8')).toBe(
      '---\ntitle: "No links here"\ntype: news\ndate: 2019-04-20\nregions: [Puno]\nsummary: "Written without a hard link."\n---\n\nWritten without a hard link.\n',
    );
    const edited = `${readFileSync(join(dir, path), 'utf8')}Edited by hand.\n`;
    writeFileSync(join(dir, path), edited);
    expect(psg(args, run)).toMatchObject({ stderr: `psg: ${path} already exists; psg new never overwrites a file\nhint: Edit that file, or give the new article another title or date\n`, code: 2 });
    expect(readFileSync(join(dir, path), 'utf8')).toBe(edited);

    const other = ['new', 'news', '--title', 'Raced', '--region', 'Puno', '--author', ''];
    const runs = await Promise.all(Array.from({ length: 10 }, (_, n) => psgAsync([...other, '--summary', `Run ${n}.`], run)));
    const won = runs.flatMap((r, n) => (r.code === 0 ? [n] : []));
    expect(won).toHaveLength(1);
    expect(runs.filter((r) => r.code === 2)).toHaveLength(9);
    expect(readFileSync(join(dir, 'articles/2019/2019-04-20-raced.md'), 'utf8')).toContain(`summary: "Run ${won[0]}."`);
    expect(readdirSync(join(dir, 'articles/2019')).filter((f) => f.startsWith('.'))).toEqual([]);
  }, 60_000);
});
