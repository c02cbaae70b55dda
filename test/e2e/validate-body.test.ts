// body-empty: an article whose body is only the template's comments (psg init, then psg new,
// never filled in) has nothing a reader would see, and validate says so.
import { afterAll, describe, expect, it } from '@jest/globals';
import { psg } from '../helpers/run.js';
import { article, cleanup, testdir } from '../helpers/testdir.js';

afterAll(cleanup);

const news = (body: string) => article({ title: 'Protest in Puno', type: 'news', date: '2019-03-18', regions: '[Puno]', summary: 'A protest.' }, body);

describe('psg validate on a body of comments only', () => {
  it('warns body-empty on an article straight from psg init and psg new', () => {
    const dir = testdir();
    expect(psg(['init'], { cwd: dir }).code).toBe(0);
    const made = psg(['new', 'news', '--title', 'Protest in Puno', '--region', 'Puno', '--summary', 'A protest.', '--date', '2019-03-18', '--yes'], { cwd: dir });
    expect(made.code).toBe(0);
    const r = psg(['validate'], { cwd: dir });
    expect(r.stdout).toContain('articles/2019/2019-03-18-protest-in-puno.md\n');
    expect(r.stdout).toMatch(/warning {2}The article has no text after the front matter, only white space or comments; write its body {3}body-empty/);
    expect(r.stdout).toContain('✖ 1 problem (0 errors, 1 warning) in 1 article');
  });

  it('counts an unclosed comment as a comment, and text beside comments as text', () => {
    const dir = testdir({
      'articles/2019/2019-03-18-a.md': news('<!-- a note\n\nstill the note\n'),
      'articles/2019/2019-03-19-b.md': news('<!-- a note -->\nThe protest went on.\n'),
      'articles/2019/2019-03-20-c.md': news('The protest <!-- went --> on.\n'),
      'articles/2019/2019-03-21-d.md': news('<!-- one -->\n\n<!-- two -->'),
    });
    const r = psg(['validate', '--format', 'json'], { cwd: dir });
    const files = (JSON.parse(r.stdout) as { files: { path: string; problems: { rule: string }[] }[] }).files;
    const empty = files.filter((f) => f.problems.some((p) => p.rule === 'body-empty')).map((f) => f.path.replace(/^articles\/2019\//, ''));
    expect(empty.sort()).toEqual(['2019-03-18-a.md', '2019-03-21-d.md']);
  });
});
