#!/usr/bin/env bash
# test.sh - on a fresh machine: install what the build needs, build with
# ASan/UBSan, run every test. Ends with "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
make --no-print-directory -j"$(nproc)" test
