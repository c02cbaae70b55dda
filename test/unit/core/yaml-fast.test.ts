// The plain-front-matter reader gives exactly what js-yaml gives, or steps aside: checked on
// hand-picked hard cases and on thousands of front matters put together from tricky pieces.
import { describe, expect, it } from '@jest/globals';
import { CORE_SCHEMA, load } from 'js-yaml';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fastFields } from '../../../src/core/yaml-fast.js';
import { ROOT } from '../../helpers/run.js';

/** js-yaml's reading as fastFields gives it (a Map of the fields), or 'error'. */
function jsYaml(yaml: string): Map<string, unknown> | 'error' {
  try {
    const value = load(yaml, { schema: CORE_SCHEMA });
    if (value === null || value === undefined) return new Map();
    if (typeof value !== 'object' || Array.isArray(value)) return 'error';
    return new Map(Object.entries(value));
  } catch {
    return 'error';
  }
}

/** fastFields either steps aside or agrees with js-yaml; returns whether it answered. */
function agrees(yaml: string): boolean {
  const fast = fastFields(yaml);
  if (fast === undefined) return false;
  expect([yaml, fast]).toEqual([yaml, jsYaml(yaml)]);
  return true;
}

describe('fastFields', () => {
  it('reads the plain front matter of every sample article as js-yaml does', () => {
    const dir = join(ROOT, 'articles');
    const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith('.md') ? [join(d, e.name)] : []));
    let answered = 0;
    for (const file of walk(dir)) {
      const m = /^---\n([\s\S]*?\n)---\n/.exec(readFileSync(file, 'utf8'));
      if (m && agrees(m[1]!)) answered++;
    }
    expect(answered).toBeGreaterThan(0);
  });

  it('agrees on the hard cases, or leaves them to js-yaml', () => {
    const cases = [
      'title: Plain\n',
      'title: "Double: quoted"\n',
      "title: 'it''s'\n",
      "title: ''\n",
      'title: ""\n',
      'a: 0123\nb: 0x1F\nc: 0o17\nd: +1\ne: .5\nf: 1e3\ng: ~\nh: Null\ni: yes\nj: True\nk: .inf\nl: -.Inf\nm: .NaN\nn: -1\no: 0b101\np: 1_000\n',
      'date: 2019-04-01\ntime: 2019-03-18T16:06:00\nurl: https://example.org/a:b\n',
      'title: Puno, Peru [update] {x}\n',
      'title: a: b\n',
      'title: trailing:\n',
      'title: x # comment\n',
      'title: x\n  continued\n',
      'title:\n  continued\n',
      'tags: [a, b, "c, d", \'e\'\'f\', -1, 2, null, ~]\n',
      'tags: []\n',
      'tags: [ ]\n',
      'tags: [a, , b]\n',
      'tags: [a, b,]\n',
      'tags: [a: b]\n',
      'tags: [[a]]\n',
      'tags: [a] x\n',
      'tags:\n  - a\n  - "b"\n  - 3\n  -\n  - \n',
      'tags:\n- a\n- b\ntitle: x\n',
      'tags:\n  - a\n   - b\n',
      'tags:\n  - a\n  b: c\n',
      'tags:\n  - - a\n',
      'tags:\n  - a: b\n',
      'empty:\n',
      'empty:\n\nnext: 1\n',
      'title: x\ntitle: y\n',
      '__proto__: x\n',
      'title : x\n',
      'title:x\n',
      ' title: x\n',
      'title: \u00a0padded\u00a0\n',
      'title: caf\u00e9 \u2014 \ud83c\udf0e\n',
      'title: bad \ud800 surrogate\n',
      'title: tab\there\n',
      'title: "back\\\\slash"\n',
      'title: &a x\nother: *a\n',
      'title: !!str 5\n',
      'title: |\n  block\n',
      'title: >-\n  folded\n',
      'title: "unclosed\n',
      'title: "two" "quotes"\n',
      "title: 'x' y\n",
      '---\n',
      '...\n',
      '%YAML 1.2\n',
      '? complex\n',
      'title: -\n',
      'title: - x\n',
      'title: -x\n',
      'title: @at\n',
      'title: `tick`\n',
      '',
      '\n\n',
      'title: x\r\n',
      'title: x\u0085y\n',
    ];
    let answered = 0;
    for (const yaml of cases) if (agrees(yaml)) answered++;
    expect(answered).toBeGreaterThan(15);
  });

  it('agrees on thousands of front matters made of tricky pieces', () => {
    const keys = ['title', 'type', 'tags', 'regions', 'summary', 'part', 'draft', 'x-y', 'a_b'];
    const scalars = ['x', 'Puno', '2019-04-01', '12', '-3', '0x10', '1.5', '.inf', 'true', 'False', 'null', '~', '', '"q"', '"a: b"', "'s''t'", "'a, b'", 'a b', 'a, b', 'a:b', 'a: b', 'a:', '[x]', '-', '- x', '-x', '{a}', 'Cusco ñ', '"é"', '*x', '&x y', '!t y', '|', '>', '%x', '@x', '? x', ': x', 'x ', ' x'];
    const flows = ['[]', '[x]', '[x, y]', '["a, b", c]', "['x''y', 2]", '[x, , y]', '[x,]', '[a: b]', '[[x]]', '[x] y', '[ x ,  y ]', '[-1, -x, - x]'];
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    let answered = 0;
    for (let n = 0; n < 3000; n++) {
      const lines: string[] = [];
      const count = 1 + rnd(5);
      for (let k = 0; k < count; k++) {
        const key = keys[rnd(keys.length)]!;
        const form = rnd(10);
        if (form < 5) lines.push(`${key}: ${scalars[rnd(scalars.length)]}`);
        else if (form < 7) lines.push(`${key}: ${flows[rnd(flows.length)]}`);
        else if (form < 9) {
          lines.push(`${key}:`);
          const indent = ['', '  ', '    '][rnd(3)]!;
          for (let i = rnd(4); i > 0; i--) lines.push(`${indent}- ${scalars[rnd(scalars.length)]}`);
        } else lines.push(['', '  ', '# c', `${key}:  ${scalars[rnd(scalars.length)]}  `][rnd(4)]!);
      }
      if (agrees(`${lines.join('\n')}\n`)) answered++;
    }
    // Most are plain enough to be answered here.
    expect(answered).toBeGreaterThan(500);
  });
});
