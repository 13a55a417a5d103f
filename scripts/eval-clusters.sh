#!/usr/bin/env bash
# eval-clusters.sh - story clustering on the ECB+ dev articles: ingest the folder into a
# temporary database, `vigie stories --format tsv`, B-cubed F1 with score-clusters.
# Usage: scripts/eval-clusters.sh [FOLDER [GOLD.tsv]]. Skips without ../shared/eval.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${SHARED:-${VIGIE_SHARED:-$PWD/../shared}}"
DIR="${1:-$SHARED/eval/clustering/ecbplus/dev}"
GOLD="${2:-$SHARED/eval/clustering/ecbplus/dev-gold.tsv}"
[ -d "$DIR" ] && [ -f "$GOLD" ] || { echo "eval-clusters: $DIR or $GOLD not found, skipping"; exit 0; }
VIGIE="${VIGIE:-$PWD/vigie}"
OUT=$(mktemp -d "${TMPDIR:-/tmp}/vigie-eval-clusters.XXXXXX")
trap 'rm -rf "$OUT"' EXIT
"$VIGIE" ingest --db "$OUT/c.db" "$DIR" | tail -1
"$VIGIE" stories --db "$OUT/c.db" --format tsv > "$OUT/pred.tsv"
"$SHARED/eval/bin/score-clusters" "$OUT/pred.tsv" "$GOLD"
