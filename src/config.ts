// psg.config.json: found from the current folder upward (or --config FILE), checked key by
// key, and turned into the settings the commands use. Unknown keys and bad values are errors
// that name the key and the file.
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isValidTimeZone } from './core/dates.js';
import { isWellFormedTag } from './core/tags.js';
import { suggest } from './core/text.js';
import { PsgError } from './errors.js';
import { readBytes } from './store/read.js';
import { checkEmailConfig, type EmailConfig } from './email-config.js';

export const CONFIG_NAME = 'psg.config.json';
export const LANGS = ['en', 'es'] as const;
export type Lang = (typeof LANGS)[number];

export interface DigestConfig {
  title?: string;
  limit?: number;
  lang?: Lang;
}

export interface Config {
  /** The file it came from, when there was one. */
  file?: string;
  articlesDir?: string;
  timeZone?: string;
  author?: string;
  /** An array replaces the built-in vocabulary; { "extend": [...] } adds to it. */
  tags?: string[] | { extend: string[] };
  siteUrl?: string;
  /** Where the feed is published: its Atom and RSS rel="self" link. */
  feedUrl?: string;
  digest: DigestConfig;
  email?: EmailConfig;
}

/** The keys psg.config.json may hold, with what each must be. */
export const CONFIG_KEYS: Record<string, string> = {
  $schema: 'a URL (ignored)',
  articlesDir: 'a folder path, relative to the config file',
  timeZone: 'an IANA time zone such as "Europe/London" (the default) or "America/Lima"',
  author: 'the default author for psg new',
  tags: 'a list of tags (replaces the vocabulary) or { "extend": [tags] }',
  siteUrl: 'the website address, with no ? or #, e.g. "https://perusupportgroup.org.uk"',
  feedUrl: 'the address the feed is published at, e.g. "https://perusupportgroup.org.uk/feed.xml"',
  digest: 'an object with title, limit and lang',
  email: 'an object with from, to, replyTo, unsubscribe, footer, preheader and smtp',
};
const DIGEST_KEYS: Record<string, string> = {
  title: 'the digest heading',
  limit: 'how many dated items, a whole number from 1 up',
  lang: '"en" or "es"',
};

/**
 * An http(s) address as psg writes links from it: the URL's own escaping (of <, >, ", spaces),
 * no trailing slash. Undefined when it is not one, or carries a ? or # that every link made
 * from it would inherit. The config check and digest --site-url share it.
 */
export function parseSiteUrl(value: string, allowQuery = false): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (!/^https?:$/.test(url.protocol) || (!allowQuery && (url.search || url.hash || /[?#]/.test(value)))) return undefined;
  return allowQuery ? url.href : url.href.replace(/\/+$/, '');
}

export function findConfigFile(from: string): string | undefined {
  let dir = resolve(from);
  for (;;) {
    const candidate = join(dir, CONFIG_NAME);
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export function bad(file: string, key: string, expected: string, hint?: string): PsgError {
  return new PsgError(`${file}: "${key}" must be ${expected}`, { hint: hint ?? `Correct "${key}" in ${file}` });
}

export function checkKeys(file: string, object: Record<string, unknown>, allowed: Record<string, string>, prefix = ''): void {
  for (const key of Object.keys(object)) {
    if (Object.prototype.hasOwnProperty.call(allowed, key)) continue;
    const near = suggest(key, Object.keys(allowed), 1);
    throw new PsgError(`${file}: unknown key "${prefix}${key}"${near.length ? `; did you mean "${prefix}${near[0]}"?` : ''}`, {
      hint: `psg.config.json may hold: ${Object.keys(allowed).filter((k) => k !== '$schema').map((k) => prefix + k).join(', ')}`,
    });
  }
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkTags(file: string, value: unknown): string[] | { extend: string[] } {
  const list = isObject(value) ? value.extend : value;
  if (isObject(value)) checkKeys(file, value, { extend: 'tags to add' }, 'tags.');
  if (!Array.isArray(list) || !list.every((t) => typeof t === 'string')) {
    throw bad(file, 'tags', 'a list of tags, or { "extend": [tags] }');
  }
  const wrong = list.find((t) => !isWellFormedTag(t));
  if (wrong !== undefined) throw bad(file, 'tags', 'lowercase words joined by hyphens', `"${wrong}" is not; write it like "consulta-previa"`);
  return isObject(value) ? { extend: list } : list;
}

/** Check a parsed config object; `file` names it in messages. */
export function checkConfig(raw: unknown, file: string): Config {
  if (!isObject(raw)) throw new PsgError(`${file}: the config must be a JSON object`, { hint: 'Start it with { and end it with }' });
  checkKeys(file, raw, CONFIG_KEYS);
  const config: Config = { file, digest: {} };
  const str = (key: string): string | undefined => {
    const v = raw[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || v.trim() === '') throw bad(file, key, CONFIG_KEYS[key]!);
    return v;
  };
  const articlesDir = str('articlesDir');
  if (articlesDir !== undefined) config.articlesDir = resolve(dirname(file), articlesDir);
  const timeZone = str('timeZone');
  if (timeZone !== undefined) {
    if (!isValidTimeZone(timeZone)) throw bad(file, 'timeZone', CONFIG_KEYS.timeZone!, `"${timeZone}" is not a time zone this system knows`);
    config.timeZone = timeZone;
  }
  const author = str('author');
  if (author !== undefined) config.author = author;
  const siteUrl = str('siteUrl');
  if (siteUrl !== undefined) {
    if (parseSiteUrl(siteUrl) === undefined) throw bad(file, 'siteUrl', CONFIG_KEYS.siteUrl!, `"${siteUrl}" is not; every link is made from it, so a ? or # would end up inside them`);
    config.siteUrl = siteUrl.replace(/\/+$/, '');
  }
  const feedUrl = str('feedUrl');
  if (feedUrl !== undefined) {
    config.feedUrl = parseSiteUrl(feedUrl, true);
    if (config.feedUrl === undefined) throw bad(file, 'feedUrl', CONFIG_KEYS.feedUrl!);
  }
  if (raw.tags !== undefined) config.tags = checkTags(file, raw.tags);
  if (raw.digest !== undefined) {
    const digest = raw.digest;
    if (!isObject(digest)) throw bad(file, 'digest', CONFIG_KEYS.digest!);
    checkKeys(file, digest, DIGEST_KEYS, 'digest.');
    if (digest.title !== undefined) {
      if (typeof digest.title !== 'string') throw bad(file, 'digest.title', 'text');
      config.digest.title = digest.title;
    }
    if (digest.limit !== undefined) {
      if (typeof digest.limit !== 'number' || !Number.isInteger(digest.limit) || digest.limit < 1) {
        throw bad(file, 'digest.limit', DIGEST_KEYS.limit!);
      }
      config.digest.limit = digest.limit;
    }
    if (digest.lang !== undefined) {
      if (!(LANGS as readonly unknown[]).includes(digest.lang)) throw bad(file, 'digest.lang', DIGEST_KEYS.lang!);
      config.digest.lang = digest.lang as Lang;
    }
  }
  if (raw.email !== undefined) config.email = checkEmailConfig(raw.email, file);
  return config;
}

/** A config is a few lines of JSON; anything this large is not one. */
const CONFIG_BYTES = 1024 * 1024;

export function loadConfig(explicit: string | undefined, cwd: string): Config {
  const file = explicit ? resolve(cwd, explicit) : findConfigFile(cwd);
  if (!file) return { digest: {} };
  // Only a regular file, and only so much of it: --config /dev/zero or a pipe must not hang psg.
  const read = readBytes(file, CONFIG_BYTES);
  if (!read.ok) {
    const why =
      read.reason === 'too-large'
        ? `it is ${Number(read.message).toLocaleString('en')} bytes, over the ${CONFIG_BYTES.toLocaleString('en')} a config may be`
        : read.reason === 'not-a-file'
          ? `it is ${read.message}, not a file`
          : `(${read.message})`;
    throw new PsgError(`cannot read the config file ${file}${read.reason === 'unreadable' ? ' ' : ': '}${why}`, { hint: explicit ? 'Give --config a psg.config.json file' : `Fix or remove ${file}` });
  }
  const text = read.bytes.toString('utf8');
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new PsgError(`${file} is not valid JSON: ${(e as Error).message}`, { hint: 'Fix the JSON (a missing comma or quote?)' });
  }
  return checkConfig(raw, file);
}
