import { describe, expect, it } from '@jest/globals';
import { buildProgram } from '../../../src/cli/program.js';
import { describeProgram } from '../../../src/commands/completion.js';
import { bashCompletion } from '../../../src/render/completion-bash.js';
import { type CompletionSpec, singleQuoted } from '../../../src/render/completion.js';
import { zshCompletion } from '../../../src/render/completion-zsh.js';

const program = buildProgram('9.9.9', async () => {});
const spec = describeProgram(program, ['Cajamarca', 'Madre de Dios', 'Junín', "O'Higgins"], ['mining']);
const command = (name: string) => spec.commands.find((c) => c.name === name)!;

describe('describeProgram', () => {
  it('reads every registered command, and commander’s help', () => {
    expect(spec.commands.map((c) => c.name)).toEqual([...program.commands.map((c) => c.name()), 'help']);
    expect(command('help').args[0]!.value).toEqual({ kind: 'choices', values: program.commands.map((c) => c.name()) });
  });

  it('knows what each value is', () => {
    const option = (cmd: string, long: string) => command(cmd).options.find((o) => o.names.includes(long))!;
    expect(option('stats', '--region').value).toEqual({ kind: 'regions' });
    expect(option('stats', '--region').repeatable).toBe(true);
    expect(option('stats', '--by').value).toEqual({ kind: 'choices', values: ['region', 'month', 'year', 'type', 'tag'] });
    expect(option('stats', '--type').value).toEqual({ kind: 'choices', values: ['news', 'letter', 'page'] });
    expect(option('stats', '--drafts').value).toBeUndefined();
    expect(option('publish', '--date').value).toEqual({ kind: 'text', name: 'date' });
    expect(command('validate').args).toEqual([{ name: 'files', value: { kind: 'file' }, variadic: true }]);
    expect(command('completion').args[0]!.value).toEqual({ kind: 'choices', values: ['bash', 'zsh'] });
  });

  it('offers the program’s options once: --dir everywhere, --version not twice', () => {
    expect(spec.options.flatMap((o) => o.names)).toEqual(['-V', '--version', '--dir', '--config', '--no-color', '--no-cache', '--debug', '-h', '--help']);
    expect(spec.options.find((o) => o.names.includes('--dir'))!.value).toEqual({ kind: 'dir' });
    for (const c of spec.commands) expect(c.options.flatMap((o) => o.names)).not.toContain('--version');
  });
});

describe('the scripts', () => {
  it('quote names with spaces, accents and apostrophes as single words', () => {
    expect(singleQuoted("O'Higgins")).toBe(`'O'\\''Higgins'`);
    const bash = bashCompletion(spec);
    expect(bash).toContain(`_psg_regions=('Cajamarca' 'Madre de Dios' 'Junín' 'O'\\''Higgins')`);
    expect(bash).toContain(`_psg_region_keys=('cajamarca' 'madre de dios' 'junin' 'o'\\''higgins')`);
    expect(bash).toContain('complete -F _psg psg');
    const zsh = zshCompletion(spec);
    expect(zsh).toContain(`names=('Cajamarca' 'Madre de Dios' 'Junín' 'O'\\''Higgins')`);
    expect(zsh.startsWith('#compdef psg\n')).toBe(true);
  });

  it('escape brackets in zsh option descriptions', () => {
    const odd: CompletionSpec = {
      ...spec,
      commands: [{ name: 'x', aliases: [], description: 'd', args: [], options: [{ names: ['--y'], description: 'a [b]: c', repeatable: false }] }],
    };
    expect(zshCompletion(odd)).toContain(`'--y[a \\[b\\]: c]'`);
  });
});
