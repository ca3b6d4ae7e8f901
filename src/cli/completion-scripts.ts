/**
 * The completion scripts `cchc completion SHELL` prints (docs/completion.md). Each asks
 * `cchc __complete` for the candidates of the word under the cursor (src/cli/completion.ts)
 * and falls back to the shell's own file or folder completion on `:file` / `:dir`.
 */

export const BASH_SCRIPT = `# cchc completion for bash. Use: source <(cchc completion bash)
# or save it as ~/.local/share/bash-completion/completions/cchc
_cchc() {
  local cur=\${COMP_WORDS[COMP_CWORD]} line out
  out=$(cchc __complete -- "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null) || return 0
  COMPREPLY=()
  while IFS= read -r line; do
    case $line in
      :file) compopt -o filenames 2>/dev/null
             while IFS= read -r f; do COMPREPLY+=("$f"); done < <(compgen -f -- "$cur") ;;
      :dir) compopt -o filenames 2>/dev/null
            while IFS= read -r f; do COMPREPLY+=("$f"); done < <(compgen -d -- "$cur") ;;
      '') ;;
      *) COMPREPLY+=("$line") ;;
    esac
  done <<< "$out"
}
complete -F _cchc cchc
`;

export const ZSH_SCRIPT = `#compdef cchc
# cchc completion for zsh. Use: source <(cchc completion zsh)
# or save it as _cchc in a folder of $fpath
_cchc() {
  local line
  local -a cands
  for line in "\${(@f)$(cchc __complete -- "\${(@)words[2,CURRENT]}" 2>/dev/null)}"; do
    case $line in
      :file) _files ;;
      :dir) _files -/ ;;
      '') ;;
      *) cands+=("$line") ;;
    esac
  done
  (( \${#cands} )) && compadd -- "\${cands[@]}"
  return 0
}
if [[ \${zsh_eval_context[-1]} == loadautofunc ]]; then
  _cchc "$@"
else
  compdef _cchc cchc
fi
`;

export const FISH_SCRIPT = `# cchc completion for fish. Use: cchc completion fish | source
# or save it as ~/.config/fish/completions/cchc.fish
function __cchc_complete
    set -l words (commandline -opc)
    set -l cur (commandline -ct)
    set -e words[1]
    for line in (cchc __complete -- $words "$cur" 2>/dev/null)
        switch $line
            case ':file'
                __fish_complete_path "$cur"
            case ':dir'
                __fish_complete_directories "$cur"
            case '*'
                echo $line
        end
    end
end
complete -c cchc -f -a '(__cchc_complete)'
`;
