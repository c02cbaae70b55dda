import { Option } from 'commander';
import { addFilterOptions } from './filters.js';
import { type Register, subcommand } from './runner.js';

export const registerRegions: Register = (program, run, version) => {
  const command = subcommand(program, 'regions', "Peru's 25 regions, each with its number of articles", version)
    .option('--provinces', 'each province under its region, with its own count')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'));
  addFilterOptions(command).action(async (options, cmd) =>
    run(cmd, async (io, global) => {
      const { regions } = await import('../commands/regions.js');
      return regions(options, global, io);
    }),
  );
};
