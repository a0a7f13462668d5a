#!/usr/bin/env bash
# Makes the report of docs/report.md's sample: the bundled drive with signed commands (one forged, one
# replayed, one below threshold, one while driving) and diagnostic requests, replayed through a provisioned
# guard with the reference telemetry policy. Usage: docs/report-sample.sh OUTDIR [--screenshot PNG]
set -euo pipefail
out=${1:?usage: docs/report-sample.sh OUTDIR [--screenshot PNG]}
shot=""
if [ "${2:-}" = "--screenshot" ]; then shot=$(realpath -m "${3:?--screenshot PNG}"); fi
root=$(cd "$(dirname "$0")/.." && pwd)
samples=$root/host-sim/BmsGuard.HostSim/samples
dotnet build -v q -nologo "$root/host-sim/BmsGuard.HostSim" >/dev/null
bmsguard() { dotnet "$root/host-sim/BmsGuard.HostSim/bin/Debug/net10.0/bmsguard.dll" "$@"; }
vin=WVWZZZ1JZXW000001
issued=2026-01-01T00:00:01Z
rm -rf "$out" && mkdir -p "$out"
cd "$out"
out=$(pwd)
bmsguard keys new --role owner --id 1 --out owner.key >/dev/null
bmsguard keys new --role fleet --id 2 --out fleet.key >/dev/null
bmsguard provision --vin $vin --owner owner.key --out guard >/dev/null
bmsguard policy compile "$samples/reference-policy.yaml" --dbc "$samples/reference-bms.dbc" --key owner.key --vin $vin --version 1 --out policy.bin >/dev/null
sign() { local out=$1 type=$2; shift 2; bmsguard command sign "$type" --vin $vin --issued $issued --out "$out" "$@" >/dev/null; }
# Signed in the order delivered: a denied envelope is spent, and with it every lower counter.
sign k.env provision-key --key owner.key --new-key fleet.key
sign c.env set-charge-target --percent 80 --key owner.key
sign o.env open-contactors --key owner.key --key fleet.key
sign o1.env open-contactors --key owner.key
sign o2.env open-contactors --key owner.key --key fleet.key
input=$samples/reference-drive.log
i=0
for step in "k.env 1s" "c.env 2s" "o.env 3s" "c.env 4s 30" "c.env 5s" "o1.env 6s" "o2.env 20s"; do
  set -- $step
  bmsguard command inject "$input" s$i.log --envelope "$1" --at "$2" ${3:+--tamper $3} >/dev/null
  input=s$i.log; i=$((i+1))
done
bmsguard replay "$input" --guard guard --policy policy.bin --out out --report report.html --quiet
echo "report: $out/report.html"
if [ -n "$shot" ]; then
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --virtual-time-budget=5000 \
    --window-size=1280,5200 --screenshot="$shot" "file://$out/report.html" 2>/dev/null
fi
