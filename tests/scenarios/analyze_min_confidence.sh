#!/usr/bin/env bash
# analyze_min_confidence.sh - `vigie analyze --min-confidence X` prints only events at or above X;
# 0 prints every event, so never fewer than the default (VG_DEFAULT_MIN_CONFIDENCE).
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
W=$(mktemp -d "${TMPDIR:-/tmp}/vg-minconf.XXXXXX")
trap 'rm -rf "$W"' EXIT
"$VIGIE" analyze --threads 1 "$ROOT/samples" > "$W/default" 2>/dev/null
prev=
for t in 0 0.2 0.5 0.8 1; do
    "$VIGIE" analyze --threads 1 --min-confidence $t "$ROOT/samples" > "$W/$t" 2>/dev/null || { echo "analyze --min-confidence $t failed"; exit 1; }
    n=$(python3 - "$W/$t" $t <<'PY'
import json, sys
n = 0
for line in open(sys.argv[1], encoding="utf-8"):
    for e in json.loads(line)["events"]:
        if e["confidence"] < float(sys.argv[2]):
            print("below", sys.argv[2], e["confidence"]); sys.exit(1)
        n += 1
print(n)
PY
) || { echo "--min-confidence $t: $n"; exit 1; }
    [ -z "$prev" ] || [ "$n" -le "$prev" ] || { echo "--min-confidence $t: $n events, more than $prev"; exit 1; }
    [ "$t" = 0 ] && all=$n
    prev=$n
done
d=$(python3 -c 'import json,sys; print(sum(len(json.loads(l)["events"]) for l in open(sys.argv[1])))' "$W/default")
[ "$all" -ge "$d" ] && [ "$all" -gt 0 ] || { echo "--min-confidence 0: $all events, default: $d"; exit 1; }
"$VIGIE" analyze --min-confidence 1.5 "$ROOT/samples" > /dev/null 2>&1 && { echo "--min-confidence 1.5 accepted"; exit 1; }
echo ok
