import { describe, expect, it } from '@jest/globals';
import { parseFrontMatter, splitFrontMatter } from '../../../src/core/frontmatter.js';

function split(text: string) {
  const result = splitFrontMatter(text);
  if (!result.ok) throw new Error(`expected front matter, got ${result.problem.rule}`);
  return result.frontMatter;
}

function problemOf(result: ReturnType<typeof splitFrontMatter> | ReturnType<typeof parseFrontMatter>) {
  if (result.ok) throw new Error('expected a problem');
  const { rule, line, column, message } = result.problem;
  return { rule, at: `${line}:${column}`, message };
}

describe('splitFrontMatter', () => {
  it('finds the YAML between the --- lines and where the body starts', () => {
    const text = '---\ntitle: A\ntype: news\n---\n\nBody\n';
    const fm = split(text);
    expect(fm.yaml).toBe('title: A\ntype: news\n');
    expect(text.slice(fm.yamlStart, fm.yamlStart + fm.yaml.length)).toBe(fm.yaml);
    expect(fm.yamlLine).toBe(2);
    expect(text.slice(fm.bodyStart)).toBe('\nBody\n');
    expect(fm.bodyLine).toBe(5);
  });

  it('accepts CRLF line ends, and spaces after the delimiters', () => {
    const fm = split('--- \r\ntitle: A\r\n---\t\r\nBody\r\n');
    expect(fm.yaml).toBe('title: A\r\n');
    expect(fm.bodyLine).toBe(4);
  });

  it('accepts ---yaml and ---yml, and an empty front matter', () => {
    expect(split('---yaml\ntitle: A\n---\n').yaml).toBe('title: A\n');
    expect(split('---yml\ntitle: A\n---\n').yaml).toBe('title: A\n');
    expect(split('---\n---\nBody').yaml).toBe('');
  });

  it('closes at the first --- line only: a later one belongs to the body', () => {
    const text = '---\ntitle: A\n---\nBody\n---\nMore\n';
    expect(text.slice(split(text).bodyStart)).toBe('Body\n---\nMore\n');
  });

  it('does not take "----" or "--- x" for the closing line', () => {
    expect(problemOf(splitFrontMatter('---\ntitle: A\n----\nBody\n')).rule).toBe('front-matter-unclosed');
    expect(problemOf(splitFrontMatter('---\ntitle: A\n--- x\nBody\n')).rule).toBe('front-matter-unclosed');
  });

  it.each(['js', 'javascript', 'JS', 'coffee', 'coffeescript', 'cson'])('refuses ---%s front matter as code, never run', (lang) => {
    expect(problemOf(splitFrontMatter(`---${lang}\n{ title: process.exit(9) }\n---\n`))).toEqual({
      rule: 'front-matter-executable',
      at: '1:4',
      message: `"---${lang}" front matter is code and is never run; write the fields as YAML after a plain "---"`,
    });
  });

  it('refuses other languages and TOML as not YAML', () => {
    expect(problemOf(splitFrontMatter('---toml\ntitle = "A"\n---\n'))).toMatchObject({ rule: 'front-matter-missing', at: '1:4' });
    expect(problemOf(splitFrontMatter('+++\ntitle = "A"\n+++\n')).message).toContain('TOML front matter (+++) is not read');
  });

  it('says when there is no front matter, or it never closes', () => {
    expect(problemOf(splitFrontMatter('# Title\n\nText\n'))).toMatchObject({ rule: 'front-matter-missing', at: '1:1' });
    expect(problemOf(splitFrontMatter(' ---\ntitle: A\n---\n')).rule).toBe('front-matter-missing');
    expect(problemOf(splitFrontMatter('---\ntitle: A\n'))).toMatchObject({ rule: 'front-matter-unclosed', at: '1:1' });
    expect(problemOf(splitFrontMatter('---')).rule).toBe('front-matter-unclosed');
  });
});

describe('parseFrontMatter', () => {
  const parse = (yaml: string) => {
    const result = parseFrontMatter(yaml, 2);
    if (!result.ok) throw new Error(`expected data, got ${result.problem.rule}: ${result.problem.message}`);
    return Object.fromEntries(result.data);
  };

  it('reads YAML 1.2 core types: dates stay text, yes stays text', () => {
    expect(parse('date: 2019-03-23\nat: 2019-03-23T09:30:00-05:00\ndraft: true\npart: 2\nok: yes\nnone: ~\n')).toEqual({
      date: '2019-03-23',
      at: '2019-03-23T09:30:00-05:00',
      draft: true,
      part: 2,
      ok: 'yes',
      none: null,
    });
  });

  it('gives an empty map for empty front matter', () => {
    expect(parse('')).toEqual({});
    expect(parse('# only a comment\n')).toEqual({});
  });

  it('keeps __proto__ as a plain key and pollutes nothing', () => {
    const result = parseFrontMatter('__proto__: { polluted: true }\nsources:\n  - __proto__: { polluted: true }\n', 2);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.data.get('__proto__')).toEqual({ polluted: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it.each([
    ['title: !!js/function "function () {}"\n', '1:8', '!!js/function'],
    ['title: A\nsummary: !!js/undefined\n', '2:10', '!!js/undefined'],
    ['title: !<tag:yaml.org,2002:js/regexp> /x/\n', '1:8', '!!js/regexp'],
    ['title: !foo bar\n', '1:8', '!foo'],
    ['date: !!timestamp 2019-01-01\n', '1:7', '!!timestamp'],
    ['x: !!binary aGk=\n', '1:4', '!!binary'],
  ])('refuses the tag in %j at the tag itself', (yaml, where, tag) => {
    const problem = problemOf(parseFrontMatter(yaml, 1));
    expect(problem).toEqual({ rule: 'yaml-unsafe', at: where, message: `YAML tag ${tag} is not allowed: front matter is plain data; remove the tag` });
  });

  it('names a field given twice, at its second place', () => {
    expect(problemOf(parseFrontMatter('title: A\ntype: news\ntitle: B\n', 2))).toEqual({
      rule: 'duplicate-key',
      at: '4:1',
      message: 'The field "title" is given twice; keep one of them',
    });
    expect(problemOf(parseFrontMatter('sources:\n  - title: A\n    title: B\n', 2)).message).toBe('The field "title" is given twice; keep one of them');
  });

  it('points at the quote that never closes', () => {
    expect(problemOf(parseFrontMatter('title: "Strike\ntype: news\nsummary: x\n', 2))).toMatchObject({ rule: 'yaml-syntax', at: '2:8' });
    expect(problemOf(parseFrontMatter("title: 'It''s fine'\nsummary: 'not closed\n", 2))).toMatchObject({ rule: 'yaml-syntax', at: '3:10' });
    expect(problemOf(parseFrontMatter('a: "closed \\" inside"\nb: [x, "open\n', 2))).toMatchObject({ at: '3:8' });
  });

  it('reports other YAML errors where js-yaml found them, with advice', () => {
    const problem = problemOf(parseFrontMatter('title: A\n\ttype: news\n', 2));
    expect(problem).toMatchObject({ rule: 'yaml-syntax', at: '3:1' });
    expect(problem.message).toMatch(/^YAML syntax: .+; check the quotes, colons and indentation on this line$/);
  });

  it('refuses front matter that is a list or a single value', () => {
    expect(problemOf(parseFrontMatter('- a\n- b\n', 2))).toMatchObject({ rule: 'front-matter-type', at: '2:1' });
    expect(problemOf(parseFrontMatter('just text\n', 2)).rule).toBe('front-matter-type');
  });

  it('stops an alias bomb without expanding it', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (const [prev, name] of ['ab', 'bc', 'cd', 'de', 'ef', 'fg', 'gh', 'hi']) lines.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(', ')}]`);
    expect(problemOf(parseFrontMatter(`${lines.join('\n')}\n`, 2))).toMatchObject({ rule: 'yaml-too-complex', at: '2:1' });
  });

  it('allows a few aliases that stay small', () => {
    expect(parse('a: &x [Puno]\nregions: *x\n').regions).toEqual(['Puno']);
  });

  it('stops nesting bombs', () => {
    expect(problemOf(parseFrontMatter(`title: ${'['.repeat(10000)}${']'.repeat(10000)}\n`, 2)).rule).toBe('yaml-syntax');
  });
});
