#!/usr/bin/env bash
# test.sh - on a fresh machine: install what the build needs, build with
# ASan/UBSan, run every test. Ends with "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# The tests run the product as shipped, with its gazetteer (built once, ~50 s; then a no-op).
scripts/build-gazetteer.sh
make --no-print-directory -j"$(nproc)" test
