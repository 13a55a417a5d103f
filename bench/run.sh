#!/usr/bin/env bash
# run.sh - `make bench`: every benchmark in bench/ (scripts named bench/*.sh but this one).
# Prints throughput and peak memory; never fails on a timing.
set -uo pipefail
cd "$(dirname "$0")/.."
for b in bench/*.sh; do
    [ "$(basename "$b")" = run.sh ] && continue
    echo "== $(basename "$b" .sh)"
    bash "$b" || echo "(benchmark $b failed)"
done
