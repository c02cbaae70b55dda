import { describe, expect, it } from '@jest/globals';
import { digestLimit, newest, parseWeek, selectDigest } from '../../../src/core/digest-select.js';
import { compareByDate } from '../../../src/core/query.js';
import type { Query } from '../../../src/core/query.js';
import { art, gazetteer } from '../../helpers/digest.js';

const TODAY = '2019-04-10';
const q = (extra: Partial<Query> = {}): Query => ({ today: TODAY, ...extra });

// Fifteen dated items, one a day from 1 March, plus a draft, a future item and three pages.
const days = Array.from({ length: 15 }, (_, i) => art({ title: `Day ${i + 1}`, date: `2019-03-${String(i + 1).padStart(2, '0')}` }));
const draft = art({ title: 'Draft', date: '2019-03-20', draft: true });
const future = art({ title: 'Future', date: '2019-05-01' });
const pages = [art({ title: 'Third', order: 3 }), art({ title: 'First', order: 1 }), art({ title: 'Hidden', order: 2, draft: true })];
const all = [...days, draft, future, ...pages];

const titles = (list: { title: string }[]) => list.map((a) => a.title);

describe('selectDigest', () => {
  it('takes the 10 newest published dated items, newest first, and no pages by default', () => {
    const s = selectDigest(all, q(), gazetteer, { limit: 10, windowed: false, pages: false });
    expect(titles(s.items)).toEqual(['Day 15', 'Day 14', 'Day 13', 'Day 12', 'Day 11', 'Day 10', 'Day 9', 'Day 8', 'Day 7', 'Day 6']);
    expect(s.pages).toEqual([]);
    expect(s.period).toEqual({ from: '2019-03-06', to: '2019-03-15' });
  });

  it('orders items of one day by their time', () => {
    const morning = art({ title: 'B morning', date: '2019-03-18T09:00:00' });
    const noon = art({ title: 'A noon', date: '2019-03-18T12:00:00' });
    const s = selectDigest([morning, noon], q(), gazetteer, { limit: 10, windowed: false, pages: false });
    expect(titles(s.items)).toEqual(['A noon', 'B morning']);
  });

  it('appends the published pages by order, whatever the filters', () => {
    const s = selectDigest(all, q({ regions: ['Cajamarca'] }), gazetteer, { limit: 10, windowed: false, pages: true });
    expect(s.items).toEqual([]);
    expect(titles(s.pages)).toEqual(['First', 'Third']);
    expect(s.period).toEqual({});
  });

  it('includes draft pages and items only with --drafts', () => {
    const s = selectDigest(all, q({ drafts: true, from: '2019-03-20', to: '2019-03-20' }), gazetteer, { limit: undefined, windowed: true, pages: true });
    expect(titles(s.items)).toEqual(['Draft']);
    expect(titles(s.pages)).toEqual(['First', 'Hidden', 'Third']);
  });

  it('gives everything in a date window, and the window as the period', () => {
    const s = selectDigest(all, q({ from: '2019-03-01', to: '2019-03-31' }), gazetteer, { limit: undefined, windowed: true, pages: false });
    expect(s.items).toHaveLength(15);
    expect(s.period).toEqual({ from: '2019-03-01', to: '2019-03-31' });
  });

  it('caps a window only by an explicit limit', () => {
    const s = selectDigest(all, q({ from: '2019-03-01' }), gazetteer, { limit: 3, windowed: true, pages: false });
    expect(titles(s.items)).toEqual(['Day 15', 'Day 14', 'Day 13']);
    expect(s.period).toEqual({ from: '2019-03-01' });
  });

  it('leaves out future items unless asked', () => {
    expect(titles(selectDigest(all, q({ future: true }), gazetteer, { limit: 1, windowed: false, pages: false }).items)).toEqual(['Future']);
    expect(titles(selectDigest(all, q(), gazetteer, { limit: 1, windowed: false, pages: false }).items)).toEqual(['Day 15']);
  });

  it('matches a region through the places of an item', () => {
    const espinar = art({ title: 'Espinar', date: '2019-03-18', places: ['Espinar'] });
    const s = selectDigest([espinar, ...days], q({ regions: ['Cusco'] }), gazetteer, { limit: 10, windowed: false, pages: false });
    expect(titles(s.items)).toEqual(['Espinar']);
  });
});

describe('newest', () => {
  it('keeps the same items in the same order as a full sort, ties included', () => {
    // 500 items over 20 days and 3 times a day: many share their date and time.
    const many = Array.from({ length: 500 }, (_, i) =>
      art({ title: `T${(i * 37) % 101}`, path: `p/${i}.md`, date: `2019-03-${String(1 + ((i * 7) % 20)).padStart(2, '0')}T${['09', '10', '11'][i % 3]}:00:00` }),
    );
    for (const limit of [1, 10, 33, 125, 499, 500, 600, undefined]) {
      expect(newest(many, limit)).toEqual([...many].sort(compareByDate).slice(0, limit));
    }
  });
});

describe('digestLimit', () => {
  it('is --limit, else all of a window, else the configured limit, else 10', () => {
    expect(digestLimit(3, true, 5)).toBe(3);
    expect(digestLimit(undefined, true, 5)).toBeUndefined();
    expect(digestLimit(undefined, false, 5)).toBe(5);
    expect(digestLimit(undefined, false, undefined)).toBe(10);
  });
});

describe('parseWeek', () => {
  it.each([
    ['2019-W12', '2019-03-18', '2019-03-24'],
    ['2019w12', '2019-03-18', '2019-03-24'],
    ['2019-03-20', '2019-03-18', '2019-03-24'],
    ['2019-03-24', '2019-03-18', '2019-03-24'],
    ['2020-W01', '2019-12-30', '2020-01-05'],
    ['2020-W53', '2020-12-28', '2021-01-03'],
    ['1w', '2019-04-01', '2019-04-07'],
    ['0d', '2019-04-08', '2019-04-14'],
  ])('reads %s as %s to %s', (text, from, to) => {
    expect(parseWeek(text, TODAY)).toEqual({ from, to });
  });

  it.each(['2019-W54', '2019-W00', '2019-03', '2019', 'next week', '2019-02-30'])('refuses %s', (text) => {
    expect(parseWeek(text, TODAY)).toBeUndefined();
  });
});
