import { describe, expect, it } from '@jest/globals';
import { escapeData, escapeProperty, githubCommand } from '../../../src/render/github.js';

describe('GitHub workflow commands', () => {
  it('escape percent signs and line breaks in the message, and also ":" and "," in properties', () => {
    expect(escapeData('100%\r\nnext: a, b')).toBe('100%25%0D%0Anext: a, b');
    expect(escapeProperty('a, b: 100%\n')).toBe('a%2C b%3A 100%25%0A');
  });

  it('make a warning a ::warning and default the place to 1:1', () => {
    expect(githubCommand('a.md', { rule: 'tag-unknown', severity: 'warning', message: 'm' })).toBe('::warning file=a.md,line=1,col=1,title=tag-unknown::m\n');
  });
});
