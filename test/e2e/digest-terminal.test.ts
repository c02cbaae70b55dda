// The text digest ends with a newline on a terminal (so the prompt starts on its own line)
// and piped or written to a file alike. Run in-process with a fake terminal, since the
// difference would be whether stdout is a TTY.
import { describe, expect, it } from '@jest/globals';
import { Chalk } from 'chalk';
import { digest, type DigestOptions } from '../../src/commands/digest.js';
import type { Io } from '../../src/ui/io.js';
import { ROOT, SAMPLE } from '../helpers/run.js';
import { SEED } from '../helpers/seed.js';


function fakeIo(tty: boolean): Io & { stdout: string; stderr: string } {
  const plain = new Chalk({ level: 0 });
  const io = {
    stdout: '',
    stderr: '',
    out: (text: string) => void (io.stdout += text),
    err: (text: string) => void (io.stderr += text),
    stdoutIsTTY: tty,
    stderrIsTTY: tty,
    stdinIsTTY: tty,
    columns: tty ? 80 : undefined,
    paint: plain,
    paintErr: plain,
    env: { PSG_TODAY: '2025-01-01' },
    cwd: ROOT,
  };
  return io;
}

const options: DigestOptions = { format: 'text', pages: true };

describe('psg digest on a terminal', () => {
  it('ends the text digest with one newline, on a terminal and piped alike', async () => {
    const tty = fakeIo(true);
    expect(await digest(options, { dir: SAMPLE }, tty)).toBe(0);
    expect(tty.stdout).toBe(SEED);
    const piped = fakeIo(false);
    expect(await digest(options, { dir: SAMPLE }, piped)).toBe(0);
    expect(piped.stdout).toBe(SEED);
  });

  it('adds nothing to formats that end with a newline already', async () => {
    const tty = fakeIo(true);
    await digest({ ...options, format: 'markdown' }, { dir: SAMPLE }, tty);
    expect(tty.stdout.endsWith('Become a member\n')).toBe(true);
  });
});
