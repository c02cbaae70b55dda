import { describe, expect, it } from '@jest/globals';
import { formatDay, formatPeriod, instantOf } from '../../../src/core/date-format.js';

describe('formatDay', () => {
  it.each([
    ['2019-04-01', 'en', '1 April 2019'],
    ['2019-04-01', 'es', '1 de abril de 2019'],
    ['2019-03-23', 'en', '23 March 2019'],
    ['2019-03-23', 'es', '23 de marzo de 2019'],
    ['2020-02-29', 'en', '29 February 2020'],
    ['2019-12-31', 'es', '31 de diciembre de 2019'],
    ['2019-01-01', 'en', '1 January 2019'],
  ] as const)('%s in %s is %s', (date, lang, text) => {
    expect(formatDay(date, lang)).toBe(text);
  });
});

describe('formatPeriod', () => {
  it.each([
    [{ from: '2019-03-01', to: '2019-03-31' }, 'March 2019', 'marzo de 2019'],
    [{ from: '2019-02-01', to: '2019-02-28' }, 'February 2019', 'febrero de 2019'],
    [{ from: '2019-03-18', to: '2019-03-18' }, '18 March 2019', '18 de marzo de 2019'],
    [{ from: '2019-03-18', to: '2019-03-24' }, '18–24 March 2019', '18–24 de marzo de 2019'],
    [{ from: '2019-03-11', to: '2019-04-01' }, '11 March – 1 April 2019', '11 de marzo – 1 de abril de 2019'],
    [{ from: '2019-12-30', to: '2020-01-05' }, '30 December 2019 – 5 January 2020', '30 de diciembre de 2019 – 5 de enero de 2020'],
    [{ from: '2019-01-01', to: '2019-12-31' }, '2019', '2019'],
    [{ from: '2019-03-01' }, 'Since 1 March 2019', 'Desde el 1 de marzo de 2019'],
    [{ to: '2019-03-31' }, 'Until 31 March 2019', 'Hasta el 31 de marzo de 2019'],
  ])('%j reads "%s" / "%s"', (period, en, es) => {
    expect(formatPeriod(period, 'en')).toBe(en);
    expect(formatPeriod(period, 'es')).toBe(es);
  });

  it('is undefined without dates', () => {
    expect(formatPeriod({}, 'en')).toBeUndefined();
  });
});

describe('instantOf', () => {
  const iso = (...args: Parameters<typeof instantOf>) => instantOf(...args).toISOString();

  it('keeps a written offset', () => {
    expect(iso({ date: '2019-03-23', time: '09:30:00', offset: '-05:00' })).toBe('2019-03-23T14:30:00.000Z');
    expect(iso({ date: '2019-03-23', time: '09:30:00', offset: 'Z' }, 'America/Lima')).toBe('2019-03-23T09:30:00.000Z');
    expect(iso({ date: '2019-03-23', time: '09:30:00', offset: '+0530' })).toBe('2019-03-23T04:00:00.000Z');
  });

  it('reads a time without offset as UTC, or in the configured zone', () => {
    expect(iso({ date: '2019-03-18', time: '10:00:00' })).toBe('2019-03-18T10:00:00.000Z');
    expect(iso({ date: '2019-03-18', time: '10:00:00' }, 'America/Lima')).toBe('2019-03-18T15:00:00.000Z');
    // Either side of the UK's change to summer time on 31 March 2019.
    expect(iso({ date: '2019-03-30', time: '10:00:00' }, 'Europe/London')).toBe('2019-03-30T10:00:00.000Z');
    expect(iso({ date: '2019-04-01', time: '10:00:00' }, 'Europe/London')).toBe('2019-04-01T09:00:00.000Z');
  });

  it('puts a date alone at noon, so that it stays on its day for readers east and west', () => {
    expect(iso({ date: '2019-04-01' })).toBe('2019-04-01T12:00:00.000Z');
    expect(iso({ date: '2019-04-01' }, 'America/Lima')).toBe('2019-04-01T17:00:00.000Z');
  });
});
