import { describe, expect, it } from '@jest/globals';
import { defaultConfig, systemTimeZone, TEMPLATES } from '../../../src/commands/init.js';
import { checkConfig } from '../../../src/config.js';

describe('psg init defaults', () => {
  it('writes a config that psg itself accepts', () => {
    const config = checkConfig(defaultConfig('America/Lima'), '/x/psg.config.json');
    expect(config.digest).toEqual({ title: 'Peru Support Group: news and letters', limit: 10, lang: 'en' });
    expect(config.articlesDir).toBe('/x/articles');
    expect(config.timeZone).toBe('America/Lima');
  });

  it('takes the system’s time zone', () => {
    expect(systemTimeZone()).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it('has a template for every type, none of them showing guidance on the site', () => {
    expect(Object.keys(TEMPLATES).sort()).toEqual(['letter', 'news', 'page']);
    for (const body of Object.values(TEMPLATES)) {
      expect(body.endsWith('\n')).toBe(true);
      // Guidance lives in HTML comments; what is left outside them is Markdown headings at most.
      const visible = body.replace(/<!--[\s\S]*?-->/g, '').trim();
      expect(visible.split('\n').filter((l) => l.trim() && !l.startsWith('## '))).toEqual([]);
    }
  });
});
