import { describe, expect, it } from '@jest/globals';
import { PassThrough } from 'node:stream';
import { boundedInput } from '../../../src/ui/bounded-input.js';

/** What the prompt would read after `chunks` arrive on a terminal's stdin. */
async function through(max: number, chunks: string[]): Promise<string> {
  const stdin = Object.assign(new PassThrough(), { isTTY: true }) as unknown as NodeJS.ReadStream;
  const input = boundedInput(stdin, max);
  let out = '';
  input.setEncoding('utf8').on('data', (d: string) => (out += d));
  for (const c of chunks) (stdin as unknown as PassThrough).write(c);
  await new Promise((resolve) => setImmediate(resolve));
  input.release();
  return out;
}

describe('boundedInput', () => {
  it('cuts a 100 KB paste to the bound, and passes Enter, Ctrl-C and arrows', async () => {
    const paste = 'x'.repeat(100_000);
    expect(await through(4000, [paste.slice(0, 50_000), paste.slice(50_000), '\u001b[D', '\r', 'ab', '\u0003'])).toBe(`${'x'.repeat(4000)}\u001b[D\rab\u0003`);
  });

  it('counts from each Enter, and Backspace gives room back', async () => {
    expect(await through(3, ['abcd', '\u007f', 'ef', '\r', 'ghij'])).toBe('abc\u007fe\rghi');
  });
});
