// psg rename FILE --title "…" (a letter: --place, --subtitle): a new title, and with it the
// slug and file name (the date in the name kept), moved with git mv where git tracks the file.
// Never over another file or another article's slug; --dry-run shows the change only.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Article } from '../core/article.js';
import { checkPlace, checkSubtitle, checkTitle, type Check } from '../core/new-answers.js';
import { renamedPath } from '../core/renumber.js';
import { countedSeries, letterTitle, nextLetter, sameSeries, SERIES_PREFIX, seriesOf, seriesOfArticles, titleSeries } from '../core/series.js';
import { slugify } from '../core/slug.js';
import { flowList, quoted, scalar } from '../core/yaml-text.js';
import { ExitCode, PsgError } from '../errors.js';
import { relativeInside, shownPath } from '../store/paths.js';
import { applyChange, changes, type FieldValues, prepareChange } from '../store/retitle.js';
import { withSeriesLock } from '../store/series-lock.js';
import type { Io } from '../ui/io.js';
import { type GlobalOptions, openWorkspace, requireArticlesDir, type Workspace } from '../workspace.js';
import { loadArticlesSync } from './shared.js';

export interface RenameOptions {
  title?: string;
  place?: string;
  subtitle?: string;
  dryRun?: boolean;
}

function flag<T>(name: string, check: Check<T>): T {
  if (check.ok) return check.value;
  throw new PsgError(`--${name}: ${check.message.charAt(0).toLowerCase()}${check.message.slice(1)}`, { hint: 'See psg rename --help' });
}

/** The article named: a path from here or from the articles folder. */
function findFile(ws: Workspace, root: string, name: string): string {
  for (const abs of [resolve(ws.cwd, name), resolve(root, name)]) {
    if (!existsSync(abs) || !statSync(abs).isFile()) continue;
    const rel = relativeInside(root, abs);
    if (rel) return rel;
    throw new PsgError(`${name} is not in the articles folder (${shownPath(ws.cwd, root)})`, { hint: 'Name an article inside the articles folder' });
  }
  throw new PsgError(`no such file: ${name}`, { hint: 'Give the path of the article, e.g. articles/2019/2019-03-18-espinar.md' });
}

interface Wanted {
  title: string;
  fields: FieldValues;
  /** The series whose numbering the change takes a part of, to lock. */
  lock?: string;
}

/** The new title and fields of `article` from the flags. */
function wanted(article: Article, options: RenameOptions, articles: readonly Article[]): Wanted {
  const counted = countedSeries(article);
  const isLetter = article.type === 'letter' && counted !== undefined;
  if (!isLetter) {
    if (options.place !== undefined || options.subtitle !== undefined) {
      throw new PsgError(`--${options.place !== undefined ? 'place' : 'subtitle'}: only a letter in a series has a place and a subtitle; give --title`, { hint: 'See psg rename --help' });
    }
    if (options.title === undefined) throw new PsgError('give the new title with --title', { hint: 'psg rename FILE --title "…"' });
    const title = flag('title', checkTitle(options.title));
    return { title, fields: { title: { value: title, yaml: quoted(title) } } };
  }
  if (options.title !== undefined) {
    throw new PsgError('--title: a letter takes its title from its place and subtitle', {
      hint: 'psg rename FILE --place Cajamarca and/or --subtitle "…"',
    });
  }
  if (options.place === undefined && options.subtitle === undefined) {
    throw new PsgError('give the new --place or --subtitle of the letter', { hint: 'psg rename FILE --subtitle "…"' });
  }
  const oldSubtitle = titleSeries(article.title)?.subtitle;
  let { series, part } = counted;
  const fields: FieldValues = {};
  let lock: string | undefined;
  if (options.place !== undefined) {
    const place = flag('place', checkPlace(options.place));
    if (!sameSeries(seriesOf(place), series)) {
      // Into another series: the next part of that one.
      ({ series, part } = nextLetter(place, seriesOfArticles(articles).parts(seriesOf(place))));
      lock = series;
      // The old place in `places` goes with the old series.
      const oldPlace = counted.series.startsWith(SERIES_PREFIX) ? counted.series.slice(SERIES_PREFIX.length) : undefined;
      if (oldPlace !== undefined && article.places.includes(oldPlace)) {
        const places = article.places.map((p) => (p === oldPlace ? place : p));
        fields.places = { value: flowList(places), yaml: flowList(places) };
      }
    }
  }
  const subtitle = options.subtitle !== undefined ? flag('subtitle', checkSubtitle(options.subtitle, series, part)) : oldSubtitle;
  const title = letterTitle(series, part, subtitle);
  return {
    title,
    fields: {
      title: { value: title, yaml: quoted(title) },
      series: { value: series, yaml: scalar(series) },
      part: { value: part, yaml: String(part) },
      ...fields,
    },
    ...(lock ? { lock } : {}),
  };
}

export async function rename(name: string, options: RenameOptions, global: GlobalOptions, io: Io): Promise<number> {
  const ws = openWorkspace(global, io.env, io.cwd);
  const root = requireArticlesDir(ws);
  const show = (abs: string) => shownPath(ws.cwd, abs);
  const rel = findFile(ws, root, name);
  const run = () => {
    const articles = loadArticlesSync(ws, global, io).articles;
    const article = articles.find((a) => a.path === rel);
    if (!article) {
      throw new PsgError(`${show(resolve(root, rel))} cannot be read as an article`, { hint: `\`psg validate ${show(resolve(root, rel))}\` says why` });
    }
    const want = wanted(article, options, articles);
    const toRel = renamedPath(rel, want.title);
    const slug = slugify(want.title);
    const owner = articles.find((a) => a.slug === slug && a.path !== rel);
    if (owner) {
      throw new PsgError(`the slug "${slug}" is already used by ${show(resolve(root, owner.path))}; nothing was changed`, {
        hint: 'Two articles with one slug would publish over each other on the site; choose another title',
      });
    }
    const change = prepareChange(root, rel, want.fields, toRel, ws.ctx, show);
    if (toRel !== rel && existsSync(change.toAbs)) {
      throw new PsgError(`${show(change.toAbs)} already exists; nothing was changed`, { hint: 'Choose another title, or rename that file first' });
    }
    if (!changes(change)) {
      io.err(`${io.paintErr.dim('psg:')} ${show(change.abs)} has that title already; nothing to change\n`);
      io.out(`${show(change.abs)}\n`);
      return ExitCode.ok;
    }
    const plan = `${show(change.abs)}${toRel === rel ? '' : ` → ${show(change.toAbs)}`}\n  title ${quoted(article.title)} → ${quoted(want.title)}\n`;
    if (options.dryRun) {
      io.out(`${plan}Dry run: nothing was changed\n`);
      return ExitCode.ok;
    }
    const method = applyChange(change, show);
    io.err(`${io.paintErr.dim('psg:')} renamed ${quoted(article.title)} to ${quoted(want.title)}${toRel === rel ? '' : `; moved from ${show(change.abs)}${method === 'git mv' ? ' with git mv' : ''}`}\n`);
    io.out(`${show(change.toAbs)}\n`);
    return ExitCode.ok;
  };
  // A letter moving into another series takes a part of it: under that series' lock.
  const probe = options.place !== undefined ? seriesOf(options.place) : undefined;
  return probe ? withSeriesLock(root, probe, run, { shown: show }) : run();
}
