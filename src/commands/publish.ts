// psg publish FILE|SLUG [--date D] and psg unpublish FILE|SLUG: a draft becomes published,
// dated, and moved to its dated name; unpublish makes it a draft again where it stands.
// Only the `date` and `draft` lines change: the rest of the file stays byte for byte.
import { existsSync, statSync } from 'node:fs';
import { basename, join, resolve, sep } from 'node:path';
import { relativeInside } from '../store/paths.js';
import { nameParts } from '../core/article.js';
import { type ArticleFile, decodeArticle } from '../core/article-file.js';
import { checkArticleFile } from '../core/check.js';
import { parseDateValue } from '../core/dates.js';
import { FrontMatterEditError, removeField, setField } from '../core/frontmatter-edit.js';
import { orList, plural, suggest } from '../core/text.js';
import { ExitCode, PsgError } from '../errors.js';
import { writeFileAtomic } from '../store/atomic.js';
import { moveFile } from '../store/move.js';
import { type FileStamp, readArticle } from '../store/read.js';
import { scanArticles } from '../store/scan.js';
import type { Io } from '../ui/io.js';
import { type GlobalOptions, openWorkspace, requireArticlesDir, type Workspace } from '../workspace.js';

export interface PublishOptions {
  date?: string;
}

type Want = 'draft' | 'published';

interface Found {
  abs: string;
  /** Relative to the articles folder, with forward slashes. */
  rel: string;
}

const inside = relativeInside;

const shown = (ws: Workspace, abs: string) => inside(ws.cwd, abs) ?? abs;

function isDraft(abs: string, rel: string, ws: Workspace): boolean {
  return readArticle(abs, rel, ws.ctx).data?.get('draft') === true;
}

/**
 * The article named on the command line: a path (from here or from the articles folder), else
 * a slug — the file name without its date and .md. Where a slug names several files, the one in
 * the state the command changes (a draft for publish) is taken if it is the only one.
 */
function findArticle(ws: Workspace, name: string, want: Want): Found {
  const root = requireArticlesDir(ws);
  for (const abs of [resolve(ws.cwd, name), resolve(root, name)]) {
    if (!existsSync(abs) || !statSync(abs).isFile()) continue;
    const rel = inside(root, abs);
    if (!rel) {
      throw new PsgError(`${name} is not in the articles folder (${shown(ws, root)})`, {
        hint: 'Move it into the articles folder first, or point psg at its folder with --dir',
      });
    }
    return { abs, rel };
  }
  if (name.includes('/') || name.includes(sep)) {
    throw new PsgError(`no such file: ${name}`, { hint: 'Give the path of an article, or its slug (the file name without the date and .md)' });
  }
  const wanted = name.replace(/\.md$/i, '');
  const files = scanArticles(root).files;
  const matches = files.filter((rel) => {
    const base = basename(rel).replace(/\.md$/i, '');
    return base === wanted || nameParts(rel).slug === wanted;
  });
  if (matches.length === 0) {
    const slugs = new Set(files.map((rel) => nameParts(rel).slug));
    let near = suggest(wanted, slugs);
    // A word of the slug ("mining") finds the slugs that hold it.
    if (!near.length) near = [...slugs].filter((slug) => slug.includes(wanted.toLowerCase())).slice(0, 3);
    throw new PsgError(`no article with the slug "${wanted}"${near.length ? `; did you mean ${orList(near)}?` : ''}`, {
      hint: 'Give the path of the file, or its slug: the file name without the date and .md',
    });
  }
  let chosen = matches;
  if (matches.length > 1) {
    const inState = matches.filter((rel) => isDraft(join(root, rel), rel, ws) === (want === 'draft'));
    if (inState.length === 1) chosen = inState;
  }
  if (chosen.length > 1) {
    throw new PsgError(`"${wanted}" names ${plural(chosen.length, 'article')}: ${chosen.join(', ')}`, {
      hint: 'Give the path of the one you mean',
    });
  }
  return { abs: join(root, chosen[0]!), rel: chosen[0]! };
}

interface Opened extends Found {
  file: ArticleFile & { text: string; data: Map<string, unknown>; stamp?: FileStamp };
  yaml: string;
  title: string;
}

function open(ws: Workspace, found: Found): Opened {
  const file = readArticle(found.abs, found.rel, ws.ctx);
  if (file.text === undefined || !file.data || !file.frontMatter) {
    const why = file.problems[0]?.message ?? 'it has no front matter';
    throw new PsgError(`${shown(ws, found.abs)} cannot be read as an article: ${why}`, {
      hint: `Fix it first; \`psg validate ${shown(ws, found.abs)}\` shows every problem`,
      exitCode: ExitCode.problems,
    });
  }
  const title = typeof file.data.get('title') === 'string' ? (file.data.get('title') as string) : basename(found.rel);
  return { ...found, file: file as Opened['file'], yaml: file.frontMatter.yaml, title };
}

function edited(opened: Opened, edit: (yaml: string) => string, ws: Workspace): string {
  let yaml: string;
  try {
    yaml = edit(opened.yaml);
  } catch (error) {
    if (!(error instanceof FrontMatterEditError)) throw error;
    throw new PsgError(`cannot edit ${shown(ws, opened.abs)}: ${error.message}`, { hint: 'Edit the date and draft lines by hand' });
  }
  const fm = opened.file.frontMatter!;
  return opened.file.text.slice(0, fm.yamlStart) + yaml + opened.file.text.slice(fm.yamlStart + fm.yaml.length);
}

/** Write the new text in place, atomically, unless someone changed the file since we read it. */
function rewrite(ws: Workspace, opened: Opened, text: string): void {
  const stamp = opened.file.stamp;
  const now = statSync(opened.abs);
  if (stamp && (now.size !== stamp.size || now.mtimeMs !== stamp.mtimeMs)) {
    throw new PsgError(`${shown(ws, opened.abs)} changed while psg was reading it; nothing was written`, { hint: 'Run the command again' });
  }
  writeFileAtomic(opened.abs, (opened.file.bom ? '\uFEFF' : '') + text, { overwrite: true });
}

function note(io: Io, text: string): void {
  io.err(`${io.paintErr.dim('psg:')} ${text}\n`);
}

/** After the change, say so if the article has errors that validate would report. */
function reportErrors(ws: Workspace, io: Io, rel: string, abs: string, text: string): void {
  const errors = checkArticleFile(decodeArticle(rel, Buffer.from(text, 'utf8'), ws.ctx), ws.ctx).filter((p) => p.severity === 'error');
  if (errors.length) note(io, `${shown(ws, abs)} has ${plural(errors.length, 'error')}; \`psg validate ${shown(ws, abs)}\` lists them`);
}

export async function publish(name: string, options: PublishOptions, global: GlobalOptions, io: Io): Promise<number> {
  const ws = openWorkspace(global, io.env, io.cwd);
  let date = ws.ctx.today;
  if (options.date !== undefined) {
    const parsed = parseDateValue(options.date);
    if (!parsed.ok) throw new PsgError(`bad date for --date: ${parsed.message}`, { hint: 'Without --date it is today' });
    date = options.date.trim();
  }
  const opened = open(ws, findArticle(ws, name, 'draft'));
  const type = opened.file.data.get('type');
  if (opened.file.data.get('draft') !== true) {
    if (options.date === undefined) {
      note(io, `${shown(ws, opened.abs)} is already published; nothing to do`);
      io.out(`${shown(ws, opened.abs)}\n`);
      return ExitCode.ok;
    }
    throw new PsgError(`${shown(ws, opened.abs)} is already published; --date would move a public item`, {
      hint: `Run psg unpublish ${name} first if you mean to re-date it`,
    });
  }
  const day = date.slice(0, 10);
  const dated = type !== 'page';
  const text = edited(opened, (yaml) => (dated ? setField(removeField(yaml, 'draft'), 'date', date) : removeField(yaml, 'draft')), ws);
  const root = requireArticlesDir(ws);
  const target = dated ? join(root, day.slice(0, 4), `${day}-${nameParts(opened.rel).slug}.md`) : opened.abs;
  if (target !== opened.abs && existsSync(target)) {
    throw new PsgError(`${shown(ws, target)} already exists; nothing was changed`, {
      hint: 'Publish on another --date, or rename one of the two articles',
    });
  }
  rewrite(ws, opened, text);
  let how = '';
  if (target !== opened.abs) {
    try {
      const method = moveFile(opened.abs, target, root);
      how = `; moved from ${shown(ws, opened.abs)}${method === 'git mv' ? ' with git mv' : ''}`;
    } catch (error) {
      // Put the draft back as it was, so that a failed move changes nothing.
      writeFileAtomic(opened.abs, (opened.file.bom ? '\uFEFF' : '') + opened.file.text, { overwrite: true });
      throw error;
    }
  }
  note(io, `published "${opened.title}"${dated ? `, dated ${day}` : ''}${how}`);
  if (dated && day > ws.ctx.today) note(io, `${day} is after today: list and digest show it from that day on`);
  reportErrors(ws, io, inside(root, target)!, target, text);
  io.out(`${shown(ws, target)}\n`);
  return ExitCode.ok;
}

export async function unpublish(name: string, global: GlobalOptions, io: Io): Promise<number> {
  const ws = openWorkspace(global, io.env, io.cwd);
  const opened = open(ws, findArticle(ws, name, 'published'));
  if (opened.file.data.get('draft') === true) {
    note(io, `${shown(ws, opened.abs)} is already a draft; nothing to do`);
  } else {
    rewrite(ws, opened, edited(opened, (yaml) => setField(yaml, 'draft', 'true'), ws));
    note(io, `"${opened.title}" is a draft again: list and digest leave it out (--drafts shows it)`);
  }
  io.out(`${shown(ws, opened.abs)}\n`);
  return ExitCode.ok;
}
