// validate --format github and --format sarif: what GitHub Actions and code-scanning tools read.
import { afterAll, describe, expect, it } from '@jest/globals';
import { BROKEN, EXPECTED, FIXTURE_TODAY } from '../helpers/fixtures.js';
import { sarifValidator } from '../helpers/json-schema.js';
import { psg } from '../helpers/run.js';
import { article, cleanup, testdir } from '../helpers/testdir.js';

afterAll(cleanup);

const env = { PSG_TODAY: FIXTURE_TODAY };

/** A workflow command read back as the runner reads it: split first, then unescape. */
function parseCommand(line: string) {
  const m = /^::(error|warning) ([^:]*)::(.*)$/.exec(line);
  if (!m) throw new Error(`not a workflow command: ${line}`);
  const unescape = (s: string) => s.replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
  const props = Object.fromEntries(m[2]!.split(',').map((kv) => [kv.slice(0, kv.indexOf('=')), unescape(kv.slice(kv.indexOf('=') + 1))]));
  return { command: m[1]!, props, message: unescape(m[3]!) };
}

const expected = EXPECTED.flatMap((e) => e.problems.map(([where, severity, rule]) => `articles/${e.file} ${where} ${severity} ${rule}`)).sort();

describe('validate --format github', () => {
  it('prints one workflow command a problem, with the file, line and column', () => {
    const r = psg(['validate', '--format', 'github'], { cwd: BROKEN, env });
    expect(r.code).toBe(1);
    const commands = r.stdout.split('\n').filter((l) => l.startsWith('::')).map(parseCommand);
    const seen = commands.map((c) => `${c.props.file} ${c.props.line}:${c.props.col} ${c.command} ${c.props.title}`).sort();
    expect(seen).toEqual(expected);
    expect(commands.find((c) => c.props.title === 'region-unknown')!.message).toMatch(/did you mean/);
    expect(r.stdout).toMatch(/✖ \d+ problems/);
  });

  it('escapes what would end a property or the message', () => {
    const dir = testdir({
      'articles/odd, name: 100%.md': article({ title: 'A', type: 'news', date: '2019-03-01', summary: 'S', regions: '["Atlantis 100%"]' }),
    });
    const r = psg(['validate', '--format', 'github'], { cwd: dir, env });
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('file=articles/odd%2C name%3A 100%25.md,line=6,col=');
    const c = parseCommand(lines[0]!);
    expect(c.props).toMatchObject({ file: 'articles/odd, name: 100%.md', line: '6', col: '11', title: 'region-unknown' });
    expect(lines[0]).toMatch(/::.*Atlantis 100%25/);
    expect(c.message).toContain('"Atlantis 100%"');
  });
});

describe('validate --format sarif', () => {
  const validate = sarifValidator();

  it('is a SARIF 2.1.0 log: one result a problem, with its rule and region', () => {
    const r = psg(['validate', '--format', 'sarif'], { cwd: BROKEN, env });
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout);
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    const run = log.runs[0];
    const seen = run.results
      .map((res: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }) => {
        const loc = res.locations[0]!.physicalLocation;
        return `${loc.artifactLocation.uri} ${loc.region.startLine}:${loc.region.startColumn} ${res.level} ${res.ruleId}`;
      })
      .sort();
    expect(seen).toEqual(expected);
    const rules = run.tool.driver.rules.map((d: { id: string }) => d.id);
    for (const res of run.results) expect(rules[res.ruleIndex]).toBe(res.ruleId);
    expect(new Set(rules).size).toBe(rules.length);
    expect(run.tool.driver.name).toBe('psg');
  });

  it('is a valid, empty log for a clean archive, with exit 0', () => {
    const dir = testdir({ 'articles/a.md': article({ title: 'A', type: 'news', date: '2019-03-01', summary: 'S', regions: '[Puno]' }) });
    const r = psg(['validate', '--format', 'sarif'], { cwd: dir, env });
    expect(r.code).toBe(0);
    const log = JSON.parse(r.stdout);
    expect(validate(log)).toBe(true);
    expect(log.runs[0].results).toEqual([]);
  });

  it('writes a path with spaces and a percent sign as a URI reference', () => {
    const dir = testdir({ 'articles/odd name 100%.md': article({ title: 'A', type: 'news', date: '2019-03-01', summary: 'S', regions: '[Atlantis]' }) });
    const log = JSON.parse(psg(['validate', '--format', 'sarif'], { cwd: dir, env }).stdout);
    expect(validate(log)).toBe(true);
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('articles/odd%20name%20100%25.md');
  });
});
