// Writing a large output in pieces of about a megabyte: 100,000 records written one by one
// would cost a system call each, and joined into one they would cost their size again in
// memory. Pieces are copied into one buffer that is handed on when full and used again
// whenever the receiver says it is done with it (a file or pipe written synchronously), so
// printing 60 MB allocates about one megabyte.
import type { Io } from '../ui/io.js';

/** Takes a full buffer; returns true when it no longer holds it (the buffer may be reused). */
export type ByteSink = (bytes: Buffer) => boolean;

const SIZE = 1 << 20;

export class ByteBatcher {
  private buf: Buffer;
  private at = 0;

  constructor(
    private readonly sink: ByteSink,
    private readonly size = SIZE,
  ) {
    this.buf = Buffer.allocUnsafe(size);
  }

  add(piece: string | Uint8Array): void {
    if (typeof piece === 'string') {
      // A UTF-8 character takes at most three bytes for each UTF-16 unit.
      if (piece.length * 3 > this.size - this.at) {
        this.flush();
        if (piece.length * 3 > this.size) {
          this.addBytes(Buffer.from(piece, 'utf8'));
          return;
        }
      }
      this.at += this.buf.write(piece, this.at, 'utf8');
    } else this.addBytes(piece);
  }

  /** Copy bytes in, however long: the caller may reuse its own buffer once this returns. */
  private addBytes(bytes: Uint8Array): void {
    let from = 0;
    while (from < bytes.length) {
      if (this.at === this.size) this.flush();
      const n = Math.min(bytes.length - from, this.size - this.at);
      this.buf.set(n === bytes.length ? bytes : bytes.subarray(from, from + n), this.at);
      this.at += n;
      from += n;
    }
  }

  /** One byte (a newline, say): no string to encode. */
  addByte(byte: number): void {
    if (this.at === this.size) this.flush();
    this.buf[this.at++] = byte;
  }

  /** Bytes [start, end) of a buffer, copied in without a view made of them. */
  addRange(bytes: Buffer, start: number, end: number): void {
    while (start < end) {
      if (this.at === this.size) this.flush();
      const n = bytes.copy(this.buf, this.at, start, Math.min(end, start + this.size - this.at));
      this.at += n;
      start += n;
    }
  }

  flush(): void {
    if (this.at === 0) return;
    const done = this.sink(this.buf.subarray(0, this.at));
    if (!done) this.buf = Buffer.allocUnsafe(this.size);
    this.at = 0;
  }
}

/** A batcher printing to stdout through io. */
export function chunkedWriter(io: Io): ByteBatcher {
  return new ByteBatcher((bytes) => {
    io.out(bytes);
    return io.outDone?.() ?? false;
  });
}
