// Values from articles and the config carry whatever a file holds: NUL, ESC, BEL, the C1
// controls, noncharacters such as U+FFFE, lone surrogates. None of them means anything in
// HTML or in a mail message, and some break the readers (a mail client, a terminal showing
// the .eml), so the digest that goes out drops them; where a format needs one line, line
// breaks become spaces.

// C0 controls but tab and line feed (carriage returns are line breaks: see below), DEL, C1.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B-\u000C\u000E-\u001F\u007F-\u009F]/g;
// Noncharacters: U+FDD0–U+FDEF and the last two code points of every plane.
const NONCHARACTERS = /[\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]/g;
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text without control characters (tab and line feed stay) or noncharacters; CR LF and CR become LF. */
export function cleanText(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(CONTROLS, '').replace(NONCHARACTERS, '').replace(LONE_SURROGATES, '');
}

/** The same on one line: every run of white space with a line break in it, and each tab, becomes one space. */
export function oneLine(value: string): string {
  return cleanText(value)
    .replace(/[ \t]*[\n\u2028\u2029\u0085][\s]*/g, ' ')
    .replace(/\t/g, ' ')
    .trim();
}
