import { describe, expect, it } from '@jest/globals';
import { renderMarkdown } from '../../../src/render/digest/markdown.js';
import { art, digestOf } from '../../helpers/digest.js';

describe('renderMarkdown', () => {
  it('gives a heading, the period, then ## title, date and regions in italics, and the summary', () => {
    const md = renderMarkdown(
      digestOf(
        [
          art({ title: 'Letter from Puno', date: '2019-04-01', regions: ['Puno', 'Moquegua'], summary: 'Jatucachi.' }),
          art({ title: 'Exit Villanueva', date: '2019-03-11', summary: 'He resigned.' }),
          art({ title: 'Why join?', summary: '• One\n• Two\n\nBecome a member' }),
        ],
        {},
        { from: '2019-03-11', to: '2019-04-01' },
      ),
    );
    expect(md).toBe(
      [
        '# Peru Support Group news digest',
        '',
        '11 March – 1 April 2019',
        '',
        '## Letter from Puno',
        '',
        '*1 April 2019 · Puno, Moquegua*',
        '',
        'Jatucachi.',
        '',
        '## Exit Villanueva',
        '',
        '*11 March 2019*',
        '',
        'He resigned.',
        '',
        '## Why join?',
        '',
        '• One\\',
        '• Two',
        '',
        'Become a member',
        '',
      ].join('\n'),
    );
  });

  it('links the title when the site URL is known, and escapes what would be markup', () => {
    const md = renderMarkdown(
      digestOf([art({ title: '<b>*Bold*</b> [x]', date: '2019-03-18', path: '2019/2019-03-18-bold.md', summary: '# not a heading' })], { siteUrl: 'https://example.org', lang: 'es' }),
    );
    expect(md).toContain('## [\\<b\\>\\*Bold\\*\\</b\\> \\[x\\]](<https://example.org/2019/2019-03-18-bold>)');
    expect(md).toContain('*18 de marzo de 2019*');
    expect(md).toContain('\n\\# not a heading\n');
    expect(md.startsWith('# Resumen de noticias del Peru Support Group\n')).toBe(true);
  });
});
