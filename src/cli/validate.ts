import { Option } from 'commander';
import { type Register, subcommand } from './runner.js';

export const registerValidate: Register = (program, run, version) => {
  subcommand(program, 'validate', 'check every article (or the given files) and report every problem', version)
    .alias('check')
    .argument('[files...]', 'article files or folders; all articles when none')
    .addOption(new Option('-f, --format <format>', 'report format').choices(['stylish', 'json']).default('stylish'))
    .option('--strict', 'exit 1 on warnings too')
    .option('--fix', 'apply the safe fixes (front matter only, atomically)')
    .option('--fix-suggestions', 'apply the safe fixes and the did-you-mean guesses ("autor" → "author")')
    .action(async (files: string[], options, cmd) =>
      run(cmd, async (io, global) => {
        const { validate } = await import('../commands/validate.js');
        return validate(files, options, global, io);
      }),
    );
};
