// Writing strings into front matter so that they read back exactly: shared by psg new
// (whole files) and --fix (edits in place).

// Words YAML 1.1 or 1.2 would read as something other than a string.
const RESERVED = /^(?:true|false|yes|no|on|off|y|n|null|~)$/i;
// A plain scalar that is safe both alone and inside a flow list [a, b]: it starts with a
// letter and holds no character YAML gives a meaning to (: # , [ ] { } & * ! | > ' " % @ `).
const PLAIN = /^\p{L}[\p{L}\p{M}\p{N} ._’()/-]*$/u;
// Characters a YAML double-quoted string must escape beyond what JSON escapes: DEL, C1
// controls, the Unicode line and paragraph separators and the byte-order mark.
const UNPRINTABLE = /[\u007f-\u009f\u2028\u2029\ufeff]/g;
// Half of a surrogate pair on its own is not text; it becomes U+FFFD, as a decoder would make it.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A double-quoted YAML string: JSON's escaping, which YAML reads the same way, plus a few more. */
export function quoted(text: string): string {
  return JSON.stringify(text.replace(LONE_SURROGATE, '\ufffd')).replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A string as a plain scalar where that reads back unchanged, else double-quoted. */
export function scalar(text: string): string {
  return PLAIN.test(text) && !RESERVED.test(text) && text.trim() === text ? text : quoted(text);
}

/** A flow list [a, b] of scalars. */
export function flowList(values: readonly string[]): string {
  return `[${values.map(scalar).join(', ')}]`;
}

