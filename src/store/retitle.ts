// Change a few front-matter fields of an article and, with them, its file name: the text is
// rewritten in place (atomically, only if nobody changed the file since it was read), then
// the file is moved, with git mv where git tracks it. Shared by rename and series renumber.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { CoreContext } from '../core/context.js';
import { FrontMatterEditError, setField } from '../core/frontmatter-edit.js';
import { ExitCode, PsgError } from '../errors.js';
import { writeFileAtomic } from './atomic.js';
import { type MoveMethod, moveFile } from './move.js';
import { type FileStamp, readArticle } from './read.js';

/** New values of top-level fields: text or a number, written as YAML by the caller's scalar(). */
export type FieldValues = Record<string, { value: string | number; yaml: string }>;

export interface PreparedChange {
  rel: string;
  abs: string;
  toRel: string;
  toAbs: string;
  /** The text now and after; equal when only the name changes. */
  before: string;
  after: string;
  bom: boolean;
  stamp?: FileStamp;
}

/** Read `rel` and work out its new text; throws (exit 2) when it cannot be read as an article. */
export function prepareChange(root: string, rel: string, fields: FieldValues, toRel: string, ctx: CoreContext, show: (abs: string) => string): PreparedChange {
  const abs = join(root, ...rel.split('/'));
  const file = readArticle(abs, rel, ctx);
  if (file.text === undefined || !file.frontMatter || !file.data) {
    throw new PsgError(`${show(abs)} cannot be read as an article: ${file.problems[0]?.message ?? 'it has no front matter'}`, {
      hint: `Fix it first; \`psg validate ${show(abs)}\` shows every problem`,
      exitCode: ExitCode.usage,
    });
  }
  const fm = file.frontMatter;
  let yaml = fm.yaml;
  try {
    for (const [key, { value, yaml: text }] of Object.entries(fields)) {
      if (file.data.get(key) !== value) yaml = setField(yaml, key, text);
    }
  } catch (error) {
    if (!(error instanceof FrontMatterEditError)) throw error;
    throw new PsgError(`cannot edit ${show(abs)}: ${error.message}`, { hint: 'Edit its front matter by hand' });
  }
  const after = file.text.slice(0, fm.yamlStart) + yaml + file.text.slice(fm.yamlStart + fm.yaml.length);
  const change: PreparedChange = { rel, abs, toRel, toAbs: join(root, ...toRel.split('/')), before: file.text, after, bom: file.bom };
  if (file.stamp) change.stamp = file.stamp;
  return change;
}

export const changes = (c: PreparedChange) => c.before !== c.after || c.rel !== c.toRel;

/** Write and move one prepared change; a failed move puts the old text back. */
export function applyChange(c: PreparedChange, show: (abs: string) => string): MoveMethod | undefined {
  const now = statSync(c.abs);
  if (c.stamp && (now.size !== c.stamp.size || now.mtimeMs !== c.stamp.mtimeMs)) {
    throw new PsgError(`${show(c.abs)} changed while psg was working on it; it was left as it is`, { hint: 'Run the command again' });
  }
  const bom = c.bom ? '\uFEFF' : '';
  if (c.after !== c.before) writeFileAtomic(c.abs, bom + c.after, { overwrite: true });
  if (c.rel === c.toRel) return undefined;
  try {
    return moveFile(c.abs, c.toAbs);
  } catch (error) {
    if (c.after !== c.before) writeFileAtomic(c.abs, bom + c.before, { overwrite: true });
    throw error;
  }
}
