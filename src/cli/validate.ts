import { Option } from 'commander';
import { PsgError } from '../errors.js';
import { type Register, subcommand } from './runner.js';

export const registerValidate: Register = (program, run, version) => {
  subcommand(program, 'validate', 'check every article (or the given files) and report every problem', version)
    .alias('check')
    .argument('[files...]', 'article files or folders; all articles when none')
    .addOption(new Option('-f, --format <format>', 'report format (github: annotations in GitHub Actions; sarif: SARIF 2.1.0 for code scanning)').choices(['stylish', 'json', 'github', 'sarif']).default('stylish'))
    .option('--strict', 'exit 1 on warnings too')
    .option('--fix', 'apply the safe fixes (front matter only, atomically)')
    .option('--fix-suggestions', 'apply the safe fixes and the did-you-mean guesses ("autor" → "author")')
    .addOption(new Option('--staged', 'check the articles staged for the next git commit, as staged (the pre-commit hook runs this)').conflicts(['fix', 'fixSuggestions']))
    .action(async (files: string[], options, cmd) =>
      run(cmd, async (io, global) => {
        if (options.staged) {
          if (files.length) throw new PsgError('--staged checks what git has staged; name no files with it', { hint: 'Run psg validate --staged alone, or name the files without --staged' });
          const { validateStaged } = await import('../commands/validate-staged.js');
          return validateStaged(options, global, io);
        }
        const { validate } = await import('../commands/validate.js');
        return validate(files, options, global, io);
      }),
    );
};
