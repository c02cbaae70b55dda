// psg schema: the front matter as a JSON Schema (draft 2020-12), with this archive's vocabulary.
import { frontMatterSchema } from '../core/schema.js';
import { ExitCode } from '../errors.js';
import type { Io } from '../ui/io.js';
import { type GlobalOptions, openWorkspace } from '../workspace.js';

export async function schema(global: GlobalOptions, io: Io): Promise<number> {
  const ws = openWorkspace(global, io.env, io.cwd);
  const out = frontMatterSchema({ regions: ws.ctx.gazetteer.regionNames(), tags: ws.ctx.tags.names() });
  io.out(`${JSON.stringify(out, null, 2)}\n`);
  return ExitCode.ok;
}
