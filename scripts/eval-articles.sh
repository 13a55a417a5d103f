#!/usr/bin/env bash
# eval-articles.sh - whole articles: `vigie analyze` (default threshold) on each
# hand-coded set of ../shared/eval/articles, scored by score-articles.
# Sets named own-NAME (own-en, own-es, own-en-2, own-es-2, own-en-3, own-es-3, own-en-4) are
# the project's own openly licensed sets in tests/articles/NAME/ (see their
# SOURCES.md and tests/articles/README.md for which are learning data and which
# the unseen check); the default list leaves them out.
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
    case "$s" in own-*) dir="tests/articles/${s#own-}" ;; *) dir="$EVAL/$s" ;; esac
    [ -d "$dir/texts" ] || continue
    "$VIGIE" analyze --format jsonl "$dir/texts" > "$OUT/$s.jsonl" 2> "$OUT/$s.err" || true
    echo "== $s"
    "$SHARED/eval/bin/score-articles" "$OUT/$s.jsonl" "$dir/gold.jsonl" --quiet | tail -5
done
[ -n "${KEEP:-}" ] || rm -rf "$OUT"
