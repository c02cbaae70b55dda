// Every answer to `psg new`, checked the same way whether it was typed at a prompt or given
// as a flag: the prompt shows the message and asks again, the flag becomes an exit-2 error.
import { ARTICLE_TYPES, type Article, type ArticleType, FIELD_BY_NAME, isArticleType, LIMITS } from './article.js';
import { type DateValue, parseDateValue } from './dates.js';
import type { Gazetteer } from './gazetteer.js';
import { letterTitle } from './series.js';
import { slugify } from './slug.js';
import { tagForm, type TagVocabulary } from './tags.js';
import { orList } from './text.js';

/** "a", "a and b", "a, b and c". */
export function andList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export type Check<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Check<T> => ({ ok: true, value });
const no = <T>(message: string): Check<T> => ({ ok: false, message });

/** Longest place name we take: it becomes part of a title and a file name. */
export const PLACE_MAX = 60;
const AUTHOR_MAX = 120;

// Control characters other than tab have no place in a one-line field.
// eslint-disable-next-line no-control-regex -- finding them is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

function oneLine(what: string, text: string, max: number): Check<string> {
  const value = text.trim().replace(/\t/g, ' ');
  if (/[\r\n\u2028\u2029]/.test(value)) return no(`The ${what} must be one line`);
  if (CONTROL.test(value)) return no(`The ${what} holds a control character; type it again`);
  const length = [...value].length;
  if (length > max) return no(`The ${what} is ${length} characters; shorten it to ${max} or fewer`);
  return ok(value);
}

// The same, with the line ends a summary may hold.
// eslint-disable-next-line no-control-regex -- finding them is the point
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function checkType(text: string): Check<ArticleType> {
  const value = text.trim().toLowerCase();
  return isArticleType(value) ? ok(value) : no(`"${text}" is not a type; use ${orList(ARTICLE_TYPES, false)}`);
}

export function checkTitle(text: string): Check<string> {
  if (!text.trim()) return no('The title is empty; write the headline');
  return oneLine('title', text, LIMITS.titleMax);
}

export function checkSummary(text: string): Check<string> {
  // The summary may span lines; only its ends are trimmed.
  const value = text.replace(/\r\n?/g, '\n').trim();
  if (!value) return no('The summary is empty; write the lede that list and digest show');
  if (CONTROL_IN_TEXT.test(value)) return no('The summary holds a control character; type it again');
  return ok(value);
}

export function checkDate(text: string): Check<DateValue> {
  if (!text.trim()) return no('The date is empty; write it as YYYY-MM-DD');
  const parsed = parseDateValue(text);
  return parsed.ok ? ok(parsed.value) : no(parsed.message.charAt(0).toUpperCase() + parsed.message.slice(1));
}

export function checkAuthor(text: string): Check<string | undefined> {
  if (!text.trim()) return ok(undefined);
  return oneLine('author', text, AUTHOR_MAX);
}

/** The place a letter comes from: any name, known to the gazetteer or not. */
export function checkPlace(text: string): Check<string> {
  if (!text.trim()) return no('The place is empty; name where the letter comes from, e.g. Cajamarca');
  return oneLine('place', text, PLACE_MAX);
}

/** The subtitle of a letter, checked with the title it will make. */
export function checkSubtitle(text: string, series: string, part: number): Check<string | undefined> {
  if (!text.trim()) return ok(undefined);
  const line = oneLine('subtitle', text, LIMITS.titleMax);
  if (!line.ok) return line;
  const title = letterTitle(series, part, line.value);
  const length = [...title].length;
  if (length > LIMITS.titleMax) {
    return no(`The title would be ${length} characters; shorten the subtitle by ${length - LIMITS.titleMax}`);
  }
  return ok(line.value);
}

/** A page's position among the standing pages: a whole number from 1 to the field's bound. */
export function checkOrder(text: string): Check<number> {
  const max = FIELD_BY_NAME.get('order')!.max!;
  const value = text.trim();
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > max) return no(`"${text}" is not a position; give a whole number from 1 to ${max}`);
  return ok(n);
}

/** "Cusco, Puno" or ["Cusco", "Puno, Tacna"] → the names, trimmed, empty ones dropped. */
export function splitList(values: string | readonly string[]): string[] {
  const all = typeof values === 'string' ? [values] : values;
  return all.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}

export function checkPlaces(names: readonly string[]): Check<string[]> {
  const places: string[] = [];
  for (const name of names) {
    const line = oneLine('place', name, PLACE_MAX);
    if (!line.ok) return line;
    if (!places.includes(line.value)) places.push(line.value);
  }
  return ok(places);
}

export interface Regions {
  regions: string[];
  /** Names that were provinces or aliases, and the region each stands for. */
  notes: string[];
}

/** Region names, aliases or provinces → canonical regions; every unknown name is named, with suggestions. */
export function checkRegions(names: readonly string[], gazetteer: Gazetteer): Check<Regions> {
  const regions: string[] = [];
  const notes: string[] = [];
  const unknown: string[] = [];
  for (const name of names) {
    const resolved = gazetteer.resolve(name);
    if (!resolved) {
      const near = gazetteer.suggest(name);
      unknown.push(`"${name}"${near.length ? ` (did you mean ${orList(near)}?)` : ''}`);
      continue;
    }
    if (resolved.kind === 'province') notes.push(`${resolved.province} is a province of ${resolved.region}; the region is ${resolved.region}`);
    if (!regions.includes(resolved.region)) regions.push(resolved.region);
  }
  if (unknown.length) {
    return no(`Unknown region ${unknown.join(', ')}; \`psg regions\` lists the 25 regions, and provinces work too`);
  }
  return ok({ regions, notes });
}

/** The regions of the places the gazetteer knows, in the order the places came. */
export function regionsOfPlaces(places: readonly string[], gazetteer: Gazetteer): string[] {
  const regions: string[] = [];
  for (const place of places) {
    const region = gazetteer.regionOf(place);
    if (region && !regions.includes(region)) regions.push(region);
  }
  return regions;
}

export interface Tags {
  tags: string[];
  /** Tags outside the vocabulary: a warning, not an error. */
  notes: string[];
}

/** Tags in their well-formed spelling; an unknown tag is kept and noted with a did-you-mean. */
export function checkTags(names: readonly string[], vocabulary: TagVocabulary): Check<Tags> {
  const tags: string[] = [];
  const notes: string[] = [];
  for (const name of names) {
    const tag = tagForm(name);
    if (!tag) return no(`"${name}" is not a tag; tags are lowercase words joined by hyphens, e.g. consulta-previa`);
    if (tags.includes(tag)) continue;
    tags.push(tag);
    if (!vocabulary.has(tag)) {
      const near = vocabulary.suggest(name).filter((t) => t !== tag);
      notes.push(`"${tag}" is not in the tag vocabulary${near.length ? `; did you mean ${orList(near)}?` : ''}`);
    }
  }
  return ok({ tags, notes });
}

/**
 * Two articles may not share a slug: the site would publish one over the other. `own` is the
 * file the new article will be, when known; that one existing is the create step's to report.
 */
/** The path of an article whose slug is `slug`, other than `own`; undefined when none. */
export type SlugOwner = (slug: string, own?: string) => string | undefined;

export function checkSlugFree(
  title: string,
  articles: readonly Article[] | SlugOwner,
  own?: string,
  show: (path: string) => string = (p) => p,
): Check<string> {
  const slug = slugify(title);
  const owner = typeof articles === 'function' ? articles(slug, own) : articles.find((a) => a.slug === slug && a.path !== own)?.path;
  return owner !== undefined ? no(`The slug "${slug}" is already used by ${show(owner)}; give this article another title`) : ok(title);
}
