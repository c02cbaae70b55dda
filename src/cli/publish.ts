import { type Register, subcommand } from './runner.js';

export const registerPublish: Register = (program, run, version) => {
  subcommand(program, 'publish', 'make a draft public: dated today (or --date) and moved to articles/YYYY/YYYY-MM-DD-slug.md', version)
    .argument('<file|slug>', 'the article: its path, or its slug (the file name without the date and .md)')
    .option('-d, --date <date>', 'the publication date, YYYY-MM-DD (default: today)')
    .action(async (name: string, options, cmd) =>
      run(cmd, async (io, global) => {
        const { publish } = await import('../commands/publish.js');
        return publish(name, options, global, io);
      }),
    );
  subcommand(program, 'unpublish', 'make an article a draft again (draft: true), leaving the file where it is', version)
    .argument('<file|slug>', 'the article: its path, or its slug (the file name without the date and .md)')
    .action(async (name: string, _options, cmd) =>
      run(cmd, async (io, global) => {
        const { unpublish } = await import('../commands/publish.js');
        return unpublish(name, global, io);
      }),
    );
};
