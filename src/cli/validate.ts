import { Option } from 'commander';
import { type Register, subcommand } from './runner.js';

export const registerValidate: Register = (program, run, version) => {
  subcommand(program, 'validate', 'check every article (or the given files) and report every problem', version)
    .argument('[files...]', 'article files or folders; all articles when none')
    .addOption(new Option('--format <format>', 'report format (github: annotations in GitHub Actions; sarif: SARIF 2.1.0 for code scanning)').choices(['stylish', 'json', 'github', 'sarif']).default('stylish'))
    .option('--strict', 'exit 1 on warnings too')
    .option('--fix', 'apply the safe fixes (front matter only, atomically)')
    .action(async (files: string[], options, cmd) =>
      run(cmd, async (io, global) => {
        const { validate } = await import('../commands/validate.js');
        return validate(files, options, global, io);
      }),
    );
};
