// psg validate's stylish report in real terminals of 40, 80 and 120 columns (tmux): no line
// wider than the terminal, messages wrapped at spaces under their own column, rule ids whole;
// piped, one line a problem and no trailing spaces.
import { describe, expect, it } from '@jest/globals';
import { BIN, psg, ROOT } from '../helpers/run.js';
import { hasTmux, sq, Terminal } from '../helpers/tmux.js';

if (!hasTmux()) console.warn('tmux is not installed: skipping the terminal tests of psg validate (apt-get install tmux)');

const DONE = '__psg_done__';
const FOLDER = 'test/fixtures/broken';
const width = (line: string) => [...line].length;

async function inTerminal(columns: number, args: string[]): Promise<string[]> {
  const shell = `cd ${sq(ROOT)} && unset FORCE_COLOR PSG_DIR PSG_TODAY && export NO_COLOR=1 TZ=UTC && node ${sq(BIN)} ${args.map(sq).join(' ')}; echo ${DONE}; sleep 600`;
  const terminal = new Terminal(shell, columns, 500);
  try {
    await terminal.waitFor(DONE, 30_000);
    // Joined: a line that wrapped on its own would show here as one longer line.
    const lines = terminal.screen({ joined: true }).split('\n');
    return lines.slice(0, lines.findIndex((l) => l.includes(DONE)));
  } finally {
    terminal.close();
  }
}

interface JsonProblem {
  rule: string;
  message: string;
}

const problems = (): JsonProblem[] =>
  (JSON.parse(psg(['validate', '--format', 'json', FOLDER]).stdout) as { files: { problems: JsonProblem[] }[] }).files.flatMap((f) => f.problems);

(hasTmux() ? describe : describe.skip)('psg validate in a terminal', () => {
  for (const columns of [40, 80, 120]) {
    it(`fits ${columns} columns: messages wrap at spaces, rule ids stay whole`, async () => {
      const lines = await inTerminal(columns, ['validate', FOLDER]);
      expect(lines.length).toBeGreaterThan(40);
      for (const line of lines) expect(width(line)).toBeLessThanOrEqual(columns);
      for (const line of lines) expect(line).toBe(line.trimEnd());
      const screen = lines.join('\n');
      // The message column: text after "  L:C  severity  " and the lines indented under it,
      // put back together with spaces (the rule ids taken off the ends).
      const rules = new Set(problems().map((p) => p.rule));
      const words = lines
        .flatMap((l) => l.replace(/^ {2}\d+:\d+ +(error|warning) {2}/, '').trim().split(/ +/))
        .filter((w) => !rules.has(w));
      const flowing = words.join(' ');
      let checked = 0;
      for (const p of problems()) {
        expect(screen).toMatch(new RegExp(`(^| )${p.rule}$`, 'm'));
        // A message whose words all fit the column reads whole, no word broken in two.
        if (p.message.split(' ').every((w) => width(w) < columns - 20)) {
          expect(flowing).toContain(p.message);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(20);
    }, 40_000);
  }

  it('at 120 columns each short message is one line with its rule id beside it', async () => {
    const lines = await inTerminal(120, ['validate', `${FOLDER}/articles/noncanonical-region.md`]);
    expect(lines).toContain('  6:5  warning  Write the region "cuzco" as "Cusco"   region-noncanonical');
  }, 40_000);

  it('piped, every problem is one line with no trailing spaces', () => {
    const lines = psg(['validate', FOLDER]).stdout.split('\n');
    for (const line of lines) expect(line).toBe(line.trimEnd());
    for (const p of problems()) expect(lines.some((l) => l.includes(p.message) && l.endsWith(`   ${p.rule}`))).toBe(true);
  });
});
