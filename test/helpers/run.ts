// Run the real bin/psg.js as a user would, and capture what they would see.
import { spawnSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

let testCache: string | undefined;

/**
 * One temporary cache folder for this test process, removed when it ends: the tests never
 * write index files into the user's own cache folder.
 */
export function testCacheDir(): string {
  if (!testCache) {
    const dir = mkdtempSync(join(tmpdir(), 'psg-test-cache-'));
    testCache = dir;
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return testCache;
}

/** A clean environment: no colour, no PSG_DIR from the developer's shell, a fixed zone, a temporary cache. */
export function psgEnv(options: RunOptions = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', TZ: options.tz ?? process.env.TZ ?? 'UTC', PSG_CACHE_DIR: testCacheDir() };
  delete env.XDG_CACHE_HOME;
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
