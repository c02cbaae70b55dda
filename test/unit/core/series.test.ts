import { describe, expect, it } from '@jest/globals';
import type { Article } from '../../../src/core/article.js';
import { letterTitle, nextLetter } from '../../../src/core/series.js';

function letter(path: string, series: string, part?: number): Article {
  return {
    path,
    slug: path,
    title: series,
    type: 'letter',
    date: { date: '2019-03-18' },
    summary: 's',
    regions: [],
    places: [],
    tags: [],
    sources: [],
    draft: false,
    series,
    ...(part === undefined ? {} : { part }),
  };
}

const archive = [
  letter('a', 'Letter from Cajamarca', 1),
  letter('b', 'Letter from Cajamarca', 2),
  letter('c', 'Letter from Puno', 1),
];

describe('nextLetter', () => {
  it('takes the part after the highest in the series', () => {
    expect(nextLetter('Cajamarca', archive)).toEqual({ series: 'Letter from Cajamarca', part: 3 });
    expect(nextLetter('Puno', archive)).toEqual({ series: 'Letter from Puno', part: 2 });
  });

  it('starts a new series at part 1', () => {
    expect(nextLetter('Espinar', archive)).toEqual({ series: 'Letter from Espinar', part: 1 });
    expect(nextLetter('Cajamarca', [])).toEqual({ series: 'Letter from Cajamarca', part: 1 });
  });

  it('follows the highest part, not the count, when parts are skipped', () => {
    expect(nextLetter('Cusco', [letter('x', 'Letter from Cusco', 1), letter('y', 'Letter from Cusco', 4)]).part).toBe(5);
  });

  it('joins a series whatever the case and accents of the place, keeping the archive spelling', () => {
    const junin = [letter('j', 'Letter from Junín', 1)];
    expect(nextLetter('junin', junin)).toEqual({ series: 'Letter from Junín', part: 2 });
    expect(nextLetter('CAJAMARCA', archive)).toEqual({ series: 'Letter from Cajamarca', part: 3 });
  });

  it('counts a series member without a part as part 1', () => {
    expect(nextLetter('Tacna', [letter('t', 'Letter from Tacna')]).part).toBe(2);
  });

  it('ignores other series that share the start of the name', () => {
    expect(nextLetter('Lima', [letter('l', 'Letter from Lima Norte', 3)]).part).toBe(1);
  });
});

describe('letterTitle', () => {
  it('writes titles as the site does', () => {
    expect(letterTitle('Letter from Cajamarca', 1)).toBe('Letter from Cajamarca');
    expect(letterTitle('Letter from Puno', 1, 'Using the law to protect community rights')).toBe(
      'Letter from Puno: Using the law to protect community rights',
    );
    expect(letterTitle('Letter from Cajamarca', 2, 'the rondas campesinas')).toBe('Letter from Cajamarca (2): the rondas campesinas');
    expect(letterTitle('Letter from Cajamarca', 3)).toBe('Letter from Cajamarca (3)');
    expect(letterTitle('Letter from Cajamarca', 3, '   ')).toBe('Letter from Cajamarca (3)');
  });
});
