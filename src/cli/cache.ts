import { Argument } from 'commander';
import { type Register, subcommand } from './runner.js';

export const registerCache: Register = (program, run, version) => {
  subcommand(program, 'cache', "the index files in psg's cache folder: clear them, or print the folder", version)
    .addArgument(new Argument('<action>', 'clear: remove every index file; dir: print the cache folder').choices(['clear', 'dir']))
    .addHelpText(
      'after',
      `
psg keeps one index file for each archive it reads (only a speed-up: without it psg reads
every file). Index files of archives that are gone, or unused for 60 days, are removed by
themselves, at most once a day.`,
    )
    .action(async (action: 'clear' | 'dir', _options, cmd) =>
      run(cmd, async (io) => {
        const { cache } = await import('../commands/cache.js');
        return cache(action, io);
      }),
    );
};
