import { type Register, subcommand } from './runner.js';

export const registerRename: Register = (program, run, version) => {
  subcommand(program, 'rename', 'give an article a new title, and with it a new slug and file name (git mv in a work tree)', version)
    .argument('<file>', 'the article, e.g. articles/2019/2019-03-18-espinar.md')
    .option('--title <text>', 'the new headline (news and pages)')
    .option('--place <name>', "a letter's new place: it joins that place's series, as its next part")
    .option('--subtitle <text>', 'a letter\'s new subtitle ("" for none)')
    .option('--dry-run', 'show what would change, and change nothing')
    .addHelpText(
      'after',
      `
Only the title (for a letter also series, part and the place in places) changes inside the
file; the file is renamed after the new title, keeping the date in its name. An existing
file or an article with the same slug is never overwritten (exit 2).

Examples:
  psg rename articles/2019/2019-03-11-exit-villanueva.md --title "Villanueva resigns"
  psg rename articles/2019/2019-04-20-letter-from-cajamrca.md --place Cajamarca --dry-run`,
    )
    .action(async (file: string, options, cmd) =>
      run(cmd, async (io, global) => {
        const { rename } = await import('../commands/rename.js');
        return rename(file, options, global, io);
      }),
    );
};
