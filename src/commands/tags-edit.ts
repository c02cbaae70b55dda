// psg tags rename OLD NEW and psg tags merge A B --into C: across the whole archive, front
// matter only, each file written atomically; the vocabulary in psg.config.json in the same
// step. --dry-run prints the unified diff of what would change and writes nothing.
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_NAME } from '../config.js';
import { decodeArticle } from '../core/article-file.js';
import type { CoreContext } from '../core/context.js';
import { renameTags, type TagChange } from '../core/tag-edit.js';
import { isWellFormedTag, tagForm } from '../core/tags.js';
import { orList, plural } from '../core/text.js';
import { configText, editVocabulary } from '../core/vocabulary-edit.js';
import { loadBuiltInTags } from '../data.js';
import { errnoCode, ExitCode, PsgError } from '../errors.js';
import { writeFileAtomic } from '../store/atomic.js';
import { relativeInside } from '../store/paths.js';
import type { ReadState } from '../store/atomic.js';
import { readForRewrite, rewriteArticle } from '../store/rewrite.js';
import { scanArticles } from '../store/scan.js';
import type { Io } from '../ui/io.js';
import { type GlobalOptions, openWorkspace, requireArticlesDir } from '../workspace.js';

export interface TagsEditOptions {
  dryRun?: boolean;
}

interface Change {
  abs: string;
  shown: string;
  before: string;
  after: string;
  bom: boolean;
  read?: ReadState;
}

function checkTo(to: string): void {
  if (isWellFormedTag(to)) return;
  const form = tagForm(to);
  throw new PsgError(`"${to}" is not a tag: tags are lowercase words joined by hyphens`, {
    hint: form ? `Write it as "${form}"` : 'Use letters, digits and hyphens, e.g. "consulta-previa"',
  });
}

function fromSet(names: readonly string[], to: string): Set<string> {
  const from = new Set<string>();
  for (const name of names) {
    const form = tagForm(name);
    if (!form) throw new PsgError(`"${name}" is not a tag`, { hint: 'Name tags as they are written in the articles, e.g. mining' });
    from.add(form);
  }
  if (from.size === 1 && from.has(to)) throw new PsgError(`"${to}" is already called "${to}": nothing to rename`, { hint: 'Give the new name second: psg tags rename OLD NEW' });
  return from;
}

/** Only `tags` may differ between what was read and what would be written. */
function sameApartFromTags(path: string, before: string, after: string, ctx: CoreContext): boolean {
  const strip = (text: string) => {
    const data = decodeArticle(path, Buffer.from(text, 'utf8'), ctx).data;
    if (!data) return undefined;
    data.delete('tags');
    return JSON.stringify([...data]);
  };
  const a = strip(before);
  return a !== undefined && a === strip(after);
}

async function editTags(names: string[], to: string, verb: 'rename' | 'merge', options: TagsEditOptions, global: GlobalOptions, io: Io): Promise<number> {
  checkTo(to);
  const from = fromSet(names, to);
  const change: TagChange = { from, to };
  const ws = openWorkspace(global, io.env, io.cwd);
  const dir = requireArticlesDir(ws);
  const shown = (abs: string) => relativeInside(ws.cwd, abs) ?? abs;

  const changes: Change[] = [];
  let unreadable = 0;
  for (const rel of scanArticles(dir).files) {
    const abs = join(dir, rel);
    const file = readForRewrite(abs, rel, ws.ctx);
    const fm = file.frontMatter;
    if (!fm || file.text === undefined || !file.data) {
      unreadable++;
      continue;
    }
    const yaml = renameTags(fm.yaml, change);
    if (yaml === fm.yaml) continue;
    const after = file.text.slice(0, fm.yamlStart) + yaml + file.text.slice(fm.yamlStart + fm.yaml.length);
    if (!sameApartFromTags(rel, file.text, after, ws.ctx)) {
      io.err(`${io.paintErr.yellow('psg:')} ${shown(abs)}: left as it is; its tags could not be changed without touching other fields\n`);
      continue;
    }
    const c: Change = { abs, shown: shown(abs), before: file.text, after, bom: file.bom };
    if (file.read) c.read = file.read;
    changes.push(c);
  }

  const vocabulary = editVocabulary(ws.config.tags, loadBuiltInTags().map((t) => t.tag), change);
  const configFile = ws.config.file ?? join(ws.cwd, CONFIG_NAME);
  const configBefore = existsSync(configFile) ? readFileSync(configFile, 'utf8') : undefined;
  const configAfter = vocabulary.tags ? configText(configBefore, vocabulary.tags) : undefined;
  const named = (tags: readonly string[]) => tags.map((t) => `"${t}"`).join(tags.length === 2 ? ' and ' : ', ');
  const what = `${named([...from].filter((t) => t !== to))} ${verb === 'rename' ? 'to' : 'into'} "${to}"`;
  if (unreadable) io.err(`${io.paintErr.dim('psg:')} ${plural(unreadable, 'file')} could not be read as articles and ${unreadable === 1 ? 'was' : 'were'} left alone; \`psg validate\` says why\n`);

  if (!changes.length && configAfter === undefined) {
    io.out(`Nothing to change: no article has ${orList([...from])}, and the vocabulary already has "${to}" without ${from.size === 1 ? 'it' : 'them'}\n`);
    return ExitCode.ok;
  }
  if (options.dryRun) {
    const { createTwoFilesPatch, FILE_HEADERS_ONLY } = await import('diff');
    const patch = (name: string, before: string | undefined, after: string) => {
      // A file that does not exist yet comes from /dev/null, as in git's diffs.
      const text = createTwoFilesPatch(before === undefined ? '/dev/null' : `a/${name}`, `b/${name}`, before ?? '', after, undefined, undefined, { headerOptions: FILE_HEADERS_ONLY });
      return text.replace(/^[-+].*$/gm, (line) => (line.startsWith('---') || line.startsWith('+++') ? io.paint.bold(line) : line[0] === '+' ? io.paint.green(line) : io.paint.red(line)));
    };
    for (const c of changes) io.out(patch(c.shown, c.before, c.after));
    if (configAfter !== undefined) io.out(patch(shown(configFile), configBefore, configAfter));
    const files = `${plural(changes.length, 'file')}${configAfter === undefined ? '' : ` and ${shown(configFile)}`}`;
    io.err(`${io.paintErr.dim('psg:')} dry run: ${verb === 'rename' ? 'renaming' : 'merging'} ${what} would change ${files}; nothing was written\n`);
    return ExitCode.ok;
  }

  const failed: string[] = [];
  for (const c of changes) {
    try {
      // Through a link to the file it names, so that the link stays a link.
      rewriteArticle(realpathSync(c.abs), c.after, c.bom, c.read);
    } catch (e) {
      const why = e instanceof PsgError ? 'it changed while psg worked on it' : errnoCode(e) ? (e as Error).message.split(',')[0] : String(e);
      io.err(`${io.paintErr.red('psg:')} ${c.shown}: not written (${why}); it is unchanged\n`);
      failed.push(c.shown);
    }
  }
  const done = changes.length - failed.length;
  io.out(`${io.paint.green('✔')} ${verb === 'rename' ? 'Renamed' : 'Merged'} ${what} in ${plural(done, 'file')}\n`);
  if (configAfter !== undefined) {
    writeFileAtomic(configFile, configAfter, { overwrite: true });
    const builtIn = vocabulary.wroteBuiltIn ? `: the built-in vocabulary cannot lose a tag, so ${shown(configFile)} now lists the whole vocabulary` : '';
    io.out(`${io.paint.green('✔')} ${configBefore === undefined ? 'Wrote' : 'Updated'} the vocabulary in ${shown(configFile)}${builtIn}\n`);
  }
  if (failed.length) {
    throw new PsgError(`${plural(failed.length, 'file')} could not be written and ${failed.length === 1 ? 'is' : 'are'} unchanged`, { hint: `Run the same command again: the other files are done, and it changes only what is left` });
  }
  return ExitCode.ok;
}

export function renameTag(old: string, next: string, options: TagsEditOptions, global: GlobalOptions, io: Io): Promise<number> {
  return editTags([old], next, 'rename', options, global, io);
}

export function mergeTags(sources: string[], into: string, options: TagsEditOptions, global: GlobalOptions, io: Io): Promise<number> {
  if (sources.length < 1) throw new PsgError('name the tags to merge', { hint: 'psg tags merge A B --into C' });
  return editTags(sources, into, 'merge', options, global, io);
}
