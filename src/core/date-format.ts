// Dates and the digest's fixed words in each language: "1 April 2019" / "1 de abril de 2019".
// Calendar dates are built at local noon from their parts and read back with local getters
// (all date-fns does), so no time zone can move them to the day before.
import { format } from 'date-fns/format';
import { enGB } from 'date-fns/locale/en-GB';
import { es } from 'date-fns/locale/es';
import type { Lang } from '../config.js';
import { daysInMonth, type DateValue, type IsoDate } from './dates.js';

interface Words {
  /** The heading of html, markdown, json and the feeds when no --title is given. */
  digestTitle: string;
  since: (day: string) => string;
  until: (day: string) => string;
  noItems: string;
  /** Who the feeds name as author. */
  publisher: string;
}

export const WORDS: Record<Lang, Words> = {
  en: {
    digestTitle: 'Peru Support Group news digest',
    since: (day) => `Since ${day}`,
    until: (day) => `Until ${day}`,
    noItems: 'Nothing was published in this period.',
    publisher: 'Peru Support Group',
  },
  es: {
    digestTitle: 'Resumen de noticias del Peru Support Group',
    since: (day) => `Desde el ${day}`,
    until: (day) => `Hasta el ${day}`,
    noItems: 'No se publicó nada en este periodo.',
    publisher: 'Peru Support Group',
  },
};

const LOCALES = { en: enGB, es } as const;

/** date-fns patterns: a day, a day without its year, a month. */
const PATTERNS: Record<Lang, { day: string; dayMonth: string; dayOnly: string; month: string }> = {
  en: { day: 'd MMMM yyyy', dayMonth: 'd MMMM', dayOnly: 'd', month: 'MMMM yyyy' },
  es: { day: "d 'de' MMMM 'de' yyyy", dayMonth: "d 'de' MMMM", dayOnly: 'd', month: "MMMM 'de' yyyy" },
};

function localNoon(date: IsoDate): Date {
  return new Date(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), 12);
}

function fmt(date: IsoDate, pattern: string, lang: Lang): string {
  return format(localNoon(date), pattern, { locale: LOCALES[lang] });
}

/** "1 April 2019" / "1 de abril de 2019". */
export function formatDay(date: IsoDate, lang: Lang): string {
  return fmt(date, PATTERNS[lang].day, lang);
}

export interface Period {
  from?: IsoDate;
  to?: IsoDate;
}

/**
 * The period a digest covers, as short as it reads naturally: "March 2019", "18 March 2019",
 * "11–23 March 2019", "11 March – 1 April 2019", "Since 1 March 2019"; Spanish alike.
 */
export function formatPeriod(period: Period, lang: Lang): string | undefined {
  const { from, to } = period;
  const p = PATTERNS[lang];
  if (from === undefined && to === undefined) return undefined;
  if (to === undefined) return WORDS[lang].since(formatDay(from!, lang));
  if (from === undefined) return WORDS[lang].until(formatDay(to, lang));
  if (from === to) return formatDay(from, lang);
  const sameYear = from.slice(0, 4) === to.slice(0, 4);
  const sameMonth = sameYear && from.slice(5, 7) === to.slice(5, 7);
  const lastDay = daysInMonth(Number(to.slice(0, 4)), Number(to.slice(5, 7)));
  if (sameMonth && from.endsWith('-01') && Number(to.slice(8, 10)) === lastDay) return fmt(from, p.month, lang);
  if (sameYear && from.endsWith('-01-01') && to.endsWith('-12-31')) return from.slice(0, 4);
  // "11–23 March 2019": the second half carries the month and year once.
  if (sameMonth) return `${fmt(from, p.dayOnly, lang)}–${formatDay(to, lang)}`;
  if (sameYear) return `${fmt(from, p.dayMonth, lang)} – ${formatDay(to, lang)}`;
  return `${formatDay(from, lang)} – ${formatDay(to, lang)}`;
}

/** Minutes east of UTC that a time zone keeps at an instant. */
function zoneOffsetMinutes(timeZone: string, at: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((x) => x.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((wall - Math.floor(at / 1000) * 1000) / 60_000);
}

/**
 * The instant a feed gives an item. A written offset is kept. A time without one is read in
 * the configured time zone, else as UTC, so the feed never changes with the machine's zone.
 * A date alone is taken at noon: readers anywhere from UTC−11 to UTC+11 then show that day.
 */
export function instantOf(value: DateValue, timeZone?: string): Date {
  const [y, m, d] = [Number(value.date.slice(0, 4)), Number(value.date.slice(5, 7)), Number(value.date.slice(8, 10))];
  const [hh, mi, ss] = (value.time ?? '12:00:00').split(':').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mi, ss);
  if (value.offset) {
    if (value.offset === 'Z') return new Date(wall);
    const om = /^([+-])(\d{2}):?(\d{2})?$/.exec(value.offset);
    const minutes = om ? (om[1] === '-' ? -1 : 1) * (Number(om[2]) * 60 + Number(om[3] ?? 0)) : 0;
    return new Date(wall - minutes * 60_000);
  }
  if (!timeZone) return new Date(wall);
  // Two passes settle the offset across a daylight-saving change.
  let guess = wall - zoneOffsetMinutes(timeZone, wall) * 60_000;
  guess = wall - zoneOffsetMinutes(timeZone, guess) * 60_000;
  return new Date(guess);
}
