// A Prompter that answers by question name, never by wording (after Astro's FakePrompt).
// It runs each question's own validation, as the terminal does: a rejected answer is recorded
// and the next attempt is tried, so tests see what a user would see under the prompt.
import { CancelledError } from '../../src/errors.js';
import type { CheckboxQuestion, Prompter, SelectQuestion, TextQuestion } from '../../src/ui/prompter.js';

/** Answer with this to press Ctrl-C at that question. */
export const CANCEL = Symbol('cancel');

/**
 * For a text question: the text typed, or a list of attempts in order (each rejected one is
 * typed again); undefined presses Enter on the default. For a select: the value. For a
 * checkbox: the values ticked (undefined keeps what was pre-ticked).
 */
export type FakeAnswer = string | string[] | typeof CANCEL;

export class FakePrompter implements Prompter {
  /** The questions asked, by name, in order. */
  readonly asked: string[] = [];
  /** The default each text question offered. */
  readonly defaults: Record<string, string | undefined> = {};
  /** What the validation said to each rejected attempt, by question name. */
  readonly rejected: Record<string, string[]> = {};

  constructor(private readonly answers: Record<string, FakeAnswer | undefined>) {}

  private answerFor(name: string): FakeAnswer | undefined {
    this.asked.push(name);
    const answer = this.answers[name];
    if (answer === CANCEL) throw new CancelledError();
    return answer;
  }

  async text(q: TextQuestion): Promise<string> {
    const answer = this.answerFor(q.name);
    this.defaults[q.name] = q.default;
    const attempts = answer === undefined ? [''] : typeof answer === 'string' ? [answer] : (answer as string[]);
    for (const attempt of attempts) {
      const value = attempt || q.default || '';
      const verdict = q.validate ? q.validate(value) : true;
      if (verdict === true) return value;
      (this.rejected[q.name] ??= []).push(verdict);
    }
    throw new Error(`FakePrompter: every answer to "${q.name}" was rejected: ${this.rejected[q.name]?.join(' | ')}`);
  }

  async select<T extends string>(q: SelectQuestion<T>): Promise<T> {
    const answer = this.answerFor(q.name);
    const value = typeof answer === 'string' ? answer : (q.default ?? q.choices[0]?.value);
    if (!q.choices.some((c) => c.value === value)) throw new Error(`FakePrompter: "${String(value)}" is not a choice of "${q.name}"`);
    return value as T;
  }

  async checkbox(q: CheckboxQuestion): Promise<string[]> {
    const answer = this.answerFor(q.name);
    if (answer === undefined) return q.choices.filter((c) => c.checked).map((c) => c.value);
    const values = typeof answer === 'string' ? [answer] : (answer as string[]);
    for (const v of values) {
      if (!q.choices.some((c) => c.value === v)) throw new Error(`FakePrompter: "${v}" is not a choice of "${q.name}"`);
    }
    return values;
  }
}
