// psg lsp: the language server over stdio, for VS Code, Neovim, Helix and any LSP client.
import { ExitCode, PsgError } from '../errors.js';
import { startServer } from '../lsp/server.js';
import type { Io } from '../ui/io.js';
import { type GlobalOptions, openWorkspace } from '../workspace.js';
import { loadArticlesSync } from './shared.js';

export async function lsp(global: GlobalOptions, io: Io): Promise<number> {
  await startServer({
    input: process.stdin,
    output: process.stdout,
    // Read on the first check of an article, from the index where files have not changed.
    archive: (ws) => {
      try {
        return loadArticlesSync(ws, global, io).articles.map((a) => ({ path: a.path, slug: a.slug, series: a.series, part: a.part }));
      } catch {
        return []; // no articles folder yet: nothing to clash with
      }
    },
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
