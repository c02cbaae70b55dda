// js-yaml's errors as problems an editor can act on. js-yaml marks where it noticed the
// trouble, which is often the end of the node (a tag) or of the whole text (an unclosed
// quote); here the mark is moved back to where the editor has to look.
import type { YAMLException } from 'js-yaml';
import { error, type Problem } from './problem.js';

interface Place {
  line: number;
  column: number;
}

/** Line and column (0-based) of an offset in the text. */
function placeOf(text: string, offset: number): Place {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) };
}

/** The tag as the editor may have written it: !!js/function, !<tag:yaml.org,2002:js/function>, !foo. */
function writtenForms(tag: string): string[] {
  const core = 'tag:yaml.org,2002:';
  if (tag.startsWith(core)) return [`!!${tag.slice(core.length)}`, `!<${tag}>`];
  return [tag, `!<${tag}>`];
}

/**
 * Where a quoted value that never closes opens: the first value that starts with the quote
 * and has no closing quote anywhere after it.
 */
function unclosedQuote(yaml: string, quote: '"' | "'"): number | undefined {
  const opening = new RegExp(`(^|[:\\-\\[,{?]\\s*)${quote}`, 'gm');
  for (let m = opening.exec(yaml); m; m = opening.exec(yaml)) {
    const at = m.index + m[1]!.length;
    let i = at + 1;
    for (; i < yaml.length; i++) {
      if (quote === '"' && yaml[i] === '\\') i++;
      else if (yaml[i] === quote) {
        if (quote === "'" && yaml[i + 1] === "'") i++;
        else break;
      }
    }
    if (i >= yaml.length) return at;
    opening.lastIndex = i + 1;
  }
  return undefined;
}

/** The problem for a js-yaml error; `yamlLine` is the file line where the YAML starts. */
export function yamlProblem(e: YAMLException, yaml: string, yamlLine: number): Problem {
  const reason = e.reason || e.message;
  const position = e.mark?.position ?? 0;
  let place: Place = { line: e.mark?.line ?? 0, column: e.mark?.column ?? 0 };
  const where = () => ({ line: yamlLine + place.line, column: place.column + 1 });

  const tag = /unknown tag !<([^>]*)>/.exec(reason)?.[1];
  if (tag !== undefined) {
    const forms = writtenForms(tag);
    const at = Math.max(...forms.map((form) => yaml.lastIndexOf(form, position)));
    if (at >= 0) place = placeOf(yaml, at);
    return error('yaml-unsafe', `YAML tag ${forms[0]} is not allowed: front matter is plain data; remove the tag`, where());
  }
  if (/duplicated mapping key/.test(reason)) {
    const lineText = yaml.split('\n')[place.line] ?? '';
    const key = /^\s*(?:-\s+)?(["']?)(.*?)\1\s*:/.exec(lineText)?.[2];
    const named = key ? `The field "${key}"` : 'A field';
    return error('duplicate-key', `${named} is given twice; keep one of them`, where());
  }
  const quoted = /within a (double|single) quoted scalar/.exec(reason)?.[1];
  if (quoted) {
    const quote = quoted === 'double' ? '"' : "'";
    const at = unclosedQuote(yaml, quote);
    if (at !== undefined) {
      place = placeOf(yaml, at);
      return error('yaml-syntax', `YAML syntax: the quote ${quote} that opens here is never closed; end the value with ${quote}`, where());
    }
  }
  return error('yaml-syntax', `YAML syntax: ${reason}; check the quotes, colons and indentation on this line`, where());
}
