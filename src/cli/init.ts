import { type Register, subcommand } from './runner.js';

export const registerInit: Register = (program, run, version) => {
  subcommand(program, 'init', 'start a new archive: psg.config.json and articles/_templates/ (never overwrites a file)', version)
    .argument('[dir]', 'the folder for the archive, created if needed (default: this folder)')
    .action(async (dir: string | undefined, _options, cmd) =>
      run(cmd, async (io, global) => {
        const { init } = await import('../commands/init.js');
        return init(dir, global, io);
      }),
    );
};
