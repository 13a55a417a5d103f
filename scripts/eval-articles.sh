#!/usr/bin/env bash
# eval-articles.sh - whole articles: `vigie analyze` (default threshold) on each
# hand-coded set of ../shared/eval/articles, scored by score-articles.
# Usage: scripts/eval-articles.sh [VIGIE] [SET...]; KEEP=DIR keeps the predictions.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${SHARED:-${VIGIE_SHARED:-$PWD/../shared}}"
EVAL="$SHARED/eval/articles"
[ -d "$EVAL" ] || { echo "eval-articles: $EVAL not found, skipped"; exit 0; }
VIGIE="${1:-./vigie}"; shift || true
SETS=("$@"); [ ${#SETS[@]} -gt 0 ] || SETS=(en-dev fr ar ru es)
OUT="${KEEP:-$(mktemp -d "${TMPDIR:-/tmp}/vigie-eval-articles.XXXXXX")}"
mkdir -p "$OUT"
for s in "${SETS[@]}"; do
    [ -d "$EVAL/$s/texts" ] || continue
    "$VIGIE" analyze --format jsonl "$EVAL/$s/texts" > "$OUT/$s.jsonl" 2> "$OUT/$s.err" || true
    echo "== $s"
    "$SHARED/eval/bin/score-articles" "$OUT/$s.jsonl" "$EVAL/$s/gold.jsonl" --quiet | tail -5
done
[ -n "${KEEP:-}" ] || rm -rf "$OUT"
