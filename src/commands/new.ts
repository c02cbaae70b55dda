// psg new [news|letter|page]: collect a draft (flags, then prompts on a terminal), write it
// as a new file that appears whole, print its path, and open it with --edit.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { shownPath } from '../store/paths.js';
import type { Article, ArticleType } from '../core/article.js';
import { type ArticleDraft, draftPath, draftText } from '../core/draft.js';
import { type ArchiveSeries, seriesOfArticles } from '../core/series.js';
import { ExitCode, PsgError } from '../errors.js';
import { createArticleFile, readTemplate } from '../store/create.js';
import { withSeriesLock } from '../store/series-lock.js';
import { openInEditor } from '../ui/editor.js';
import type { Io } from '../ui/io.js';
import { trace } from '../ui/trace.js';
import { inquirerPrompter, type Prompter } from '../ui/prompter.js';
import { type GlobalOptions, openWorkspace, requireArticlesDir } from '../workspace.js';
import { cacheOptions, loadArticles, loadArticlesSync } from './shared.js';
import { type ArchiveNames, archiveNames } from '../store/names.js';
import { collectDraft, type NewFlags } from './new-flow.js';
import { settleLetter } from './new-letter.js';

export type { NewFlags } from './new-flow.js';

/** git's user.name where psg runs; nothing when git is absent or has none. */
function gitUserName(cwd: string, env: NodeJS.ProcessEnv): string | undefined {
  try {
    const result = spawnSync('git', ['config', 'user.name'], { cwd, env, encoding: 'utf8', timeout: 3000, stdio: ['ignore', 'pipe', 'ignore'] });
    const name = result.status === 0 ? result.stdout.trim() : '';
    return name || undefined;
  } catch {
    return undefined;
  }
}

export interface NewDeps {
  /** The prompter to use on a terminal (tests pass a fake). */
  prompter?: Prompter;
}

export async function newArticle(type: ArticleType | undefined, flags: NewFlags, global: GlobalOptions, io: Io, deps: NewDeps = {}): Promise<number> {
  const ws = openWorkspace(global, io.env, io.cwd);
  const root = requireArticlesDir(ws);
  const shown = (abs: string) => shownPath(ws.cwd, abs);
  const note = (text: string) => io.err(`${io.paintErr.dim('psg:')} ${text}\n`);
  const interactive = io.stdinIsTTY && !flags.yes;

  // Ctrl-C while no prompt is up (the archive loading before the first one) is a signal, not
  // a key the prompt sees: end as a prompt would, before anything is written. The handler
  // can only run between steps, never inside the synchronous write.
  const cancel = () => {
    io.err(`${io.paintErr.red('psg:')} Cancelled\n`);
    process.exit(ExitCode.cancelled);
  };
  if (interactive) {
    process.on('SIGINT', cancel);
    // The moment a test of Ctrl-C during the load can press it: no sooner.
    trace('Ctrl-C cancels');
  }

  let articles: Article[] | undefined;
  let series: ArchiveSeries | undefined;
  let draft: ArticleDraft;
  // Without prompts every check comes at once: load the archive the quick way first (worker
  // threads, which the checks inside a prompt cannot wait for).
  const keys = () => (articles ??= loadArticlesSync(ws, global, io).keyArticles());
  // Only a letter needs the archive's articles (its series and places); whether a slug is
  // free is a question of file names, which the store answers without reading the files.
  if (!interactive && type === 'letter') articles = (await loadArticles(ws, global, io)).keyArticles();
  let names: ArchiveNames | undefined;
  const slugOwner = (slug: string, own?: string) => (names ??= archiveNames(root, cacheOptions(global, io))).owner(slug, own);
  try {
    draft = await collectDraft(
      type,
      flags,
      {
        ctx: ws.ctx,
        articles: keys,
        slugOwner,
        series: () => (series ??= seriesOfArticles(keys())),
        show: (path) => shown(join(root, path)),
        defaultAuthor: () => ws.config.author ?? gitUserName(ws.cwd, io.env),
        note,
        noPrompt: flags.yes ? 'yes' : 'no-tty',
      },
      interactive ? (deps.prompter ?? inquirerPrompter()) : undefined,
    );
  } finally {
    process.off('SIGINT', cancel);
  }

  const template = readTemplate(root, draft.type);
  const write = (d: ArticleDraft) => createArticleFile(root, draftPath(d), draftText(d, template), { shown });
  let written = draft;
  const file = draft.series
    ? await withSeriesLock(
        root,
        draft.series,
        () => {
          // The series as it is now, under the lock: another psg may have added a letter.
          const now = seriesOfArticles(loadArticlesSync(ws, global, io, { quiet: true }).keyArticles()).parts(draft.series!);
          written = settleLetter(draft, now, { outOfOrder: Boolean(flags.outOfOrder), note });
          return write(written);
        },
        { shown },
      )
    : write(draft);
  io.out(`${shown(file)}\n`);
  if (written.date && written.date.date > ws.ctx.today && !written.draft) {
    note(`dated ${written.date.date}, after today (${ws.ctx.today}): psg validate will ask for "draft: true" until it is due`);
  }

  if (flags.edit) {
    const edited = openInEditor(file, io.env);
    if (!edited.ok && edited.reason === 'unset') note('set $VISUAL or $EDITOR to open new articles with --edit; the file is written');
    // The file stays (it is whole and valid); the run fails, so that a script sees the editor did.
    if (!edited.ok && edited.reason === 'failed') {
      throw new PsgError(`the editor "${edited.editor}" failed (${edited.detail}); the new file is kept: ${shown(file)}`, {
        hint: 'Open the file in your editor yourself, or check $VISUAL and $EDITOR',
      });
    }
  }
  return ExitCode.ok;
}
