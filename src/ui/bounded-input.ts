// Keys from the terminal with each answer's length bounded. The prompt library redraws the
// whole line for every character, so a long paste costs time in the square of its length
// (100 KB froze psg new for minutes, Ctrl-C unheard); characters beyond the bound are dropped
// as they arrive, before readline sees them, and control keys (Enter, Ctrl-C, arrows) always
// pass. The stream stands in for stdin: raw mode and isTTY are stdin's own.
import { Transform, type TransformCallback } from 'node:stream';

export interface BoundedInput extends Transform {
  isTTY?: boolean;
  setRawMode?: (mode: boolean) => BoundedInput;
  /** Stop reading stdin (the prompt is done), so that the process can end. */
  release(): void;
}

/**
 * A stand-in for `stdin` that passes at most `max` characters of text a line. The count is
 * of characters typed since the last Enter, less those rubbed out with Backspace: cursor
 * movements are not followed, so the bound is approximate, never exceeded.
 */
export function boundedInput(stdin: NodeJS.ReadStream, max: number): BoundedInput {
  let count = 0;
  const stream = new Transform({
    transform(chunk: Buffer | string, _encoding, callback: TransformCallback) {
      const text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
      let out = '';
      for (let i = 0; i < text.length; i++) {
        const c = text[i]!;
        const code = c.charCodeAt(0);
        if (c === '\u001b') {
          // An escape sequence (arrows, Home, Delete…): passed whole, never counted.
          let end = i + 1;
          if (text[end] === '[' || text[end] === 'O') {
            end++;
            while (end < text.length && !/[A-Za-z~]/.test(text[end]!)) end++;
          }
          out += text.slice(i, end + 1);
          i = end;
        } else if (c === '\r' || c === '\n') {
          count = 0;
          out += c;
        } else if (code === 0x7f || code === 0x08) {
          count = Math.max(0, count - 1);
          out += c;
        } else if (code === 0x15) {
          count = 0; // Ctrl-U empties the line
          out += c;
        } else if (code < 0x20) {
          out += c; // Ctrl-C, Ctrl-D, Tab and the other control keys
        } else if (count < max) {
          count++;
          out += c;
        }
      }
      callback(null, out);
    },
  }) as BoundedInput;
  stream.isTTY = stdin.isTTY;
  if (typeof stdin.setRawMode === 'function') {
    stream.setRawMode = (mode: boolean) => {
      stdin.setRawMode(mode);
      return stream;
    };
  }
  stdin.pipe(stream);
  stream.release = () => {
    stdin.unpipe(stream);
    stdin.pause();
  };
  return stream;
}
