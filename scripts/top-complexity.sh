#!/usr/bin/env bash
# top-complexity.sh - the functions with the most decision points, as curl's
# scripts/top-complexity measures them: pmccabe's modified McCabe number (each
# if, loop, &&, ||, ?: and switch counts once; the cases of one switch count
# once). Usage: scripts/top-complexity.sh [LIMIT] -- prints
# "SCORE<TAB>FILE(LINE)<TAB>FUNCTION" for every function of the tracked C files
# scoring over LIMIT (default 0: all), highest first.
set -euo pipefail
cd "$(dirname "$0")/.."
limit="${1:-0}"
command -v pmccabe >/dev/null || { echo "top-complexity: pmccabe missing (apt-get install pmccabe, or scripts/setup.sh)" >&2; exit 2; }
# pmccabe: modified-mccabe traditional-mccabe statements first-line lines file(line): name
git ls-files '*.c' | xargs pmccabe 2>/dev/null \
    | awk -F'\t' -v lim="$limit" '$1 > lim { split($6, w, ": "); printf "%d\t%s\t%s\n", $1, w[1], w[2] }' \
    | sort -t"$(printf '\t')" -k1,1nr -k3,3
