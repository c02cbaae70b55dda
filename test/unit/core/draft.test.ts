import { describe, expect, it } from '@jest/globals';
import { CORE_SCHEMA, load } from 'js-yaml';
import { parse } from 'yaml';
import { decodeArticle } from '../../../src/core/article-file.js';
import { checkArticleFile } from '../../../src/core/check.js';
import type { CoreContext } from '../../../src/core/context.js';
import { type ArticleDraft, draftPath, draftText, quoted, scalar } from '../../../src/core/draft.js';
import { Gazetteer } from '../../../src/core/gazetteer.js';
import { TagVocabulary } from '../../../src/core/tags.js';
import { loadBuiltInTags, loadGazetteerData } from '../../../src/data.js';

const ctx: CoreContext = {
  gazetteer: new Gazetteer(loadGazetteerData()),
  tags: new TagVocabulary(loadBuiltInTags()),
  today: '2019-04-20',
};

const letter: ArticleDraft = {
  type: 'letter',
  title: 'Letter from Cajamarca (3): water and the Conga project',
  date: { date: '2019-04-10' },
  summary: 'Water is scarce.',
  regions: ['Cajamarca'],
  places: ['Cajamarca'],
  tags: ['water', 'mining'],
  author: 'Ana Pérez',
  series: 'Letter from Cajamarca',
  part: 3,
  draft: false,
};

/** The front matter of a draft's text, as YAML readers see it. */
function frontMatterOf(text: string): unknown {
  const yaml = /^---\n([\s\S]*?)\n---\n/.exec(text)![1]!;
  const viaJsYaml = load(yaml, { schema: CORE_SCHEMA });
  // A second, independent reader must agree.
  expect(parse(yaml, { schema: 'core' })).toEqual(viaJsYaml);
  return viaJsYaml;
}

describe('draftPath', () => {
  it('puts dated items under their year and pages under pages/', () => {
    expect(draftPath(letter)).toBe('2019/2019-04-10-letter-from-cajamarca-3-water-and-the-conga-project.md');
    expect(draftPath({ type: 'page', title: 'PSG Aims' })).toBe('pages/psg-aims.md');
    expect(draftPath({ type: 'news', title: '../../../tmp/x', date: { date: '2019-04-11' } })).toBe('2019/2019-04-11-tmp-x.md');
    expect(draftPath({ type: 'news', title: 'Jirón Lima: ¿qué pasó?', date: { date: '2019-04-11', time: '09:30:00' } })).toBe(
      '2019/2019-04-11-jiron-lima-que-paso.md',
    );
  });
});

describe('draftText', () => {
  it('writes the front matter in the sample archive’s order and style', () => {
    expect(draftText(letter)).toBe(
      [
        '---',
        'title: "Letter from Cajamarca (3): water and the Conga project"',
        'type: letter',
        'date: 2019-04-10',
        'series: Letter from Cajamarca',
        'part: 3',
        'regions: [Cajamarca]',
        'places: [Cajamarca]',
        'tags: [water, mining]',
        'author: Ana Pérez',
        'summary: "Water is scarce."',
        '---',
        '',
        'Water is scarce.',
        '',
      ].join('\n'),
    );
  });

  it('writes draft: true, an empty region list for national news, and no date for pages', () => {
    const news = draftText({ type: 'news', title: 'Exit Villanueva', date: { date: '2019-03-11' }, summary: 's', regions: [], places: [], tags: [], draft: true });
    expect(news).toContain('draft: true\nregions: []\n');
    expect(news).not.toContain('places');
    const page = draftText({ type: 'page', title: 'Aims', date: { date: '2019-03-11' }, summary: 's', regions: [], places: [], tags: [], draft: false });
    expect(page).not.toMatch(/^date:|^regions:/m);
  });

  it('keeps a date-time as written', () => {
    const text = draftText({ ...letter, date: { date: '2019-04-10', time: '09:30:00', offset: '-05:00' } });
    expect(text).toContain('date: 2019-04-10T09:30:00-05:00\n');
  });

  it('uses the template as the body when there is one', () => {
    expect(draftText(letter, '## Background\r\n\r\nWrite here.')).toMatch(/---\n\n## Background\n\nWrite here.\n$/);
    expect(draftText(letter, '')).toMatch(/---\n\n$/);
  });

  it('validates with no problem at all', () => {
    const text = draftText(letter);
    const file = decodeArticle(draftPath(letter), Buffer.from(text), ctx);
    expect(checkArticleFile(file, ctx)).toEqual([]);
    expect(file.article).toMatchObject({
      title: letter.title,
      type: 'letter',
      date: { date: '2019-04-10' },
      series: 'Letter from Cajamarca',
      part: 3,
      regions: ['Cajamarca'],
      author: 'Ana Pérez',
      summary: 'Water is scarce.',
    });
  });

  const awkward = [
    'yes',
    'No',
    'null',
    '~',
    '123',
    '0x1F',
    '2019-04-10',
    '.inf',
    'a: b',
    'a #b',
    '#hash',
    '- dash',
    '[list]',
    '{map}',
    'comma, inside',
    '"quoted"',
    "it's",
    'back\\slash',
    '&anchor',
    '*alias',
    '!tag',
    '|literal',
    '>folded',
    '%directive',
    '@at',
    '`tick`',
    '  padded  ',
    'tab\there',
    'line\nbreak',
    'uni\u2028code',
    'del\u007fchar',
    'bom\ufeffmark',
    'lone\ud800surrogate',
    'emoji 🇵🇪 and Jirón',
    '---',
    '...',
  ];

  it.each(awkward)('reads back %j unchanged as a title, list item, author and summary', (value) => {
    const expected = value.replace(/\ud800/, '\ufffd');
    const data = frontMatterOf(
      draftText({ ...letter, title: value, summary: value, places: [value, 'Puno'], tags: [value], author: value, series: value }),
    ) as Record<string, unknown>;
    expect(data.title).toBe(expected);
    expect(data.summary).toBe(expected);
    expect(data.places).toEqual([expected, 'Puno']);
    expect(data.tags).toEqual([expected]);
    expect(data.series).toBe(expected);
    expect(data.author).toBe(expected);
  });

  it('writes plain scalars only where they are safe, and quotes the rest', () => {
    expect(scalar('Madre de Dios')).toBe('Madre de Dios');
    expect(scalar('Junín')).toBe('Junín');
    expect(scalar('yes')).toBe('"yes"');
    expect(scalar('a, b')).toBe('"a, b"');
    expect(quoted('say "hi"\n')).toBe('"say \\"hi\\"\\n"');
  });
});
