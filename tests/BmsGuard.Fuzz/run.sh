#!/usr/bin/env bash
# Coverage-guided fuzzing with afl-fuzz (Debian package afl++) and SharpFuzz (docs/fuzzing.md).
#   run.sh TARGET|all SECONDS [OUTDIR]
# Publishes this project, instruments the product assemblies with the sharpfuzz tool, then runs
# afl-fuzz on each target for SECONDS (one instance at a time, nice'd) starting from seeds/TARGET.
# Prints each target's executions, inputs/s and findings; every crash and hang is replayed in-process.
# Exits 1 when any target has a crash, or a hang that also hangs (over 2 s) in-process.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
target="${1:?usage: run.sh TARGET|all SECONDS [OUTDIR]}"
seconds="${2:?usage: run.sh TARGET|all SECONDS [OUTDIR]}"
out="${3:-$here/findings}"
pub="$here/bin/afl"
# The build publish makes on its way: the same code, not instrumented (instrumented code needs afl-fuzz around it).
plain="$here/bin/Release/net10.0"

command -v afl-fuzz >/dev/null || { echo "run.sh: afl-fuzz not found (apt-get install afl++)" >&2; exit 2; }
export PATH="$PATH:$HOME/.dotnet/tools"
if ! command -v sharpfuzz >/dev/null; then
  dotnet tool install --global SharpFuzz.CommandLine --version 2.3.0 >/dev/null
fi

# A fresh publish each time: sharpfuzz rewrites the assemblies in place and refuses instrumented ones.
rm -rf "$pub"
dotnet publish "$here/BmsGuard.Fuzz.csproj" -c Release -o "$pub" -v quiet -nologo >/dev/null
for dll in BmsGuard.Firmware.dll bmsguard.dll nanoFramework.M2Mqtt.dll YamlDotNet.dll; do
  sharpfuzz "$pub/$dll" >/dev/null
done

if [ "$target" = all ]; then
  mapfile -t targets < <(dotnet "$pub/BmsGuard.Fuzz.dll" list | awk '{print $1}')
else
  targets=("$target")
fi

# This machine is shared and not tuned for afl: no CPU governor or core-dump settings, no pinning.
export AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_BIN_CHECK=1 AFL_NO_AFFINITY=1
export AFL_NO_UI=1 AFL_FAST_CAL=1 AFL_QUIET=1 AFL_IGNORE_SEED_PROBLEMS=1
export DOTNET_TieredPGO=0 DOTNET_CLI_TELEMETRY_OPTOUT=1

failed=0
mkdir -p "$out"
printf '%-18s %8s %10s %8s %6s %7s %7s %8s\n' target seconds execs execs/s paths crashes hangs coverage
for t in "${targets[@]}"; do
  # On a loaded machine afl's dry run now and then sees no coverage ("No instrumentation detected"):
  # up to three tries; a target afl still cannot start is reported, not counted as a crash (its seeds
  # and every earlier crash input run in-process in the test suite, FuzzCorpusTests).
  ok=0
  for try in 1 2 3; do
    rm -rf "${out:?}/$t"
    dict=(); [ -f "$here/seeds/$t.dict" ] && dict=(-x "$here/seeds/$t.dict")
    if nice -n 10 afl-fuzz -i "$here/seeds/$t" -o "$out/$t" -t 5000 -m none -V "$seconds" "${dict[@]}" \
      -- dotnet "$pub/BmsGuard.Fuzz.dll" fuzz "$t" >"$out/$t.log" 2>&1; then ok=1; break; fi
  done
  if [ $ok = 0 ] && grep -q "No instrumentation detected" "$out/$t.log"; then
    echo "$t: warning: afl-fuzz saw no instrumentation in 3 tries (not fuzzed in this run), see $out/$t.log" >&2
    continue
  fi
  if [ $ok = 0 ]; then echo "$t: afl-fuzz failed, see $out/$t.log" >&2; tail -n 5 "$out/$t.log" >&2; failed=1; continue; fi
  stats="$out/$t/default/fuzzer_stats"
  get() { awk -F': *' -v k="$1" '$1 ~ "^"k" *$" {print $2}' "$stats"; }
  crashes=$(find "$out/$t/default/crashes" -type f ! -name README.txt | wc -l)
  hangs=$(find "$out/$t/default/hangs" -type f | wc -l)
  printf '%-18s %8s %10s %8s %6s %7s %7s %8s\n' "$t" "$(get run_time)" "$(get execs_done)" "$(get execs_per_sec)" \
    "$(get corpus_count)" "$crashes" "$hangs" "$(get bitmap_cvg)"
  if [ "$crashes" -gt 0 ]; then
    failed=1
    dotnet "$plain/BmsGuard.Fuzz.dll" replay "$t" "$out/$t/default/crashes" | tail -n 30 || true
  fi
  if [ "$hangs" -gt 0 ]; then
    # afl's timeout is wall time on a shared machine: a hang counts only if it also hangs in-process.
    if ! timeout 60 dotnet "$plain/BmsGuard.Fuzz.dll" replay "$t" "$out/$t/default/hangs" >"$out/$t.hangs.log" 2>&1 \
      || awk '/ms\)$/ { gsub(/[()]/, "", $(NF-1)); if ($(NF-1) + 0 > 2000) bad = 1 } END { exit !bad }' "$out/$t.hangs.log"; then
      echo "$t: hang reproduced in-process, see $out/$t.hangs.log" >&2
      failed=1
    fi
  fi
done
exit $failed
