// Calendar dates never move with the machine's zone: npm test runs this file under TZ=UTC and
// TZ=America/Lima, and the cases below pin "now" to instants where the zones disagree.
import { describe, expect, it } from '@jest/globals';
import {
  addDays,
  addMonths,
  dateKey,
  isoWeekRange,
  isoWeekday,
  isValidTimeZone,
  monthRange,
  parseDateSpec,
  parseDateValue,
  todayIn,
  weekOf,
} from '../../../src/core/dates.js';

describe('parseDateValue', () => {
  it.each([
    ['2019-03-23', { date: '2019-03-23' }],
    [' 2019-03-23 ', { date: '2019-03-23' }],
    ['2019-03-23T09:30', { date: '2019-03-23', time: '09:30:00' }],
    ['2019-03-23 09:30:15', { date: '2019-03-23', time: '09:30:15' }],
    ['2019-03-23T23:30:00-05:00', { date: '2019-03-23', time: '23:30:00', offset: '-05:00' }],
    ['2019-03-23T00:30:00+14:00', { date: '2019-03-23', time: '00:30:00', offset: '+14:00' }],
    ['2019-03-23T09:30:00.123z', { date: '2019-03-23', time: '09:30:00', offset: 'Z' }],
    ['2020-02-29', { date: '2020-02-29' }],
    ['2000-02-29', { date: '2000-02-29' }],
  ])('reads %j as the day written', (text, value) => {
    expect(parseDateValue(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['2019-02-29', '2019-02-29 is not a real date: February 2019 has 28 days; correct the day'],
    ['1900-02-29', '1900-02-29 is not a real date: February 1900 has 28 days; correct the day'],
    ['2019-04-31', '2019-04-31 is not a real date: April 2019 has 30 days; correct the day'],
    ['2019-13-01', '2019-13-01 is not a real date: months run from 01 to 12; correct the month'],
    ['2019-00-10', '2019-00-10 is not a real date: months run from 01 to 12; correct the month'],
    ['2019-03-23T24:00', '24:00 is not a time of day: write the time as HH:MM, from 00:00 to 23:59'],
    ['2019-03-23T09:60', '09:60 is not a time of day: write the time as HH:MM, from 00:00 to 23:59'],
  ])('refuses the impossible %j', (text, message) => {
    expect(parseDateValue(text)).toEqual({ ok: false, reason: 'impossible', message });
  });

  it.each([
    ['23/03/2019', '2019-03-23'],
    ['1/4/2019', '2019-04-01'],
    ['01.04.2019', '2019-04-01'],
  ])('reads %j day first, as UK editors write it, in the advice', (text, meant) => {
    expect(parseDateValue(text)).toMatchObject({ ok: false, reason: 'format', message: `"${text}" is not a date; did you mean ${meant}? (write dates as YYYY-MM-DD)` });
  });

  it.each(['31/04/2019', '2019-3-23', '2019-03', 'March 23, 2019', '', '20190323'])('refuses %j as not a date', (text) => {
    expect(parseDateValue(text)).toMatchObject({ ok: false, reason: 'format', message: `"${text}" is not a date; write it as YYYY-MM-DD, e.g. 2019-03-23` });
  });
});

describe('date arithmetic', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2019-02-28', 1)).toBe('2019-03-01');
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2019-01-01', -1)).toBe('2018-12-31');
    // The day the clocks changed in many zones: still one day.
    expect(addDays('2019-03-30', 1)).toBe('2019-03-31');
    expect(addDays('2019-03-31', 1)).toBe('2019-04-01');
  });

  it('adds months, keeping the day where the month has it', () => {
    expect(addMonths('2019-03-31', -1)).toBe('2019-02-28');
    expect(addMonths('2020-03-31', -1)).toBe('2020-02-29');
    expect(addMonths('2019-01-15', 12)).toBe('2020-01-15');
    expect(addMonths('2019-01-31', -13)).toBe('2017-12-31');
  });

  it('numbers the weekdays as ISO does and finds the week', () => {
    expect(isoWeekday('2019-03-18')).toBe(1);
    expect(isoWeekday('2019-03-24')).toBe(7);
    expect(weekOf('2019-03-20')).toEqual({ from: '2019-03-18', to: '2019-03-24' });
    expect(weekOf('2019-12-31')).toEqual({ from: '2019-12-30', to: '2020-01-05' });
  });

  it('finds ISO weeks, and week 53 only where a year has it', () => {
    expect(isoWeekRange(2019, 1)).toEqual({ from: '2018-12-31', to: '2019-01-06' });
    expect(isoWeekRange(2020, 53)).toEqual({ from: '2020-12-28', to: '2021-01-03' });
    expect(isoWeekRange(2019, 53)).toBeUndefined();
    expect(isoWeekRange(2019, 0)).toBeUndefined();
  });

  it('gives month ranges', () => {
    expect(monthRange(2019, 2)).toEqual({ from: '2019-02-01', to: '2019-02-28' });
    expect(monthRange(2019, 13)).toBeUndefined();
  });

  it('orders items of one day by their time', () => {
    const keys = [{ date: '2019-03-18', time: '12:00:00' }, { date: '2019-03-18' }, { date: '2019-03-17', time: '23:59:00' }].map(dateKey);
    expect([...keys].sort()).toEqual(['2019-03-17T23:59:00', '2019-03-18T00:00:00', '2019-03-18T12:00:00']);
    expect(dateKey(undefined)).toBe('');
  });
});

describe('parseDateSpec (command-line dates)', () => {
  const today = '2019-03-31';
  it.each([
    ['2019-03-18', { from: '2019-03-18', to: '2019-03-18' }],
    ['2019-3-8', { from: '2019-03-08', to: '2019-03-08' }],
    ['2019-02', { from: '2019-02-01', to: '2019-02-28' }],
    ['2019', { from: '2019-01-01', to: '2019-12-31' }],
    ['7d', { from: '2019-03-24', to: today }],
    ['4w', { from: '2019-03-03', to: today }],
    ['1m', { from: '2019-02-28', to: today }],
    ['1y', { from: '2018-03-31', to: today }],
    ['3M', { from: '2018-12-31', to: today }],
  ])('reads %j', (text, range) => {
    expect(parseDateSpec(text, today)).toEqual(range);
  });

  it.each(['2019-02-30', '2019-13', 'yesterday', '7x', '', '19-03-18'])('refuses %j', (text) => {
    expect(parseDateSpec(text, today)).toBeUndefined();
  });
});

describe('todayIn without a zone: London', () => {
  const london = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
  const intl = (at: Date) => london.format(at);

  it('agrees with Intl every 30 minutes around each change of the clocks, 2000-2040', () => {
    let checked = 0;
    for (let year = 2000; year <= 2040; year++) {
      for (const month of [2, 9]) {
        // The last week of March and of October, where BST begins and ends.
        for (let t = Date.UTC(year, month, 24); t < Date.UTC(year, month + 1, 2); t += 1_800_000) {
          const at = new Date(t);
          expect(todayIn(undefined, at)).toBe(intl(at));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(20_000);
  });

  it('is the London date near midnight in summer and in winter', () => {
    expect(todayIn(undefined, new Date('2019-07-01T23:30:00Z'))).toBe('2019-07-02');
    expect(todayIn(undefined, new Date('2019-12-31T23:30:00Z'))).toBe('2019-12-31');
    expect(todayIn('Europe/London', new Date('2019-07-01T23:30:00Z'))).toBe('2019-07-02');
  });
});

describe('todayIn', () => {
  // 2019-03-23 03:00 UTC: still the 22nd in Lima (UTC−5), already the 23rd in Kiritimati (UTC+14).
  const early = new Date(Date.UTC(2019, 2, 23, 3, 0));
  // 2019-03-23 12:00 UTC: the 24th in Kiritimati.
  const noon = new Date(Date.UTC(2019, 2, 23, 12, 0));

  it('gives the calendar date in the zone asked, whatever the machine zone', () => {
    expect(todayIn('UTC', early)).toBe('2019-03-23');
    expect(todayIn('America/Lima', early)).toBe('2019-03-22');
    expect(todayIn('Pacific/Kiritimati', early)).toBe('2019-03-23');
    expect(todayIn('Pacific/Kiritimati', noon)).toBe('2019-03-24');
    expect(todayIn('America/Lima', noon)).toBe('2019-03-23');
  });

  it('knows which zones exist', () => {
    expect(isValidTimeZone('America/Lima')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});

describe('parseDateValue and impossible UTC offsets', () => {
  it.each(['+99:00', '-14:01', '+14:30', '+15:00', '-23:59', '+05:60', '+0099', '+00:75', '-1200'.replace('12', '16')])('refuses %s', (offset) => {
    const parsed = parseDateValue(`2019-03-11T10:00:00${offset}`);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toBe(`${offset} is not a UTC offset: offsets run from -14:00 to +14:00, with minutes from 00 to 59 (Peru is -05:00)`);
  });

  it.each(['+14:00', '-14:00', '-12:00', '+05:45', '-0930', '+01', 'Z', '-00:00'])('accepts %s', (offset) => {
    expect(parseDateValue(`2019-03-11T10:00:00${offset}`).ok).toBe(true);
  });
});
