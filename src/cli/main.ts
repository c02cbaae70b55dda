// Running the program: build it, parse the arguments, and the one catch that turns errors
// into exit codes.
import { type Command, CommanderError } from 'commander';
import { packageVersion } from '../data.js';
import { ExitCode, PsgError } from '../errors.js';
import { type Io, processIo } from '../ui/io.js';
import type { GlobalOptions } from '../workspace.js';
import { buildProgram } from './program.js';

/** "the disk is full (ENOSPC)": a failed write to stdout in words. */
function outputFailure(e: NodeJS.ErrnoException): string {
  const words: Record<string, string> = { ENOSPC: 'the disk is full', EDQUOT: 'the disk quota is used up', EFBIG: 'the file is too large', EIO: 'an input/output error' };
  const code = e.code ?? 'unknown error';
  return words[code] ? `${words[code]} (${code})` : (e.message.split('\n')[0] ?? code);
}

function printError(io: Io, error: unknown, debug: boolean): number {
  const paint = io.paintErr;
  if (error instanceof PsgError) {
    io.err(`${paint.red('psg:')} ${error.message}\n`);
    if (error.hint) io.err(`${paint.dim('hint:')} ${error.hint}\n`);
    if (debug && error.stack) io.err(`${error.stack}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(`${paint.red('psg:')} internal error: ${message}\n`);
  io.err(
    debug && error instanceof Error && error.stack
      ? `${error.stack}\n`
      : `${paint.dim('hint:')} run again with --debug for the details, and report it\n`,
  );
  return 1;
}

/** Route commander's own output through io, with psg's error format and a pointer to --help. */
function configure(command: Command, io: () => Io): void {
  command.exitOverride();
  command.configureOutput({
    writeOut: (s) => io().out(s),
    writeErr: (s) => io().err(s),
    outputError: (s, write) => {
      const name = command.parent ? `psg ${command.name()}` : 'psg';
      write(`${io().paintErr.red('psg:')} ${s.replace(/^error: /, '').trimEnd()}\n${io().paintErr.dim('hint:')} see ${name} --help\n`);
    },
  });
  for (const sub of command.commands) configure(sub, io);
}

export async function main(argv: string[]): Promise<number> {
  // A closed pipe (psg list | head) is not an error; any other failed write to stdout (a full
  // disk, /dev/full) is one line and exit 2, since the output is incomplete.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`psg: cannot write the output: ${outputFailure(e)}; what was written is incomplete\n`);
    process.exit(ExitCode.usage);
  });
  const debug = argv.includes('--debug');
  let io = await processIo(!argv.includes('--no-color'));
  let code: number = ExitCode.ok;
  const program = buildProgram(packageVersion(), async (cmd, action) => {
    const global = cmd.optsWithGlobals() as GlobalOptions;
    io = await processIo(global.color);
    code = await action(io, global);
  });
  configure(program, () => io);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    // --help and --version end here too, with commander's exit code 0.
    if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    return printError(io, error, debug);
  }
  return code;
}

