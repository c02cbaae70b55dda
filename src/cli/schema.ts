import { type Register, subcommand } from './runner.js';

export const registerSchema: Register = (program, run, version) => {
  subcommand(program, 'schema', 'print a JSON Schema (draft 2020-12) of the front matter, for YAML and JSON tools', version).action(async (_options, cmd) =>
    run(cmd, async (io, global) => {
      const { schema } = await import('../commands/schema.js');
      return schema(global, io);
    }),
  );
};
