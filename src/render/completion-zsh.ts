// The zsh completion script: _arguments for each command, with descriptions, and region
// names matched ignoring case and accents, then offered by compadd (which quotes
// "Madre de Dios" itself).
import { fold } from '../core/text.js';
import { type CompletionSpec, type OptionSpec, singleQuoted, type ValueKind } from './completion.js';

function action(value: ValueKind, name: string): string {
  switch (value.kind) {
    case 'choices':
      return `(${value.values.join(' ')})`;
    case 'regions':
      return `_${name}_regions`;
    case 'tags':
      return `_${name}_tags`;
    case 'file':
      return '_files';
    case 'dir':
      return '_files -/';
    case 'text':
      return ' ';
  }
}

const bracketed = (text: string) => `[${text.replace(/\\/g, '\\\\').replace(/([[\]])/g, '\\$1')}]`;
const message = (text: string) => text.replace(/:/g, '-');

/** One option as _arguments specs, shell-quoted. */
function optionSpecs(o: OptionSpec, name: string): string {
  const valueKind = o.value;
  const tail = valueKind
    ? `=${bracketed(o.description)}:${message(valueKind.kind === 'text' ? valueKind.name : valueKind.kind)}:${action(valueKind, name)}`
    : bracketed(o.description);
  const star = o.repeatable ? '*' : '';
  if (o.names.length === 1) return singleQuoted(`${star}${o.names[0]}${tail}`);
  // -V and --version exclude each other: '(-V --version)'{-V,--version}'[...]'
  const exclude = star ? '' : singleQuoted(`(${o.names.join(' ')})`);
  return `${exclude}${star ? singleQuoted('*') : ''}{${o.names.join(',')}}${singleQuoted(tail)}`;
}

export function zshCompletion(spec: CompletionSpec): string {
  const name = spec.name;
  const indent = (lines: string[], n: number) => lines.map((l) => ' '.repeat(n) + l).join(' \\\n');
  const commandList = spec.commands.flatMap((c) =>
    [c.name, ...c.aliases].map((n) => `    ${singleQuoted(`${n.replace(/:/g, '\\:')}:${c.description}`)}`),
  );
  const branches = spec.commands.map((c) => {
    const specs = [
      ...c.options.map((o) => optionSpecs(o, name)),
      ...c.args.map((a) => singleQuoted(`${a.variadic ? '*' : ''}${a.variadic ? '' : '1'}:${message(a.name)}:${action(a.value, name)}`)),
    ];
    return `        ${[c.name, ...c.aliases].join('|')})
          _arguments -s -S $global_opts \\
${indent(specs, 12)} && ret=0
          ;;`;
  });
  return `#compdef ${name}
# zsh completion for ${name} ${spec.version}, written by \`${name} completion zsh\`.
# Install it as _${name} in a folder of $fpath, e.g.:
#   mkdir -p ~/.zfunc && ${name} completion zsh > ~/.zfunc/_${name}
#   and in ~/.zshrc, before compinit:  fpath=(~/.zfunc $fpath)
# or load it from ~/.zshrc after compinit:  source <(${name} completion zsh)

_${name}_regions() {
  local -a expl names keys matches
  names=(${spec.regions.map(singleQuoted).join(' ')})
  # The same names folded to lowercase ASCII: case and accents do not matter ("junin" finds Junín).
  keys=(${spec.regions.map((r) => singleQuoted(fold(r))).join(' ')})
  local typed=\${(L)\${(Q)PREFIX}} i
  typed=\${\${\${\${\${\${\${typed//á/a}//é/e}//í/i}//ó/o}//ú/u}//ü/u}//ñ/n}
  typed=\${\${\${\${\${\${\${typed//Á/a}//É/e}//Í/i}//Ó/o}//Ú/u}//Ü/u}//Ñ/n}
  for i in {1..$#names}; do
    [[ $keys[i] == $typed* ]] && matches+=($names[i])
  done
  # -U: these are the matches already; compadd still quotes "Madre de Dios" as it inserts it.
  _wanted regions expl region compadd -U -i "$IPREFIX" -a matches
}

_${name}_tags() {
  local -a expl tags
  tags=(${spec.tags.map(singleQuoted).join(' ')})
  _wanted tags expl tag compadd -a tags
}

_${name}() {
  local curcontext=$curcontext state state_descr line ret=1
  local -A opt_args
  local -a global_opts
  global_opts=(
${spec.options.map((o) => `    ${optionSpecs(o, name)}`).join('\n')}
  )
  _arguments -C $global_opts \\
    ': :->command' \\
    '*:: :->args' && ret=0
  case $state in
    command)
      local -a commands
      commands=(
${commandList.map((l) => `    ${l}`).join('\n')}
      )
      _describe -t commands '${name} command' commands && ret=0
      ;;
    args)
      curcontext=\${curcontext%:*:*}:${name}-$words[1]:
      case $words[1] in
${branches.join('\n')}
      esac
      ;;
  esac
  return ret
}

if [[ $funcstack[1] == _${name} ]]; then
  _${name} "$@"
else
  compdef _${name} ${name}
fi
`;
}
