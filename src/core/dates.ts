// Calendar dates as 'YYYY-MM-DD' strings: they sort as text, print as written, and no time
// zone can move them. Arithmetic goes through Date.UTC, never through local time.

export type IsoDate = string; // 'YYYY-MM-DD'

export interface DateValue {
  date: IsoDate;
  /** 'HH:MM:SS' when the front matter gave a time; orders items within one day. */
  time?: string;
  /** 'Z' or '+HH:MM' / '-HH:MM' as written. */
  offset?: string;
}

export type DateParse = { ok: true; value: DateValue } | { ok: false; reason: 'format' | 'impossible'; message: string };

export const FRONT_MATTER_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/;

const pad2 = (n: number) => String(n).padStart(2, '0');

// For the messages about impossible dates.
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/**
 * 1/4/2019, 01.04.2019, 1-4-2019 read day first, as UK editors write dates: the ISO date
 * meant, when that day exists.
 */
export function dayFirstDate(text: string): IsoDate | undefined {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  if (!m) return undefined;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isRealDate(year, month, day) ? isoDate(year, month, day) : undefined;
}

/** Whether a written offset (Z, ±HH, ±HHMM, ±HH:MM) is one the world uses: within ±14:00. */
function offsetPossible(offset: string): boolean {
  if (offset.toUpperCase() === 'Z') return true;
  const digits = offset.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || '0');
  return minutes <= 59 && hours * 60 + minutes <= 14 * 60;
}

/** Parse a front-matter date as written: 2019-03-23, 2019-03-23T09:30, 2019-03-23T09:30:00-05:00. */
export function parseDateValue(text: string): DateParse {
  const m = FRONT_MATTER_DATE.exec(text.trim());
  if (!m) {
    const dayFirst = dayFirstDate(text);
    const message = dayFirst ? `"${text}" is not a date; did you mean ${dayFirst}? (write dates as YYYY-MM-DD)` : `"${text}" is not a date; write it as YYYY-MM-DD, e.g. 2019-03-23`;
    return { ok: false, reason: 'format', message };
  }
  const [, y, mo, d, hh, mi, ss, offset] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (!isRealDate(year, month, day)) {
    const why =
      month >= 1 && month <= 12
        ? `${MONTHS[month - 1]} ${y} has ${daysInMonth(year, month)} days; correct the day`
        : 'months run from 01 to 12; correct the month';
    return { ok: false, reason: 'impossible', message: `${y}-${mo}-${d} is not a real date: ${why}` };
  }
  const value: DateValue = { date: isoDate(year, month, day) };
  if (hh !== undefined) {
    if (Number(hh) > 23 || Number(mi) > 59 || Number(ss ?? 0) > 59) {
      return { ok: false, reason: 'impossible', message: `${hh}:${mi}${ss ? `:${ss}` : ''} is not a time of day: write the time as HH:MM, from 00:00 to 23:59` };
    }
    value.time = `${hh}:${mi}:${ss ?? '00'}`;
    if (offset && !offsetPossible(offset)) {
      return { ok: false, reason: 'impossible', message: `${offset} is not a UTC offset: offsets run from -14:00 to +14:00, with minutes from 00 to 59 (Peru is -05:00)` };
    }
    if (offset) value.offset = offset.toUpperCase() === 'Z' ? 'Z' : offset;
  }
  return { ok: true, value };
}

function fromUtc(ms: number): IsoDate {
  const d = new Date(ms);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function parts(date: IsoDate): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = parts(date);
  return fromUtc(Date.UTC(y, m - 1, d + days));
}

/** Add months, keeping the day where the month has it (31 March − 1 month → 28 or 29 February). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = parts(date);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const year = first.getUTCFullYear();
  const month = first.getUTCMonth() + 1;
  return isoDate(year, month, Math.min(d, daysInMonth(year, month)));
}

/** Monday = 1 … Sunday = 7, as ISO 8601 numbers them. */
export function isoWeekday(date: IsoDate): number {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay() || 7;
}

/** The zone "today" is taken in when psg.config.json sets no timeZone: the PSG works from London. */
export const DEFAULT_TIME_ZONE = 'Europe/London';

/** The day of the month of the last Sunday of a month (1-12), in UTC. */
function lastSunday(year: number, month: number): number {
  const last = daysInMonth(year, month);
  return last - new Date(Date.UTC(year, month - 1, last)).getUTCDay();
}

/**
 * Today in London, by the UK's rule (since 1996): BST, UTC+1, from 01:00 UTC on the last
 * Sunday of March to 01:00 UTC on the last Sunday of October; GMT the rest of the year.
 * Worked out by hand because Intl costs about 10 ms to start, on every run of psg list.
 */
function londonToday(now: Date): IsoDate {
  const year = now.getUTCFullYear();
  const t = now.getTime();
  const bst = t >= Date.UTC(year, 2, lastSunday(year, 3), 1) && t < Date.UTC(year, 9, lastSunday(year, 10), 1);
  return fromUtc(t + (bst ? 3_600_000 : 0));
}

/**
 * Today's calendar date in a time zone; with none given, in DEFAULT_TIME_ZONE, so that
 * "today" is the same wherever psg runs (a laptop in Lima, a CI server on UTC).
 */
export function todayIn(timeZone: string = DEFAULT_TIME_ZONE, now: Date = new Date()): IsoDate {
  if (timeZone === DEFAULT_TIME_ZONE) return londonToday(now);
  const fmt = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const get = (type: string) => fmt.formatToParts(now).find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

export interface DateRange {
  from: IsoDate;
  to: IsoDate;
}

const RELATIVE = /^(\d+)\s*([dwmy])$/i;

/**
 * A date as typed on the command line, as the range of days it covers:
 * 2019-03-18 (that day), 2019-03 (that month), 2019 (that year),
 * or 7d / 4w / 3m / 1y (from that long before today up to today).
 * Returns undefined when the text is none of these or names a day that does not exist.
 */
export function parseDateSpec(text: string, today: IsoDate): DateRange | undefined {
  const spec = text.trim();
  const rel = RELATIVE.exec(spec);
  if (rel) {
    const n = Number(rel[1]);
    const unit = rel[2]!.toLowerCase();
    const from =
      unit === 'd' ? addDays(today, -n) : unit === 'w' ? addDays(today, -7 * n) : addMonths(today, unit === 'm' ? -n : -12 * n);
    return { from, to: today };
  }
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(spec);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!isRealDate(y, mo, d)) return undefined;
    const day = isoDate(y, mo, d);
    return { from: day, to: day };
  }
  m = /^(\d{4})-(\d{1,2})$/.exec(spec);
  if (m) return monthRange(Number(m[1]), Number(m[2]));
  m = /^(\d{4})$/.exec(spec);
  if (m) return { from: `${m[1]}-01-01`, to: `${m[1]}-12-31` };
  return undefined;
}

export function monthRange(year: number, month: number): DateRange | undefined {
  if (month < 1 || month > 12) return undefined;
  return { from: isoDate(year, month, 1), to: isoDate(year, month, daysInMonth(year, month)) };
}

/** The ISO week (Monday to Sunday) that holds a date. */
export function weekOf(date: IsoDate): DateRange {
  const from = addDays(date, 1 - isoWeekday(date));
  return { from, to: addDays(from, 6) };
}

/** ISO week 'YYYY-Www': Monday of week 1 is the Monday of the week holding 4 January. */
export function isoWeekRange(year: number, week: number): DateRange | undefined {
  const weekOne = weekOf(isoDate(year, 1, 4)).from;
  const from = addDays(weekOne, 7 * (week - 1));
  const next = weekOf(isoDate(year + 1, 1, 4)).from;
  if (week < 1 || from >= next) return undefined;
  return { from, to: addDays(from, 6) };
}

/** Sort key: date then time, so that items of one day keep the order their times give. */
export function dateKey(value: DateValue | undefined): string {
  if (!value) return '';
  return value.time ? `${value.date}T${value.time}` : `${value.date}T00:00:00`;
}
