// The bash completion script: plain bash (no bash-completion package needed). Region names
// match ignoring case and accents (`--region junin` → Junín); names with spaces are quoted by
// readline, as file names are (`compopt -o filenames`).
import { fold } from '../core/text.js';
import { type CompletionSpec, type OptionSpec, singleQuoted, type ValueKind } from './completion.js';

function kindWord(value: ValueKind): string {
  return value.kind === 'choices' ? `choices ${value.values.join(' ')}` : value.kind;
}

function caseLabel(name: string, aliases: string[]): string {
  return [name, ...aliases].join('|');
}

function words(list: readonly string[]): string {
  return list.map(singleQuoted).join(' ');
}

/** `case` branches that set REPLY to the kind of an option's value. */
function valueBranches(spec: CompletionSpec): string[] {
  const branch = (pattern: string, o: OptionSpec) => `    ${pattern}) REPLY=${singleQuoted(kindWord(o.value!))} ;;`;
  const lines: string[] = [];
  for (const c of spec.commands) {
    for (const o of c.options) {
      if (!o.value) continue;
      for (const name of o.names) lines.push(branch([c.name, ...c.aliases].map((n) => `${n}:${name}`).join('|'), o));
    }
  }
  for (const o of spec.options) if (o.value) for (const name of o.names) lines.push(branch(`*:${name}`, o));
  return lines;
}

function argBranches(spec: CompletionSpec): string[] {
  const lines: string[] = [];
  for (const c of spec.commands) {
    c.args.forEach((arg, i) => {
      const label = caseLabel(c.name, c.aliases);
      const patterns = label.split('|').map((n) => `${n}:${arg.variadic ? '*' : i + 1}`);
      lines.push(`    ${patterns.join('|')}) REPLY=${singleQuoted(kindWord(arg.value))} ;;`);
    });
  }
  return lines;
}

export function bashCompletion(spec: CompletionSpec): string {
  const name = spec.name;
  const globals = spec.options.flatMap((o) => o.names);
  const commands = spec.commands.flatMap((c) => [c.name, ...c.aliases]);
  const optionBranches = spec.commands.map(
    (c) => `    ${caseLabel(c.name, c.aliases)}) REPLY=${singleQuoted(c.options.flatMap((o) => o.names).join(' '))} ;;`,
  );
  return `# bash completion for ${name} ${spec.version}, written by \`${name} completion bash\`.
# Install it for your user:
#   mkdir -p ~/.local/share/bash-completion/completions
#   ${name} completion bash > ~/.local/share/bash-completion/completions/${name}
# or load it from ~/.bashrc:  source <(${name} completion bash)

_${name}_commands=(${words(commands)})
_${name}_regions=(${words(spec.regions)})
# The region names folded to lowercase ASCII, for matching "junin" to Junín.
_${name}_region_keys=(${words(spec.regions.map(fold))})
_${name}_tags=(${words(spec.tags)})

# REPLY: the options of a command (the program's own options come with every command).
_${name}_options() {
  REPLY=''
  case $1 in
${optionBranches.join('\n')}
  esac
  REPLY="$REPLY ${globals.join(' ')}"
}

# REPLY: what the value of option $2 of command $1 is; fails for a flag.
_${name}_value() {
  case "$1:$2" in
${valueBranches(spec).join('\n')}
    *) return 1 ;;
  esac
}

# REPLY: what positional argument number $2 of command $1 is ("cmd:*" stands for every
# position of a list of files); fails when there is none.
_${name}_arg() {
  case "$1:$2" in
${argBranches(spec).join('\n')}
    *) return 1 ;;
  esac
}

# Lowercase, without the accents of Spanish names.
_${name}_fold() {
  local s=\${1,,}
  s=\${s//á/a}; s=\${s//é/e}; s=\${s//í/i}; s=\${s//ó/o}; s=\${s//ú/u}; s=\${s//ü/u}; s=\${s//ñ/n}
  s=\${s//Á/a}; s=\${s//É/e}; s=\${s//Í/i}; s=\${s//Ó/o}; s=\${s//Ú/u}; s=\${s//Ü/u}; s=\${s//Ñ/n}
  REPLY=$s
}

# COMPREPLY: the words given that start with $cur, ignoring case.
_${name}_match() {
  local word lc=\${cur,,}
  COMPREPLY=()
  for word in "$@"; do
    [[ \${word,,} == "$lc"* ]] && COMPREPLY+=("$word")
  done
}

_${name}_fill() {
  COMPREPLY=()
  case $1 in
    regions)
      local i
      _${name}_fold "$cur"
      for i in "\${!_${name}_regions[@]}"; do
        [[ \${_${name}_region_keys[i]} == "$REPLY"* ]] && COMPREPLY+=("\${_${name}_regions[i]}")
      done
      # Let readline quote "Madre de Dios" as it quotes file names.
      compopt -o filenames 2>/dev/null
      ;;
    tags) _${name}_match "\${_${name}_tags[@]}" ;;
    file) compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$cur") ;;
    dir) compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -d -- "$cur") ;;
    choices\\ *) local -a list; read -ra list <<< "\${1#choices }"; _${name}_match "\${list[@]}" ;;
  esac
}

_${name}() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev='' cword=$COMP_CWORD REPLY
  ((cword > 0)) && prev=\${COMP_WORDS[cword-1]}
  # The option whose value is being typed: --region Caj, --region=Caj (split at "=" or not).
  local opt=''
  if [[ $cur == '=' && $prev == -* ]]; then
    opt=$prev cur=''
  elif [[ $prev == '=' ]] && ((cword > 1)); then
    opt=\${COMP_WORDS[cword-2]}
  elif [[ $cur == --*=* ]]; then
    opt=\${cur%%=*} cur=\${cur#*=}
  fi
  # A value typed with quotes or backslashes ("Madre de, Madre\\ de) is matched unquoted.
  cur=\${cur#[\\"\\']}
  cur=\${cur//\\\\/}

  # The command, and how many positional arguments come before the cursor.
  local cmd='' npos=0 i w
  for ((i = 1; i < cword; i++)); do
    w=\${COMP_WORDS[i]}
    if [[ $w == -* ]]; then
      if [[ \${COMP_WORDS[i+1]-} == '=' ]]; then
        ((i += 2))
      elif [[ $w != *=* ]] && _${name}_value "$cmd" "$w"; then
        ((i += 1))
      fi
    elif [[ -z $cmd ]]; then
      cmd=$w
    else
      ((npos += 1))
    fi
  done
  if [[ -z $opt && $prev == -* && $prev != *=* ]] && _${name}_value "$cmd" "$prev"; then
    opt=$prev
  fi

  if [[ -n $opt ]]; then
    COMPREPLY=()
    _${name}_value "$cmd" "$opt" && _${name}_fill "$REPLY"
  elif [[ $cur == -* ]]; then
    _${name}_options "$cmd"
    local -a list
    read -ra list <<< "$REPLY"
    _${name}_match "\${list[@]}"
  elif [[ -z $cmd ]]; then
    _${name}_match "\${_${name}_commands[@]}"
  elif _${name}_arg "$cmd" $((npos + 1)); then
    _${name}_fill "$REPLY"
  else
    COMPREPLY=()
  fi
  return 0
}

complete -F _${name} ${name}
`;
}
