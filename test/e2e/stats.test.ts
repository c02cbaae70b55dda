import { afterAll, afterEach, describe, expect, it } from '@jest/globals';
import { BIN, psg, ROOT } from '../helpers/run.js';
import { hasTmux, sq, Terminal } from '../helpers/tmux.js';
import { cleanup } from '../helpers/testdir.js';

afterAll(cleanup);

describe('psg stats, piped', () => {
  it('prints label<TAB>count lines', () => {
    const r = psg(['stats']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Cajamarca\t2\nCusco\t1\nMadre de Dios\t1\nMoquegua\t1\nPuno\t1\n(standing pages)\t4\n(no region)\t5\n');
    expect(psg(['stats', '--by', 'type']).stdout).toBe('news\t7\nletter\t3\npage\t4\n');
    expect(psg(['stats', '--by', 'month']).stdout).toBe('2019-03\t9\n2019-04\t1\n(undated)\t4\n');
  });

  it('takes the filters of list', () => {
    expect(psg(['stats', '--by', 'tag', '--type', 'letter', '--since', '2019-03-20']).stdout).toBe(
      'mining\t2\nconsulta-previa\t1\nindigenous-rights\t1\nrondas-campesinas\t1\n',
    );
  });

  it('writes JSON with --format json', () => {
    const r = psg(['stats', '--by', 'year', '--format', 'json']);
    expect(JSON.parse(r.stdout)).toEqual({ by: 'year', articles: 14, groups: [{ key: '2019', count: 10 }, { key: null, count: 4 }] });
  });

  it('rejects an unknown grouping', () => {
    const r = psg(['stats', '--by', 'author']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("argument 'author' is invalid");
  });
});

/** Bar length in eighths of a cell. */
function eighths(line: string): number {
  const bar = /[█▏▎▍▌▋▊▉]+$/.exec(line)?.[0] ?? '';
  return [...bar].reduce((n, c) => n + (c === '█' ? 8 : '▏▎▍▌▋▊▉'.indexOf(c) + 1), 0);
}

describe.each([80, 120])('psg stats in a real %i-column terminal (must-show 3)', (width) => {
  let terminal: Terminal | undefined;
  afterEach(() => terminal?.close());

  (hasTmux() ? it : it.skip)('draws bars proportional to the counts, labels and counts aligned', async () => {
    const command = `${sq(process.execPath)} ${sq(BIN)} stats --by tag; echo __done__; sleep 60`;
    terminal = new Terminal(command, width, 40, { cwd: ROOT });
    const screen = await terminal.waitFor((s) => s.includes('__done__'));
    const lines = screen.split('\n').filter((l) => /█|▏|▎|▍|▌|▋|▊|▉/.test(l));
    const rows = lines.map((line) => {
      const m = /^(\S+ +)(\d+) ([█▏▎▍▌▋▊▉]+)$/.exec(line);
      if (!m) throw new Error(`not a bar row: ${line}`);
      return { label: m[1]!.trim(), count: Number(m[2]), countEnd: m[1]!.length + m[2]!.length, bar: eighths(line), width: [...line].length };
    });
    expect(rows.map((r) => r.label)).toEqual(psg(['stats', '--by', 'tag']).stdout.trimEnd().split('\n').map((l) => l.split('\t')[0]));
    // Counts end in one column; the bars all start in the next but one.
    expect(new Set(rows.map((r) => r.countEnd)).size).toBe(1);
    expect(new Set(lines.map((l) => l.search(/[█▏▎▍▌▋▊▉]/))).size).toBe(1);
    // The largest bar fills the line to the last column but one; the others are in proportion.
    const max = Math.max(...rows.map((r) => r.count));
    const full = Math.max(...rows.map((r) => r.bar));
    expect(Math.max(...rows.map((r) => r.width))).toBe(width - 1);
    for (const r of rows) expect(Math.abs(r.bar - (r.count / max) * full)).toBeLessThanOrEqual(1);
  });
});
