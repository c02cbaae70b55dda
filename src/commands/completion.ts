// psg completion bash|zsh: a completion script written from the real commander program, so
// that every command and option psg has is in it, with Peru's regions for --region.
import type { Argument, Command, Option } from 'commander';
import { ARTICLE_TYPES } from '../core/article.js';
import { loadBuiltInTags, loadGazetteerData, packageVersion } from '../data.js';
import { ExitCode } from '../errors.js';
import { bashCompletion } from '../render/completion-bash.js';
import type { ArgumentSpec, CommandSpec, CompletionSpec, OptionSpec, ValueKind } from '../render/completion.js';
import { zshCompletion } from '../render/completion-zsh.js';
import type { Io } from '../ui/io.js';
import type { GlobalOptions } from '../workspace.js';

export const SHELLS = ['bash', 'zsh'] as const;
export type Shell = (typeof SHELLS)[number];

// Values commander cannot know: the parsers of these options check them themselves.
const BY_NAME: Record<string, ValueKind> = {
  region: { kind: 'regions' },
  tag: { kind: 'tags' },
  type: { kind: 'choices', values: [...ARTICLE_TYPES] },
  dir: { kind: 'dir' },
  config: { kind: 'file' },
  out: { kind: 'file' },
};

function valueOf(name: string, choices: readonly string[] | undefined): ValueKind {
  if (choices?.length) return { kind: 'choices', values: [...choices] };
  if (BY_NAME[name]) return BY_NAME[name];
  if (/file/.test(name)) return { kind: 'file' };
  return { kind: 'text', name };
}

function describeOption(option: Option): OptionSpec {
  const names = [option.short, option.long].filter((n): n is string => Boolean(n));
  const spec: OptionSpec = { names, description: option.description, repeatable: /repeatable/i.test(option.description) };
  if (option.required || option.optional) spec.value = valueOf(option.attributeName(), option.argChoices);
  return spec;
}

const HELP: OptionSpec = { names: ['-h', '--help'], description: 'show help', repeatable: false };

function describeArgument(arg: Argument): ArgumentSpec {
  return { name: arg.name(), value: valueOf(arg.name(), arg.argChoices), variadic: arg.variadic };
}

function describeCommand(command: Command, globals: ReadonlySet<string>): CommandSpec {
  return {
    name: command.name(),
    aliases: command.aliases(),
    description: command.description(),
    // --version and --help are the program's too: the scripts offer those once, with every command.
    options: command.options.filter((o) => !o.hidden && !(o.long && globals.has(o.long))).map(describeOption),
    args: command.registeredArguments.map(describeArgument),
  };
}

/** Everything a completion script needs, read from the program as commander holds it. */
export function describeProgram(program: Command, regions: string[], tags: string[]): CompletionSpec {
  const options = [...program.options.filter((o) => !o.hidden).map(describeOption), HELP];
  const globals = new Set(options.flatMap((o) => o.names));
  const commands = program.commands.filter((c) => !(c as Command & { _hidden?: boolean })._hidden).map((c) => describeCommand(c, globals));
  // commander adds `help [command]` by itself; it is not in program.commands.
  if (!commands.some((c) => c.name === 'help')) {
    commands.push({
      name: 'help',
      aliases: [],
      description: 'show help for a command',
      options: [],
      args: [{ name: 'command', value: { kind: 'choices', values: commands.map((c) => c.name) }, variadic: false }],
    });
  }
  return {
    name: program.name(),
    version: packageVersion(),
    options,
    commands,
    regions,
    tags,
  };
}

export async function completion(shell: Shell, _global: GlobalOptions, io: Io): Promise<number> {
  const { buildProgram } = await import('../cli/program.js');
  // The program is only read, never run: the action runner is a no-op.
  const program = buildProgram(packageVersion(), async () => {});
  const regions = loadGazetteerData().regions.map((r) => r.name);
  const tags = loadBuiltInTags().map((t) => t.tag);
  const spec = describeProgram(program, regions, tags);
  io.out(shell === 'bash' ? bashCompletion(spec) : zshCompletion(spec));
  return ExitCode.ok;
}
