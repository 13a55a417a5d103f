#!/usr/bin/env bash
# threads_same_output.sh - the number of threads changes nothing in what comes out: analyze and
# ingest over samples/ with 1 and 3 threads give the same documents, events and stories, in order.
set -eu
HERE=$(cd "$(dirname "$0")/../.." && pwd)
W=$(mktemp -d "${TMPDIR:-/tmp}/vg-threads.XXXXXX")
trap 'rm -rf "$W"' EXIT
"$VIGIE" analyze --threads 1 "$HERE/samples" > "$W/a1.jsonl" 2>/dev/null
"$VIGIE" analyze --threads 3 "$HERE/samples" > "$W/a3.jsonl" 2>/dev/null
[ -s "$W/a1.jsonl" ] || { echo "no output"; exit 1; }
cmp -s "$W/a1.jsonl" "$W/a3.jsonl" || { echo "analyze: 1 and 3 threads differ"; diff "$W/a1.jsonl" "$W/a3.jsonl" | head -5; exit 1; }
for t in 1 3; do
    "$VIGIE" ingest --quiet --threads $t --db "$W/t$t.db" "$HERE/samples" 2>/dev/null
    "$VIGIE" stories --db "$W/t$t.db" --format tsv > "$W/s$t.tsv"
    "$VIGIE" events --db "$W/t$t.db" --format csv | cut -d, -f1-20 > "$W/e$t.csv"
done
[ -s "$W/s1.tsv" ] && [ -s "$W/e1.csv" ] || { echo "ingest stored nothing"; exit 1; }
cmp -s "$W/s1.tsv" "$W/s3.tsv" || { echo "stories differ between 1 and 3 threads"; exit 1; }
cmp -s "$W/e1.csv" "$W/e3.csv" || { echo "events differ between 1 and 3 threads"; exit 1; }
echo ok
