// What a shell completion script needs to know about psg: its commands, their options and
// arguments, and the words a value may take. Read from the real commander program by
// commands/completion.ts, so the scripts never drift from the commands.

/** What a value (of an option or a positional argument) may be. */
export type ValueKind =
  | { kind: 'choices'; values: string[] }
  | { kind: 'regions' }
  | { kind: 'tags' }
  | { kind: 'file' }
  | { kind: 'dir' }
  /** Free text (a date, a title): nothing to offer. */
  | { kind: 'text'; name: string };

export interface OptionSpec {
  /** Every spelling: ['-V', '--version']. */
  names: string[];
  description: string;
  /** Absent for a flag. */
  value?: ValueKind;
  /** May be given more than once (--region A --region B). */
  repeatable: boolean;
}

export interface ArgumentSpec {
  name: string;
  value: ValueKind;
  variadic: boolean;
}

export interface CommandSpec {
  name: string;
  aliases: string[];
  description: string;
  options: OptionSpec[];
  args: ArgumentSpec[];
}

export interface CompletionSpec {
  name: string;
  version: string;
  /** Options of the program itself, valid before or after any command. */
  options: OptionSpec[];
  commands: CommandSpec[];
  regions: string[];
  tags: string[];
}

/** A word in single quotes for bash and zsh: 'Madre de Dios', 'it'\''s'. */
export function singleQuoted(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

