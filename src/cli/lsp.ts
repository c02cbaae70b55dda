import { type Register, subcommand } from './runner.js';

export const registerLsp: Register = (program, run, version) => {
  subcommand(program, 'lsp', 'the language server (LSP over stdio): diagnostics, completion, quick fixes and hover in the editor', version)
    .option('--stdio', 'talk over stdin and stdout (the default; accepted for editors that pass it)')
    .action(async (_options, cmd) =>
      run(cmd, async (io, global) => {
        const { lsp } = await import('../commands/lsp.js');
        return lsp(global, io);
      }),
    );
};
