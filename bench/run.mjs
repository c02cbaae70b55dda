#!/usr/bin/env node
// npm run bench: whole-process timings of psg against baselines measured in the same run.
//   node bench/run.mjs [--sizes 1000,10000,100000] [--runs 5] [--corpus own|shared|both] [--out FILE]
// Corpora are generated (seeded) under bench/corpus/ and kept for the next run.
// Every figure is the median of several runs, and is printed beside its baseline
// (`node -e 0`, or the read-every-file floor) as a ratio, with the spec's target.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const bin = join(root, 'bin', 'psg.js');
const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i === -1 ? fallback : argv[i + 1];
};
const sizes = opt('sizes', '1000,10000,100000').split(',').map(Number);
const runs = Number(opt('runs', '5'));
const corpusDir = join(here, 'corpus');
const time = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const hugo = spawnSync('hugo', ['version'], { encoding: 'utf8' }).status === 0 ? 'hugo' : undefined;

/** One whole-process run: wall milliseconds and peak memory (KB, with GNU time). */
function once(cmd, args, env = {}) {
  const fullEnv = { ...process.env, NO_COLOR: '1', ...env };
  const start = process.hrtime.bigint();
  const r = time
    ? spawnSync(time, ['-f', '%M', cmd, ...args], { env: fullEnv, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 })
    : spawnSync(cmd, args, { env: fullEnv, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr.slice(-500)}`);
  const kb = time ? Number(r.stderr.trim().split('\n').pop()) : NaN;
  return { ms, kb };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Median of `n` runs; `before` runs ahead of each (to empty a cache, say). With `pair` (a
 * run of the baseline), each run is paired with one of the baseline just before it, and the
 * ratio is to the median of those: a machine whose speed drifts over a long bench (a shared
 * one does) then moves both sides of a ratio together.
 */
function measure(cmd, args, { env, before, n = runs, pair } = {}) {
  const results = [];
  const paired = [];
  for (let i = 0; i < n; i++) {
    if (pair) paired.push(pair());
    before?.();
    results.push(once(cmd, args, env));
  }
  return { ms: median(results.map((r) => r.ms)), kb: Math.max(...results.map((r) => r.kb)), ...(pair && { pairedMs: median(paired) }) };
}

function hugoSite(dir, name) {
  const site = join(corpusDir, `hugo-${name}`);
  mkdirSync(site, { recursive: true });
  writeFileSync(join(site, 'hugo.toml'), `baseURL = "https://example.org/"\ncontentDir = ${JSON.stringify(dir)}\ndisableKinds = ["taxonomy", "term"]\n`);
  return site;
}

const rows = [];
const row = (figure, size, result, baseline, baselineName, target) => {
  // A figure measured in pairs is a ratio to its own runs of the baseline.
  const base = result.pairedMs ?? baseline.ms;
  const ratio = result.ms / base;
  rows.push({ figure, size, ms: Math.round(result.ms), peakMB: Math.round(result.kb / 1024), baseline: baselineName, baselineMs: Math.round(base), ratio: Number(ratio.toFixed(2)), target, met: target === undefined ? undefined : ratio <= target });
  // Each figure as it comes, on stderr: a long run shows its progress.
  const last = rows[rows.length - 1];
  process.stderr.write(`  ${figure} [${size}]: ${last.ms} ms, ${last.peakMB} MB, ${last.ratio}×\n`);
};

process.stderr.write(`bench: ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}, ${runs} runs a figure${hugo ? ', hugo found' : ', no hugo'}\n`);
const node0 = measure(process.execPath, ['-e', '0'], { n: Math.max(runs, 7) });
row('node -e 0', '', node0, node0, 'node -e 0');
row('psg --version', '', measure(process.execPath, [bin, '--version'], { n: Math.max(runs, 7) }), node0, 'node -e 0', 1.5);
const sampleCache = join(corpusDir, '.cache-sample');
measure(process.execPath, [bin, 'list', '--dir', join(root, 'articles')], { env: { PSG_CACHE_DIR: sampleCache }, n: 1 });
row('psg list (14 sample articles)', 14, measure(process.execPath, [bin, 'list', '--dir', join(root, 'articles')], { env: { PSG_CACHE_DIR: sampleCache }, n: Math.max(runs, 7) }), node0, 'node -e 0', 2.5);

const perSize = {};
// Every row of issue 13's table, on each corpus asked for (own, shared or both).
const corpora = opt('corpus', 'both') === 'both' ? ['own', 'shared'] : [opt('corpus', 'own')];
const generatorOf = (kind) => (kind === 'shared' ? join(here, 'gen-corpus-shared.mjs') : join(here, 'gen-corpus.mjs'));
const psgRun = (args, env) => spawnSync(process.execPath, [bin, ...args], { env: { ...process.env, NO_COLOR: '1', ...env }, maxBuffer: 1 << 30 });
const same = (args, dir, env) => {
  const a = psgRun([...args, '--dir', dir], env);
  const b = psgRun([...args, '--dir', dir, '--no-cache'], env);
  return a.status === b.status && a.stdout.equals(b.stdout);
};
for (const kind of corpora)
  for (const n of sizes) {
    const dir = join(corpusDir, `${kind}-${n}`);
    if (!existsSync(dir)) {
      process.stderr.write(`generating ${n} articles in ${dir}…\n`);
      execFileSync(process.execPath, [generatorOf(kind), dir, String(n), '--seed', '1'], { stdio: 'inherit' });
    }
    const cache = join(corpusDir, `.cache-${kind}-${n}`);
    const env = { PSG_CACHE_DIR: cache };
    const cold = () => {
      rmSync(cache, { recursive: true, force: true });
      mkdirSync(cache, { recursive: true });
    };
    cold();
    const big = n >= 100000;
    const k = big ? Math.min(runs, 3) : runs;
    const size = `${kind} ${n}`;
    const at100k = (t) => (n === 100000 ? t : undefined);
    measure(process.execPath, [join(here, 'floor.mjs'), dir], { n: 1 }); // warm the page cache
    const floor = measure(process.execPath, [join(here, 'floor.mjs'), dir], { n: k });
    row('read-every-file floor', size, floor, floor, 'floor');
    // One run of the floor, paired with each run of a command (see measure).
    const pair = () => once(process.execPath, [join(here, 'floor.mjs'), dir]).ms;
    const psgArgs = (...args) => [bin, ...args, '--dir', dir];
    row('list --format json, first run', size, measure(process.execPath, psgArgs('list', '--format', 'json'), { env, before: cold, n: k, pair }), floor, 'floor', at100k(2));
    row('list --format json --no-cache', size, measure(process.execPath, psgArgs('list', '--format', 'json', '--no-cache'), { env, n: k, pair }), floor, 'floor', at100k(2));
    row('validate, first run', size, measure(process.execPath, psgArgs('validate'), { env, before: cold, n: k, pair }), floor, 'floor', kind === 'shared' ? at100k(2.5) : undefined);
    // Everything below runs again with nothing changed: the index (and validate's results) warm.
    const again = [
      ['list --format json', ['list', '--format', 'json']],
      ['list --region Puno', ['list', '--region', 'Puno']],
      ['list (table)', ['list']],
      ['list --by region --format json', ['list', '--by', 'region', '--format', 'json']],
      ['stats', ['stats']],
      ['regions', ['regions']],
      ['digest', ['digest']],
      ['list --search "consulta previa"', ['list', '--search', 'consulta previa']],
      ['validate', ['validate']],
    ];
    for (const [, args] of again) psgRun([...args, '--dir', dir], env);
    for (const [name, args] of again) {
      row(`${name}, again`, size, measure(process.execPath, psgArgs(...args), { env, n: k, pair }), floor, 'floor', at100k(0.4));
      if (args[0] === 'validate') continue;
      const ok = same(args, dir, env);
      rows.push({ figure: `  ${name}: output = --no-cache`, size, ratio: ok ? 'yes' : 'NO', baseline: '', target: 'same', met: ok });
    }
    const vsame = same(['validate', '--format', 'json'], dir, env);
    rows.push({ figure: '  validate: output = --no-cache', size, ratio: vsame ? 'yes' : 'NO', baseline: '', target: 'same', met: vsame });
    // One file changed before each run (a new modification time is enough to check it again).
    const target = firstFile(dir);
    if (target) {
      let tick = 0;
      const touch = () => utimesSync(target, new Date(), new Date(Date.now() - 10000 - tick++ * 1000));
      row('validate, 1 file changed', size, measure(process.execPath, psgArgs('validate'), { env, before: touch, n: k, pair }), floor, 'floor', at100k(0.45));
      psgRun(['validate', '--dir', dir], env);
    }
    // new and publish write into the corpus: what they write is taken away after each run.
    const made = [];
    const newRun = () => {
      const r = once(process.execPath, psgArgs('new', 'news', '--title', `Bench item ${made.length}`, '--summary', 'A benchmark item.', '--yes'), env);
      return r;
    };
    const newResults = [];
    const newFloors = [];
    for (let i = 0; i < k; i++) {
      newFloors.push(pair());
      const before = new Set(listNew(dir));
      newResults.push(newRun());
      for (const f of listNew(dir)) if (!before.has(f)) made.push(f);
      for (const f of made.splice(0)) rmSync(f, { force: true });
    }
    row('new news --title … --yes', size, { ms: median(newResults.map((r) => r.ms)), kb: Math.max(...newResults.map((r) => r.kb)), pairedMs: median(newFloors) }, floor, 'floor', at100k(0.4));
    const draft = join(dir, 'drafts', 'bench-draft.md');
    const pubResults = [];
    const pubFloors = [];
    for (let i = 0; i < k; i++) {
      pubFloors.push(pair());
      mkdirSync(dirname(draft), { recursive: true });
      writeFileSync(draft, '---\ntitle: Bench draft\ntype: news\ndate: 2019-01-01\nsummary: A benchmark draft.\ndraft: true\n---\n\nBody.\n');
      const before = new Set(listNew(dir));
      pubResults.push(once(process.execPath, psgArgs('publish', 'drafts/bench-draft.md'), env));
      for (const f of listNew(dir)) if (!before.has(f)) rmSync(f, { force: true });
    }
    rmSync(join(dir, 'drafts'), { recursive: true, force: true });
    row('publish', size, { ms: median(pubResults.map((r) => r.ms)), kb: Math.max(...pubResults.map((r) => r.kb)), pairedMs: median(pubFloors) }, floor, 'floor', at100k(0.4));
    if (hugo) {
      const site = hugoSite(dir, `${kind}-${n}`);
      row('hugo list all (peer)', size, measure(hugo, ['list', 'all', '--source', site], { n: 1, pair }), floor, 'floor');
    }
    perSize[size] = true;
  }

/** The first article file of the folder, in name order. */
function firstFile(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, e.name);
    if (e.isFile() && e.name.endsWith('.md')) return path;
    if (e.isDirectory()) {
      const found = firstFile(path);
      if (found) return found;
    }
  }
  return undefined;
}

/** The files of this year's folder (where new and publish write), to find what they made. */
function listNew(dir) {
  const year = join(dir, String(new Date().getFullYear()));
  return existsSync(year) ? readdirSync(year, { recursive: true }).map((f) => join(year, f)) : [];
}
const memTarget = 200;
for (const r of rows) if (String(r.size).endsWith(' 100000') && Number.isFinite(r.peakMB)) r.memMet = r.peakMB <= memTarget;

const pad = (s, w, right) => (right ? String(s).padStart(w) : String(s).padEnd(w));
const lines = [
  `${pad("figure", 46)} ${pad('size', 13, 1)} ${pad('ms', 8, 1)} ${pad('peak MB', 8, 1)} ${pad('ratio', 7, 1)}  baseline     target`,
];
for (const r of rows) {
  const verdict = r.target === undefined ? '' : r.target === 'same' ? (r.met ? '✔' : '✖ DIFFERENT') : `${r.met ? '✔' : '✖'} ≤ ${r.target}×`;
  const mem = r.memMet === undefined ? '' : r.memMet ? '' : ' ✖ memory';
  lines.push(
    `${pad(r.figure, 46)} ${pad(r.size, 13, 1)} ${pad(r.ms ?? '', 8, 1)} ${pad(Number.isFinite(r.peakMB) ? r.peakMB : '', 8, 1)} ${pad(typeof r.ratio === 'number' ? `${r.ratio}×` : r.ratio, 7, 1)}  ${pad(r.baseline, 11)}  ${verdict}${mem}`,
  );
}
process.stdout.write(`${lines.join('\n')}\n`);
const outFile = opt('out', join(here, 'results', `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`));
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, `${JSON.stringify({ node: process.version, cores: cpus().length, runs, corpus: opt('corpus', 'both'), rows }, null, 2)}\n`);
process.stderr.write(`bench: results in ${outFile}\n`);
