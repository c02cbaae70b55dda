import { describe, expect, it } from '@jest/globals';
import { renderText } from '../../../src/render/digest/text.js';
import { art, digestOf } from '../../helpers/digest.js';

const item = art({ title: 'Exit Villanueva as prime minister', date: '2019-03-11T12:00:00', summary: 'On 8 March, César Villanueva resigned.' });
const page = art({ title: 'Why join the PSG?', summary: '• Keep up to date\n• Support the work\n\nBecome a member' });

describe('renderText', () => {
  it('lays out items and pages alike, as the site listing does, ending with a newline', () => {
    expect(renderText(digestOf([item, page]))).toBe(
      [
        '  • Exit Villanueva as prime minister',
        '',
        '    11 March 2019',
        '',
        '    On 8 March, César Villanueva resigned.',
        '',
        '  • Why join the PSG?',
        '',
        '    • Keep up to date',
        '    • Support the work',
        '',
        '    Become a member',
        '',
      ].join('\n'),
    );
  });

  it('indents the first bullet as the others, and ends with one newline', () => {
    const text = renderText(digestOf([item]));
    expect(text.startsWith('  • ')).toBe(true);
    expect(text.endsWith('resigned.\n')).toBe(true);
  });

  it('ends a title with a newline even when no item follows', () => {
    expect(renderText(digestOf([], { title: 'March news' }))).toBe('March news\n');
  });

  it('puts a title asked for above the items, and none by default', () => {
    expect(renderText(digestOf([item], { title: 'March news' }))).toMatch(/^March news\n\n {2}• Exit Villanueva/);
    expect(renderText(digestOf([item]))).not.toContain('digest');
  });

  it('prints the date in Spanish with --lang es', () => {
    expect(renderText(digestOf([item], { lang: 'es' }))).toContain('\n    11 de marzo de 2019\n');
  });

  it('prints summaries as written: trailing spaces kept, blank lines empty, the final line break of a YAML block dropped', () => {
    const s = art({ title: 'T', date: '2019-03-11', summary: 'First line\u00a0 \n   \nSecond line.\n' });
    expect(renderText(digestOf([s]))).toBe('  • T\n\n    11 March 2019\n\n    First line\u00a0 \n\n    Second line.\n');
  });

  it('is empty for an empty digest', () => {
    expect(renderText(digestOf([]))).toBe('');
  });
});
