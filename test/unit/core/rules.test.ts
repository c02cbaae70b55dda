// Every file rule and archive rule, through the checker that places problems in the file.
import { describe, expect, it } from '@jest/globals';
import type { Article } from '../../../src/core/article.js';
import { decodeArticle } from '../../../src/core/article-file.js';
import { checkArticleFile } from '../../../src/core/check.js';
import { checkArchive } from '../../../src/core/rules/index.js';
import { isWebUrl } from '../../../src/core/rules/sources.js';
import { coreContext, fileText } from '../../helpers/core.js';

const ctx = coreContext('2019-07-01');
const HEAD = 'title: A\ntype: news\ndate: 2019-03-18\nsummary: S.\n';

/** Problems of a file as "line:column rule", and with messages. */
function check(yaml: string, { path = '2019/2019-03-18-a.md', body = '\nBody.\n' } = {}) {
  const file = decodeArticle(path, Buffer.from(fileText(yaml, body)), ctx);
  const problems = checkArticleFile(file, ctx);
  return {
    at: problems.map((p) => `${p.line}:${p.column} ${p.rule}`),
    messages: problems.map((p) => p.message),
    fixes: problems.map((p) => p.fix),
    severities: problems.map((p) => p.severity),
  };
}

describe('required fields', () => {
  it('wants title, type and summary always, and date for news and letters', () => {
    expect(check('type: news\n').messages).toEqual([
      'Missing "title" (the headline, one line): add a line "title: …"',
      'Missing "date" (YYYY-MM-DD, optionally with a time): add a line "date: …"',
      'Missing "summary" (the lede shown by list and digest): add a line "summary: …"',
    ]);
    expect(check('title: A\ntype: page\nsummary: S.\n').at).toEqual([]);
  });

  it('points at an empty field, and at the top for a missing one', () => {
    expect(check('title:\ntype: news\ndate: 2019-03-18\nsummary: "  "\n').at).toEqual(['2:1 required-field', '5:1 required-field']);
  });
});

describe('field types', () => {
  it.each([
    ['title: [a, b]', '2:8', '"title" must be text, not a list; write it as title: "…"'],
    ['type: News', '3:7', 'Unknown type "News"; did you mean "news"? Use "news", "letter" or "page"'],
    ['type: 3', '3:7', 'Unknown type the number 3; use "news", "letter" or "page"'],
    ['draft: "no"', '6:8', '"draft" must be true or false, not "no"; write draft: true or draft: false'],
    ['order: 0', '6:8', '"order" must be a whole number from 1 up, not the number 0; write it in digits, e.g. order: 2'],
    ['regions: {a: 1}', '6:10', '"regions" must be a list, e.g. regions: [Puno, Cusco], not a set of fields'],
    ['tags: [mining, [x]]', '6:16', 'Each of "tags" must be a name, not a list; write it as text or remove it'],
    ['sources: https://a.example/', '6:10', '"sources" must be a list of {title, url}, not "https://a.example/"; write it as sources: [{title: …, url: https://…}]'],
  ])('%s', (line, where, message) => {
    const yaml = line.startsWith('title') ? `${line}\ntype: news\ndate: 2019-03-18\nsummary: S.\n` : line.startsWith('type') ? `title: A\n${line}\ndate: 2019-03-18\nsummary: S.\n` : `${HEAD}${line}\n`;
    const result = check(yaml);
    const i = result.messages.indexOf(message);
    expect(result.messages).toContain(message);
    expect(result.at[i]).toMatch(new RegExp(`^${where} `));
  });

  it('gives a string where a list belongs as a fixable warning, split at commas', () => {
    const result = check(`${HEAD}places: Espinar, Hualgayoc\nregions: [Cusco, Cajamarca]\n`);
    expect(result.at).toEqual(['6:9 field-list']);
    expect(result.messages).toEqual(['"places" holds one text where a list belongs; write places: [Espinar, Hualgayoc]']);
    expect(result.fixes).toEqual([{ field: 'places', value: ['Espinar', 'Hualgayoc'] }]);
  });
});

describe('unknown and forbidden fields', () => {
  it('warns of an unknown field at its key, with a did-you-mean', () => {
    expect(check(`${HEAD}tittle: B\n`)).toMatchObject({ at: ['6:1 unknown-field'], severities: ['warning'], messages: ['Unknown field "tittle"; did you mean "title"?'] });
    expect(check(`${HEAD}layout: post\n`).messages[0]).toMatch(/^Unknown field "layout"; psg reads title, type, date/);
  });

  it('refuses __proto__, constructor and prototype at any depth', () => {
    expect(check(`${HEAD}constructor: x\nsources:\n  - title: A\n    url: https://a.example/\n    __proto__: {x: 1}\n`).at).toEqual([
      '6:1 forbidden-key',
      '10:5 forbidden-key',
    ]);
  });
});

describe('lengths', () => {
  it('wants a title of one line and at most 160 characters', () => {
    expect(check(`title: "${'x'.repeat(161)}"\ntype: news\ndate: 2019-03-18\nsummary: S.\n`).messages).toEqual([
      'The title is 161 characters; shorten it to 160 or fewer',
    ]);
    expect(check(`title: "${'é'.repeat(160)}"\ntype: news\ndate: 2019-03-18\nsummary: S.\n`).at).toEqual([]);
    expect(check('title: "Line one\\nline two"\ntype: news\ndate: 2019-03-18\nsummary: S.\n').at).toEqual(['2:8 title-length']);
  });

  it('warns of a summary over 600 characters', () => {
    expect(check(`title: A\ntype: news\ndate: 2019-03-18\nsummary: ${'y'.repeat(601)}\n`)).toMatchObject({ at: ['5:10 summary-length'], severities: ['warning'] });
  });
});

describe('dates', () => {
  it('refuses impossible dates and times, and values that are not dates', () => {
    expect(check('title: A\ntype: news\ndate: 2019-02-29\nsummary: S.\n').at).toEqual(['4:7 date-invalid']);
    expect(check('title: A\ntype: news\ndate: 2019-03-18T25:00\nsummary: S.\n').at).toEqual(['4:7 date-invalid']);
    expect(check('title: A\ntype: news\ndate: true\nsummary: S.\n').messages).toEqual(['"date" must be a date, not true; write it as YYYY-MM-DD, e.g. date: 2019-03-23']);
  });

  it('warns of a future date unless the item is a draft', () => {
    const future = 'title: A\ntype: news\ndate: 2019-07-02\nsummary: S.\n';
    expect(check(future, { path: 'a.md' }).messages).toEqual(['Dated 2019-07-02, after today (2019-07-01): add "draft: true" until it is due, or correct the date']);
    expect(check(`${future}draft: true\n`, { path: 'a.md' }).at).toEqual([]);
    expect(check('title: A\ntype: news\ndate: 2019-07-01T23:59\nsummary: S.\n', { path: 'a.md' }).at).toEqual([]);
  });

  it('warns when the file name says another day', () => {
    expect(check(HEAD, { path: '2019/2019-03-17-a.md' }).messages).toEqual([
      'The file name says 2019-03-17 but "date" is 2019-03-18; rename the file or correct the date',
    ]);
  });

  it('ignores the date of a page', () => {
    expect(check('title: A\ntype: page\ndate: 2019-02-30\nsummary: S.\n', { path: 'pages/a.md' }).at).toEqual([]);
  });
});

describe('regions and places', () => {
  it('reports an unknown region as an error, with suggestions, at the item', () => {
    const result = check(`${HEAD}regions: [{a: 1}, Cajamrca, cuzco]\n`);
    expect(result.at).toEqual(['6:11 field-type', '6:19 region-unknown', '6:29 region-noncanonical']);
    expect(result.messages[1]).toBe('Unknown region "Cajamrca"; did you mean "Cajamarca"?');
    // The list holds an item that is not a name: rewriting it would drop that item.
    expect(result.fixes).toEqual([undefined, undefined, undefined]);
  });

  it('says how to find the regions when nothing is close', () => {
    expect(check(`${HEAD}regions: [Atlantis]\n`).messages).toEqual(['Unknown region "Atlantis"; `psg regions` lists the 25 regions']);
  });

  it('checks a region given as one string too', () => {
    expect(check(`${HEAD}regions: Cuzko\n`).at).toEqual(['6:10 field-list', '6:10 region-unknown']);
  });

  it('offers canonical names as a fix of the whole list', () => {
    const result = check(`${HEAD}regions:\n  - cuzco\n  - Puno\n  - Puno\n`);
    expect(result.messages).toEqual(['Write the region "cuzco" as "Cusco"', '"Puno" is listed twice; keep one']);
    expect(result.at).toEqual(['7:5 region-noncanonical', '9:5 region-noncanonical']);
    expect(result.fixes).toEqual([
      { field: 'regions', value: ['Cusco', 'Puno'] },
      { field: 'regions', value: ['Cusco', 'Puno'] },
    ]);
  });

  it('fixes a province in regions only when places keeps it', () => {
    const without = check(`${HEAD}regions: [Espinar]\n`);
    expect(without.messages).toEqual(['"Espinar" is a province of Cusco: list "Cusco" in regions and "Espinar" in places']);
    expect(without.fixes).toEqual([undefined]);
    expect(check(`${HEAD}regions: [Espinar]\nplaces: [espinar]\n`).fixes).toEqual([{ field: 'regions', value: ['Cusco'] }]);
  });

  it('warns of a place outside the listed regions, with the region to add', () => {
    const result = check(`${HEAD}regions: [Puno]\nplaces: [Ilave, Hualgayoc]\n`);
    expect(result).toMatchObject({ at: ['7:17 place-outside-regions'], severities: ['warning'] });
    expect(result.fixes).toEqual([{ field: 'regions', value: ['Puno', 'Cajamarca'] }]);
    expect(check(`${HEAD}places: [Espinar]\n`).fixes).toEqual([{ field: 'regions', value: ['Cusco'] }]);
  });

  it('accepts regions given as aliases of each other once', () => {
    expect(check(`${HEAD}regions: [Cusco, Junín, Lima]\nplaces: [Espinar, Lima]\n`).at).toEqual([]);
  });
});

describe('tags', () => {
  it('warns of unknown and badly written tags', () => {
    const result = check(`${HEAD}tags: [mining, Consulta Previa, minning, brand-new-thing]\n`);
    expect(result.at).toEqual(['6:16 tag-format', '6:33 tag-unknown', '6:42 tag-unknown']);
    expect(result.messages).toEqual([
      'Tag "Consulta Previa" should be lowercase words joined by hyphens; write it as "consulta-previa"',
      'Unknown tag "minning"; did you mean "mining"?',
      'Unknown tag "brand-new-thing"; add it to "tags" in psg.config.json if it is new',
    ]);
    expect(result.severities).toEqual(['warning', 'warning', 'warning']);
  });
});

describe('sources', () => {
  it('wants web addresses only', () => {
    const yaml = `${HEAD}sources:\n  - {title: A, url: "javascript:alert(1)"}\n  - {title: B, url: "data:text/html,x"}\n  - {title: C, url: "file:///etc/passwd"}\n  - {title: D}\n  - {url: "https://ok.example/"}\n  - just text\n`;
    expect(check(yaml).at).toEqual(['7:21 source-url', '8:21 source-url', '9:21 source-url', '10:5 source-url', '11:5 source-title', '12:5 source-url']);
  });

  it('knows a web address', () => {
    expect(isWebUrl('https://www.servindi.org/actualidad')).toBe(true);
    expect(isWebUrl(' http://a.example ')).toBe(true);
    for (const bad of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'http://', 'www.example.org', '//example.org', 'mailto:a@b.c', '']) {
      expect(isWebUrl(bad)).toBe(false);
    }
  });
});

describe('series and body', () => {
  it('wants series and part together', () => {
    expect(check(`${HEAD}series: Letter from Puno\n`).messages).toEqual(['A letter in a series needs its number: add a line "part: N" (1 for the first)']);
    expect(check(`${HEAD}part: 2\n`).at).toEqual(['6:7 series-part']);
  });

  it('warns of an empty body at the closing line', () => {
    expect(check(HEAD, { body: '' }).at).toEqual(['6:1 body-empty']);
    expect(check(HEAD, { body: '\n  \n\t\n' }).at).toEqual(['6:1 body-empty']);
  });
});

describe('archive rules', () => {
  const letter = (path: string, part: number, series = 'Letter from Puno'): Article => ({
    path,
    slug: path.replace(/^.*\/(\d{4}-\d{2}-\d{2}-)?/, '').replace(/\.md$/, ''),
    title: path,
    type: 'letter',
    summary: '',
    regions: [],
    places: [],
    tags: [],
    sources: [],
    draft: false,
    series,
    part,
  });

  it('reports the later of two files with one slug', () => {
    const found = checkArchive([letter('2019/2019-03-01-a.md', 1, 'X'), letter('pages/a.md', 1, 'Y')], ctx);
    expect([...found.keys()]).toEqual(['pages/a.md']);
    expect(found.get('pages/a.md')![0]).toMatchObject({ rule: 'slug-duplicate', message: 'The slug "a" is also used by 2019/2019-03-01-a.md; rename one of the files' });
  });

  it('reports a part used twice, and parts skipped', () => {
    const found = checkArchive([letter('2019/2019-03-01-a.md', 1), letter('2019/2019-03-08-b.md', 1), letter('2019/2019-03-15-c.md', 4)], ctx);
    expect(found.get('2019/2019-03-08-b.md')!.map((p) => p.rule)).toEqual(['series-duplicate']);
    expect(found.get('2019/2019-03-15-c.md')!.map((p) => p.message)).toEqual(['"Letter from Puno" has no part 2, 3 before part 4; check the numbering']);
    expect(found.has('2019/2019-03-01-a.md')).toBe(false);
  });

  it('keeps series apart', () => {
    expect(checkArchive([letter('2019/2019-03-01-a.md', 1), letter('2019/2019-03-08-b.md', 1, 'Letter from Cusco')], ctx).size).toBe(0);
  });
});
