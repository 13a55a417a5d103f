#!/usr/bin/env bash
# eval-extraction.sh - score HTML main-text extraction on ../shared/eval/extraction
# (181 pages) beside the reference extractors. Usage: scripts/eval-extraction.sh [VIGIE]
# KEEP_PRED=FILE keeps the prediction JSON for per-page analysis.
set -eu
cd "$(dirname "$0")/.."
EVAL=${EVAL:-${SHARED:-../shared}/eval}
[ -d "$EVAL/extraction/html" ] || { echo "eval-extraction: $EVAL/extraction not found, skipped"; exit 0; }
VIGIE=${1:-./vigie}
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
"$VIGIE" extract --format jsonl "$EVAL"/extraction/html/*.html.gz > "$TMP/out.jsonl" 2>"$TMP/err" || true
python3 - "$TMP/out.jsonl" "$TMP/pred.json" <<'PY'
import json, sys, os
pred = {}
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line)
    key = os.path.basename(d.get("doc") or d.get("source", "")).split(".html")[0]
    pred[key] = {"articleBody": d.get("text") or ""}
json.dump(pred, open(sys.argv[2], "w"))
print(f"{len(pred)} pages extracted", file=sys.stderr)
PY
sed 's/^/  rejected: /' "$TMP/err" | head -20 >&2
[ -n "${KEEP_PRED:-}" ] && cp "$TMP/pred.json" "$KEEP_PRED"
"$EVAL/bin/score-extraction" "$TMP/pred.json" --all
