import { describe, expect, it } from '@jest/globals';
import type { Io } from '../../../src/ui/io.js';
import { plainPaint } from '../../../src/ui/paint.js';
import { progress } from '../../../src/ui/progress.js';

function fakeIo(stderrIsTTY: boolean): Io & { errors: string[] } {
  const errors: string[] = [];
  return {
    errors,
    out: () => {},
    err: (t) => void errors.push(t),
    stdoutIsTTY: false,
    stderrIsTTY,
    stdinIsTTY: false,
    columns: undefined,
    paint: plainPaint,
    paintErr: plainPaint,
    env: {},
    cwd: '/',
  };
}

describe('progress', () => {
  it('writes one line, rewritten in place, and wipes it at the end, on a terminal', () => {
    const io = fakeIo(true);
    const p = progress(io, 'reading');
    p.update(1000, 5000);
    p.end();
    expect(io.errors).toEqual(['\r\x1b[Kpsg: reading 1,000 of 5,000 files…', '\r\x1b[K']);
  });

  it('says nothing when stderr is piped, or for small work', () => {
    const piped = fakeIo(false);
    progress(piped, 'reading').update(1000, 50_000);
    expect(piped.errors).toEqual([]);
    const small = fakeIo(true);
    const p = progress(small, 'reading');
    p.update(10, 14);
    p.end();
    expect(small.errors).toEqual([]);
  });
});
