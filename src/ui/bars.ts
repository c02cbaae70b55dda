// Horizontal bar charts for the terminal: labels aligned on the left, counts right-aligned,
// bars scaled so that the largest fills the width left over. Eighth blocks give each bar a
// resolution of 1/8 of a cell; any count above zero gets at least a sliver.
import type { ChalkInstance } from 'chalk';

export interface Bar {
  label: string;
  count: number;
  /** Drawn dimmed: a "none" group, say. */
  muted?: boolean;
}

const FULL = '█';
const PARTS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** Cells a string takes in a terminal: code points, after joining accents to their letters. */
export function cellWidth(text: string): number {
  return [...text.normalize('NFC')].length;
}

function fit(text: string, width: number): string {
  const chars = [...text.normalize('NFC')];
  if (chars.length <= width) return chars.join('') + ' '.repeat(width - chars.length);
  return `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}

/** A bar `eighths`/8 cells long. */
export function barText(eighths: number): string {
  return FULL.repeat(Math.floor(eighths / 8)) + PARTS[eighths % 8];
}

/** How many eighths of a cell a count gets when `max` fills `cells`. */
export function barEighths(count: number, max: number, cells: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.max(1, Math.round((count / max) * cells * 8));
}

/**
 * The chart as lines `label  count bar`, at most `columns - 1` cells wide (the last column
 * stays free, so no terminal wraps a full line).
 */
export function renderBars(bars: readonly Bar[], columns: number, paint: ChalkInstance): string {
  if (!bars.length) return '';
  const countWidth = Math.max(...bars.map((b) => String(b.count).length));
  const longest = Math.max(...bars.map((b) => cellWidth(b.label)));
  // Labels may take up to 40% of the width; the bars need room to be readable.
  const labelWidth = Math.max(1, Math.min(longest, Math.max(8, Math.floor(columns * 0.4))));
  const cells = Math.max(1, columns - 1 - labelWidth - 2 - countWidth - 1);
  const max = Math.max(...bars.map((b) => b.count));
  return bars
    .map((b) => {
      const label = fit(b.label, labelWidth);
      const count = String(b.count).padStart(countWidth);
      const bar = barText(barEighths(b.count, max, cells));
      const text = `${label}  ${count}`;
      return `${b.muted ? paint.dim(text) : text} ${b.muted ? paint.dim(bar) : paint.cyan(bar)}`.trimEnd();
    })
    .join('\n')
    .concat('\n');
}
