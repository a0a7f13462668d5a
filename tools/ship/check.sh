#!/usr/bin/env bash
# What a user installs, built and run: the single-file executable (dotnet publish with the
# `single-file` profile: self-contained, ReadyToRun) and the dotnet tool package (dotnet pack,
# installed with dotnet tool install into a scratch tool path), each taken through every verb by
# smoke.sh. Usage: tools/ship/check.sh [WORK_DIR]
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=${1:-$(mktemp -d)}
mkdir -p "$work"
project="$repo/host-sim/BmsGuard.HostSim"

dotnet publish "$project" -p:PublishProfile=single-file -o "$work/single-file" -nologo -v q -clp:NoSummary
ls -l "$work/single-file"
"$repo/tools/ship/smoke.sh" "$work/single-file/bmsguard" "$work/smoke-single-file"

dotnet pack "$project" -o "$work/nupkg" -nologo -v q -clp:NoSummary
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$project/BmsGuard.HostSim.csproj")
dotnet tool install bmsguard --version "$version" --tool-path "$work/tool" --add-source "$work/nupkg"
"$repo/tools/ship/smoke.sh" "$work/tool/bmsguard" "$work/smoke-tool"
