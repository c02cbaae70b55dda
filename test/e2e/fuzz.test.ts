// Fuzzing: a few hundred mutated copies of the sample articles (byte flips, cuts, control
// characters, huge numbers, long keys, bad dates, YAML oddities), seeded so that a failure can
// be replayed, with one good control file beside them. Every command and format must end with
// exit 0, 1 or 2, without a stack trace or a hang, print output its format's parser accepts,
// and always list the control file.
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { parse } from 'csv-parse/sync';
import { XMLValidator } from 'fast-xml-parser';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, psgEnv, SAMPLE } from '../helpers/run.js';
import { article, cleanup, testdir } from '../helpers/testdir.js';

afterAll(cleanup);

const SEED = Number(process.env.PSG_FUZZ_SEED ?? 20191203);
const COUNT = 300;
const TODAY = '2019-07-01';

/** mulberry32: small, fast and the same on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function samples(dir: string): Buffer[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? (name.startsWith('_') ? [] : samples(path)) : name.endsWith('.md') ? [readFileSync(path)] : [];
  });
}

const CONTROLS = ['\u0000', '\u0007', '\u001b]2;PWNED\u0007', '\u001b[2J', '\r', '\u202e', '\u0085', '\uFFFE', '\t'];
const ODD_VALUES = [
  '1e308', '-1e308', '4294967296', '99999999999999999999999', '0x7fffffff', '.nan', '-.inf', '~', 'null', '[]', '{}',
  '"2019-13-45"', '2019-02-30', '"2019-03-11T10:00:00+99:00"', '2019-03-11T25:61', '"0000-00-00"', '!!binary aGVsbG8=',
  '!!js/function "function(){}"', '&a [*a]', '*undefined', '"\\u0000"', "'it''s'", '|\n  block\n  text', '>-\n  folded', '{a: {b: {c: [1, [2, [3]]]}}}',
  '[Puno, [Cusco, [Lima]]]', '"Innocent\\n# INJECTED"', '"=HYPERLINK(\\"http://x\\")"', '@SUM(A1)', '"\\e]2;x\\a"', 'yes', 'No', '0o17', '+.5',
];
const FIELDS = ['title', 'type', 'date', 'summary', 'regions', 'places', 'tags', 'author', 'series', 'sources', 'draft', 'x-extra', '__proto__', 'constructor'];

/** One mutation, or a few, of one sample article. */
function mutate(bytes: Buffer, rnd: () => number): Buffer {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  let out = Buffer.from(bytes);
  const rounds = 1 + Math.floor(rnd() * 3);
  for (let r = 0; r < rounds; r++) {
    const at = Math.floor(rnd() * (out.length + 1));
    switch (Math.floor(rnd() * 8)) {
      case 0: // flip bytes
        for (let k = 0; k < 1 + rnd() * 4 && out.length; k++) {
          const j = Math.floor(rnd() * out.length);
          out[j] = out[j]! ^ (1 << Math.floor(rnd() * 8));
        }
        break;
      case 1: // cut short
        out = out.subarray(0, at);
        break;
      case 2: // a control character
        out = Buffer.concat([out.subarray(0, at), Buffer.from(pick(CONTROLS)), out.subarray(at)]);
        break;
      case 3: // a field with an odd value, at the top of the front matter
        out = Buffer.concat([Buffer.from(`---\n${pick(FIELDS)}: ${pick(ODD_VALUES)}\n`), out.subarray(out.indexOf('\n') + 1)]);
        break;
      case 4: // a long key
        out = Buffer.concat([Buffer.from(`---\n${'k'.repeat(1000 + Math.floor(rnd() * 40_000))}: 1\n`), out.subarray(out.indexOf('\n') + 1)]);
        break;
      case 5: // a line of YAML syntax somewhere
        out = Buffer.concat([out.subarray(0, at), Buffer.from(pick(['\n---\n', '\n  - ', ': ', '\n\t', '"', "'", '[', '{', '\n? ', '\n%YAML 1.2\n', '\n!!map\n', '\u00a0'])), out.subarray(at)]);
        break;
      case 6: // bytes that are not UTF-8, or a BOM
        out = Buffer.concat([out.subarray(0, at), Buffer.from(pick([[0xff], [0xc3], [0xed, 0xa0, 0x80], [0xef, 0xbb, 0xbf]])), out.subarray(at)]);
        break;
      default: // a repeated slice
        out = Buffer.concat([out.subarray(0, at), out.subarray(Math.floor(rnd() * out.length)), out.subarray(at)]);
    }
  }
  return out;
}

const rnd = random(SEED);
const pool = samples(SAMPLE);
const files: Record<string, Uint8Array> = {};
for (let i = 0; i < COUNT; i++) files[`articles/fuzz/2019-0${1 + (i % 6)}-1${i % 10}-fuzz-${i}.md`] = mutate(pool[i % pool.length]!, rnd);
const CONTROL = 'articles/2019-06-30-the-control-file.md';
const CONTROL_TITLE = 'The control file';
files[CONTROL] = Buffer.from(article({ title: `"${CONTROL_TITLE}"`, type: 'news', date: '2019-06-30', regions: '[Puno]', summary: 'Always listed.' }));
const dir = testdir(files);

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    env: psgEnv({ env: { PSG_TODAY: TODAY } }),
    encoding: 'utf8',
    timeout: 30_000,
    maxBuffer: 1 << 28,
  });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status, signal: r.signal };
}

function sane(r: ReturnType<typeof run>): void {
  expect(r.signal).toBeNull(); // no hang (killed at the timeout), no crash by signal
  expect([0, 1, 2]).toContain(r.code);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at .*:\d+:\d+|heap out of memory/);
}

describe(`psg over ${COUNT} fuzzed articles (seed ${SEED})`, () => {
  it('validate reports every file and passes the control file', () => {
    const r = run(['validate', '--format', 'json']);
    sane(r);
    const report = JSON.parse(r.stdout) as { files: { path: string; problems: { rule: string }[] }[] };
    expect(report.files.some((f) => f.path === CONTROL)).toBe(false);
    expect(report.files.flatMap((f) => f.problems).some((p) => p.rule === 'internal')).toBe(false);
    sane(run(['validate']));
  }, 60_000);

  it.each(['table', 'json', 'ndjson', 'csv', 'paths'])('list --format %s parses and lists the control file', (format) => {
    const r = run(['list', '--format', format]);
    sane(r);
    expect(r.code).toBe(0);
    if (format === 'json') expect((JSON.parse(r.stdout) as { path: string }[]).map((a) => a.path)).toContain(CONTROL);
    if (format === 'ndjson') expect(r.stdout.trimEnd().split('\n').map((l) => (JSON.parse(l) as { path: string }).path)).toContain(CONTROL);
    if (format === 'csv') {
      const rows = parse(r.stdout, { columns: true, record_delimiter: ['\r\n', '\n', '\r'] }) as { path: string }[];
      expect(rows.map((row) => row.path)).toContain(CONTROL);
    }
    if (format === 'paths') expect(r.stdout.split('\n')).toContain(CONTROL);
    if (format === 'table') expect(r.stdout).toContain(CONTROL_TITLE);
  }, 30_000);

  it.each(['text', 'markdown', 'html', 'json', 'rss', 'atom'])('digest --format %s parses and holds the control file', (format) => {
    const r = run(['digest', '--format', format, '--limit', '1000', '--site-url', 'https://psg.example']);
    sane(r);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(CONTROL_TITLE);
    if (format === 'json') JSON.parse(r.stdout);
    if (format === 'rss' || format === 'atom') expect(XMLValidator.validate(r.stdout)).toBe(true);
  }, 30_000);
});
