// psg new [news|letter|page]: collect a draft (flags, then prompts on a terminal), write it
// as a new file that appears whole, print its path, and open it with --edit.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { shownPath } from '../store/paths.js';
import type { Article, ArticleType } from '../core/article.js';
import { draftPath, draftText } from '../core/draft.js';
import { ExitCode } from '../errors.js';
import { createArticleFile, readTemplate } from '../store/create.js';
import { openInEditor } from '../ui/editor.js';
import type { Io } from '../ui/io.js';
import { inquirerPrompter, type Prompter } from '../ui/prompter.js';
import { type GlobalOptions, openWorkspace, requireArticlesDir } from '../workspace.js';
import { loadArticlesSync } from './shared.js';
import { collectDraft, type NewFlags } from './new-flow.js';

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

  let articles: Article[] | undefined;
  const draft = await collectDraft(
    type,
    flags,
    {
      ctx: ws.ctx,
      // Slugs and series parts are all a new article is checked against: the index's keys, no record parsed.
      articles: () => (articles ??= loadArticlesSync(ws, global, io).keyArticles()),
      show: (path) => shown(join(root, path)),
      defaultAuthor: () => ws.config.author ?? gitUserName(ws.cwd, io.env),
      note,
      noPrompt: flags.yes ? 'yes' : 'no-tty',
    },
    interactive ? (deps.prompter ?? inquirerPrompter()) : undefined,
  );

  const text = draftText(draft, readTemplate(root, draft.type));
  const file = createArticleFile(root, draftPath(draft), text, { shown });
  io.out(`${shown(file)}\n`);
  if (draft.date && draft.date.date > ws.ctx.today && !draft.draft) {
    note(`dated ${draft.date.date}, after today (${ws.ctx.today}): psg validate will ask for "draft: true" until it is due`);
  }

  if (flags.edit) {
    const edited = openInEditor(file, io.env);
    if (!edited.ok) {
      note(
        edited.reason === 'unset'
          ? 'set $VISUAL or $EDITOR to open new articles with --edit; the file is written'
          : `the editor "${edited.editor}" failed (${edited.detail}); the file is written`,
      );
    }
  }
  return ExitCode.ok;
}
