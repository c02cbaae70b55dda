// psg search in a real terminal (tmux, 60 columns): rows fit the width, the passage sits
// under its row on one line, and the matched words are highlighted.
import { describe, expect, it } from '@jest/globals';
import { BIN, ROOT } from '../helpers/run.js';
import { hasTmux, sq, Terminal } from '../helpers/tmux.js';

if (!hasTmux()) console.warn('tmux is not installed: skipping the terminal tests of psg search (apt-get install tmux)');

const DONE = '__psg_done__';
const WIDTH = 60;

async function inTerminal(args: string, escapes: boolean): Promise<string[]> {
  const shell = `cd ${sq(ROOT)} && unset NO_COLOR FORCE_COLOR PSG_DIR PSG_TODAY && export TZ=UTC && node ${sq(BIN)} search ${args}; echo ${DONE}; sleep 600`;
  const terminal = new Terminal(shell, WIDTH, 40);
  try {
    await terminal.waitFor(DONE, 30_000);
    const lines = terminal.screen({ joined: true, escapes }).split('\n');
    return lines.slice(0, lines.findIndex((l) => l.includes(DONE)));
  } finally {
    terminal.close();
  }
}

// eslint-disable-next-line no-control-regex -- the terminal's colour codes are what is checked
const ANSI = /\u001b\[[0-9;]*m/g;
// eslint-disable-next-line no-control-regex -- the codes that end right where the word begins
const ANSI_END = /(\u001b\[[0-9;]*m)+$/;
// eslint-disable-next-line no-control-regex -- the word, its colour ended, then plain text
const AFTER = /^rondas(\u001b\[[0-9;]*m)+ campesinas/;

(hasTmux() ? describe : describe.skip)('psg search in a 60-column terminal', () => {
  it('highlights "rondas" in the passage under the Cajamarca letter, every line within the width', async () => {
    const painted = await inTerminal('rondas --region Cajamarca', true);
    const plain = painted.map((l) => l.replace(ANSI, ''));
    for (const line of plain) expect([...line].length).toBeLessThanOrEqual(WIDTH);
    // Narrow, a letter's title drops "Letter from ", which TYPE already says.
    expect(plain[1]).toMatch(/^2019-03-23 {2}letter {2}Cajamarca {2}(Letter from )?Cajamarca \(2\)/);
    expect(plain[2]).toMatch(/^ {2}.*rondas campesinas/);
    // The word is painted (bold, yellow: the codes just before it) and the text after it is not.
    const at = painted[2]!.indexOf('rondas');
    const before = painted[2]!.slice(0, at).match(ANSI_END)?.[0] ?? '';
    expect(before).toMatch(/\[1m|\[33m|;1m|;33m/);
    expect(painted[2]!.slice(at)).toMatch(AFTER);
  });
});
