// Reading only the head of a file (list, digest) must give the verdict reading it whole
// (validate) gives: a line that starts like the closing delimiter at the head's end is not one.
import { afterAll, describe, expect, it } from '@jest/globals';
import { psg } from '../helpers/run.js';
import { cleanup, testdir } from '../helpers/testdir.js';

afterAll(cleanup);

const HEAD = 16 * 1024;

/**
 * A valid news item whose front matter holds `line` so that its "---" ends `shift` bytes
 * before the head does; the fields come after it, so a head cut there would lose them all.
 */
function articleWith(line: string, shift: number): string {
  const start = '---\nregions: [Lima]\n';
  // Comment lines fill the front matter up to the line, which starts `---` HEAD - 3 - shift bytes in.
  let fill = '';
  const target = HEAD - 3 - shift - start.length;
  while (fill.length + 80 < target) fill += `# ${'x'.repeat(77)}\n`;
  fill += `#${'y'.repeat(target - fill.length - 2)}\n`;
  const text = `${start}${fill}${line}\ntitle: Head boundary\ntype: news\ndate: 2019-03-18\ntags: [politics]\nsummary: A long front matter.\n---\n\nThe body.\n`;
  expect(text.indexOf(`\n${line}`) + 1).toBe(HEAD - 3 - shift);
  return text;
}

describe('the 16 KB head of a file', () => {
  it.each([
    ['---x: 1', 0],
    ['---x: 1', 1],
    ['---x: 1', -1],
    ['---: 3', 0],
  ])('a front-matter line %j ending %d bytes before the head ends keeps the article listed', (line, shift) => {
    const dir = testdir({ 'articles/2019/2019-03-18-head.md': articleWith(line, shift) });
    const list = psg(['list', '--format', 'json'], { cwd: dir });
    expect(list.stderr).toBe('');
    expect(list.code).toBe(0);
    expect((JSON.parse(list.stdout) as { title: string }[]).map((a) => a.title)).toEqual(['Head boundary']);
    const digest = psg(['digest', '--format', 'markdown', '--since', '2019-01-01'], { cwd: dir });
    expect(digest.stderr).toBe('');
    expect(digest.stdout).toContain('Head boundary');
    const validate = psg(['validate'], { cwd: dir });
    expect(validate.stdout).toMatch(/\(0 errors, 1 warning\)/);
    expect(validate.code).toBe(0);
  });

  it('a file over the size limit is refused by list as by validate, whatever its head holds', () => {
    const big = `---\ntitle: Too big\ntype: news\ndate: 2019-03-18\nregions: [Lima]\nsummary: s\n---\n\n${'word '.repeat(220_000)}\n`;
    const dir = testdir({ 'articles/2019/2019-03-18-big.md': big, 'articles/2019/2019-03-19-ok.md': '---\ntitle: Fine\ntype: news\ndate: 2019-03-19\nregions: [Lima]\nsummary: s\n---\n\nBody.\n' });
    const list = psg(['list', '--format', 'json'], { cwd: dir });
    expect((JSON.parse(list.stdout) as { title: string }[]).map((a) => a.title)).toEqual(['Fine']);
    expect(list.stderr).toMatch(/1 file could not be read as an article/);
    expect(psg(['validate'], { cwd: dir }).stdout).toMatch(/file-too-large/);
  });
});
