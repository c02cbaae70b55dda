// Escaping for the formats that carry markup. Every value from an article or an option goes
// through one of these before it meets HTML, XML or Markdown.

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or attribute value for HTML and XML: & < > " ' become entities. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!);
}

/**
 * Characters XML 1.0 cannot hold at all, even escaped: C0 controls other than tab, line
 * feed and carriage return, unpaired surrogates, U+FFFE and U+FFFF. A feed with one of
 * them is not well-formed, so they are dropped.
 */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlChars(value: string): string {
  return value.replace(NOT_XML, '');
}

/**
 * Plain text as Markdown that shows it as written: the characters that start emphasis,
 * code, links or raw HTML are backslash-escaped, and so is a line start that would make a
 * heading, quote or list. Everything else stays readable as it is.
 */
export function escapeMarkdown(line: string): string {
  const inline = line.replace(/[\\`*_[\]<>~|]/g, '\\$&').replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
  return inline.replace(/^(\s*)([#+=-]|\d+(?=[.)]))/, (_m, space: string, mark: string) =>
    /^\d+$/.test(mark) ? `${space}${mark}\\` : `${space}\\${mark}`,
  );
}
