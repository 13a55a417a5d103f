#!/usr/bin/env bash
# extract.sh - HTML extraction speed: `vigie extract` (whole process, reading the
# gzipped pages included) over ../shared/eval/extraction/html beside
# readability-lxml in the same run, both pinned to one core. Prints pages/s,
# MB/s of uncompressed HTML, the ratio, and peak RSS. Never fails on a timing.
# Usage: bench/extract.sh [VIGIE] (ROUNDS=n repeats vigie's run, best kept).
set -uo pipefail
cd "$(dirname "$0")/.."
EVAL=${EVAL:-${SHARED:-../shared}/eval}
DIR="$EVAL/extraction/html"
[ -d "$DIR" ] || { echo "extract: $DIR not found, skipped"; exit 0; }
VIGIE=${1:-./vigie}
ROUNDS=${ROUNDS:-5}
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
PIN=""; command -v taskset >/dev/null && PIN="taskset -c 0"
pages=$(ls "$DIR"/*.html.gz | wc -l)
bytes=$(cat "$DIR"/*.html.gz | gunzip -c | wc -c)
mb=$(echo "$bytes / 1048576" | bc -l)

best=""
for _ in $(seq "$ROUNDS"); do
    /usr/bin/time -v -o "$TMP/time" $PIN "$VIGIE" extract --format jsonl "$DIR"/*.html.gz > "$TMP/out" 2>/dev/null
    t=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$TMP/time")
    rss=$(awk -F': ' '/Maximum resident/ {print $2}' "$TMP/time")
    cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$TMP/time")
    if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; vrss=$rss; fi
    if [ -z "${bestcpu:-}" ] || [ "$(echo "$cpu < $bestcpu" | bc -l)" = 1 ]; then bestcpu=$cpu; fi
done
vout=$(wc -l < "$TMP/out")

cat > "$TMP/rl.py" <<'PY'
import gzip, sys, glob, time
from readability import Document
t = time.perf_counter(); n = 0
for p in sorted(glob.glob(sys.argv[1] + "/*.html.gz")):
    html = gzip.open(p).read().decode("utf-8", "replace")
    try:
        Document(html).summary(); n += 1
    except Exception:
        pass
print(n, time.perf_counter() - t)
PY
# Debian's python3-readability lives in the system python, not in a pyenv one
PY=python3; [ -x /usr/bin/python3 ] && PY=/usr/bin/python3
if $PY -c "from readability import Document" 2>/dev/null; then
    /usr/bin/time -v -o "$TMP/rtime" $PIN $PY "$TMP/rl.py" "$DIR" > "$TMP/rout" 2>/dev/null
    rt=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$TMP/rtime")
    rrss=$(awk -F': ' '/Maximum resident/ {print $2}' "$TMP/rtime")
    rcpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$TMP/rtime")
else
    rt=""
fi
printf "pages: %d, %.1f MB of HTML (uncompressed)\n" "$pages" "$mb"
printf "%-18s %8s %8s %10s %12s\n" extractor pages/s MB/s seconds "peak RSS"
printf "%-18s %8.1f %8.1f %10.3f %9d KB   (%d pages out, best of %d)\n" "vigie extract" \
    "$(echo "$pages / $best" | bc -l)" "$(echo "$mb / $best" | bc -l)" "$best" "$vrss" "$vout" "$ROUNDS"
if [ -n "$rt" ]; then
    printf "%-18s %8.1f %8.1f %10.3f %9d KB   (whole process, python start included)\n" "readability-lxml" \
        "$(echo "$pages / $rt" | bc -l)" "$(echo "$mb / $rt" | bc -l)" "$rt" "$rrss"
    printf "ratio: vigie is %.1fx readability-lxml's pages/s (wall clock)\n" "$(echo "$rt / $best" | bc -l)"
    # on a shared machine CPU time is the steadier measure
    printf "cpu seconds: vigie %.2f (%.0f pages/cpu-s), readability-lxml %.2f (%.1f pages/cpu-s): %.1fx\n" \
        "$bestcpu" "$(echo "$pages / $bestcpu" | bc -l)" "$rcpu" "$(echo "$pages / $rcpu" | bc -l)" "$(echo "$rcpu / $bestcpu" | bc -l)"
else
    echo "readability-lxml: not installed (python3-readability), no ratio"
fi
