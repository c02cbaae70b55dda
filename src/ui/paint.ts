// Colours for the terminal. Piped output (most runs in scripts and benchmarks) gets a plain
// painter that returns text untouched, so chalk is loaded only when colour is wanted.
import type { ChalkInstance } from 'chalk';

// Any chain of styles (paint.red.bold) is the same function, which joins its arguments as
// chalk does.
const plainFn = (...args: unknown[]) => args.map(String).join(' ');
export const plainPaint: ChalkInstance = new Proxy(plainFn, {
  // Not a thenable: `await` must not mistake it for a promise.
  get: (_target, prop) => (prop === 'level' ? 0 : prop === 'then' || typeof prop === 'symbol' ? undefined : plainPaint),
}) as unknown as ChalkInstance;

export async function makePaint(colour: boolean): Promise<ChalkInstance> {
  if (!colour) return plainPaint;
  const { Chalk } = await import('chalk');
  return new Chalk({ level: 1 });
}
