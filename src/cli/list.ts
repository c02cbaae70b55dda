import { InvalidArgumentError, Option } from 'commander';
import { addFilterOptions } from './filters.js';
import { type Register, subcommand } from './runner.js';

export function positiveInteger(value: string): number {
  const n = Number(value.trim());
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('Give a whole number of 1 or more, e.g. --limit 10.');
  return n;
}

const EXAMPLES = `
Examples:
  psg list --region cuzco             Cusco (aliases and provinces work too)
  psg list --month 2019-03 --type news
  psg list --since 4w --search mining last four weeks, "mining" in any text
  psg list --by region                grouped, with counts
  psg list --format csv > items.csv   for a spreadsheet
`;

export const registerList: Register = (program, run, version) => {
  const command = subcommand(program, 'list', 'find articles by date, region, type, tag or text', version).alias('ls');
  addFilterOptions(command)
    .addOption(new Option('--sort <key>', 'order by (dates newest first; rank: best match to --search first)').choices(['date', 'title', 'rank']).default('date'))
    .option('--reverse', 'reverse the order')
    .option('-n, --limit <n>', 'at most N articles (before grouping)', positiveInteger)
    .addOption(new Option('-b, --by <field>', 'group, with counts').choices(['region', 'month', 'type', 'tag']))
    .addOption(new Option('-f, --format <format>', 'table for people, the others for scripts').choices(['table', 'json', 'ndjson', 'csv', 'paths']).default('table'))
    .addHelpText('after', EXAMPLES)
    .action(async (options, cmd) =>
      run(cmd, async (io, global) => {
        const { list } = await import('../commands/list.js');
        return list(options, global, io);
      }),
    );
};
