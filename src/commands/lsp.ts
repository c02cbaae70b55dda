// psg lsp: the language server over stdio, for VS Code, Neovim, Helix and any LSP client.
import { ExitCode, PsgError } from '../errors.js';
import { startServer } from '../lsp/server.js';
import type { Io } from '../ui/io.js';
import { type GlobalOptions, openWorkspace } from '../workspace.js';

export async function lsp(global: GlobalOptions, io: Io): Promise<number> {
  await startServer({
    input: process.stdin,
    output: process.stdout,
    open: (root) => {
      try {
        return { ws: openWorkspace(global, io.env, root ?? io.cwd) };
      } catch (e) {
        // A broken psg.config.json must not leave the editor without psg: say so, use the built-in data.
        if (!(e instanceof PsgError)) throw e;
        return { ws: openWorkspace({ ...global, config: undefined }, { ...io.env, PSG_TODAY: undefined }, '/'), warning: `psg: ${e.message}` };
      }
    },
  });
  return ExitCode.ok;
}
