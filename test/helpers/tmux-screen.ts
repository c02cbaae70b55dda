// A real terminal for tests: a detached tmux session of a given size on a private socket,
// whose screen is read back with capture-pane. Tests that need one skip where tmux is absent.
import { spawnSync } from 'node:child_process';
import { psgEnv, type RunOptions } from './run.js';

/** True when `program --version` runs: bash, zsh. */
export const hasProgram = (program: string): boolean => spawnSync(program, ['--version'], { stdio: 'ignore' }).status === 0;

export const hasTmux = (): boolean => spawnSync('tmux', ['-V'], { stdio: 'ignore' }).status === 0;

let sessions = 0;

/** A shell word in single quotes. */
export const sq = (word: string): string => `'${word.replace(/'/g, `'\\''`)}'`;

export class Terminal {
  private readonly socket = `psg-test-${process.pid}-${++sessions}`;

  /** Start `command` (a shell command line) in a width × height terminal. */
  constructor(command: string, width = 80, height = 40, options: RunOptions = {}) {
    const env = psgEnv(options);
    // -u: a UTF-8 terminal whatever the locale, so that accents and bar blocks survive.
    const result = spawnSync('tmux', ['-u', '-L', this.socket, '-f', '/dev/null', 'new-session', '-d', '-x', String(width), '-y', String(height), command], {
      env,
      cwd: options.cwd,
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`tmux did not start: ${result.stderr}`);
  }

  private tmux(...args: string[]): string {
    return spawnSync('tmux', ['-u', '-L', this.socket, ...args], { encoding: 'utf8' }).stdout ?? '';
  }

  /** The screen as text, one line a row, trailing blanks removed. */
  screen(): string {
    return this.tmux('capture-pane', '-p', '-t', '0')
      .split('\n')
      .map((l) => l.trimEnd())
      .join('\n')
      .trimEnd();
  }

  /** Type text literally (no key names), then optionally keys such as Tab or Enter. */
  type(text: string, ...keys: string[]): void {
    if (text) this.tmux('send-keys', '-t', '0', '-l', text);
    if (keys.length) this.tmux('send-keys', '-t', '0', ...keys);
  }

  /** Wait until the screen satisfies `test` (polling), and return it; throws after `ms`. */
  async waitFor(test: (screen: string) => boolean, ms = 15_000): Promise<string> {
    const end = Date.now() + ms;
    for (;;) {
      const screen = this.screen();
      if (test(screen)) return screen;
      if (Date.now() > end) throw new Error(`the terminal never showed what the test waited for; it shows:\n${screen}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  close(): void {
    this.tmux('kill-server');
  }
}
