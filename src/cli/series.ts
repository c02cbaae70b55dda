import { type Register, subcommand } from './runner.js';

export const registerSeries: Register = (program, run, version) => {
  const series = subcommand(program, 'series', 'the letter series and their parts; renumber puts one in date order', version).action(
    async (_options, cmd) =>
      run(cmd, async (io, global) => {
        const { listSeries } = await import('../commands/series.js');
        return listSeries(global, io);
      }),
  );
  subcommand(series, 'renumber', 'number a series by date: part, title and file name of each letter (git mv in a work tree)', version)
    .argument('<series>', 'the series, e.g. "Letter from Puno" (or just Puno)')
    .option('--dry-run', 'show what would change, and change nothing')
    .addHelpText(
      'after',
      `
Each letter gets the part its date gives it (the earliest is part 1), the title that goes
with it ("Letter from Puno (2): <subtitle>") and a file name after that title; the date in
the file name stays. Nothing is overwritten; a second run changes nothing.

Example:
  psg series renumber "Letter from Puno" --dry-run`,
    )
    .action(async (name: string, options, cmd) =>
      run(cmd, async (io, global) => {
        const { renumberSeries } = await import('../commands/series.js');
        return renumberSeries(name, options, global, io);
      }),
    );
};
