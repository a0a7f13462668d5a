#!/usr/bin/env bash
# run-device-tests.sh NF_INTERPRETER METADATA_PROCESSOR TESTFRAMEWORK SYSTEM_TEXT [WORK_DIR]
# Runs the firmware core tests on the real nanoFramework runtime (POSIX nanoCLR) from checkouts of
# nanoframework/nf-interpreter, metadata-processor (v3.0.x), nanoFramework.TestFramework and
# System.Text (v1.3.42). Needs the .NET SDK, python3, git, cmake, ninja, gcc/g++ (apt-get install
# cmake ninja-build g++). Prints failed tests and `device tests: N passed, N failed, N skipped`;
# exits non-zero on any failure or crash. See docs/device.md. --bench with DEVICETESTS_BENCH=arm
# counts ARM Thumb-2 instructions instead (apt-get install g++-arm-linux-gnueabihf qemu-user; armcount.py).
# DEVICETESTS_RUNTIME_EVENTS=REPO DEVICETESTS_DEVICE_CAN=REPO (git repositories of nanoframework's
# nanoFramework.Runtime.Events and nanoFramework.Device.Can) add the real CAN library's receive path (canbench.py).
# DEVICETESTS_SPI_GPIO=SPI_REPO,GPIO_REPO (System.Device.Spi and System.Device.Gpio, with the two above) adds the
# ESP32 board's path, Mcp2515Bridge on two emulated MCP2515s (mcp-1, mcp-8; mcpbench.py); DEVICETESTS_BENCH_ONLY=mcp
# runs loop-drive, full-drive and those phases alone.
set -euo pipefail
for t in dotnet python3 git cmake ninja g++; do
  command -v "$t" >/dev/null || { echo "missing: $t (apt-get install cmake ninja-build g++; .NET SDK 10)" >&2; exit 2; }
done
exec python3 "$(dirname "$0")/devicetests.py" "$@"
