// Article text as it may reach a terminal or a one-line field: control characters made
// visible, so that no value or file name can move the cursor, set a window title, clear the
// screen, forge a line of a report, or turn text around (bidirectional overrides).

// C0 controls, DEL, C1 controls, and the bidirectional embeddings, overrides and isolates.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex -- as above
const CONTROL_TEST = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const shown = (c: string): string => {
  const code = c.charCodeAt(0);
  // The Unicode control pictures (␛, ␊, ␇…) for C0 and DEL; a code point for the rest.
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
};

/** One line of text with every control character shown as a visible sign (tab, newline included). */
export function visible(text: string): string {
  return CONTROL_TEST.test(text) ? text.replace(CONTROL, shown) : text;
}

// As CONTROL, less NUL: for text that joins many names with NUL between them.
// eslint-disable-next-line no-control-regex -- as above
const CONTROL_BUT_NUL = /[\u0001-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Whether NUL-joined names (an archive's paths) are all as visible() would show them: one test for all. */
export function visibleNames(joined: string): boolean {
  return !CONTROL_BUT_NUL.test(joined);
}

/** Text that may span lines: line breaks and tabs kept, every other control character made visible. */
export function visibleLines(text: string): string {
  return CONTROL_TEST.test(text) ? text.replace(CONTROL, (c) => (c === '\n' || c === '\t' ? c : c === '\r' ? '' : shown(c))) : text;
}

/** Where the text holds a control character other than a line break or a tab, or -1. */
export function controlCharacterIn(text: string): number {
  // eslint-disable-next-line no-control-regex -- as above
  const re = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
  const m = re.exec(text);
  return m ? m.index : -1;
}

/** A value quoted in a message: made visible and cut to `max` characters. */
export function shortValue(text: string, max = 60): string {
  const one = visible(text);
  return one.length > max ? `${one.slice(0, max)}…` : one;
}

/** Text for a place that holds one line (a heading, a table cell): line breaks become spaces, other controls visible. */
export function oneLine(text: string): string {
  return visible(text.replace(/[ \t]*(?:\r\n|[\r\n\u2028\u2029])[ \t]*/g, ' '));
}
