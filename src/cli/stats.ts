import { Option } from 'commander';
import { addFilterOptions } from './filters.js';
import { type Register, subcommand } from './runner.js';

export const registerStats: Register = (program, run, version) => {
  const command = subcommand(program, 'stats', 'count articles by region, month, year, type or tag: bars on a terminal, numbers when piped', version)
    .addOption(new Option('-b, --by <group>', 'what to count by').choices(['region', 'month', 'year', 'type', 'tag']).default('region'))
    .addOption(new Option('-f, --format <format>', 'bars (plain numbers when piped) or JSON').choices(['table', 'json']).default('table'));
  addFilterOptions(command).action(async (options, cmd) =>
    run(cmd, async (io, global) => {
      const { stats } = await import('../commands/stats.js');
      return stats(options, global, io);
    }),
  );
};
