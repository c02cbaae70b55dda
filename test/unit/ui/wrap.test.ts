import { describe, expect, it } from '@jest/globals';
import { wrapToWidth } from '../../../src/ui/table.js';

describe('wrapToWidth', () => {
  it('breaks at spaces, never inside a word that fits', () => {
    expect(wrapToWidth('Write the region "cuzco" as "Cusco"', 20)).toEqual(['Write the region', '"cuzco" as "Cusco"']);
  });

  it('breaks a word wider than the width after a "/" where it can', () => {
    expect(wrapToWidth('see /work/wt/articles/2019/a-long-name.md now', 16)).toEqual(['see', '/work/wt/', 'articles/2019/a-', 'long-name.md now']);
  });

  it('counts wide characters as two columns, and gives one empty line for no text', () => {
    expect(wrapToWidth('秘鲁 秘鲁', 4)).toEqual(['秘鲁', '秘鲁']);
    expect(wrapToWidth('', 10)).toEqual(['']);
  });
});
