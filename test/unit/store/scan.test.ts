import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nameText, scanArticles } from '../../../src/store/scan.js';
import { scanUnit } from '../../../src/store/stat.js';
import { cleanup, testdir } from '../../helpers/testdir.js';

afterAll(cleanup);

describe('scanArticles', () => {
  it('finds *.md at any depth, sorted, with forward slashes', () => {
    const dir = testdir({ 'b.md': '', '2019/03/a.md': '', 'pages/c.MD': '', 'notes.txt': '', 'x.markdown': '', 'a.md.bak': '' });
    expect(scanArticles(dir).files).toEqual(['2019/03/a.md', 'b.md', 'pages/c.MD']);
  });

  it('skips names starting with . or _, and node_modules', () => {
    const dir = testdir({
      'a.md': '',
      '.git/x.md': '',
      '.hidden.md': '',
      '_templates/news.md': '',
      '_draft.md': '',
      'node_modules/pkg/README.md': '',
      '2019/.a.md.123.tmp': '',
      '2019/_b.md': '',
    });
    expect(scanArticles(dir).files).toEqual(['a.md']);
  });

  it('does not follow a link out of the folder', () => {
    const outside = testdir({ 'secret.md': '', 'more/x.md': '' });
    const dir = testdir({ 'a.md': '' });
    symlinkSync(join(outside, 'secret.md'), join(dir, 'secret.md'));
    symlinkSync(join(outside, 'more'), join(dir, 'more'));
    symlinkSync('..', join(dir, 'up'));
    const result = scanArticles(dir);
    expect(result.files).toEqual(['a.md']);
    expect(result.skipped.map((s) => `${s.path} ${s.why}`).sort()).toEqual([
      'more links outside the articles folder',
      'secret.md links outside the articles folder',
      'up links outside the articles folder',
    ]);
  });

  it('ends on link loops and takes each file once, by its plain path', () => {
    const dir = testdir({ '2019/a.md': '', 'pages/b.md': '' });
    symlinkSync('..', join(dir, '2019/loop'));
    symlinkSync('.', join(dir, 'pages/self'));
    symlinkSync('2019', join(dir, 'alias'));
    symlinkSync('a.md', join(dir, '2019/same.md'));
    mkdirSync(join(dir, 'x'));
    symlinkSync('../y', join(dir, 'x/to-y'));
    mkdirSync(join(dir, 'y'));
    symlinkSync('../x', join(dir, 'y/to-x'));
    expect(scanArticles(dir).files).toEqual(['2019/a.md', 'pages/b.md']);
  });

  it('follows a link inside the folder to what is not reached otherwise', () => {
    const dir = testdir({ '_shared/a.md': '', '_shared/sub/b.md': '' });
    symlinkSync('_shared/a.md', join(dir, 'a.md'));
    symlinkSync('_shared/sub', join(dir, 'sub'));
    expect(scanArticles(dir).files).toEqual(['a.md', 'sub/b.md']);
  });

  it('skips broken links; takes a pipe named like an article (reading it then refuses it, and says so)', () => {
    const dir = testdir({ 'a.md': '' });
    symlinkSync('nowhere.md', join(dir, 'broken.md'));
    execFileSync('mkfifo', [join(dir, 'pipe.md')]);
    execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
    const result = scanArticles(dir);
    expect(result.files).toEqual(['a.md', 'pipe.md']);
    expect(result.skipped).toEqual([{ path: 'broken.md', why: 'is a broken link' }]);
  });

  it('scans a folder reached through a link as its root', () => {
    const dir = testdir({ 'real/a.md': '' });
    symlinkSync('real', join(dir, 'articles'));
    expect(scanArticles(join(dir, 'articles')).files).toEqual(['a.md']);
  });
});

describe('names that are not UTF-8', () => {
  const bytes = (dir: string, path: string) => Buffer.from(join(dir, path), 'latin1');

  it('nameText shows bad bytes as \\xNN and keeps good characters, U+FFFD included', () => {
    expect(nameText(Buffer.from('caf\xe9.md', 'latin1'))).toBe('caf\\xe9.md');
    expect(nameText(Buffer.from('día-\uFFFD.md'))).toBe('día-\uFFFD.md');
    // A lone continuation byte, a cut sequence and an overlong form.
    expect(nameText(Buffer.from([0x61, 0x80, 0xe2, 0x82, 0x2e, 0xc0, 0xaf]))).toBe('a\\x80\\xe2\\x82.\\xc0\\xaf');
  });

  it('the plain scan and a worker unit both leave them out and note them, never a decoded twin', () => {
    const dir = testdir({ 'y/caf\uFFFD.md': '', 'y/ok.md': '' });
    writeFileSync(bytes(dir, 'y/caf\xe9.md'), '');
    writeFileSync(bytes(dir, 'y/caf\xe9.txt'), ''); // not an article: nothing to say
    mkdirSync(bytes(dir, 'y/d\xefr'));
    writeFileSync(bytes(dir, 'y/d\xefr/in.md'), '');
    symlinkSync(Buffer.from('caf\xe9.md', 'latin1'), join(dir, 'y/link.md'));
    const notes = [
      { path: 'y/caf\\xe9.md', why: 'has a name that is not UTF-8', code: 'name-not-utf8' },
      { path: 'y/d\\xefr', why: 'has a name that is not UTF-8', code: 'name-not-utf8' },
    ];
    const scan = scanArticles(dir);
    expect(scan.files).toEqual(['y/caf\uFFFD.md', 'y/ok.md']);
    expect(scan.unreadable).toEqual([...notes, { path: 'y/link.md', why: 'links to a name that is not UTF-8', code: 'name-not-utf8' }]);
    const unit = scanUnit(dir, { folder: 'y' });
    expect(unit.joined.split('\0')).toEqual(['y/caf\uFFFD.md', 'y/ok.md']);
    expect(unit.links).toBe(true); // the plain scan is then used, which follows the link
    expect(unit.skipped).toEqual(notes);
  });
});
