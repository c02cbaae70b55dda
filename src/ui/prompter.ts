// The one boundary between psg and the prompt library. Questions are named; the flow asks by
// name and tests answer by name (test/helpers/fake-prompter.ts), never by wording.
// @inquirer/prompts is imported here only, and only when a question is asked, so that
// commands that never ask do not pay for loading it.
import { CancelledError } from '../errors.js';

/** The answer is fine (true) or what is wrong with it (shown under the prompt). */
export type Validate = (value: string) => true | string;

export interface TextQuestion {
  name: string;
  message: string;
  default?: string;
  /** Put the default in the line for editing (for lists), rather than beside it. */
  editable?: boolean;
  validate?: Validate;
}

export interface Choice<T extends string = string> {
  value: T;
  label?: string;
  description?: string;
  checked?: boolean;
}

export interface SelectQuestion<T extends string> {
  name: string;
  message: string;
  choices: readonly Choice<T>[];
  default?: T;
}

export interface CheckboxQuestion {
  name: string;
  message: string;
  choices: readonly Choice[];
}

/** Asks questions; a cancelled question (Ctrl-C, closed input) throws CancelledError. */
export interface Prompter {
  text(question: TextQuestion): Promise<string>;
  select<T extends string>(question: SelectQuestion<T>): Promise<T>;
  checkbox(question: CheckboxQuestion): Promise<string[]>;
}

type Inquirer = typeof import('@inquirer/prompts');

function isCancel(error: unknown): boolean {
  // Ctrl-C or a closed stdin (ExitPromptError), or an aborted prompt (AbortPromptError).
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}

/** The terminal prompter. Prompts are drawn on `output` (stderr), so stdout carries only data. */
export function inquirerPrompter(output: NodeJS.WritableStream = process.stderr): Prompter {
  let loaded: Promise<Inquirer> | undefined;
  const inquirer = () => (loaded ??= import('@inquirer/prompts'));
  const context = { output };

  async function ask<T>(run: (lib: Inquirer) => Promise<T>): Promise<T> {
    const lib = await inquirer();
    try {
      return await run(lib);
    } catch (error) {
      if (isCancel(error)) throw new CancelledError();
      throw error;
    }
  }

  return {
    text: (q) =>
      ask((lib) =>
        lib.input(
          {
            message: q.message,
            ...(q.default ? { default: q.default } : {}),
            ...(q.editable ? { prefill: 'editable' as const } : {}),
            ...(q.validate ? { validate: q.validate } : {}),
          },
          context,
        ),
      ),
    select: <T extends string>(q: SelectQuestion<T>) =>
      ask((lib) =>
        lib.select<T>(
          {
            message: q.message,
            choices: q.choices.map((c) => ({ value: c.value, name: c.label ?? c.value, ...(c.description ? { description: c.description } : {}) })),
            ...(q.default ? { default: q.default } : {}),
          },
          context,
        ),
      ),
    checkbox: (q) =>
      ask((lib) =>
        lib.checkbox<string>(
          {
            message: q.message,
            pageSize: 12,
            choices: q.choices.map((c) => ({
              value: c.value,
              name: c.label ?? c.value,
              checked: Boolean(c.checked),
              ...(c.description ? { description: c.description } : {}),
            })),
          },
          context,
        ),
      ),
  };
}
