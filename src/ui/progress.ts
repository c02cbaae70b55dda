// Progress for long work, on stderr, only on a terminal: one line, rewritten in place at
// most ten times a second, and wiped when the work is done. Piped, nothing is written.
import type { Io } from './io.js';

export type ProgressFn = (done: number, total: number) => void;

export interface Progress {
  update: ProgressFn;
  end(): void;
}

const QUIET: Progress = { update: () => {}, end: () => {} };
const MIN_TOTAL = 2000;

export function progress(io: Io, label: string): Progress {
  if (!io.stderrIsTTY) return QUIET;
  let last = 0;
  let shown = false;
  return {
    update(done, total) {
      const now = Date.now();
      if (total < MIN_TOTAL || now - last < 100) return;
      last = now;
      shown = true;
      io.err(`\r\x1b[K${io.paintErr.dim(`psg: ${label} ${done.toLocaleString('en')} of ${total.toLocaleString('en')} files…`)}`);
    },
    end() {
      if (shown) io.err('\r\x1b[K');
    },
  };
}
