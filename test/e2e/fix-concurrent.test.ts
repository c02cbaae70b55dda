// psg validate --fix while an editor keeps saving the same files: no save is ever lost, for
// editors that write in place and for those that save by rename. The writer is a real second
// process; each file's last save must be there (as saved, or fixed from it) when both end.
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { psgAsync } from '../helpers/run.js';
import { article, cleanup, testdir } from '../helpers/testdir.js';

afterAll(cleanup);

const FILES = 60;
const name = (i: number) => `2019-03-${String((i % 28) + 1).padStart(2, '0')}-item-${i}.md`;
// "cuzco" is fixable (to "Cusco"), so every save gives --fix something to do.
const text = (i: number, save: number) =>
  article({ title: `Item ${i}`, type: 'news', date: `2019-03-${String((i % 28) + 1).padStart(2, '0')}`, regions: 'cuzco', summary: 'A summary.' }, `save ${save}\n`);

// Waits until psg has written its first fix, then saves every file once, in a random order,
// the saves spread over `spread` ms: most land while psg rewrites the folder.
const WRITER = `
const fs = require('node:fs'), path = require('node:path');
const [dir, mode, files, spread, save] = process.argv.slice(1);
const n = Number(files);
const name = ${name.toString()};
const article = ${article.toString()};
const text = ${text.toString()};
const order = [...Array(n).keys()].sort(() => Math.random() - 0.5);
const times = order.map(() => Math.random() * Number(spread)).sort((a, b) => a - b);
const first = path.join(dir, [...Array(n).keys()].map(name).sort()[0]);
const began = Date.now();
let start;
let k = 0;
function wait() {
  if (fs.readFileSync(first, 'utf8').includes('[Cusco]') || Date.now() - began > 5000) {
    start = Date.now();
    next();
  } else setTimeout(wait, 1);
}
function next() {
  while (k < n && Date.now() - start >= times[k]) {
    const i = order[k++];
    const file = path.join(dir, name(i));
    if (mode === 'rename') {
      const temp = path.join(dir, '.editor-' + i + '.swp');
      fs.writeFileSync(temp, text(i, save));
      fs.renameSync(temp, file);
    } else fs.writeFileSync(file, text(i, save));
  }
  if (k < n) setTimeout(next, 1);
}
wait();
`;

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', () => resolve());
  });
}

/** Rounds of one --fix run against one writer saving every file once; the files whose save was lost. */
async function race(mode: 'inplace' | 'rename', rounds: number): Promise<{ lost: string[]; refused: number }> {
  const files: Record<string, string> = {};
  for (let i = 0; i < FILES; i++) files[`articles/${name(i)}`] = text(i, 0);
  const dir = testdir(files);
  const articles = join(dir, 'articles');
  const lost: string[] = [];
  let refused = 0;
  for (let round = 1; round <= rounds; round++) {
    const [result] = await Promise.all([
      psgAsync(['validate', '--fix'], { cwd: dir, env: { PSG_TODAY: '2019-07-01' } }),
      run(process.execPath, ['-e', WRITER, articles, mode, String(FILES), '600', String(round)]),
    ]);
    expect(result.stderr).toBe('');
    refused += (result.stdout.match(/fix-failed/g) ?? []).length;
    for (let i = 0; i < FILES; i++) if (!readFileSync(join(articles, name(i)), 'utf8').endsWith(`\nsave ${round}\n`)) lost.push(`${round}:${name(i)}`);
  }
  // Nothing but the articles is left behind (no temp file of psg's).
  expect(readdirSync(articles).filter((f) => f.startsWith('.'))).toEqual([]);
  return { lost, refused };
}

describe('psg validate --fix with an editor saving the same files meanwhile', () => {
  it.each(['inplace', 'rename'] as const)('loses no save (%s)', async (mode) => {
    const { lost } = await race(mode, 3);
    expect(lost).toEqual([]);
  }, 60_000);
});
