import { describe, expect, it } from '@jest/globals';
import { ByteBatcher } from '../../../src/ui/chunked.js';

/** A sink that keeps what it is given, copying or not, and says whether it let go. */
function collect(keepsBuffers: boolean) {
  const got: Buffer[] = [];
  const sink = (bytes: Buffer) => {
    got.push(keepsBuffers ? bytes : Buffer.from(bytes));
    return !keepsBuffers;
  };
  return { got, sink, text: () => Buffer.concat(got).toString('utf8') };
}

describe('ByteBatcher', () => {
  it('passes text and bytes through in order, in pieces no larger than its buffer', () => {
    const out = collect(false);
    const batch = new ByteBatcher(out.sink, 16);
    const pieces = ['[', Buffer.from('héllo wörld, '), 'a longer piece of text than sixteen bytes', Buffer.alloc(40, 'x'), ']'];
    for (const p of pieces) batch.add(p);
    batch.flush();
    expect(out.text()).toBe(pieces.map((p) => p.toString()).join(''));
    expect(out.got.every((b) => b.length <= 16)).toBe(true);
  });

  it('never writes into a buffer the receiver still holds', () => {
    const out = collect(true);
    const batch = new ByteBatcher(out.sink, 8);
    const input = Buffer.from('0123456789abcdefghijklmnopqrstuvwxyz');
    // Fed a byte at a time from a reused buffer, as the index's reading window is reused.
    const window = Buffer.alloc(1);
    for (const byte of input) {
      window[0] = byte;
      batch.add(window);
    }
    batch.flush();
    expect(out.text()).toBe(input.toString());
  });

  it('keeps three-byte characters whole across a full buffer', () => {
    const out = collect(false);
    const batch = new ByteBatcher(out.sink, 9);
    const text = '€€€€€€€€€€€ and ✓';
    for (const ch of text) batch.add(ch);
    batch.flush();
    expect(out.text()).toBe(text);
  });

  it('writes nothing for nothing', () => {
    const out = collect(false);
    new ByteBatcher(out.sink).flush();
    expect(out.got).toEqual([]);
  });
});
