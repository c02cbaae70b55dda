// The terminal: the only place that writes to stdout and stderr. Commands get an Io and
// never touch process.* themselves, so tests can run them in-process too.
import type { ChalkInstance } from 'chalk';
import { makePaint } from './paint.js';

export interface Io {
  /** Data: text, or bytes passed through as they are (records from the index). */
  out(text: string | Uint8Array): void;
  err(text: string): void;
  /** True when everything given to `out` has been handed to the system, so a buffer given may be reused. */
  outDone?(): boolean;
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  readonly stdinIsTTY: boolean;
  /** Width of the terminal on stdout; undefined when piped. */
  readonly columns: number | undefined;
  /** Colours for stdout and for stderr (plain when piped, NO_COLOR or --no-color). */
  readonly paint: ChalkInstance;
  readonly paintErr: ChalkInstance;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

export function colourWanted(isTTY: boolean, env: NodeJS.ProcessEnv, flag: boolean | undefined): boolean {
  if (flag === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return isTTY && env.TERM !== 'dumb';
}

export async function processIo(colorFlag: boolean | undefined): Promise<Io> {
  const { stdout, stderr, stdin, env } = process;
  return {
    out: (text) => void stdout.write(text),
    err: (text) => void stderr.write(text),
    // Files and pipes are written synchronously on Linux; a terminal or a slow pipe elsewhere may queue.
    outDone: () => stdout.writableLength === 0,
    stdoutIsTTY: Boolean(stdout.isTTY),
    stderrIsTTY: Boolean(stderr.isTTY),
    stdinIsTTY: Boolean(stdin.isTTY),
    columns: stdout.isTTY ? stdout.columns || 80 : undefined,
    paint: await makePaint(colourWanted(Boolean(stdout.isTTY), env, colorFlag)),
    paintErr: await makePaint(colourWanted(Boolean(stderr.isTTY), env, colorFlag)),
    env,
    cwd: process.cwd(),
  };
}
