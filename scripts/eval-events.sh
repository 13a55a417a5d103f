#!/bin/sh
# eval-events.sh - ACLED dev notes -> vigie analyze -> score-events (skips when ../shared/eval is absent).
# usage: scripts/eval-events.sh [VIGIE] [OUT_DIR]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
vigie=${1:-$here/vigie}
out=${2:-${TMPDIR:-/tmp}/vigie-eval-events}
eval_dir=${VIGIE_EVAL:-${SHARED:-$here/../shared}/eval}
csv=$eval_dir/events/acled/dev.csv
if [ ! -f "$csv" ]; then echo "eval-events: $csv not found, skipped"; exit 0; fi
mkdir -p "$out"
# ACLED notes carry their own absolute dates ("On 9 May 2020, ..."): no publication date is given,
# and no language: vigie detects it, as it will on the blind notes.
python3 - "$csv" > "$out/dev.jsonl" <<'PY'
import csv, json, sys
for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
    print(json.dumps({"id": r["event_id_cnty"], "text": r["notes"]}, ensure_ascii=False))
PY
"$vigie" analyze --format jsonl "$out/dev.jsonl" > "$out/pred.jsonl" 2> "$out/stderr.txt" || true
"$eval_dir/bin/score-events" "$out/pred.jsonl" "$csv"
