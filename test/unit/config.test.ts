import { afterAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { checkConfig, loadConfig } from '../../src/config.js';
import { PsgError } from '../../src/errors.js';
import { cleanup, testdir } from '../helpers/testdir.js';

afterAll(cleanup);

const FILE = '/archive/psg.config.json';

/** The error checkConfig throws for a raw config, as the user reads it. */
function failure(raw: unknown): { message: string; hint: string | undefined; exitCode: number } {
  try {
    checkConfig(raw, FILE);
  } catch (error) {
    if (!(error instanceof PsgError)) throw error;
    return { message: error.message, hint: error.hint, exitCode: error.exitCode };
  }
  throw new Error('the config was accepted');
}

describe('checkConfig', () => {
  it('accepts every key with good values', () => {
    const config = checkConfig(
      {
        $schema: 'https://example.org/schema.json',
        articlesDir: 'content',
        timeZone: 'America/Lima',
        author: 'PSG desk',
        tags: { extend: ['lithium'] },
        siteUrl: 'https://perusupportgroup.org.uk/',
        digest: { title: 'News', limit: 5, lang: 'es' },
      },
      FILE,
    );
    expect(config).toEqual({
      file: FILE,
      articlesDir: '/archive/content',
      timeZone: 'America/Lima',
      author: 'PSG desk',
      tags: { extend: ['lithium'] },
      siteUrl: 'https://perusupportgroup.org.uk',
      digest: { title: 'News', limit: 5, lang: 'es' },
    });
  });

  it('names an unknown key and the file, with a did-you-mean', () => {
    const f = failure({ timezone: 'UTC' });
    expect(f.message).toBe(`${FILE}: unknown key "timezone"; did you mean "timeZone"?`);
    expect(f.hint).toContain('articlesDir, timeZone, author, tags, siteUrl, feedUrl, digest');
    expect(f.exitCode).toBe(2);
  });

  it('names an unknown key inside digest by its path', () => {
    expect(failure({ digest: { limt: 3 } }).message).toBe(`${FILE}: unknown key "digest.limt"; did you mean "digest.limit"?`);
  });

  it.each([
    [{ timeZone: 'Lima/Peru' }, '"timeZone" must be an IANA time zone'],
    [{ timeZone: '' }, '"timeZone" must be'],
    [{ author: '   ' }, '"author" must be'],
    [{ articlesDir: 3 }, '"articlesDir" must be'],
    [{ siteUrl: 'perusupportgroup.org.uk' }, '"siteUrl" must be'],
    [{ tags: ['Consulta Previa'] }, '"tags" must be lowercase words joined by hyphens'],
    [{ tags: 'mining' }, '"tags" must be a list'],
    [{ digest: [] }, '"digest" must be an object'],
    [{ digest: { limit: 0 } }, '"digest.limit" must be how many dated items'],
    [{ digest: { limit: 2.5 } }, '"digest.limit" must be'],
    [{ digest: { lang: 'fr' } }, '"digest.lang" must be "en" or "es"'],
    [{ digest: { title: 7 } }, '"digest.title" must be text'],
  ])('names the key of a bad value: %j', (raw, expected) => {
    const f = failure(raw);
    expect(f.message.startsWith(`${FILE}: `)).toBe(true);
    expect(f.message).toContain(expected);
  });

  it('wants an object', () => {
    expect(failure([]).message).toBe(`${FILE}: the config must be a JSON object`);
  });
});

describe('loadConfig', () => {
  it('finds psg.config.json from a folder below it', () => {
    const dir = testdir({ 'psg.config.json': '{ "digest": { "limit": 3 } }', 'articles/2019/.keep': '' });
    expect(loadConfig(undefined, join(dir, 'articles', '2019')).digest.limit).toBe(3);
  });

  it('says where the JSON is broken', () => {
    const dir = testdir({ 'psg.config.json': '{ "digest": { "limit": 3 }, }' });
    expect(() => loadConfig(undefined, dir)).toThrow(/psg\.config\.json is not valid JSON/);
  });

  it('names a --config file that is not there', () => {
    expect(() => loadConfig('nowhere.json', testdir())).toThrow(/cannot read the config file .*nowhere\.json/);
  });
});
