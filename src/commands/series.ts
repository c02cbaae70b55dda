// psg series: the letter series and their parts; psg series renumber NAME: number a series by
// date, renaming titles and files to match (git mv in a work tree), or --dry-run to see how.
import { existsSync } from 'node:fs';
import { moveOrder, renumberPlan, type Retitle } from '../core/renumber.js';
import { type ArchiveSeries, outOfOrder, seriesOfArticles, type SeriesMember } from '../core/series.js';
import { foldName, orList, plural, suggestFrom } from '../core/text.js';
import { quoted, scalar } from '../core/yaml-text.js';
import { ExitCode, PsgError } from '../errors.js';
import { applyChange, changes, type PreparedChange, prepareChange } from '../store/retitle.js';
import { withSeriesLock } from '../store/series-lock.js';
import { shownPath } from '../store/paths.js';
import type { Io } from '../ui/io.js';
import { type GlobalOptions, openWorkspace, requireArticlesDir, type Workspace } from '../workspace.js';
import { loadArticlesSync } from './shared.js';

export interface RenumberOptions {
  dryRun?: boolean;
}

function archiveSeries(ws: Workspace, global: GlobalOptions, io: Io, quiet = false): ArchiveSeries {
  return seriesOfArticles(loadArticlesSync(ws, global, io, { quiet }).articles);
}

/** psg series: each series with its parts, in part order, and a note where dates disagree. */
export async function listSeries(global: GlobalOptions, io: Io): Promise<number> {
  const ws = openWorkspace(global, io.env, io.cwd);
  const all = archiveSeries(ws, global, io).all().sort((a, b) => a[0]!.series.localeCompare(b[0]!.series));
  if (!all.length) {
    io.out('No letter series yet: psg new letter --place <place> starts one\n');
    return ExitCode.ok;
  }
  const root = requireArticlesDir(ws);
  for (const members of all) {
    const name = members[0]!.series;
    io.out(`${io.paint.bold(name)}  ${plural(members.length, 'letter')}\n`);
    for (const m of members) io.out(`  ${String(m.part).padStart(3)}  ${m.date ?? '          '}  ${shownPath(ws.cwd, `${root}/${m.path}`)}\n`);
    if (outOfOrder(members).length) io.out(`  ${io.paint.yellow('not in date order:')} psg series renumber ${quoted(name)}\n`);
  }
  return ExitCode.ok;
}

function findSeries(series: ArchiveSeries, name: string): SeriesMember[] {
  const wanted = name.trim();
  // "Puno" stands for "Letter from Puno".
  for (const candidate of [wanted, `Letter from ${wanted}`]) {
    const members = series.parts(candidate);
    if (members.length) return members;
  }
  // "Pnuo" is near "Letter from Puno" by its place.
  const names = series.all().map((m) => m[0]!.series);
  const candidates = names.flatMap((n) => [n, n.replace(/^Letter from /, '')].map((key) => ({ key: foldName(key), display: n })));
  const near = suggestFrom(wanted, candidates);
  throw new PsgError(`no letter series "${wanted}"${near.length ? `; did you mean ${orList(near)}?` : ''}`, {
    hint: '`psg series` lists the series',
  });
}

/** The file changes a plan makes, checked whole before anything is written. */
interface Step {
  plan: Retitle;
  change: PreparedChange;
}

function prepare(ws: Workspace, root: string, name: string, members: SeriesMember[]): Step[] {
  const show = (abs: string) => shownPath(ws.cwd, abs);
  const plan = renumberPlan(name, members);
  const prepared = plan
    .map((r) => ({
      plan: r,
      change: prepareChange(
        root,
        r.path,
        {
          title: { value: r.to.title, yaml: quoted(r.to.title) },
          series: { value: name, yaml: scalar(name) },
          part: { value: r.to.part, yaml: String(r.to.part) },
        },
        r.to.path,
        ws.ctx,
        show,
      ),
    }))
    .filter((step) => changes(step.change));
  const moving = new Set(prepared.filter(({ change: c }) => c.rel !== c.toRel).map(({ change: c }) => c.rel));
  const targets = new Set<string>();
  for (const { change: c } of prepared) {
    if (c.rel === c.toRel) continue;
    // Never over another file: only a letter that itself moves away may leave its name free.
    if (targets.has(c.toRel) || (existsSync(c.toAbs) && !moving.has(c.toRel))) {
      throw new PsgError(`${show(c.toAbs)} already exists; nothing was changed`, {
        hint: `Rename or remove that file, then run psg series renumber ${quoted(name)} again`,
      });
    }
    targets.add(c.toRel);
  }
  return prepared;
}

export async function renumberSeries(name: string, options: RenumberOptions, global: GlobalOptions, io: Io): Promise<number> {
  const ws = openWorkspace(global, io.env, io.cwd);
  const root = requireArticlesDir(ws);
  const show = (abs: string) => shownPath(ws.cwd, abs);
  const seriesName = findSeries(archiveSeries(ws, global, io), name)[0]!.series;
  return withSeriesLock(
    root,
    seriesName,
    () => {
      // Under the lock, the series as it is now.
      const members = archiveSeries(ws, global, io, true).parts(seriesName);
      const prepared = prepare(ws, root, seriesName, members);
      if (!prepared.length) {
        io.out(`${quoted(seriesName)}: ${plural(members.length, 'letter')}, numbered by date already; nothing to change\n`);
        return ExitCode.ok;
      }
      const order = moveOrder(prepared.map(({ change: c }) => ({ from: c.rel, to: c.toRel })));
      if (!order) {
        throw new PsgError(`two letters of ${quoted(seriesName)} would swap file names; nothing was changed`, {
          hint: 'Rename one of them first (psg rename), then run psg series renumber again',
        });
      }
      const byFrom = new Map(prepared.map((step) => [step.change.rel, step]));
      // Files that only change inside go first; then moves, in an order that frees each name first.
      const steps = [...prepared.filter(({ change: c }) => c.rel === c.toRel), ...order.map((m) => byFrom.get(m.from)!)];
      io.out(`${options.dryRun ? 'Would renumber' : 'Renumbering'} ${quoted(seriesName)} by date:\n`);
      for (const { plan: p, change: c } of [...steps].sort((a, b) => a.plan.to.part - b.plan.to.part)) {
        const date = members.find((m) => m.path === p.path)?.date ?? '';
        io.out(`  part ${p.part} → ${p.to.part}  ${date}  ${show(c.abs)}${c.rel === c.toRel ? '' : ` → ${show(c.toAbs)}`}\n`);
        if (p.title !== p.to.title) io.out(`    title ${quoted(p.title)} → ${quoted(p.to.title)}\n`);
      }
      if (options.dryRun) {
        io.out('Dry run: nothing was changed\n');
        return ExitCode.ok;
      }
      let git = 0;
      for (const { change } of steps) if (applyChange(change, show) === 'git mv') git++;
      io.out(`Renumbered ${plural(steps.length, 'letter')}${git ? ` (${git} moved with git mv)` : ''}\n`);
      return ExitCode.ok;
    },
    { shown: show },
  );
}
