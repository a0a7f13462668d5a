#!/usr/bin/env bash
# Runs every verb of a built bmsguard (the published executable, the installed dotnet tool) once on
# the bundled samples, in a scratch directory, and fails on the first verb that exits non-zero or
# writes nothing. Usage: tools/ship/smoke.sh PATH/TO/bmsguard [SCRATCH_DIR]
set -euo pipefail
bmsguard=$(realpath "$1")
samples=$(cd "$(dirname "$0")/../../host-sim/BmsGuard.HostSim/samples" && pwd)
work=${2:-$(mktemp -d)}
mkdir -p "$work" && cd "$work"
vin=WVWZZZ1JZXW000001
ran=0

step() { # step COMMAND...: runs it quietly, shows its output only when it fails
  if ! "$@" > "step.out" 2>&1; then
    echo "smoke: FAILED: ${*}" >&2
    cat step.out >&2
    exit 1
  fi
  ran=$((ran + 1))
}
exists() { for f in "$@"; do [ -s "$f" ] || { echo "smoke: $f missing or empty" >&2; exit 1; }; done; }

step "$bmsguard" --version
grep -q '^[0-9]' step.out || { echo "smoke: --version printed no version" >&2; exit 1; }
step "$bmsguard" --help
grep -q 'replay' step.out || { echo "smoke: --help lists no verbs" >&2; exit 1; }
step "$bmsguard" replay --quiet --out out --report report.html   # the bundled sample, next to the executable
exists out/decisions.log out/to-tcu.log out/summary.txt report.html
grep -q 'Plotly' report.html || { echo "smoke: report.html has no plotly charts" >&2; exit 1; }
step "$bmsguard" sample --seconds 5 --out s.log
step "$bmsguard" gen --duration 5s --out g.asc
step "$bmsguard" convert g.asc g.blf
step "$bmsguard" convert g.blf g.log.gz
step "$bmsguard" convert s.log s.trc
exists s.log g.asc g.blf g.log.gz s.trc
step "$bmsguard" decode s.log --dbc "$samples/reference-bms.dbc" --format csv
grep -q ',' step.out || { echo "smoke: decode printed nothing" >&2; exit 1; }
step "$bmsguard" rules
step "$bmsguard" keys new --role owner --id 1 --out owner.key
step "$bmsguard" keys new --role fleet --id 2 --out fleet.key
step "$bmsguard" keys show owner.key fleet.key
step "$bmsguard" provision --vin $vin --owner owner.key --out guard --secoc owner
step "$bmsguard" command sign provision-key --new-key fleet.key --vin $vin --key owner.key --issued 2026-01-01T00:00:01Z --out k.env
step "$bmsguard" command sign open-contactors --vin $vin --key owner.key --key fleet.key --issued 2026-01-01T00:00:01Z --out o.env
step "$bmsguard" command inject "$samples/reference-drive.log" a.log --envelope k.env --at 1s
step "$bmsguard" command inject a.log b.log --envelope o.env --at 3s
step "$bmsguard" command secoc set-charge-target b.log c.log --key guard/secoc.key --at 5s --percent 80
step "$bmsguard" policy compile "$samples/reference-policy.yaml" --dbc "$samples/reference-bms.dbc" --key owner.key --vin $vin --version 1 --out policy.bin
step "$bmsguard" policy show policy.bin --key owner.key
grep -q 'signals\|signal' step.out || { echo "smoke: policy show printed no signals" >&2; exit 1; }
step "$bmsguard" replay c.log --guard guard --policy policy.bin --quiet --out out2
step "$bmsguard" audit verify guard/audit.log --key guard/audit.key
step "$bmsguard" audit show guard/audit.log --key guard/audit.key
step "$bmsguard" egress report --outbox out2/outbox.txt --audit guard/audit.log --key guard/audit.key --policy policy.bin
step "$bmsguard" play s.log --to virtual:smoke --speed max
step "$bmsguard" record --from virtual:smoke --out r.log --duration 200ms --quiet
step "$bmsguard" bench --bms virtual:bms --tcu virtual:tcu --duration 200ms --quiet --out bench

# Tab completion as bash runs it: the script beside the executable (the repo's for a dotnet tool),
# COMP_* set as bash sets them when TAB is pressed at the end of the line.
completion="$(dirname "$bmsguard")/shell/bmsguard-completion.bash"
[ -f "$completion" ] || completion="$samples/../shell/bmsguard-completion.bash"
complete_line() {
  bash -c 'source "$1"; COMP_LINE="$2 $3"; COMP_POINT=${#COMP_LINE}; read -ra COMP_WORDS <<< "$COMP_LINE"
    [[ "$COMP_LINE" == *" " ]] && COMP_WORDS+=(""); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _bmsguard_complete; echo "${COMPREPLY[*]}"' _ "$completion" "$bmsguard" "$1"
}
[ "$(complete_line "rep")" = "replay" ] || { echo "smoke: completion of 'rep' gave '$(complete_line "rep")'" >&2; exit 1; }
[ "$(complete_line "command s")" = "secoc sign" ] || { echo "smoke: completion of 'command s' gave '$(complete_line "command s")'" >&2; exit 1; }
[ "$(complete_line "replay x.log --re")" = "--report" ] || { echo "smoke: completion of 'replay x.log --re' gave '$(complete_line "replay x.log --re")'" >&2; exit 1; }
ran=$((ran + 3))
echo "smoke: $ran bmsguard runs passed ($bmsguard)"
