#!/usr/bin/env node
// psg's own benchmark corpus: N seeded articles shaped like a real PSG archive grown large.
// Usage: node bench/gen-corpus.mjs OUT_DIR N [--seed S]
// The same seed and N always give the same bytes. Shaped like ../shared/tools/gen-corpus.mjs
// (70% news, 25% letters, 5% pages; 2-5 KB bodies; dates 2000-2026; mixed YAML quoting) but
// with this project's vocabulary: canonical regions and provinces from data/, mostly known
// tags, letters in numbered series, some drafts, times, sources and block lists.
import fs from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const seedAt = args.indexOf('--seed');
const seed = seedAt === -1 ? '1' : args[seedAt + 1];
const [outDir, countText] = seedAt === -1 ? args : args.filter((_, i) => i !== seedAt && i !== seedAt + 1);
const N = Number(countText);
if (!outDir || !Number.isInteger(N) || N < 0) {
  process.stderr.write('usage: node bench/gen-corpus.mjs OUT_DIR N [--seed S]\n');
  process.exit(2);
}

// xmur3 + sfc32: small, seeded, the same everywhere.
function xmur3(str) {
  let h = 1779033703 ^ str.length;
  for (let i = 0; i < str.length; i++) {
    h = Math.imul(h ^ str.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  return () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return (h ^= h >>> 16) >>> 0;
  };
}
function sfc32(a, b, c, d) {
  return () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}
const h = xmur3(`psg-bench:${seed}`);
const rnd = sfc32(h(), h(), h(), h());
const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
const pick = (list) => list[Math.floor(rnd() * list.length)];
function pickN(list, n) {
  const copy = list.slice();
  const out = [];
  for (let i = 0; i < n && copy.length; i++) out.push(copy.splice(Math.floor(rnd() * copy.length), 1)[0]);
  return out;
}

const data = (name) => JSON.parse(fs.readFileSync(new URL(`../data/${name}`, import.meta.url), 'utf8'));
const REGIONS = data('peru-regions.json').regions;
// A province named like another region (Ucayali, in Loreto) means that region: leave it out.
const REGION_NAMES = new Set(REGIONS.map((r) => r.name));
for (const r of REGIONS) r.provinces = r.provinces.filter((p) => p.name === r.name || !REGION_NAMES.has(p.name));
const TAGS = data('psg-tags.json').tags.map((t) => t.tag);
const FREE_TAGS = ['coffee', 'fishing', 'tourism', 'quechua', 'migration'];
const AUTHORS = ['María José Quispe', 'Andrés Huamán', 'Lucía Mamani Condori', 'Jorge Pérez Núñez', 'Rosa Chávez',
  'Iñigo Salazar', 'David Smith', 'Emily Carter', 'Julián Vásquez', 'Carmen Ñahui', "Peter O'Neill"];
const TOPICS = ['the rondas campesinas', 'water and the mine', 'a town after the huaico', 'the new governor',
  'coffee growers organise', 'voting day in the sierra', 'schools without teachers', 'the oil pipeline',
  'gold in the river', 'a fiesta patronal', 'radio and the comunidad', 'the last glacier', 'the consulta previa'];
const NOUNS = ['mine', 'protest', 'strike', 'election', 'dam', 'road', 'pipeline', 'court ruling', 'concession', 'budget'];
const VERBS = ['halts', 'approves', 'rejects', 'delays', 'questions', 'suspends', 'investigates', 'blocks'];
const ACTORS = ['Congress', 'the regional government', 'the ministry', 'the Defensoría del Pueblo', 'farmers',
  'the comunidad campesina', 'the court', 'indigenous federations', 'the electoral jury (JNE)'];
const WORDS = ('the a of and to in that for on with as at by from was were is are it this they said people ' +
  'government region community water mine workers council village road market river valley election vote ' +
  'officials protest farmers families schools children report plan money project company land police court ' +
  'leaders campesinos comunidad niños educación organización participación compañía minería población gestión').split(' ');

const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const q = (s) => JSON.stringify(s);
const plain = (s) => (/^[\p{L}][\p{L} .()-]*$/u.test(s) ? s : q(s));
const slugify = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/['’]/g, '')
  .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 70).replace(/-+$/, '');
function sentence() {
  const words = Array.from({ length: int(8, 22) }, () => pick(WORDS));
  return `${cap(words.join(' '))}.`;
}
function paragraph(bytes) {
  let p = sentence();
  while (p.length < bytes) p += ` ${sentence()}`;
  return p;
}

const T0 = Date.UTC(2000, 0, 1);
const DAYS = Math.round((Date.UTC(2026, 11, 31) - T0) / 86400000);
const pad = (n) => String(n).padStart(2, '0');
const usedSlugs = new Set();
const seriesParts = new Map();
let bytes = 0;
const made = new Set();
// Pages are numbered 1, 2, 3 … as a site's menu would be (an order over 10,000 is refused).
let pages = 0;

for (let i = 0; i < N; i++) {
  const r = rnd();
  const type = r < 0.7 ? 'news' : r < 0.95 ? 'letter' : 'page';
  const d = new Date(T0 + int(0, DAYS) * 86400000);
  const ymd = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const regions = type === 'page' ? [] : pickN(REGIONS, pick([0, 1, 1, 1, 1, 2, 2, 3]));
  const region = regions[0] ?? pick(REGIONS);
  const province = pick(region.provinces).name;
  let title;
  let series;
  let part;
  if (type === 'letter') {
    series = `Letter from ${region.name}`;
    part = (seriesParts.get(series) ?? 0) + 1;
    seriesParts.set(series, part);
    title = part === 1 ? `${series}: ${pick(TOPICS)}` : `${series} (${part}): ${pick(TOPICS)}`;
  } else if (type === 'page') {
    title = `${pick(['About', 'Archive', 'Sources', 'Glossary', 'Reading list'])} ${i}`;
  } else {
    title = pick([
      () => `${region.name}: ${cap(pick(ACTORS))} ${pick(VERBS)} ${pick(NOUNS)}`,
      () => `Why ${pick(ACTORS)} ${pick(VERBS)} the ${pick(NOUNS)} in ${province}`,
      () => `After the ${pick(NOUNS)}: ${pick(TOPICS)} in ${region.name}`,
    ])();
  }
  let slug = slugify(title) || 'untitled';
  for (let k = 2; usedSlugs.has(slug); k++) slug = `${slugify(title)}-${k}`;
  usedSlugs.add(slug);
  const tags = pickN(TAGS, int(1, 3));
  if (rnd() < 0.1) tags.push(pick(FREE_TAGS));
  const fm = ['---', `title: ${rnd() < 0.3 && !/[:#'"]/.test(title) ? title : q(title)}`, `type: ${type}`];
  if (type === 'page') fm.push(`order: ${++pages}`);
  else fm.push(`date: ${ymd}${rnd() < 0.3 ? `T${pad(int(7, 20))}:${pad(int(0, 59))}:00` : ''}`);
  if (series) fm.push(`series: ${series}`, `part: ${part}`);
  if (regions.length && rnd() < 0.2) fm.push('regions:', ...regions.map((x) => `  - ${plain(x.name)}`));
  else fm.push(`regions: [${regions.map((x) => plain(x.name)).join(', ')}]`);
  if (regions.length && rnd() < 0.5) fm.push(`places: [${plain(province)}]`);
  fm.push(`tags: [${tags.join(', ')}]`, `author: ${q(pick(AUTHORS))}`);
  fm.push(`summary: ${q(`${sentence()} ${rnd() < 0.5 ? sentence() : ''}`.trim())}`);
  if (rnd() < 0.15) fm.push('sources:', `  - title: ${q(`${cap(pick(NOUNS))} report`)}`, `    url: https://example.org/${slug}`);
  if (rnd() < 0.02) fm.push('draft: true');
  fm.push('---', '');
  const np = int(3, 8);
  const body = Array.from({ length: np }, () => paragraph(Math.floor(int(2000, 5000) / np) - 60)).join('\n\n');
  const text = `${fm.join('\n')}\n${body}\n`;
  const dir = type === 'page' ? path.join(outDir, 'pages') : path.join(outDir, ymd.slice(0, 4), ymd.slice(5, 7));
  if (!made.has(dir)) {
    fs.mkdirSync(dir, { recursive: true });
    made.add(dir);
  }
  fs.writeFileSync(path.join(dir, type === 'page' ? `${slug}.md` : `${ymd}-${slug}.md`), text);
  bytes += Buffer.byteLength(text);
}
process.stderr.write(`gen-corpus: wrote ${N} files (${bytes} bytes) under ${outDir} (seed ${seed})\n`);
