// The flags of `psg new`: each checked as its prompt would check it, the ones that do not fit
// the type refused, and, for a run that asks nothing, every missing answer named at once.
import { ARTICLE_TYPES, type ArticleType } from '../core/article.js';
import type { CoreContext } from '../core/context.js';
import {
  andList,
  type Check,
  checkAuthor,
  checkDate,
  checkPlace,
  checkPlaces,
  checkRegions,
  checkSummary,
  checkTags,
  checkOrder,
  checkTitle,
  splitList,
} from '../core/new-answers.js';
import { orList } from '../core/text.js';
import { PsgError } from '../errors.js';

export interface NewFlags {
  title?: string;
  date?: string;
  region?: string[];
  place?: string[];
  tag?: string[];
  summary?: string;
  author?: string;
  subtitle?: string;
  draft?: boolean;
  yes?: boolean;
  edit?: boolean;
  outOfOrder?: boolean;
  newPlace?: boolean;
  order?: string;
}

function lcfirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

// What a good value of each flag looks like, for the hint under the error.
const HINTS: Record<string, string> = {
  title: 'A headline is one line of up to 160 characters',
  date: 'A time may follow the date (2019-04-10T09:30); without --date it is today',
  summary: 'The summary is the lede that list and digest show, one or more sentences',
  author: 'The author is one line',
  place: 'A place is a province, town or community, one line; --place may repeat',
  region: 'Give a region (Cusco), another spelling (Cuzco) or a province (Espinar); --region may repeat',
  tag: 'Tags are lowercase words joined by hyphens, e.g. consulta-previa; --tag may repeat',
  order: "A page's order is its position among the standing pages in the digest, e.g. --order 2",
  subtitle: 'The subtitle follows "Letter from <place> (n): " in the title',
};

/** A flag's value through its check; a bad value is exit 2 naming the flag. */
export function fromFlag<T>(flag: string, check: Check<T>, hint = HINTS[flag]): T {
  if (check.ok) return check.value;
  throw new PsgError(`--${flag}: ${lcfirst(check.message)}`, { hint: hint ?? 'See psg new --help' });
}

/** The values of the flags given, checked; the first bad one is exit 2 naming it. */
export const SLUG_HINT = 'Two articles with one slug would publish over each other on the site';

export function readFlags(flags: NewFlags, ctx: CoreContext) {
  const given = {
    title: flags.title === undefined ? undefined : fromFlag('title', checkTitle(flags.title)),
    date: flags.date === undefined ? undefined : fromFlag('date', checkDate(flags.date)),
    summary: flags.summary === undefined ? undefined : fromFlag('summary', checkSummary(flags.summary)),
    author: flags.author === undefined ? undefined : fromFlag('author', checkAuthor(flags.author)),
    places: flags.place === undefined ? undefined : fromFlag('place', checkPlaces(splitList(flags.place))),
    regions: flags.region === undefined ? undefined : fromFlag('region', checkRegions(splitList(flags.region), ctx.gazetteer)),
    tags: flags.tag === undefined ? undefined : fromFlag('tag', checkTags(splitList(flags.tag), ctx.tags)),
    order: flags.order === undefined ? undefined : fromFlag('order', checkOrder(flags.order)),
  };
  if (given.places?.[0] !== undefined) fromFlag('place', checkPlace(given.places[0]));
  return given;
}

/** Flags that do not fit the type are mistakes worth stopping for. */
export function checkFlagsFitType(type: ArticleType, flags: NewFlags): void {
  if (type === 'letter' && flags.title !== undefined) {
    throw new PsgError('--title: a letter takes its title from --place and --subtitle', {
      hint: 'psg new letter --place Cajamarca --subtitle "…" makes "Letter from Cajamarca (n): …"',
    });
  }
  if (type !== 'letter' && flags.subtitle !== undefined) {
    throw new PsgError(`--subtitle: only letters have a subtitle; a ${type} has a --title`, { hint: 'See psg new --help' });
  }
  if (type !== 'page' && flags.order !== undefined) {
    throw new PsgError(`--order: only pages have an order; a ${type === 'news' ? 'news item' : type} is placed by its date`, { hint: 'Leave out --order, or make a page' });
  }
  if (type === 'page' && flags.date !== undefined) {
    throw new PsgError('--date: pages have no date', { hint: 'Leave out --date for a page, or make a news item' });
  }
}

/** Every required answer that no flag gave, named at once (for runs that ask nothing). */
export function missingFields(type: ArticleType | undefined, flags: NewFlags, ctx: CoreContext): string[] {
  const missing: string[] = [];
  if (!type) missing.push(`the type (${orList(ARTICLE_TYPES, false)})`);
  if (type === 'letter') {
    const place = flags.place?.[0];
    if (place === undefined) missing.push('--place');
    else if (!ctx.gazetteer.resolve(place) && !flags.region?.length) {
      missing.push(`--region (the region ${place} is in: it is not in the gazetteer)`);
    }
  } else if (flags.title === undefined) missing.push(type ? '--title' : '--title (or --place for a letter)');
  if (flags.summary === undefined) missing.push('--summary');
  return missing;
}

export function missingError(missing: string[], type: ArticleType | undefined, why: 'yes' | 'no-tty'): PsgError {
  const reason = why === 'yes' ? 'with --yes nothing is asked' : 'nothing is asked when stdin is not a terminal';
  const example =
    type === 'letter'
      ? 'psg new letter --place Cajamarca --subtitle "…" --summary "…"'
      : `psg new ${type ?? 'news'} --title "…" --summary "…"`;
  return new PsgError(`missing ${andList(missing)}; ${reason}`, {
    hint: `Give them as flags, e.g. ${example} (the date defaults to today)`,
  });
}
