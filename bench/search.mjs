#!/usr/bin/env node
// npm run bench:search: psg search's figures against the read-every-file floor, in one run.
//   node bench/search.mjs [--sizes 10000,100000] [--runs 3] [--query '"consulta previa"'] [--corpus DIR]
// Corpora come from the shared generator (seeded), kept under bench/corpus/ for the next run
// (--corpus: one folder made by it already, of --sizes' one size; 100 of its files are
// edited and put back). Each figure is a median of whole-process runs, with its ratio to the
// floor and the issue's target, and the CPU time (user + system) of the same median run: on
// a shared machine the CPU ratio is the steadier one. The index's size is compared with the
// articles' own.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const bin = join(here, '..', 'bin', 'psg.js');
const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i === -1 ? fallback : argv[i + 1];
};
const sizes = opt('sizes', '10000,100000').split(',').map(Number);
const runs = Number(opt('runs', '3'));
const query = opt('query', '"consulta previa"');
const generator = join(here, 'gen-corpus-shared.mjs');
const time = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

function once(args, env = {}) {
  const fullEnv = { ...process.env, NO_COLOR: '1', ...env };
  const cmd = args[0] === 'floor' ? [join(here, 'floor.mjs'), ...args.slice(1)] : [bin, ...args];
  const start = process.hrtime.bigint();
  const r = spawnSync(time ?? process.execPath, time ? ['-f', '%M %U %S', process.execPath, ...cmd] : cmd, { env: fullEnv, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr.slice(-500)}`);
  const [kb, user, sys] = time ? r.stderr.trim().split('\n').pop().split(' ').map(Number) : [NaN, NaN, NaN];
  return { ms, kb, cpu: (user + sys) * 1000 };
}

function measure(args, { env, before, n = runs } = {}) {
  const results = [];
  for (let i = 0; i < n; i++) {
    before?.(i);
    results.push(once(args, env));
  }
  const mid = [...results].sort((a, b) => a.ms - b.ms)[Math.floor(results.length / 2)];
  return { ms: mid.ms, cpu: mid.cpu, kb: Math.max(...results.map((r) => r.kb)) };
}

function corpus(n) {
  if (opt('corpus')) return opt('corpus');
  const dir = join(here, 'corpus', `shared-${n}`);
  if (!existsSync(dir)) execFileSync(process.execPath, [generator, dir, String(n), '--seed', '1'], { stdio: 'inherit' });
  return dir;
}

function mdFiles(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) mdFiles(p, out);
    else if (e.name.endsWith('.md')) out.push(p);
  }
  return out;
}

const rows = [];
const row = (figure, n, r, floor, target, mbTarget) =>
  rows.push({ figure, n, ms: Math.round(r.ms), mb: Math.round(r.kb / 1024), ratio: +(r.ms / floor.ms).toFixed(2), cpu: Math.round(r.cpu), cpuRatio: +(r.cpu / floor.cpu).toFixed(2), target, met: target === undefined || r.ms / floor.ms <= target, mbMet: mbTarget === undefined || r.kb / 1024 <= mbTarget, mbTarget });

process.stderr.write(`bench:search: ${cpus().length} cores, node ${process.version}, ${runs} runs a figure, query ${query}\n`);
for (const n of sizes) {
  const dir = corpus(n);
  const cache = join(here, 'corpus', `.cache-search-${n}`);
  const env = { PSG_CACHE_DIR: cache };
  // A page of results, as a person reads them: the 20 best, each with its passage.
  const search = ['search', query, '--dir', dir, '--format', 'json', '--limit', '20'];
  const searchFiles = () => (existsSync(cache) ? readdirSync(cache).filter((f) => f.startsWith('search-')) : []);
  const target = (t) => (n === 100000 ? t : undefined);
  once(['floor', dir]);
  const floor = measure(['floor', dir]);
  row('read-every-file floor', n, floor, floor);
  row('first search (no index at all)', n, measure(search, { env, before: () => rmSync(cache, { recursive: true, force: true }) }), floor, target(4), target(200));
  row('first search (psg index there, search index built)', n, measure(search, { env, before: () => searchFiles().forEach((f) => rmSync(join(cache, f))) }), floor, undefined, target(200));
  row('search again, nothing changed', n, measure(search, { env }), floor, target(0.3));
  // 100 files changed before each run: a line added to each, so size and stamps move.
  const files = mdFiles(dir).sort();
  const touched = files.filter((_, i) => i % Math.floor(files.length / 100) === 0).slice(0, 100);
  const original = touched.map((f) => readFileSync(f));
  try {
    row('search after 100 files changed', n, measure(search, { env, before: (k) => touched.forEach((f, i) => writeFileSync(f, Buffer.concat([original[i], Buffer.from(`\nEdited ${k}.\n`)]))) }), floor, target(0.4));
  } finally {
    touched.forEach((f, i) => writeFileSync(f, original[i]));
  }
  const indexBytes = searchFiles().reduce((s, f) => s + statSync(join(cache, f)).size, 0);
  const archiveBytes = files.reduce((s, f) => s + statSync(f).size, 0);
  rows.push({ figure: 'search index on disk / articles', n, ms: '', cpu: '', cpuRatio: '', mb: Math.round(indexBytes / 2 ** 20), ratio: +(indexBytes / archiveBytes).toFixed(2), target: target(1.5), met: n !== 100000 || indexBytes / archiveBytes <= 1.5, mbMet: true });
  const same = (q) => {
    const run = (...extra) => spawnSync(process.execPath, [bin, 'search', q, '--dir', dir, '--format', 'json', ...extra], { env: { ...process.env, ...env }, maxBuffer: 1 << 30 }).stdout;
    return run().equals(run('--no-cache'));
  };
  // Each --no-cache run builds a whole index: at 100,000 articles one query is checked, below it three.
  const ok = same(query) && (n >= 100000 || (same('mining -gold') && same('cooperaccion OR junín')));
  rows.push({ figure: 'search results = --no-cache results', n, ms: '', cpu: '', cpuRatio: '', mb: '', ratio: ok ? 'yes' : 'NO', target: 'same', met: ok, mbMet: true });
}

const pad = (s, w, right) => (right ? String(s).padStart(w) : String(s).padEnd(w));
const lines = [`${pad('figure', 52)} ${pad('size', 7, 1)} ${pad('ms', 8, 1)} ${pad('MB', 6, 1)} ${pad('ratio', 7, 1)} ${pad('cpu ms', 8, 1)} ${pad('cpu ×', 7, 1)}  target (on the wall-clock ratio)`];
for (const r of rows) {
  const verdict = r.target === undefined ? '' : r.target === 'same' ? (r.met ? '✔' : '✖ DIFFERENT') : `${r.met ? '✔' : '✖'} ≤ ${r.target}×`;
  const mem = r.mbTarget === undefined ? '' : r.mbMet ? ` ✔ ≤ ${r.mbTarget} MB` : ` ✖ > ${r.mbTarget} MB`;
  const cpuRatio = typeof r.cpuRatio === 'number' && !Number.isNaN(r.cpuRatio) ? `${r.cpuRatio}×` : '';
  lines.push(`${pad(r.figure, 52)} ${pad(r.n, 7, 1)} ${pad(r.ms, 8, 1)} ${pad(r.mb, 6, 1)} ${pad(typeof r.ratio === 'number' ? `${r.ratio}×` : r.ratio, 7, 1)} ${pad(Number.isNaN(r.cpu) ? '' : r.cpu, 8, 1)} ${pad(cpuRatio, 7, 1)}  ${verdict}${mem}`);
}
process.stdout.write(`${lines.join('\n')}\n`);
