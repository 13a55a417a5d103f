#!/usr/bin/env bash
# eval-clusters-orders.sh - story clustering scored over several ingest orders: incremental
# clustering must not depend on which report of an event came first.
#
# Usage: scripts/eval-clusters-orders.sh [-k K] [-h all|a|b] [-b BATCH] [-v] [FOLDER [GOLD.tsv]]
#   -k K      number of shuffled orders (fixed seeds 1..K; default 8)
#   -h HALF   score a half of the topics only, to decide a rule on one half and confirm it on
#             the other: a = every other topic starting with the first (in numeric order of
#             the gold topic prefix), b = the others, all = every topic (default). Only that
#             half's articles are ingested, as a blind set would be.
#   -b BATCH  `vigie ingest --batch` (default: vigie's own)
#   -v        print the score-clusters lines of each order
# Each order is a folder of one-file subfolders 0000/, 0001/... (the walker reads folders
# in name order) holding symlinks under the articles' own names, so the doc column still
# matches the gold file. Prints one line per order, then the mean and min F1.
# KEEP=DIR keeps each order's predictions (predN.tsv) and the gold lines there.
# Skips without ../shared/eval.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${SHARED:-${VIGIE_SHARED:-$PWD/../shared}}"
K=8 HALF=all BATCH= VERBOSE=0
while getopts "k:h:b:v" opt; do
    case $opt in
        k) K=$OPTARG ;;
        h) HALF=$OPTARG ;;
        b) BATCH=$OPTARG ;;
        v) VERBOSE=1 ;;
        *) echo "usage: $0 [-k K] [-h all|a|b] [-b BATCH] [-v] [FOLDER [GOLD.tsv]]" >&2; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
DIR="${1:-$SHARED/eval/clustering/ecbplus/dev}"
GOLD="${2:-$SHARED/eval/clustering/ecbplus/dev-gold.tsv}"
[ -d "$DIR" ] && [ -f "$GOLD" ] || { echo "eval-clusters-orders: $DIR or $GOLD not found, skipping"; exit 0; }
DIR=$(cd "$DIR" && pwd)
VIGIE="${VIGIE:-$PWD/vigie}"
OUT=$(mktemp -d "${TMPDIR:-/tmp}/vigie-eval-orders.XXXXXX")
trap 'rm -rf "$OUT"' EXIT

# The half's gold lines (topic = gold cluster id without its trailing letters).
python3 - "$GOLD" "$HALF" > "$OUT/gold.tsv" <<'EOF'
import re, sys
gold, half = sys.argv[1], sys.argv[2]
rows = [l.rstrip("\n").split("\t") for l in open(gold, encoding="utf-8")]
rows = [r for r in rows if len(r) >= 2 and r[0] != "doc"]
def topic(c):
    m = re.match(r"(\d+)", c)
    return int(m.group(1)) if m else c
topics = sorted({topic(r[1]) for r in rows}, key=lambda t: (isinstance(t, str), t))
keep = {t for i, t in enumerate(topics) if half == "all" or (i % 2 == 0) == (half == "a")}
print("doc\tcluster")
for r in rows:
    if topic(r[1]) in keep:
        print(f"{r[0]}\t{r[1]}")
EOF

f1s=()
for seed in $(seq 1 "$K"); do
    ord="$OUT/order$seed"
    mkdir -p "$ord"
    python3 - "$OUT/gold.tsv" "$seed" <<'EOF' | while IFS= read -r line; do
import random, sys
docs = [l.split("\t")[0] for l in open(sys.argv[1], encoding="utf-8")][1:]
docs.sort()
random.Random(int(sys.argv[2])).shuffle(docs)
for i, d in enumerate(docs):
    print(f"{i:04d}\t{d}")
EOF
        i=${line%%$'\t'*} d=${line#*$'\t'}
        mkdir -p "$ord/$i" && ln -s "$DIR/$d" "$ord/$i/$d"
    done
    "$VIGIE" ingest --db "$OUT/c$seed.db" ${BATCH:+--batch "$BATCH"} --quiet "$ord" > /dev/null
    "$VIGIE" stories --db "$OUT/c$seed.db" --format tsv > "$OUT/pred$seed.tsv"
    "$SHARED/eval/bin/score-clusters" "$OUT/pred$seed.tsv" "$OUT/gold.tsv" > "$OUT/score$seed.txt"
    [ "$VERBOSE" = 1 ] && sed 's/^/  /' "$OUT/score$seed.txt"
    line=$(grep '^bcubed' "$OUT/score$seed.txt")
    clusters=$(sed -n 's/.*predicted clusters \([0-9]*\).*/\1/p' "$OUT/score$seed.txt")
    echo "order $seed  $line  clusters $clusters"
    f1s+=("$(awk '{print $NF}' <<< "$line")")
    [ -n "${KEEP:-}" ] && mkdir -p "$KEEP" && cp "$OUT/pred$seed.tsv" "$KEEP/" && cp "$OUT/gold.tsv" "$KEEP/"
    rm -rf "$ord" "$OUT/c$seed.db"*
done
printf '%s\n' "${f1s[@]}" | awk -v half="$HALF" -v k="$K" '
    { s += $1; if (NR == 1 || $1 < min) min = $1; if ($1 > max) max = $1 }
    END { printf "half %s  orders %d  F1 mean %.3f  min %.3f  max %.3f\n", half, k, s / NR, min, max }'
