// psg hook install | uninstall: a git pre-commit hook that runs psg validate --staged. A hook
// already there is kept and run after psg's; uninstall removes only psg's and puts it back.
import { chmodSync, existsSync, mkdirSync, readFileSync, realpathSync, renameSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExitCode, PsgError } from '../errors.js';
import { CHAINED_NAME, HOOK_MARK, hookScript } from '../render/hook-script.js';
import { writeFileAtomic } from '../store/atomic.js';
import { gitHooksDir, gitTopLevel } from '../store/git.js';
import { relativeInside } from '../store/paths.js';
import type { Io } from '../ui/io.js';

const isOurs = (file: string) => existsSync(file) && readFileSync(file, 'utf8').includes(HOOK_MARK);

/** This psg's own bin/psg.js: dist/commands/hook.js sits two levels below the package root. */
function psgBin(): string {
  return realpathSync(fileURLToPath(new URL('../../bin/psg.js', import.meta.url)));
}

export async function hookInstall(io: Io): Promise<number> {
  const top = gitTopLevel(io.cwd);
  const dir = gitHooksDir(io.cwd);
  const hook = join(dir, 'pre-commit');
  const chained = join(dir, CHAINED_NAME);
  const note = (text: string) => io.err(`${io.paintErr.dim('psg:')} ${text}\n`);
  mkdirSync(dir, { recursive: true });
  let kept = false;
  if (existsSync(hook) && !isOurs(hook)) {
    if (existsSync(chained)) {
      throw new PsgError(`${hook} is not psg's, and ${CHAINED_NAME} is taken too; nothing was changed`, {
        hint: `Merge the two hooks by hand, or remove ${chained}, then run psg hook install again`,
      });
    }
    renameSync(hook, chained);
    kept = true;
  }
  const folder = relativeInside(realpathSync(top), realpathSync(io.cwd)) ?? '';
  const existed = isOurs(hook);
  writeFileAtomic(hook, hookScript({ node: process.execPath, psg: psgBin(), folder }), { overwrite: true, mode: 0o755 });
  chmodSync(hook, 0o755);
  io.out(`${io.paint.green('✔')} ${existed ? 'Updated' : 'Installed'} the pre-commit hook ${hook}: each commit's staged articles are checked with psg validate\n`);
  if (kept) note(`the pre-commit hook that was there is kept as ${chained} and runs after psg's check; psg hook uninstall puts it back`);
  return ExitCode.ok;
}

export async function hookUninstall(io: Io): Promise<number> {
  gitTopLevel(io.cwd);
  const dir = gitHooksDir(io.cwd);
  const hook = join(dir, 'pre-commit');
  const chained = join(dir, CHAINED_NAME);
  if (!isOurs(hook)) {
    if (existsSync(hook)) {
      throw new PsgError(`${hook} is not psg's pre-commit hook; it was left as it is`, { hint: 'psg hook uninstall removes only the hook psg hook install wrote' });
    }
    io.out(`No psg pre-commit hook in ${dir}; nothing to remove\n`);
    return ExitCode.ok;
  }
  unlinkSync(hook);
  io.out(`${io.paint.green('✔')} Removed the psg pre-commit hook\n`);
  if (existsSync(chained)) {
    renameSync(chained, hook);
    io.out(`${io.paint.green('✔')} Put back the pre-commit hook that was there before\n`);
  }
  return ExitCode.ok;
}
