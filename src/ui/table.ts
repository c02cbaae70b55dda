// Tables for the terminal: how many columns text takes (accents none of their own, CJK and
// emoji two, escape codes none), cutting and padding to a width, and fitting columns to the
// terminal. A small stand-in for string-width, which is not a dependency.

// eslint-disable-next-line no-control-regex -- escape codes are exactly what this matches
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g;
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\p{Cc}]+$/u;
const EMOJI = /\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F|\p{Regional_Indicator}|\u20E3/u;

// East Asian Wide and Fullwidth blocks (Unicode 15), the ones titles can plausibly hold.
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x16fe0, 0x16fe4],
  [0x17000, 0x18cff],
  [0x1b000, 0x1b2ff],
  [0x1f200, 0x1f2ff],
  [0x20000, 0x2fffd],
  [0x30000, 0x3fffd],
];

function isWide(codePoint: number): boolean {
  for (const [from, to] of WIDE) {
    if (codePoint < from) return false;
    if (codePoint <= to) return true;
  }
  return false;
}

// Latin letters with precomposed accents, and the punctuation titles use (— ’ “ …): one
// column for each UTF-16 unit, no segmenting needed. Most titles are this.
const SIMPLE_CHARS = '\\x20-\\x7e\\u00a0-\\u00ac\\u00ae-\\u02ff\\u0370-\\u03ff\\u0400-\\u0482\\u048a-\\u04ff\\u2010-\\u2027';
const SIMPLE = new RegExp(`^[${SIMPLE_CHARS}]*$`);
// SIMPLE text joined with NUL between the pieces: one test says all of them are SIMPLE.
const SIMPLE_JOINED = new RegExp(`^[\\0${SIMPLE_CHARS}]*$`);

/**
 * Whether every piece of NUL-joined text (a column of titles) is SIMPLE: shown as it is (no
 * control character, SIMPLE holds none) and one column for each UTF-16 unit.
 */
export function allSimple(joined: string): boolean {
  return SIMPLE_JOINED.test(joined);
}

// Built on first need: making a segmenter costs about 20 ms of start-up.
let segmenter: Intl.Segmenter | undefined;

/** Grapheme clusters: "é" written as e + accent is one, and is never split. */
export function graphemes(text: string): string[] {
  if (SIMPLE.test(text)) return text.split('');
  segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** Columns one grapheme cluster takes. */
export function graphemeWidth(cluster: string): number {
  if (ZERO_WIDTH.test(cluster)) return 0;
  if (EMOJI.test(cluster)) return 2;
  return isWide(cluster.codePointAt(0)!) ? 2 : 1;
}

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/** Columns the text takes on a terminal (escape codes ignored). */
export function displayWidth(text: string): number {
  // Most cells are SIMPLE, which holds no escape code: one test, no copy.
  if (SIMPLE.test(text)) return text.length;
  const plain = stripAnsi(text);
  if (SIMPLE.test(plain)) return plain.length;
  let width = 0;
  for (const cluster of graphemes(plain)) width += graphemeWidth(cluster);
  return width;
}

/** Cut plain text to at most `width` columns, ending in "…" when anything was cut. */
export function cutToWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 0) return '';
  let out = '';
  let used = 0;
  for (const cluster of graphemes(text)) {
    const w = graphemeWidth(cluster);
    if (used + w > width - 1) break;
    out += cluster;
    used += w;
  }
  return `${out.trimEnd()}…`;
}

/** Pad plain text with spaces to `width` columns. */
export function padToWidth(text: string, width: number): string {
  const gap = width - displayWidth(text);
  return gap > 0 ? text + ' '.repeat(gap) : text;
}

/** One line of a cell: control characters (a newline, an escape) become spaces. */
export function cleanCell(text: string): string {
  return SIMPLE.test(text) ? text : text.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ');
}

export interface Column<R> {
  header: string;
  /** The cell as plain text (control characters are made spaces). */
  text: (row: R) => string;
  /** A shorter form of the cell, shown where the full text does not fit the column's width. */
  compact?: (row: R) => string;
  /** Colour for the cell once it is cut and before it is padded. */
  paint?: (text: string, row: R) => string;
  /** Columns squeeze in ascending order of this; absent: the column squeezes last. */
  squeeze?: number;
  /** How narrow the column may get before the next one squeezes; absent: its full width. */
  min?: number;
  /** Every cell's text is known to be SIMPLE (its column was tested whole): not tested again for each row. */
  simple?: boolean;
}

const GAP = 2;

/** A cell's text as shown (control characters made spaces) and the columns it takes, with one test for most cells. */
function measure(text: string): [string, number] {
  if (SIMPLE.test(text)) return [text, text.length];
  const clean = cleanCell(text);
  return [clean, displayWidth(clean)];
}

/**
 * Column widths within `width` terminal columns (none: every column as wide as its widest
 * cell, for pipes). Columns give way in their squeeze order down to their `min`; on a
 * terminal too narrow even for that, down to one column each, so that no row ever wraps.
 */
export function fitColumns<R>(columns: readonly Column<R>[], rows: readonly R[], width?: number): number[] {
  const widest = columns.map((c) => {
    let w = 0;
    for (const row of rows) w = Math.max(w, measure(c.text(row))[1]);
    return w;
  });
  return squeeze(columns, widest, width);
}

/** The widths from each column's widest cell, squeezed as fitColumns says. */
function squeeze<R>(columns: readonly Column<R>[], widest: readonly number[], width?: number): number[] {
  const widths = columns.map((c, i) => Math.max(displayWidth(c.header), widest[i]!));
  if (width === undefined) return widths;
  let excess = widths.reduce((a, b) => a + b, 0) + GAP * (columns.length - 1) - width;
  const order = columns.map((c, i) => ({ i, squeeze: c.squeeze ?? Infinity })).sort((a, b) => a.squeeze - b.squeeze);
  for (const floor of [(i: number) => columns[i]!.min ?? widths[i]!, () => 1]) {
    for (const { i } of order) {
      if (excess <= 0) return widths;
      const give = Math.max(0, Math.min(excess, widths[i]! - floor(i)));
      widths[i]! -= give;
      excess -= give;
    }
  }
  return widths;
}

const SEPARATOR = ' '.repeat(GAP);

// Padding of each width made once: a table pads every cell of every row.
const paddings: string[] = [];
function spaces(n: number): string {
  return n <= 0 ? '' : (paddings[n] ??= ' '.repeat(n));
}

/** Plain text cut to the width, and the columns the result takes. */
function fitCell(text: string, used: number, width: number): [string, number] {
  if (used <= width) return [text, used];
  const cut = cutToWidth(text, width);
  return [cut, displayWidth(cut)];
}

/** Cells joined by the gap, each but the last padded to its column's width. */
function line(cells: readonly string[], used: ArrayLike<number>, widths: readonly number[]): string {
  let out = '';
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) out += SEPARATOR;
    out += cells[i]!;
    if (i < cells.length - 1 && widths[i]! > used[i]!) out += ' '.repeat(widths[i]! - used[i]!);
  }
  return out.trimEnd();
}

/**
 * One row from its cells' measured texts: each cut to its width with "…" (the compact form
 * first, where the column has one and the full text does not fit), painted and padded.
 */
function rowLine<R>(columns: readonly Column<R>[], widths: readonly number[], row: R, texts: readonly string[], used: ArrayLike<number>): string {
  const cells: string[] = [];
  const shown: number[] = [];
  columns.forEach((c, i) => {
    const compact = c.compact && used[i]! > widths[i]! ? measure(c.compact(row)) : undefined;
    const [text, w] = compact ? fitCell(compact[0], compact[1], widths[i]!) : fitCell(texts[i]!, used[i]!, widths[i]!);
    cells.push(c.paint ? c.paint(text, row) : text);
    shown.push(w);
  });
  return line(cells, shown, widths);
}

/** One row, each cell cut to its width with "…" and padded; the last cell is not padded. */
export function formatRow<R>(columns: readonly Column<R>[], widths: readonly number[], row: R): string {
  const measured = columns.map((c) => measure(c.text(row)));
  return rowLine(
    columns,
    widths,
    row,
    measured.map((m) => m[0]),
    measured.map((m) => m[1]),
  );
}

/** The header row, painted as a whole cell by cell. */
export function formatHeader<R>(columns: readonly Column<R>[], widths: readonly number[], paint: (text: string) => string): string {
  const cells: string[] = [];
  const used: number[] = [];
  columns.forEach((c, i) => {
    const [text, width] = fitCell(c.header, displayWidth(c.header), widths[i]!);
    cells.push(paint(text));
    used.push(width);
  });
  return line(cells, used, widths);
}

/**
 * A table's rows with every cell measured once, for lists long enough to notice: fitting
 * and then formatting 100,000 rows would otherwise work out each cell's text twice.
 *
 * Piped (no width to fit, no colour), the last column is never cut or padded, so it is not
 * measured, and no cell is kept: the other cells are measured to fit and made again for
 * each line. Keeping 400,000 cell strings cost more, in the garbage collector, than making
 * the short ones twice.
 */
export class MeasuredRows<R> {
  private readonly texts: string[] = [];
  private readonly used: Int32Array;
  private readonly piped: boolean;

  constructor(
    private readonly columns: readonly Column<R>[],
    readonly rows: readonly R[],
    /** The width the table is fitted to; none for a pipe. */
    private readonly width?: number,
  ) {
    const n = columns.length;
    this.piped = width === undefined && columns.every((c) => c.paint === undefined);
    if (this.piped) {
      this.used = new Int32Array(n);
      for (const row of rows) {
        for (let i = 0; i < n - 1; i++) {
          const w = measure(columns[i]!.text(row))[1];
          if (w > this.used[i]!) this.used[i] = w;
        }
      }
      return;
    }
    // Pushed in order: a list made at its full length up front would be a slow, sparse one.
    this.used = new Int32Array(rows.length * n);
    for (const row of rows) {
      for (const c of columns) {
        const text = c.text(row);
        // Most cells are SIMPLE: measured with one test, no pair made.
        if (c.simple || SIMPLE.test(text)) {
          this.used[this.texts.length] = text.length;
          this.texts.push(text);
        } else {
          const [clean, w] = measure(text);
          this.used[this.texts.length] = w;
          this.texts.push(clean);
        }
      }
    }
  }

  /** As fitColumns, to the width the rows were measured for. */
  fit(): number[] {
    if (this.piped) return squeeze(this.columns, Array.from(this.used), this.width);
    const n = this.columns.length;
    const widest = this.columns.map((_, i) => {
      let w = 0;
      for (let at = i; at < this.used.length; at += n) w = Math.max(w, this.used[at]!);
      return w;
    });
    return squeeze(this.columns, widest, this.width);
  }

  /** As formatRow, for row `k`. */
  format(widths: readonly number[], k: number): string {
    const n = this.columns.length;
    if (this.piped) {
      const row = this.rows[k]!;
      let out = '';
      for (let i = 0; i < n - 1; i++) {
        const [text, w] = measure(this.columns[i]!.text(row));
        out += text + SEPARATOR + spaces(widths[i]! - w);
      }
      const last = this.columns[n - 1]!;
      return (out + (last.simple ? last.text(row) : measure(last.text(row))[0])).trimEnd();
    }
    const at = k * n;
    // Most rows of a piped table, or of one that fits, need no cutting and no colour: their
    // cells are joined as they are (as rowLine would join them), without its arrays.
    let plain = true;
    for (let i = 0; i < n && plain; i++) plain = this.used[at + i]! <= widths[i]! && this.columns[i]!.paint === undefined;
    if (!plain) return rowLine(this.columns, widths, this.rows[k]!, this.texts.slice(at, at + n), this.used.subarray(at, at + n));
    let out = '';
    for (let i = 0; i < n; i++) {
      if (i > 0) out += SEPARATOR;
      out += this.texts[at + i]!;
      if (i < n - 1) out += spaces(widths[i]! - this.used[at + i]!);
    }
    return out.trimEnd();
  }
}

/**
 * Plain text as lines of at most `width` columns, broken at spaces; a word wider than the
 * width (a long path) is broken after a "/" or "-" where it can be, else where it must.
 */
export function wrapToWidth(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  const push = () => {
    if (current) lines.push(current);
    current = '';
  };
  for (const word of text.split(/ +/).filter(Boolean)) {
    const joined = current ? `${current} ${word}` : word;
    if (displayWidth(joined) <= width) {
      current = joined;
      continue;
    }
    push();
    let rest = word;
    while (displayWidth(rest) > width) {
      const [head, tail] = breakWord(rest, width);
      lines.push(head);
      rest = tail;
    }
    current = rest;
  }
  push();
  return lines.length ? lines : [''];
}

/** The first at most `width` columns of a word, ending after its last "/" or "-" in them if any. */
function breakWord(word: string, width: number): [string, string] {
  let head = '';
  let used = 0;
  let lastBreak = 0;
  for (const cluster of graphemes(word)) {
    const w = graphemeWidth(cluster);
    if (used + w > width) break;
    head += cluster;
    used += w;
    if (cluster === '/' || cluster === '-') lastBreak = head.length;
  }
  // Always at least one cluster, so that a terminal narrower than one cluster still ends.
  if (!head) head = graphemes(word)[0]!;
  const cut = lastBreak > head.length / 2 ? lastBreak : head.length;
  return [word.slice(0, cut), word.slice(cut)];
}
