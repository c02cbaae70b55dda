import { type Register, subcommand } from './runner.js';

export const registerHook: Register = (program, run, version) => {
  const hook = subcommand(program, 'hook', 'a git pre-commit hook that checks the staged articles', version);
  subcommand(hook, 'install', 'install the pre-commit hook (a hook already there is kept and runs after it)', version).action(async (_options, cmd) =>
    run(cmd, async (io) => {
      const { hookInstall } = await import('../commands/hook.js');
      return hookInstall(io);
    }),
  );
  subcommand(hook, 'uninstall', 'remove psg’s pre-commit hook (and put back the one it kept)', version).action(async (_options, cmd) =>
    run(cmd, async (io) => {
      const { hookUninstall } = await import('../commands/hook.js');
      return hookUninstall(io);
    }),
  );
};
