// psg schema: a JSON Schema of the front matter that a real validator (ajv, draft 2020-12) reads.
import { afterAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontMatter, splitFrontMatter } from '../../src/core/frontmatter.js';
import { BROKEN, filesBelow, VALID } from '../helpers/fixtures.js';
import { validator2020 } from '../helpers/json-schema.js';
import { psg, SAMPLE } from '../helpers/run.js';
import { cleanup, testdir } from '../helpers/testdir.js';

afterAll(cleanup);

/** The front matter as any YAML 1.2 tool reads it: plain data, dates as text. */
function frontMatter(abs: string): Record<string, unknown> {
  const split = splitFrontMatter(readFileSync(abs, 'utf8').replace(/^\uFEFF/, ''));
  if (!split.ok) throw new Error(`${abs}: no front matter`);
  const parsed = parseFrontMatter(split.frontMatter.yaml, 2);
  if (!parsed.ok) throw new Error(`${abs}: ${parsed.problem.message}`);
  return Object.fromEntries(parsed.data);
}

const run = psg(['schema']);
const schema = JSON.parse(run.stdout);
const validate = validator2020(schema);
const errorsOf = (file: string) => {
  validate(frontMatter(join(BROKEN, 'articles', file)));
  return (validate.errors ?? []) as { instancePath: string; keyword: string; params: Record<string, unknown> }[];
};

describe('psg schema', () => {
  it('is a draft 2020-12 schema that ajv compiles in strict mode', () => {
    expect(run.code).toBe(0);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(typeof validate).toBe('function');
  });

  it('accepts the front matter of every sample article and of the valid fixtures', () => {
    const files = [...filesBelow(SAMPLE).map((f) => join(SAMPLE, f)), ...VALID.map((f) => join(BROKEN, 'articles', f))];
    expect(files.length).toBeGreaterThan(14);
    for (const file of files) {
      const ok = validate(frontMatter(file));
      expect({ file, errors: validate.errors ?? [] }).toEqual({ file, errors: [] });
      expect(ok).toBe(true);
    }
  });

  it('rejects the broken fixtures’ type errors, at the field that is wrong', () => {
    const cases: [string, string, string][] = [
      ['draft-not-boolean.md', '/draft', 'type'],
      ['part-not-number.md', '/part', 'type'],
      ['type-mistyped.md', '/type', 'enum'],
      ['date-not-a-date.md', '/date', 'pattern'],
      ['title-too-long.md', '/title', 'maxLength'],
      ['javascript-url.md', '/sources/0/url', 'pattern'],
      ['regions-not-a-list.md', '/regions', 'type'],
      ['unknown-region.md', '/regions/1', 'enum'],
      ['unknown-tag.md', '/tags/0', 'enum'],
      ['unknown-field.md', '', 'additionalProperties'],
    ];
    for (const [file, path, keyword] of cases) {
      const errors = errorsOf(file).filter((e) => e.keyword !== 'if');
      expect({ file, found: errors.map((e) => `${e.instancePath} ${e.keyword}`) }).toEqual({ file, found: [`${path} ${keyword}`] });
    }
    expect(errorsOf('missing-title.md').map((e) => e.params.missingProperty)).toContain('title');
    // A letter without a date: required by the type, through if/then.
    expect(errorsOf('missing-date.md').filter((e) => e.keyword === 'required').map((e) => e.params.missingProperty)).toEqual(['date']);
    expect(validate({ title: 'A page', type: 'page', summary: 'S' })).toBe(true);
  });

  it('lists the 25 regions and the archive’s own vocabulary, and describes every field', () => {
    expect(schema.properties.regions.items.enum).toHaveLength(25);
    expect(schema.properties.regions.items.enum).toContain('Madre de Dios');
    const dir = testdir({ 'psg.config.json': '{ "tags": ["water", "uk-peru"] }\n' });
    const own = JSON.parse(psg(['schema'], { cwd: dir }).stdout);
    expect(own.properties.tags.items.enum).toEqual(['water', 'uk-peru']);
    const walk = (node: Record<string, unknown>, at: string) => {
      for (const [name, sub] of Object.entries((node.properties ?? {}) as Record<string, Record<string, unknown>>)) {
        expect({ at: `${at}/${name}`, description: typeof sub.description }).toEqual({ at: `${at}/${name}`, description: 'string' });
        walk(sub, `${at}/${name}`);
        if (sub.items) walk(sub.items as Record<string, unknown>, `${at}/${name}[]`);
      }
    };
    walk(schema, '');
  });
});
