// psg new asks whether a slug is free from the archive's file names alone: from the index
// while the folders keep their stamps, listing only the folders whose stamps moved. Whatever
// happened to the folder since the index was written, the answer is a scan's.
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, readdirSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { nameParts } from '../../../src/core/article.js';
import { loadArchive } from '../../../src/store/archive.js';
import { indexPath } from '../../../src/store/index-file.js';
import { archiveNames } from '../../../src/store/names.js';
import { scanArticles } from '../../../src/store/scan.js';
import { openWorkspace } from '../../../src/workspace.js';
import { article, cleanup, testdir } from '../../helpers/testdir.js';

afterAll(cleanup);

const item = (title: string) => article({ title, type: 'news', date: '2019-03-18', summary: 'A summary.' });

/** Every slug's owner as a scan of the folders gives it, other than `own`. */
function scanned(root: string, slug: string, own?: string): string | undefined {
  return scanArticles(root).files.find((p) => p !== own && nameParts(p).slug === slug);
}

async function indexed(): Promise<{ root: string; cache: { dir: string; version: string } }> {
  const dir = testdir({
    'articles/2019/2019-03-18-espinar.md': item('Espinar'),
    'articles/2019/03/2019-03-20-conga.md': item('Conga'),
    'articles/2020/2020-01-05-puno.md': item('Puno'),
    'articles/pages/about.md': article({ title: 'About', type: 'page', summary: 'About us.' }),
    'articles/2020/2020-02-01-broken.md': '---\ntitle: [unclosed\n---\n',
  });
  const root = join(dir, 'articles');
  // Folders and files changed within two seconds of a scan are not trusted: age them.
  const old = new Date('2020-01-01');
  for (const f of readdirSync(root, { recursive: true, withFileTypes: true })) if (f.isFile()) utimesSync(join(f.parentPath, f.name), old, old);
  await sleep(2100);
  const ws = openWorkspace({ dir: root }, {}, dir);
  const cache = { dir: join(dir, '.cache'), version: 'test' };
  mkdirSync(cache.dir);
  await loadArchive(root, ws.ctx, cache);
  return { root, cache };
}

const SLUGS = ['espinar', 'conga', 'puno', 'about', 'broken', 'cusco', 'moved', 'deep', 'nothing'];

function expectAsScan(root: string, cache: { dir: string; version: string }): void {
  const names = archiveNames(root, cache);
  for (const slug of SLUGS) {
    expect([slug, names.owner(slug)]).toEqual([slug, scanned(root, slug)]);
    const own = scanned(root, slug);
    if (own) expect([slug, names.owner(slug, own)]).toEqual([slug, scanned(root, slug, own)]);
  }
}

describe('archive names', () => {
  it('finds the file that has a slug, unreadable files included, as a scan does', async () => {
    const { root, cache } = await indexed();
    const names = archiveNames(root, cache);
    expect(names.owner('conga')).toBe('2019/03/2019-03-20-conga.md');
    expect(names.owner('broken')).toBe('2020/2020-02-01-broken.md');
    expect(names.owner('about')).toBe('pages/about.md');
    expect(names.owner('conga', '2019/03/2019-03-20-conga.md')).toBeUndefined();
    expect(names.owner('cusco')).toBeUndefined();
    expectAsScan(root, cache);
  });

  it('after files are added, deleted and renamed, and folders made, renamed and removed', async () => {
    const { root, cache } = await indexed();
    writeFileSync(join(root, '2020/2020-03-01-cusco.md'), item('Cusco'));
    rmSync(join(root, '2019/2019-03-18-espinar.md'));
    expectAsScan(root, cache);
    renameSync(join(root, '2020/2020-01-05-puno.md'), join(root, '2020/2020-01-05-moved.md'));
    mkdirSync(join(root, '2021/deep'), { recursive: true });
    writeFileSync(join(root, '2021/deep/2021-01-01-deep.md'), item('Deep'));
    expectAsScan(root, cache);
    renameSync(join(root, '2019/03'), join(root, '2019/04'));
    expectAsScan(root, cache);
    rmSync(join(root, '2019'), { recursive: true });
    expectAsScan(root, cache);
  });

  it('with no index, another version, or a damaged one: the folders are listed', async () => {
    const { root, cache } = await indexed();
    expectAsScan(root, undefined as never);
    expectAsScan(root, { ...cache, version: 'other' });
    const file = indexPath(cache.dir, root);
    writeFileSync(file, 'psg-index damaged');
    expectAsScan(root, cache);
  });
});
