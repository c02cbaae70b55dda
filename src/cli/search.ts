import { Option } from 'commander';
import { addFilterOptions } from './filters.js';
import { positiveInteger } from './list.js';
import { type Register, subcommand } from './runner.js';

const EXAMPLES = `
Query:
  consulta previa         both words, anywhere (accents and case ignored)
  "consulta previa"       the phrase
  minin*                  any word starting with "minin"
  mining -gold            leave out articles that say "gold"
  Conga OR Tía            either word

Examples:
  psg search conga --since 1y
  psg search '"rondas campesinas"' --region Cajamarca
  psg search cooperaccion --format paths | xargs $EDITOR
`;

export const registerSearch: Register = (program, run, version) => {
  const command = subcommand(program, 'search', 'find articles by what they say, best first, with the passage that matched', version).argument('<query...>', 'words, "phrases", prefix*, -word, OR');
  addFilterOptions(command);
  // The query is the argument here; --search would only say it twice.
  command.options.find((o) => o.long === '--search')?.hideHelp();
  command
    .option('--limit <n>', 'at most N results (a table shows 20 unless told)', positiveInteger)
    .addOption(new Option('--format <format>', 'table for people, the others for scripts').choices(['table', 'json', 'ndjson', 'paths']).default('table'))
    .addHelpText('after', EXAMPLES)
    .action(async (words: string[], options, cmd) =>
      run(cmd, async (io, global) => {
        const { search } = await import('../commands/search.js');
        return search(words.join(' '), options, global, io);
      }),
    );
};
