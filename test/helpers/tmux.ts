// Drive the real bin/psg.js in a real terminal: a tmux session on a private socket, keys sent
// as a user types them, and the screen read back. Every wait has a deadline so that a prompt
// that never appears fails the test with the screen shown, instead of hanging it.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { BIN } from './run.js';

const TMUX = '/usr/bin/tmux';

export function tmuxAvailable(): boolean {
  return existsSync(TMUX);
}

export interface Terminal {
  /** Send tmux key names: 'Enter', 'Down', 'Space', 'BSpace', 'C-c'. */
  keys(...keys: string[]): void;
  /** Type text as it is, then nothing else. */
  type(text: string): void;
  /** The visible screen, trailing blank lines dropped. */
  screen(): string;
  /** Wait until the screen shows `what`; returns the screen. */
  waitFor(what: string | RegExp, timeoutMs?: number): Promise<string>;
  /** Wait for psg to end; its exit code. */
  exitCode(timeoutMs?: number): Promise<number>;
  close(): void;
}

const shq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * Start `psg <args>` in `cwd` inside a fresh tmux server. The environment is only what is
 * given here (and PATH, HOME): no colour, a pinned today, no git author from this machine.
 */
export function startPsg(dir: string, args: string[], env: Record<string, string> = {}): Terminal {
  const socket = join(dir, '.tmux.sock');
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
      ...Object.entries(vars).map(([k, v]) => `export ${k}=${shq(v)}`),
      `cd ${shq(dir)}`,
      `${shq(process.execPath)} ${shq(BIN)} ${args.map(shq).join(' ')}`,
      `echo $? > ${shq(rcFile)}`,
      // Keep the pane open so the last screen can still be read.
      'sleep 60',
    ].join('\n'),
    { mode: 0o755 },
  );
  const tmux = (...a: string[]) => execFileSync(TMUX, ['-S', socket, ...a], { encoding: 'utf8' });
  tmux('-f', '/dev/null', 'new-session', '-d', '-x', '100', '-y', '50', '-s', 'psg', script);

  const screen = () => tmux('capture-pane', '-p', '-t', 'psg').replace(/\s+$/, '');
  const term: Terminal = {
    keys: (...keys) => void tmux('send-keys', '-t', 'psg', ...keys),
    type: (text) => void tmux('send-keys', '-t', 'psg', '-l', text),
    screen,
    async waitFor(what, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const now = screen();
        if (typeof what === 'string' ? now.includes(what) : what.test(now)) return now;
        if (Date.now() > deadline) throw new Error(`the terminal never showed ${String(what)}; it shows:\n${now}`);
        await sleep(40);
      }
    },
    async exitCode(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (!existsSync(rcFile) || !readFileSync(rcFile, 'utf8').trim()) {
        if (Date.now() > deadline) throw new Error(`psg did not finish; the terminal shows:\n${screen()}`);
        await sleep(40);
      }
      return Number(readFileSync(rcFile, 'utf8').trim());
    },
    close() {
      try {
        tmux('kill-server');
      } catch {
        /* already gone */
      }
    },
  };
  return term;
}
