// Writing a large output in pieces of about a megabyte: 100,000 records written one by one
// would cost a system call each, and joined into one they would cost their size again in memory.
import type { Io } from './io.js';

const TARGET = 1 << 20;

export interface ChunkedWriter {
  add(piece: string | Uint8Array): void;
  end(): void;
}

export function chunkedWriter(io: Io): ChunkedWriter {
  let text = '';
  let bytes: Uint8Array[] = [];
  let size = 0;
  const flush = () => {
    if (text) io.out(text);
    if (bytes.length) io.out(Buffer.concat(bytes));
    text = '';
    bytes = [];
    size = 0;
  };
  return {
    add(piece) {
      // Keep the order: text and bytes never wait in the same batch. A short text among
      // bytes (a separator) joins them as bytes rather than cutting the batch.
      if (typeof piece === 'string') {
        if (bytes.length && piece.length < 256) bytes.push(Buffer.from(piece));
        else {
          if (bytes.length) flush();
          text += piece;
        }
      } else {
        if (text) flush();
        bytes.push(piece);
      }
      size += piece.length;
      if (size >= TARGET) flush();
    },
    end: flush,
  };
}
