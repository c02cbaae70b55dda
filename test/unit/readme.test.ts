// The README's account of how psg reads front matter stays true: every file it names exists,
// and the differential test it points to does compare psg's reading with gray-matter's.
import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/run.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('### Reading front matter'), readme.indexOf('`npm test` builds'));

describe('README: reading front matter', () => {
  it('is a section of "Working on psg" that says what reads front matter, why, and what keeps it equal to gray-matter', () => {
    expect(readme.indexOf('## Working on psg')).toBeLessThan(readme.indexOf('### Reading front matter'));
    for (const heading of ['**What reads it.**', '**Why not gray-matter.**', '**What keeps the two equal.**']) expect(section).toContain(heading);
  });

  it('names files that exist, and a differential test that uses gray-matter', () => {
    const named = [...section.matchAll(/`((?:src|test)\/[\w/.-]+\.ts|core\/[\w/.-]+\.ts)`/g)].map((m) => (m[1]!.startsWith('core/') ? `src/${m[1]}` : m[1]!));
    expect(named).toEqual(expect.arrayContaining(['src/core/frontmatter.ts', 'src/core/article-file.ts', 'test/unit/core/gray-matter.test.ts']));
    for (const file of named) expect(existsSync(join(ROOT, file))).toBe(true);
    expect(readFileSync(join(ROOT, 'test/unit/core/gray-matter.test.ts'), 'utf8')).toContain("import matter from 'gray-matter'");
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    expect(pkg.dependencies['js-yaml']).toBeDefined();
    expect(pkg.devDependencies['gray-matter']).toBeDefined();
    expect(pkg.dependencies['gray-matter']).toBeUndefined();
  });
});
