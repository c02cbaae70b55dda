// The questions of `psg new`, answered by flags or at prompts, and the ArticleDraft they make.
// A flag answers its question; a prompt asks only what no flag answered. Both go through
// the same checks in core/new-answers.ts. Nothing here writes a file.
import type { Article, ArticleType } from '../core/article.js';
import type { CoreContext } from '../core/context.js';
import type { DateValue } from '../core/dates.js';
import { type ArticleDraft, draftPath } from '../core/draft.js';
import {
  type Check,
  checkAuthor,
  checkDate,
  checkPlace,
  checkPlaces,
  checkRegions,
  checkSlugFree,
  checkSubtitle,
  checkSummary,
  checkTitle,
  regionsOfPlaces,
  type SlugOwner,
  splitList,
} from '../core/new-answers.js';
import { type ArchiveSeries, letterTitle, nextLetter, seriesOf } from '../core/series.js';
import { orList } from '../core/text.js';
import { PsgError } from '../errors.js';
import type { Prompter, Validate } from '../ui/prompter.js';
import { checkLetterOrder, letterOrderProblem, nearPlaces, refuseNearPlace } from './new-letter.js';
import { checkFlagsFitType, fromFlag, missingError, missingFields, type NewFlags, readFlags, SLUG_HINT } from './new-flags.js';

export type { NewFlags } from './new-flags.js';

export interface FlowContext {
  ctx: CoreContext;
  /** The articles already in the archive (loaded on first use). */
  articles(): readonly Article[];
  /** The file that has a slug already, found from the archive's file names alone. */
  slugOwner: SlugOwner;
  /** The archive's letter series (loaded on first use). */
  series(): ArchiveSeries;
  /** The author to offer: the config's, else git's user.name. */
  defaultAuthor(): string | undefined;
  /** An article's path (relative to the articles folder) as the user should see it. */
  show(path: string): string;
  /** A note for stderr (a province taken as its region, a tag outside the vocabulary). */
  note(text: string): void;
  /** Why nothing is asked, for the missing-fields message; undefined when prompting. */
  noPrompt?: 'yes' | 'no-tty';
}

const asValidate =
  <T>(check: (text: string) => Check<T>): Validate =>
  (text) => {
    const result = check(text);
    return result.ok || result.message;
  };

/** Ask until the answer passes the check (the prompt re-asks), then return the checked value. */
async function ask<T>(
  prompter: Prompter,
  name: string,
  message: string,
  check: (text: string) => Check<T>,
  fallback?: string,
  editable = false,
): Promise<T> {
  const answer = await prompter.text({ name, message, validate: asValidate(check), ...(fallback ? { default: fallback, editable } : {}) });
  const result = check(answer);
  if (!result.ok) throw new PsgError(result.message); // a prompter that skipped validation
  return result.value;
}

/** A list typed at a prompt; "none" says empty where a pre-filled default would come back. */
function listAnswer(text: string): string[] {
  return text.trim().toLowerCase() === 'none' ? [] : splitList(text);
}

/** Turn the flags and, where a terminal allows, the answers to the prompts into a draft. */
export async function collectDraft(typeArg: ArticleType | undefined, flags: NewFlags, fc: FlowContext, prompter?: Prompter): Promise<ArticleDraft> {
  const { ctx } = fc;
  // Every given flag is checked before anything is asked or read.
  const given = readFlags(flags, ctx);
  if (typeArg) checkFlagsFitType(typeArg, flags);
  // A misspelt --place is said before the region it would then need.
  const placeFlag = given.places?.[0];
  if (typeArg === 'letter' && placeFlag !== undefined && !flags.newPlace) refuseNearPlace(placeFlag, nearPlaces(placeFlag, ctx.gazetteer, fc.series(), fc.articles()));
  if (!prompter) {
    const missing = missingFields(typeArg, flags, ctx);
    if (missing.length) throw missingError(missing, typeArg, fc.noPrompt ?? 'no-tty');
  }
  for (const note of [...(given.regions?.notes ?? []), ...(given.tags?.notes ?? [])]) fc.note(note);

  const type: ArticleType =
    typeArg ??
    (await prompter!.select<ArticleType>({
      name: 'type',
      message: 'Type',
      choices: [
        { value: 'news', description: 'a dated news item' },
        { value: 'letter', description: 'a letter from a correspondent, numbered in its series' },
        { value: 'page', description: 'a standing page, undated' },
      ],
    }));
  if (!typeArg) checkFlagsFitType(type, flags);

  // The headline: a letter's comes from its place and part.
  let title: string;
  let series: string | undefined;
  let part: number | undefined;
  let place: string | undefined;
  // A title given by flag, with its date known, names the file: that file existing is for the
  // create step to report (as concurrent runs see it). A prompt says it at once instead.
  const knownDate = type === 'page' ? undefined : (given.date ?? (prompter ? undefined : { date: ctx.today }));
  const slugFree = (t: string, byFlag: boolean) => {
    const known = type === 'page' || knownDate !== undefined;
    const path = byFlag && known ? draftPath({ type, title: t, ...(knownDate ? { date: knownDate } : {}) }) : undefined;
    return checkSlugFree(t, fc.slugOwner, path, fc.show);
  };
  if (type === 'letter') {
    const placeCheck = (text: string) => checkPlace(text);
    let typed = given.places?.[0] ?? (await ask(prompter!, 'place', 'Letter from (a place, e.g. Cajamarca)', placeCheck));
    // A place nobody knows but close to one somebody does is most likely a slip: asked again
    // on a terminal, refused by flag unless --new-place says it is new.
    const near = flags.newPlace ? [] : nearPlaces(typed, ctx.gazetteer, fc.series(), fc.articles());
    if (given.places?.[0] !== undefined) refuseNearPlace(typed, near);
    else if (near.length) {
      const keep = `\u0000keep`;
      const chosen = await prompter!.select<string>({
        name: 'near-place',
        message: `"${typed}" is neither in the gazetteer nor in the archive; did you mean`,
        choices: [
          ...near.map((n) => ({ value: n })),
          { value: keep, label: `keep "${typed}" as a new place`, description: `starts the series "${seriesOf(typed)}"` },
        ],
      });
      if (chosen !== keep) typed = chosen;
    }
    const resolved = ctx.gazetteer.resolve(typed);
    place = resolved ? (resolved.kind === 'province' ? resolved.province : resolved.region) : typed;
    if (!resolved && !fc.series().parts(seriesOf(typed)).length) {
      const near = ctx.gazetteer.suggest(typed);
      fc.note(`"${typed}" is not a region or province${near.length ? ` (did you mean ${orList(near)}?)` : ''}; it is taken as a place, in the region you give`);
    }
    ({ series, part } = nextLetter(place, fc.series().parts(seriesOf(place))));
    const byFlag = flags.subtitle !== undefined || !prompter;
    const withTitle = (text: string): Check<string | undefined> => {
      const sub = checkSubtitle(text, series!, part!);
      if (!sub.ok) return sub;
      const free = slugFree(letterTitle(series!, part!, sub.value), byFlag);
      return free.ok ? sub : free;
    };
    const subtitle = byFlag
      ? fromFlag('subtitle', withTitle(flags.subtitle ?? ''))
      : await ask(prompter!, 'subtitle', `Subtitle of ${letterTitle(series, part)} (optional)`, withTitle);
    title = letterTitle(series, part, subtitle);
  } else {
    const check = (text: string): Check<string> => {
      const t = checkTitle(text);
      return t.ok ? slugFree(t.value, false) : t;
    };
    title = given.title !== undefined ? fromFlag('title', slugFree(given.title, true), SLUG_HINT) : await ask(prompter!, 'title', 'Title', check);
  }

  let date: DateValue | undefined;
  if (type !== 'page') {
    // A letter may not be dated before a part it would follow: asked again, or refused.
    const inOrder = (d: DateValue): string | undefined =>
      series === undefined || flags.outOfOrder ? undefined : letterOrderProblem(series, part!, d.date, fc.series().parts(series));
    const dateCheck = (text: string): Check<DateValue> => {
      const d = checkDate(text);
      const problem = d.ok ? inOrder(d.value) : undefined;
      return problem ? { ok: false, message: `${problem}; give its date, or run with --out-of-order` } : d;
    };
    date = given.date ?? (prompter ? await ask(prompter, 'date', 'Date', dateCheck, ctx.today) : { date: ctx.today });
    // A date not typed at the prompt (a flag, or today) was not checked there.
    if (series !== undefined && !flags.outOfOrder && (given.date || !prompter)) checkLetterOrder(series, part!, date.date, fc.series().parts(series));
  }

  const places =
    given.places ??
    (prompter
      ? await ask(prompter, 'places', 'Places (provinces, towns, communities; comma-separated, or "none")', (t) => checkPlaces(listAnswer(t)), place, true)
      : []);
  if (place !== undefined && !places.length) places.push(place);

  const placeRegions = regionsOfPlaces(place === undefined ? places : [place, ...places], ctx.gazetteer);
  const needRegion = type === 'letter' && !ctx.gazetteer.resolve(place!);
  let regions: string[];
  if (given.regions || !prompter) {
    regions = [...new Set([...(given.regions?.regions ?? []), ...placeRegions])];
  } else {
    const check = (text: string): Check<string[]> => {
      const r = checkRegions(listAnswer(text), ctx.gazetteer);
      if (!r.ok) return r;
      if (needRegion && !r.value.regions.length) return { ok: false, message: `${place} is not in the gazetteer; name its region` };
      return { ok: true, value: r.value.regions };
    };
    regions = await ask(prompter, 'regions', 'Regions (comma-separated; "none" for national news)', check, placeRegions.join(', '), true);
  }

  const tags =
    given.tags?.tags ??
    (prompter
      ? await prompter.checkbox({
          name: 'tags',
          message: 'Tags',
          choices: ctx.tags.tags.map((t) => ({ value: t.tag, ...(t.meaning ? { description: t.meaning } : {}) })),
        })
      : []);

  const summary = given.summary ?? (await ask(prompter!, 'summary', 'Summary (the lede)', checkSummary));

  const fallbackAuthor = given.author === undefined ? fc.defaultAuthor() : undefined;
  const author =
    flags.author !== undefined
      ? given.author
      : prompter
        ? await ask(prompter, 'author', 'Author (optional)', checkAuthor, fallbackAuthor)
        : fallbackAuthor;

  const draft: ArticleDraft = { type, title, summary, regions, places, tags, draft: Boolean(flags.draft) };
  if (date) draft.date = date;
  if (author) draft.author = author;
  if (given.order !== undefined) draft.order = given.order;
  if (series !== undefined && part !== undefined) Object.assign(draft, { series, part });
  return draft;
}
