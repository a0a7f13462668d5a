# Tab completion of verbs and options for bash: `source` this file (from ~/.bashrc).
# bmsguard answers System.CommandLine's [suggest:POSITION] directive (the protocol dotnet-suggest
# speaks) itself, so no other tool is needed. File names complete as usual where it suggests nothing.
_bmsguard_complete() {
  local line="${COMP_LINE:0:COMP_POINT}"
  line="${line#"${COMP_WORDS[0]}"}"
  local exe="${COMP_WORDS[0]/#\~/$HOME}" IFS=$'\n'
  COMPREPLY=($("$exe" "[suggest:${#line}]" "$line" 2>/dev/null))
}
complete -o default -F _bmsguard_complete bmsguard
