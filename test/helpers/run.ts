// Run the real bin/psg.js as a user would, and capture what they would see.
import { spawnSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/psg.js', import.meta.url));
export const SAMPLE = fileURLToPath(new URL('../../articles/', import.meta.url));

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number | null;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  input?: string;
  tz?: string;
}

/** A clean environment: no colour, no PSG_DIR from the developer's shell, a fixed zone. */
export function psgEnv(options: RunOptions = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', TZ: options.tz ?? process.env.TZ ?? 'UTC' };
  delete env.PSG_DIR;
  delete env.FORCE_COLOR;
  delete env.PSG_TODAY;
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

export function psg(args: string[], options: RunOptions = {}): RunResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: psgEnv(options),
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 120_000,
    // Large archives print megabytes; the default 1 MB would cut the output (and kill psg).
    maxBuffer: 1 << 28,
  });
  return { stdout: result.stdout, stderr: result.stderr, code: result.status };
}

/** The same, without blocking the test process (for concurrent runs). */
export function psgAsync(args: string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env: psgEnv(options) });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, stderr, code }));
    child.stdin.end(options.input ?? '');
  });
}
