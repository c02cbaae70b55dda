// Articles and list rows built in memory, for the list renderers' unit tests.
import type { Article } from '../../src/core/article.js';
import type { ListRow, TableRow } from '../../src/render/list/view.js';

export function makeArticle(fields: Partial<Article> & { title: string }): Article {
  return {
    path: `2019/${fields.slug ?? 'item'}.md`,
    slug: 'item',
    type: 'news',
    summary: 'A summary.',
    regions: [],
    places: [],
    tags: [],
    sources: [],
    draft: false,
    ...fields,
  };
}

/** What the table shows of a row that carries its whole article. */
function tableRow({ article, regions }: ListRow): TableRow {
  const row: TableRow = { type: article.type, title: article.title, draft: article.draft, regions };
  if (article.date) row.date = article.date.date;
  return row;
}

/** A row for every renderer: the whole article (json, csv) and what the table shows of it. */
export type TestRow = ListRow & TableRow;

export function row(fields: Partial<Article> & { title: string }, regions?: string[]): TestRow {
  const article = makeArticle(fields);
  const listRow: ListRow = { article, path: `articles/${article.path}`, regions: regions ?? article.regions };
  return { ...listRow, ...tableRow(listRow) };
}

/** A small mixed list: a letter with two regions, national news, a page, a draft. */
export function sampleRows(): TestRow[] {
  return [
    row({
      title: 'Letter from Puno: Using the law to protect community rights',
      slug: 'letter-from-puno',
      type: 'letter',
      date: { date: '2019-04-01' },
      regions: ['Puno', 'Moquegua'],
      places: ['Jatucachi'],
      series: 'Letter from Puno',
      part: 1,
    }),
    row({ title: 'Espinar: continuing problems with mine developments', slug: 'espinar', date: { date: '2019-03-18', time: '12:00:00' }, regions: ['Cusco'] }),
    row({ title: 'Tuesta commission publishes recommendations for political reform', slug: 'tuesta', date: { date: '2019-03-23', time: '11:00:00' } }),
    row({ title: 'PSG Aims', slug: 'psg-aims', type: 'page', order: 1, tags: ['psg'] }),
  ];
}
