// The one boundary between psg and the prompt library. Questions are named; the flow asks by
// name and tests answer by name (test/helpers/fake-prompter.ts), never by wording.
// @inquirer/prompts is imported here only, and only when a question is asked, so that
// commands that never ask do not pay for loading it.
import { LIMITS } from '../core/article.js';
import { CancelledError } from '../errors.js';
import { boundedInput } from './bounded-input.js';

/** The answer is fine (true) or what is wrong with it (shown under the prompt). */
export type Validate = (value: string) => true | string;

export interface TextQuestion {
  name: string;
  message: string;
  default?: string;
  /** Put the default in the line for editing (for lists), rather than beside it. */
  editable?: boolean;
  validate?: Validate;
  /** The longest answer that may be typed or pasted (default: by the question's name, see BOUNDS). */
  maxLength?: number;
}

/** How long an answer may grow: a title's own limit, a summary a few paragraphs, else a line. */
const BOUNDS: Record<string, number> = { title: LIMITS.titleMax, subtitle: LIMITS.titleMax, summary: 4000 };
const DEFAULT_BOUND = 1000;

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
    // A Ctrl-C that came while no prompt was up (the archive loading, synchronously) waits for
    // a turn of the event loop, where its handler ends the run: it gets that turn before a
    // prompt is drawn, rather than after.
    await new Promise((resolve) => setImmediate(resolve));
    try {
      return await run(lib);
    } catch (error) {
      if (isCancel(error)) throw new CancelledError();
      throw error;
    }
  }

  return {
    text: (q) =>
      ask(async (lib) => {
        // A paste longer than the answer may be is cut as it arrives, so it never freezes the prompt.
        const input = process.stdin.isTTY ? boundedInput(process.stdin, q.maxLength ?? BOUNDS[q.name] ?? DEFAULT_BOUND) : undefined;
        try {
          return await lib.input(
            {
              message: q.message,
              ...(q.default ? { default: q.default } : {}),
              ...(q.editable ? { prefill: 'editable' as const } : {}),
              ...(q.validate ? { validate: q.validate } : {}),
            },
            input ? { ...context, input } : context,
          );
        } finally {
          input?.release();
        }
      }),
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
