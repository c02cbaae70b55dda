// The broken-article fixtures (test/fixtures/broken) and what psg must say about each.
import { cpSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { testdir } from './testdir.js';

/** The folder to run psg in: it holds articles/ and the README. */
export const BROKEN = fileURLToPath(new URL('../fixtures/broken/', import.meta.url));

/** A day before the future-dated fixture and after every other one. */
export const FIXTURE_TODAY = '2019-07-01';

export interface Expected {
  file: string;
  /** line:column, severity and rule of each problem, in the order psg lists them. */
  problems: [string, 'error' | 'warning', string][];
  fixable?: boolean;
}

export const EXPECTED: Expected[] = [
  { file: '2019-04-11-filename-date.md', problems: [['4:7', 'warning', 'date-filename']] },
  { file: '2019-05-02-shared-slug.md', problems: [['1:1', 'error', 'slug-duplicate']] },
  { file: '2019-06-08-letter-from-ayacucho-again.md', problems: [['6:7', 'error', 'series-duplicate']] },
  { file: 'alias-bomb.md', problems: [['2:1', 'error', 'yaml-too-complex']] },
  { file: 'binary-junk.md', problems: [['1:1', 'error', 'file-binary']] },
  { file: 'date-not-a-date.md', problems: [['4:7', 'error', 'date-invalid']] },
  { file: 'draft-not-boolean.md', problems: [['5:8', 'error', 'field-type']] },
  { file: 'duplicate-key.md', problems: [['5:1', 'error', 'duplicate-key']] },
  { file: 'empty-body.md', problems: [['6:1', 'warning', 'body-empty']] },
  { file: 'empty.md', problems: [['1:1', 'error', 'file-empty']] },
  { file: 'front-matter-list.md', problems: [['2:1', 'error', 'front-matter-type']] },
  { file: 'future-date.md', problems: [['4:7', 'warning', 'date-future']] },
  { file: 'impossible-date.md', problems: [['4:7', 'error', 'date-invalid']] },
  { file: 'invalid-utf8.md', problems: [['2:11', 'error', 'invalid-utf8']] },
  { file: 'javascript-url.md', problems: [['7:10', 'error', 'source-url']] },
  { file: 'js-front-matter.md', problems: [['1:4', 'error', 'front-matter-executable']] },
  { file: 'missing-date.md', problems: [['1:1', 'error', 'required-field']] },
  { file: 'missing-title.md', problems: [['1:1', 'error', 'required-field']] },
  { file: 'no-front-matter.md', problems: [['1:1', 'error', 'front-matter-missing']] },
  {
    file: 'noncanonical-region.md',
    problems: [
      ['6:5', 'warning', 'region-noncanonical'],
      ['7:5', 'warning', 'region-noncanonical'],
    ],
    fixable: true,
  },
  { file: 'part-not-number.md', problems: [['6:7', 'error', 'field-type']] },
  { file: 'place-outside-regions.md', problems: [['6:10', 'warning', 'place-outside-regions']], fixable: true },
  { file: 'proto-key.md', problems: [['5:1', 'error', 'forbidden-key']] },
  { file: 'regions-not-a-list.md', problems: [['5:10', 'warning', 'field-list']], fixable: true },
  { file: 'title-too-long.md', problems: [['2:8', 'error', 'title-length']] },
  { file: 'toml-front-matter.md', problems: [['1:1', 'error', 'front-matter-missing']] },
  { file: 'type-mistyped.md', problems: [['3:7', 'error', 'field-type']] },
  { file: 'unclosed-front-matter.md', problems: [['1:1', 'error', 'front-matter-unclosed']] },
  { file: 'unknown-field.md', problems: [['5:1', 'warning', 'unknown-field']] },
  { file: 'unknown-region.md', problems: [['5:17', 'error', 'region-unknown']] },
  { file: 'unknown-tag.md', problems: [['5:8', 'warning', 'tag-unknown']] },
  { file: 'yaml-js-function.md', problems: [['5:10', 'error', 'yaml-unsafe']] },
  { file: 'yaml-syntax.md', problems: [['2:8', 'error', 'yaml-syntax']] },
];

export const VALID = [
  '2019-04-02-valid-news.md',
  '2019-05-01-shared-slug.md',
  '2019-06-01-letter-from-ayacucho.md',
  'bom-crlf-valid.md',
  'pages/valid-page.md',
];

/** Every file below `dir`, relative, with forward slashes. */
export function filesBelow(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const abs = join(d, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else out.push(relative(dir, abs).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** A temp copy of the fixtures folder (articles/ and README); returns its path. */
export function brokenCopy(): string {
  const dir = testdir();
  cpSync(BROKEN, dir, { recursive: true });
  return dir;
}

/**
 * A message says what to do: it holds an instruction or a did-you-mean.
 * The verbs are the ones psg's messages use.
 */
export const SAYS_WHAT_TO_DO =
  /\b(add|begin|write|remove|use|rename|check|save|move|keep|give|shorten|join|correct|end|delete|list|free|run)\b|did you mean/i;
