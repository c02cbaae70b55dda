// Errors are data: what happened, a hint at what to do, and the exit code the spec gives.
// Only src/cli.ts turns them into output and an exit status.

export const ExitCode = {
  ok: 0,
  problems: 1,
  usage: 2,
  cancelled: 130,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export interface PsgErrorOptions {
  hint?: string;
  exitCode?: ExitCode;
  cause?: unknown;
}

export class PsgError extends Error {
  readonly hint: string | undefined;
  readonly exitCode: ExitCode;

  constructor(message: string, options: PsgErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PsgError';
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? ExitCode.usage;
  }
}

/** The user pressed Ctrl-C or closed the prompt: exit 130, nothing written. */
export class CancelledError extends PsgError {
  constructor() {
    super('Cancelled', { exitCode: ExitCode.cancelled });
    this.name = 'CancelledError';
  }
}

/** A Node system error code such as ENOENT, or undefined. */
export function errnoCode(error: unknown): string | undefined {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}
