import { describe, expect, it } from '@jest/globals';
import { moveOrder, renamedPath, renumberPlan } from '../../../src/core/renumber.js';
import type { SeriesMember } from '../../../src/core/series.js';

const m = (path: string, title: string, part: number, date?: string): SeriesMember => ({ path, title, series: 'Letter from Puno', part, ...(date ? { date } : {}) });

describe('renumberPlan', () => {
  it('numbers by date, retitles the series form, renames after the title keeping the date prefix', () => {
    const plan = renumberPlan('Letter from Puno', [
      m('2019/2019-04-02-letter-from-puno-lake.md', 'Letter from Puno: lake', 1, '2019-04-02'),
      m('2019/2019-03-01-letter-from-puno-3.md', 'Letter from Puno (3)', 3, '2019-03-01'),
      m('2019/2019-04-20-odd.md', 'A letter of its own', 2, '2019-04-20'),
    ]);
    expect(plan.map((r) => [r.part, r.to])).toEqual([
      [3, { part: 1, title: 'Letter from Puno', path: '2019/2019-03-01-letter-from-puno.md' }],
      [1, { part: 2, title: 'Letter from Puno (2): lake', path: '2019/2019-04-02-letter-from-puno-2-lake.md' }],
      // A title not in the series' form is kept, and so is its file name.
      [2, { part: 3, title: 'A letter of its own', path: '2019/2019-04-20-odd.md' }],
    ]);
  });

  it('changes nothing in a series already in order', () => {
    const plan = renumberPlan('Letter from Puno', [m('a.md', 'Letter from Puno', 1, '2019-01-01'), m('b.md', 'Letter from Puno (2)', 2, '2019-01-01')]);
    expect(plan.map((r) => r.to.part)).toEqual([1, 2]);
    expect(renamedPath('pages/x.md', 'Letter from Puno (2)')).toBe('pages/letter-from-puno-2.md');
  });
});

describe('moveOrder', () => {
  it('frees a name before another takes it, and refuses a swap', () => {
    expect(moveOrder([{ from: 'b', to: 'c' }, { from: 'a', to: 'b' }])).toEqual([{ from: 'b', to: 'c' }, { from: 'a', to: 'b' }]);
    expect(moveOrder([{ from: 'a', to: 'b' }, { from: 'b', to: 'c' }])).toEqual([{ from: 'b', to: 'c' }, { from: 'a', to: 'b' }]);
    expect(moveOrder([{ from: 'a', to: 'b' }, { from: 'b', to: 'a' }])).toBeUndefined();
  });
});
