import { Argument } from 'commander';
import { type Register, subcommand } from './runner.js';

export const registerCompletion: Register = (program, run, version) => {
  subcommand(program, 'completion', 'print a shell completion script: commands, options, region names', version)
    .addArgument(new Argument('<shell>', 'bash or zsh').choices(['bash', 'zsh']))
    .addHelpText(
      'after',
      `
Load it for this shell, or install it for good:
  bash:  source <(psg completion bash)
         psg completion bash > ~/.local/share/bash-completion/completions/psg
  zsh:   source <(psg completion zsh)            (after compinit in ~/.zshrc)
         psg completion zsh > ~/.zfunc/_psg      (with fpath=(~/.zfunc $fpath) before compinit)`,
    )
    .action(async (shell: 'bash' | 'zsh', _options, cmd) =>
      run(cmd, async (io, global) => {
        const { completion } = await import('../commands/completion.js');
        return completion(shell, global, io);
      }),
    );
};
