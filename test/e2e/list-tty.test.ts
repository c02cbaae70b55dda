// psg list in a real terminal: tmux gives a pane exactly 60 columns wide, so wrapping and
// colour are what a user would see. capture-pane -J joins wrapped lines back together, so a
// row that wrapped shows up as a line longer than 60 columns.
import { describe, expect, it } from '@jest/globals';
import { BIN, ROOT } from '../helpers/run.js';
import { hasTmux, Terminal } from '../helpers/tmux.js';

if (!hasTmux()) console.warn('tmux is not installed: skipping the terminal tests of psg list (apt-get install tmux)');

const DONE = '__psg_done__';
const WIDTH = 60;

/** Run a shell command in a fresh 60×40 pane; returns the screen (escapes kept with `escapes`). */
async function inTerminal(command: string, escapes = false): Promise<string[]> {
  const shell = `cd '${ROOT}' && unset NO_COLOR FORCE_COLOR PSG_DIR PSG_TODAY && export TZ=UTC && ${command}; echo ${DONE}; sleep 600`;
  const terminal = new Terminal(shell, WIDTH, 40);
  try {
    await terminal.waitFor(DONE, 20_000);
    const lines = terminal.screen({ joined: true, escapes }).split('\n');
    return lines.slice(0, lines.findIndex((l) => l.includes(DONE)));
  } finally {
    terminal.close();
  }
}

const psgList = (args = '') => `node '${BIN}' list ${args}`;
const width = (line: string) => [...line].length;

(hasTmux() ? describe : describe.skip)('psg list in a 60-column terminal', () => {
  it('fits every row to the width: titles cut with …, date, type and regions whole', async () => {
    const lines = await inTerminal(psgList());
    expect(lines).toHaveLength(15);
    for (const line of lines) expect(width(line)).toBeLessThanOrEqual(WIDTH);
    expect(lines[0]).toBe('DATE        TYPE    REGIONS         TITLE');
    expect(lines[1]).toBe('2019-04-01  letter  Puno, Moquegua  Puno: Using the law to…');
    expect(lines.filter((l) => l.endsWith('…')).length).toBeGreaterThanOrEqual(8);
    expect(lines[11]).toBe('—           page    —               PSG Aims');
  });

  it('fits grouped rows and headings too', async () => {
    const lines = await inTerminal(psgList('--by region'));
    expect(lines).toContain('Standing pages (4)');
    expect(lines).toContain('National, no region (5)');
    for (const line of lines) expect(width(line)).toBeLessThanOrEqual(WIDTH);
  });

  it('piped, rows stay whole even on a terminal (so they wrap)', async () => {
    const lines = await inTerminal(`${psgList()} | cat`);
    expect(lines).toContain('2019-04-01  letter  Puno, Moquegua  Letter from Puno: Using the law to protect community rights');
    expect(lines.join('\n')).not.toContain('…');
  });

  it('colours on a terminal, unless NO_COLOR or --no-color', async () => {
    const coloured = (await inTerminal(psgList('--limit 2'), true)).join('\n');
    expect(coloured).toMatch(new RegExp(String.raw`\u001b\[[0-9;]*35m(\u001b\[[0-9;]*m)*letter`));
    for (const command of [`NO_COLOR=1 ${psgList('--limit 2')}`, psgList('--limit 2 --no-color'), `node '${BIN}' --no-color list --limit 2`]) {
      const plain = (await inTerminal(command, true)).join('\n');
      expect(plain).toContain('letter');
      expect(plain).not.toContain('\u001b');
    }
  });
});
