#!/usr/bin/env bash
# check.sh CACHE_DIR
# Compares every reference assembly in firmware/reference, member by member, with the library built
# from nanoFramework's own sources into CACHE_DIR/lib (the nanoclr-bench pipeline's setup.sh, not
# part of this repository; docs/device.md): Microsoft.DotNet.ApiCompat in strict mode (both directions), attributes and parameter
# names included. Only the public key token differs (the references are not signed): CP0003 is off.
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 CACHE_DIR" >&2; exit 2; }
CACHE=$(cd "$1" && pwd)
REPO=$(cd "$(dirname "$0")/../.." && pwd)
TOOL=$CACHE/apicompat/apicompat
[ -x "$TOOL" ] || dotnet tool install Microsoft.DotNet.ApiCompat.Tool --version 10.0.401 --tool-path "$CACHE/apicompat" >/dev/null
failed=0
for proj in "$REPO"/firmware/reference/*/*.csproj; do
  asm=$(basename "$proj" .csproj)
  real=$CACHE/lib/$asm.dll
  [ -f "$real" ] || { echo "$asm: no $real (build the cache first)"; failed=1; continue; }
  dotnet build "$proj" -c Release -v q -nologo -clp:NoSummary >/dev/null
  out=$(dirname "$proj")/bin/Release/netstandard2.0
  if "$TOOL" -l "$real" -r "$out/$asm.dll" --strict-mode --enable-rule-attributes-must-match \
      --enable-rule-cannot-change-parameter-name --noWarn CP0003 \
      --lref "$CACHE/lib" --rref "$out,$CACHE/lib/mscorlib.dll" > "$CACHE/apicompat-$asm.log" 2>&1 \
      && grep -q "without finding any breaking changes" "$CACHE/apicompat-$asm.log"; then
    echo "$asm: same public surface as $(basename "$real") from source"
  else
    echo "$asm: DIFFERS"; grep -E '^CP[0-9]' "$CACHE/apicompat-$asm.log" | head -20; failed=1
  fi
done
exit $failed
