// Short options and aliases, as git and ripgrep have them: psg ls -r cuzco -n 3 is
// psg list --region cuzco --limit 3. Every subcommand's --help lists the global options too.
import { afterAll, describe, expect, it } from '@jest/globals';
import { psg } from '../helpers/run.js';
import { cleanup, sampleCopy } from '../helpers/testdir.js';

afterAll(cleanup);

const COMMANDS = ['new', 'list', 'validate', 'digest', 'init', 'publish', 'unpublish', 'regions', 'stats', 'completion', 'cache'];

/** The option spellings a command's --help lists under "Options:" and "Global Options:". */
function helpOptions(command: string): { own: string[]; global: string[] } {
  const help = psg([command, '--help']).stdout;
  const section = (title: string) => {
    const start = help.indexOf(`\n${title}:\n`);
    if (start === -1) return [];
    const body = help.slice(start + title.length + 3).split('\n\n')[0]!;
    return [...body.matchAll(/^ {2}(-\w)?(?:, )?(--[\w-]+)?/gm)].flatMap((m) => [m[1], m[2]]).filter((n): n is string => Boolean(n));
  };
  return { own: section('Options'), global: section('Global Options') };
}

describe('short options and aliases', () => {
  it('psg ls -r -t -n -f is psg list --region --type --limit --format', () => {
    const short = psg(['ls', '-r', 'cuzco', '-t', 'news', '-n', '1', '-f', 'json']);
    expect(short.code).toBe(0);
    expect(short.stdout).toBe(psg(['list', '--region', 'cuzco', '--type', 'news', '--limit', '1', '--format', 'json']).stdout);
    expect(JSON.parse(short.stdout)).toHaveLength(1);
    expect(psg(['ls', '-m', '2019-03', '-s', '2019-03-20', '-f', 'paths']).stdout).toBe(psg(['list', '--month', '2019-03', '--since', '2019-03-20', '--format', 'paths']).stdout);
  });

  it('psg check -f json is psg validate --format json; digest takes -n, -f and -o', () => {
    expect(psg(['check', '-f', 'json']).stdout).toBe(psg(['validate', '--format', 'json']).stdout);
    expect(psg(['digest', '-n', '2', '-f', 'markdown']).stdout).toBe(psg(['digest', '--limit', '2', '--format', 'markdown']).stdout);
    const dir = sampleCopy();
    expect(psg(['digest', '-o', 'digest.txt'], { cwd: dir })).toEqual({ stdout: '', stderr: '', code: 0 });
  });

  it('psg new -r -p -d -a and psg publish -d', () => {
    const dir = sampleCopy();
    const made = psg(['new', 'letter', '-p', 'Espinar', '-r', 'Cusco', '-d', '2019-05-01', '-a', 'Ann Editor', '--summary', 'Water.', '--draft', '-y'], { cwd: dir });
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    const published = psg(['publish', made.stdout.trim(), '-d', '2019-05-02'], { cwd: dir });
    expect(published.code).toBe(0);
    expect(published.stdout).toMatch(/^articles\/2019\/2019-05-02-letter-from-espinar\.md\n$/);
  });

  it('lists the aliases in psg --help', () => {
    const help = psg(['--help']).stdout;
    expect(help).toMatch(/^ {2}list\|ls /m);
    expect(help).toMatch(/^ {2}validate\|check /m);
  });

  it('shows the global options in every subcommand --help, and no short option twice', () => {
    for (const command of COMMANDS) {
      const { own, global } = helpOptions(command);
      expect(global).toEqual(expect.arrayContaining(['--dir', '--config', '--no-color', '--no-cache', '--debug']));
      const shorts = own.filter((n) => /^-\w$/.test(n) && n !== '-V' && n !== '-h');
      expect(new Set(shorts).size).toBe(shorts.length);
      for (const short of shorts) expect(global).not.toContain(short);
    }
  });
});
