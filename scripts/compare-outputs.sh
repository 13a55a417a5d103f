#!/usr/bin/env bash
# compare-outputs.sh - does a change keep vigie's outputs byte for byte? Builds
# REV (default: HEAD) in a temporary worktree and the working tree as it is,
# runs both on the same inputs and diffs: ACLED dev predictions (`analyze`),
# the 181 extraction pages (`extract`), `vigie stories` on ECB+ dev, and the
# whole-article dev sets (`analyze` on ../shared/eval/articles/*/texts).
# Usage: scripts/compare-outputs.sh [REV]. Exit 0 when all are identical.
# BASE_GEO=DIR: REV reads the gazetteer in DIR (a change to the gazetteer's build: the
# working tree's data/geo against the one REV built, e.g. /work/main/data/geo).
# Skips (exit 0) without ../shared/eval. Restructuring commits run this against
# their parent; a change that means to alter outputs says which ones differ.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SHARED="${SHARED:-${VIGIE_SHARED:-$ROOT/../shared}}"
EVAL="$SHARED/eval"
[ -d "$EVAL" ] || { echo "compare-outputs: $EVAL not found, skipped"; exit 0; }
REV="${1:-HEAD}"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/vigie-compare.XXXXXX")
cleanup() { git -C "$ROOT" worktree remove --force "$TMP/base" >/dev/null 2>&1 || true; rm -rf "$TMP"; }
trap cleanup EXIT

git -C "$ROOT" worktree add --detach "$TMP/base" "$REV" >/dev/null 2>&1
# Both builds read the same resources (the gazetteer is not committed).
if [ -n "${BASE_GEO:-}" ]; then ln -s "$(cd "$BASE_GEO" && pwd)" "$TMP/base/data/geo"
elif [ -d "$ROOT/data/geo" ]; then ln -s "$ROOT/data/geo" "$TMP/base/data/geo"; fi
make -C "$TMP/base" -j"$(nproc)" --no-print-directory vigie >/dev/null
make -C "$ROOT" -j"$(nproc)" --no-print-directory vigie >/dev/null

python3 - "$EVAL/events/acled/dev.csv" > "$TMP/acled.jsonl" <<'PY'
import csv, json, sys
for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
    print(json.dumps({"id": r["event_id_cnty"], "text": r["notes"]}, ensure_ascii=False))
PY

run() { # run NAME VIGIE OUTDIR
    local v=$2 o=$3
    mkdir -p "$o"
    "$v" analyze --format jsonl "$TMP/acled.jsonl" > "$o/acled.jsonl" 2>/dev/null || true
    "$v" extract --format jsonl "$EVAL"/extraction/html/*.html.gz > "$o/extract.jsonl" 2>/dev/null || true
    for l in "$EVAL"/articles/*/; do
        "$v" analyze --format jsonl "$l/texts" > "$o/articles-$(basename "$l").jsonl" 2>/dev/null || true
    done
    "$v" ingest --db "$o/c.db" "$EVAL/clustering/ecbplus/dev" >/dev/null 2>&1 || true
    "$v" stories --db "$o/c.db" --format tsv > "$o/stories.tsv" 2>/dev/null || true
    rm -f "$o"/c.db*
}
run base "$TMP/base/vigie" "$TMP/out-base" &
run work "$ROOT/vigie" "$TMP/out-work"
wait

status=0
for f in "$TMP/out-base"/*; do
    n=$(basename "$f")
    if cmp -s "$f" "$TMP/out-work/$n"; then echo "same      $n ($(wc -l < "$f") lines)"
    else echo "DIFFERENT $n"; { diff <(cat "$f") <(cat "$TMP/out-work/$n") || true; } | head -${DIFF_LINES:-6} | cut -c1-200 | sed 's/^/    /'; status=1; fi
done
exit $status
