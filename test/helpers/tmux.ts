// A real terminal for tests: a detached tmux session of a given size on a private socket,
// keys sent as a user types them, and the screen read back with capture-pane. Every wait has
// a deadline, so that a prompt that never appears fails the test with the screen shown.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { BIN, psgEnv, type RunOptions } from './run.js';

/** True when `program --version` runs: bash, zsh. */
export const hasProgram = (program: string): boolean => spawnSync(program, ['--version'], { stdio: 'ignore' }).status === 0;

export const hasTmux = (): boolean => spawnSync('tmux', ['-V'], { stdio: 'ignore' }).status === 0;

/** A shell word in single quotes. */
export const sq = (word: string): string => `'${word.replace(/'/g, `'\\''`)}'`;

let sessions = 0;

export class Terminal {
  private readonly socket = `psg-test-${process.pid}-${++sessions}`;

  /** Start `command` (a shell command line) in a width × height terminal. */
  constructor(command: string, width = 80, height = 40, options: RunOptions = {}) {
    // -u: a UTF-8 terminal whatever the locale, so that accents and bar blocks survive.
    const result = spawnSync('tmux', ['-u', '-L', this.socket, '-f', '/dev/null', 'new-session', '-d', '-x', String(width), '-y', String(height), command], {
      env: psgEnv(options),
      cwd: options.cwd,
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`tmux did not start: ${result.stderr}`);
  }

  private tmux(...args: string[]): string {
    return spawnSync('tmux', ['-u', '-L', this.socket, ...args], { encoding: 'utf8' }).stdout ?? '';
  }

  /**
   * The screen as text, one line a row, trailing blanks removed. `joined` puts wrapped lines
   * back together (a row that wrapped shows as a longer line); `escapes` keeps colours.
   */
  screen(options: { joined?: boolean; escapes?: boolean } = {}): string {
    return this.tmux('capture-pane', '-p', ...(options.joined ? ['-J'] : []), ...(options.escapes ? ['-e'] : []), '-t', '0')
      .split('\n')
      .map((l) => l.trimEnd())
      .join('\n')
      .trimEnd();
  }

  /** Send tmux key names: 'Enter', 'Down', 'Space', 'BSpace', 'Tab', 'C-c'. */
  keys(...keys: string[]): void {
    if (keys.length) this.tmux('send-keys', '-t', '0', ...keys);
  }

  /** Type text literally (no key names), then optionally keys such as Tab or Enter. */
  type(text: string, ...keys: string[]): void {
    if (text) this.tmux('send-keys', '-t', '0', '-l', text);
    this.keys(...keys);
  }

  /** Paste text as a terminal does (through a tmux buffer): send-keys cannot take 100 KB. */
  paste(text: string, dir: string): void {
    const file = join(dir, `.paste-${process.pid}-${sessions}`);
    writeFileSync(file, text);
    this.tmux('load-buffer', file);
    this.tmux('paste-buffer', '-t', '0');
  }

  /** Wait until the screen shows `what` (text, a pattern, or a test), and return it. */
  async waitFor(what: string | RegExp | ((screen: string) => boolean), ms = 15_000): Promise<string> {
    const test = typeof what === 'function' ? what : typeof what === 'string' ? (s: string) => s.includes(what) : (s: string) => what.test(s);
    const end = Date.now() + ms;
    for (;;) {
      const screen = this.screen();
      if (test(screen)) return screen;
      if (Date.now() > end) throw new Error(`the terminal never showed ${String(what)}; it shows:\n${screen}`);
      await sleep(40);
    }
  }

  close(): void {
    this.tmux('kill-server');
  }
}

/** A terminal running `psg <args>`, whose exit code can be waited for. */
export interface PsgTerminal extends Terminal {
  exitCode(timeoutMs?: number): Promise<number>;
}

/**
 * Start `psg <args>` in `dir` in a 100 × 50 terminal. The environment is only what is given
 * here (and PATH, HOME): no colour, no git author from this machine.
 */
export function startPsg(dir: string, args: string[], env: Record<string, string> = {}): PsgTerminal {
  const rcFile = join(dir, '.psg-exit-code');
  const script = join(dir, '.run-psg.sh');
  const vars: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? dir,
    TERM: 'xterm-256color',
    NO_COLOR: '1',
    TZ: process.env.TZ ?? 'UTC',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    ...env,
  };
  writeFileSync(
    script,
    [
      '#!/bin/sh',
      ...Object.entries(vars).map(([k, v]) => `export ${k}=${sq(v)}`),
      `cd ${sq(dir)}`,
      // Ctrl-C in a cooked terminal signals the shell too: it must live on to record the code.
      "trap ':' INT",
      `${sq(process.execPath)} ${sq(BIN)} ${args.map(sq).join(' ')}`,
      `echo $? > ${sq(rcFile)}`,
      // Keep the pane open so the last screen can still be read.
      'sleep 60',
    ].join('\n'),
    { mode: 0o755 },
  );
  const term = new Terminal(script, 100, 50, { cwd: dir }) as PsgTerminal;
  term.exitCode = async (timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!existsSync(rcFile) || !readFileSync(rcFile, 'utf8').trim()) {
      if (Date.now() > deadline) throw new Error(`psg did not finish; the terminal shows:\n${term.screen()}`);
      await sleep(40);
    }
    return Number(readFileSync(rcFile, 'utf8').trim());
  };
  return term;
}
