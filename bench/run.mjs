#!/usr/bin/env node
// npm run bench: whole-process timings of psg against baselines measured in the same run.
//   node bench/run.mjs [--sizes 1000,10000,100000] [--runs 5] [--corpus shared] [--out FILE]
// Corpora are generated (seeded) under bench/corpus/ and kept for the next run.
// Every figure is the median of several runs, and is printed beside its baseline
// (`node -e 0`, or the read-every-file floor) as a ratio, with the spec's target.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
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
const generator = opt('corpus', 'own') === 'shared' ? join(root, '..', 'shared', 'tools', 'gen-corpus.mjs') : join(here, 'gen-corpus.mjs');
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

/** Median of `n` runs; `before` runs ahead of each (to empty a cache, say). */
function measure(cmd, args, { env, before, n = runs } = {}) {
  const results = [];
  for (let i = 0; i < n; i++) {
    before?.();
    results.push(once(cmd, args, env));
  }
  return { ms: median(results.map((r) => r.ms)), kb: Math.max(...results.map((r) => r.kb)) };
}

function corpus(n) {
  const dir = join(corpusDir, `${opt('corpus', 'own')}-${n}`);
  if (!existsSync(dir)) {
    process.stderr.write(`generating ${n} articles in ${dir}…\n`);
    execFileSync(process.execPath, [generator, dir, String(n), '--seed', '1'], { stdio: 'inherit' });
  }
  return dir;
}

function hugoSite(dir, n) {
  const site = join(corpusDir, `hugo-${opt('corpus', 'own')}-${n}`);
  mkdirSync(site, { recursive: true });
  writeFileSync(join(site, 'hugo.toml'), `baseURL = "https://example.org/"\ncontentDir = ${JSON.stringify(dir)}\ndisableKinds = ["taxonomy", "term"]\n`);
  return site;
}

const rows = [];
const row = (figure, size, result, baseline, baselineName, target) => {
  const ratio = result.ms / baseline.ms;
  rows.push({ figure, size, ms: Math.round(result.ms), peakMB: Math.round(result.kb / 1024), baseline: baselineName, baselineMs: Math.round(baseline.ms), ratio: Number(ratio.toFixed(2)), target, met: target === undefined ? undefined : ratio <= target });
};

process.stderr.write(`bench: ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}, ${runs} runs a figure${hugo ? ', hugo found' : ', no hugo'}\n`);
const node0 = measure(process.execPath, ['-e', '0'], { n: Math.max(runs, 7) });
row('node -e 0', '', node0, node0, 'node -e 0');
row('psg --version', '', measure(process.execPath, [bin, '--version'], { n: Math.max(runs, 7) }), node0, 'node -e 0', 1.5);
const sampleCache = join(corpusDir, '.cache-sample');
measure(process.execPath, [bin, 'list', '--dir', join(root, 'articles')], { env: { PSG_CACHE_DIR: sampleCache }, n: 1 });
row('psg list (14 sample articles)', 14, measure(process.execPath, [bin, 'list', '--dir', join(root, 'articles')], { env: { PSG_CACHE_DIR: sampleCache }, n: Math.max(runs, 7) }), node0, 'node -e 0', 2.5);

const perSize = {};
for (const n of sizes) {
  const dir = corpus(n);
  const cache = join(corpusDir, `.cache-${n}`);
  const env = { PSG_CACHE_DIR: cache };
  const cold = () => rmSync(cache, { recursive: true, force: true });
  const big = n >= 100000;
  const k = big ? Math.min(runs, 3) : runs;
  measure(process.execPath, [join(here, 'floor.mjs'), dir], { n: 1 }); // warm the page cache
  const floor = measure(process.execPath, [join(here, 'floor.mjs'), dir], { n: k });
  row('read-every-file floor', n, floor, floor, 'floor');
  // The spec's targets are for 100,000 files; smaller sizes show how the figures grow.
  const target = (t) => (n === 100000 ? t : undefined);
  const listCold = measure(process.execPath, [bin, 'list', '--format', 'json', '--dir', dir], { env, before: cold, n: k });
  row('psg list --format json, first run', n, listCold, floor, 'floor', target(2.5));
  const listWarm = measure(process.execPath, [bin, 'list', '--format', 'json', '--dir', dir], { env, n: k });
  row('psg list --format json, run again', n, listWarm, floor, 'floor', target(0.5));
  const validate = measure(process.execPath, [bin, 'validate', '--dir', dir], { env, before: cold, n: k });
  row('psg validate, first run', n, validate, floor, 'floor', target(3));
  measure(process.execPath, [bin, 'digest', '--dir', dir], { env, n: 1 });
  const digest = measure(process.execPath, [bin, 'digest', '--dir', dir], { env, n: k });
  row('psg digest, run again', n, digest, floor, 'floor', target(0.5));
  // Fast is worth nothing if wrong: the index must give what reading every file gives.
  for (const args of [['list', '--format', 'json'], ['digest']]) {
    const run = (...extra) => spawnSync(process.execPath, [bin, ...args, '--dir', dir, ...extra], { env: { ...process.env, PSG_CACHE_DIR: cache }, maxBuffer: 1 << 30 }).stdout;
    const same = run().equals(run('--no-cache'));
    rows.push({ figure: `psg ${args[0]}: index output = --no-cache output`, size: n, ratio: same ? 'yes' : 'NO', baseline: '', met: same, target: 'same' });
  }
  if (hugo) {
    const site = hugoSite(dir, n);
    row('hugo list all (peer)', n, measure(hugo, ['list', 'all', '--source', site], { n: big ? 1 : Math.min(runs, 3) }), floor, 'floor');
  }
  perSize[n] = { listCold, validate, listWarm, digest };
}
if (perSize[10000] && perSize[100000]) {
  for (const key of ['listCold', 'validate']) {
    const growth = perSize[100000][key].ms / perSize[10000][key].ms;
    rows.push({ figure: `growth 10k → 100k (${key === 'listCold' ? 'list, first run' : 'validate'})`, size: '', ratio: Number(growth.toFixed(2)), baseline: '10k', target: 11, met: growth <= 11 });
  }
}
const memTarget = 300;
for (const r of rows) if (r.size === 100000 && /^psg/.test(r.figure) && Number.isFinite(r.peakMB)) r.memMet = r.peakMB <= memTarget;

const pad = (s, w, right) => (right ? String(s).padStart(w) : String(s).padEnd(w));
const lines = [
  `${pad("figure", 46)} ${pad('size', 7, 1)} ${pad('ms', 8, 1)} ${pad('peak MB', 8, 1)} ${pad('ratio', 7, 1)}  baseline     target`,
];
for (const r of rows) {
  const verdict = r.target === undefined ? '' : r.target === 'same' ? (r.met ? '✔' : '✖ DIFFERENT') : `${r.met ? '✔' : '✖'} ≤ ${r.target}×`;
  const mem = r.memMet === undefined ? '' : r.memMet ? '' : ' ✖ memory';
  lines.push(
    `${pad(r.figure, 46)} ${pad(r.size, 7, 1)} ${pad(r.ms ?? '', 8, 1)} ${pad(Number.isFinite(r.peakMB) ? r.peakMB : '', 8, 1)} ${pad(typeof r.ratio === 'number' ? `${r.ratio}×` : r.ratio, 7, 1)}  ${pad(r.baseline, 11)}  ${verdict}${mem}`,
  );
}
process.stdout.write(`${lines.join('\n')}\n`);
const outFile = opt('out', join(here, 'results', `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`));
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, `${JSON.stringify({ node: process.version, cores: cpus().length, runs, corpus: opt('corpus', 'own'), rows }, null, 2)}\n`);
process.stderr.write(`bench: results in ${outFile}\n`);
