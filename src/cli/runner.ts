import type { Command } from 'commander';
import type { Io } from '../ui/io.js';
import type { GlobalOptions } from '../workspace.js';

/** A command's body: gets the terminal and the global options, returns the exit code. */
export type Action = (io: Io, global: GlobalOptions) => Promise<number>;

/** Runs an action for a parsed command; cli.ts supplies it. */
export type Run = (command: Command, action: Action) => Promise<void>;

/** Each file in src/cli/ adds its verbs to the program with one of these. */
export type Register = (program: Command, run: Run, version: string) => void;

/** A subcommand with --help and --version of its own, like every level of psg. */
export function subcommand(program: Command, name: string, description: string, version: string): Command {
  return program.command(name).description(description).version(version, '-V, --version', 'print the version');
}
