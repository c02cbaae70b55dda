// psg list in a 40-column terminal (tmux) stays useful: regions shortened to "Puno +1", the
// date without its century, a letter's title without "Letter from ", and no row wider than
// the terminal. From 60 columns up the cells are whole again (see list-tty.test.ts).
import { describe, expect, it } from '@jest/globals';
import { BIN, ROOT } from '../helpers/run.js';
import { hasTmux, sq, Terminal } from '../helpers/tmux.js';

if (!hasTmux()) console.warn('tmux is not installed: skipping the narrow-terminal tests of psg list (apt-get install tmux)');

const DONE = '__psg_done__';

async function inTerminal(columns: number, args: string): Promise<string[]> {
  const shell = `cd ${sq(ROOT)} && unset FORCE_COLOR PSG_DIR PSG_TODAY && export NO_COLOR=1 TZ=UTC && node ${sq(BIN)} ${args}; echo ${DONE}; sleep 600`;
  const terminal = new Terminal(shell, columns, 60);
  try {
    await terminal.waitFor(DONE, 20_000);
    const lines = terminal.screen({ joined: true }).split('\n');
    return lines.slice(0, lines.findIndex((l) => l.includes(DONE)));
  } finally {
    terminal.close();
  }
}

(hasTmux() ? describe : describe.skip)('psg list in a 40-column terminal', () => {
  it('shortens regions and dates before it cuts, and keeps every row within 40 columns', async () => {
    const lines = await inTerminal(40, 'list');
    expect(lines).toHaveLength(15);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(40);
    expect(lines[0]).toMatch(/^DATE +TYPE +REGIONS +TITLE$/);
    expect(lines[1]).toMatch(/^19-04-01 {2}letter {2}Puno \+1 +Puno: Usin…$/);
    expect(lines.find((l) => l.includes('Cusco'))).toMatch(/^19-03-18 {2}news {4}Cusco +Espinar: c…$/);
    // Whole region names where they fit; no "Letter…" that says nothing.
    expect(lines.filter((l) => / Cajamarca /.test(l))).toHaveLength(2);
    expect(lines.join('\n')).not.toContain('Letter…');
    expect(lines[11]).toMatch(/^— +page +— +PSG Aims$/);
  }, 30_000);

  it('grouped rows too', async () => {
    const lines = await inTerminal(40, 'list --by region');
    expect(lines).toContain('Puno (1)');
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(40);
    expect(lines.some((l) => /^ {2}19-04-01 {2}letter {2}Puno \+1 /.test(l))).toBe(true);
  }, 30_000);
});
