#!/usr/bin/env bash
# analyze.sh - event analysis throughput (docs/s, MB/s, peak RSS) on ACLED notes and on full articles, plus start-up (gazetteer load) time.
# Uses ../shared/eval and ../shared/seeds when present; otherwise a built-in sample. One process, one thread
# (docs per CPU-second), then --threads 0 (one per CPU, docs per wall second).
# Whole articles in each language (issue 13: 2,000 articles/s on one core in every language): each
# dev set repeated to about N_DOCS documents (default 2,000), pinned to one core, the best of ROUNDS
# runs (default 3: the machine may be shared; the load average is printed), docs/s with start-up
# counted in and without it (the steady state a long stream sees). PEER=BINARY runs another vigie
# build (another commit's) on the same inputs beside it, with the ratio. No other whole-article
# event coder is installed to compare with (no spaCy, NLTK, Stanza or PETRARCH on the machine).
set -uo pipefail
cd "$(dirname "$0")/.."
VIGIE=${VIGIE:-./vigie}
SHARED=${VIGIE_SHARED:-../shared}
PEER=${PEER:-}
ROUNDS=${ROUNDS:-3}
N_DOCS=${N_DOCS:-2000}
PIN=""; command -v taskset >/dev/null && PIN="taskset -c 0"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
echo "nice $(nice), load average $(cut -d' ' -f1-3 /proc/loadavg), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), pinned: ${PIN:-no}"

measure() { # name file [threads: 1 by default, 0 = one per CPU]
    local name=$1 file=$2 threads=${3:-1}
    local docs bytes
    docs=$(wc -l < "$file"); bytes=$(wc -c < "$file")
    /usr/bin/time -v "$VIGIE" analyze --threads "$threads" --format jsonl "$file" > "$TMP/out" 2> "$TMP/time" || true
    python3 - "$name" "$docs" "$bytes" "$TMP/time" "$TMP/out" "$threads" <<'PY'
import re, sys
name, docs, size, tf, out, threads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6]
t = open(tf).read()
def f(k):
    m = re.search(re.escape(k) + r":\s*([\d.:]+)", t)
    return m.group(1) if m else "0"
cpu = float(f("User time (seconds)")) + float(f("System time (seconds)"))
rss = int(f("Maximum resident set size (kbytes)")) / 1024
events = sum(l.count('"event_type"') for l in open(out))
w = f("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")
wall = sum(float(x) * 60 ** i for i, x in enumerate(reversed(w)))
if threads == "1":
    print(f"{name:<22} {docs:6d} docs {size/1e6:7.2f} MB  cpu {cpu:6.2f} s  {docs/max(cpu,1e-3):8.0f} docs/s  {size/1e6/max(cpu,1e-3):6.2f} MB/s  peak RSS {rss:6.1f} MB  events {events}")
else:
    print(f"{name + ', all CPUs':<22} {docs:6d} docs {size/1e6:7.2f} MB  wall {wall:6.2f} s  {docs/max(wall,1e-3):8.0f} docs/s wall  peak RSS {rss:6.1f} MB  events {events}")
PY
}

# 1. start-up: loading lexicons and the gazetteer (an empty input)
printf '{"id":"x","text":""}\n' > "$TMP/empty.jsonl"
/usr/bin/time -v "$VIGIE" analyze --format jsonl "$TMP/empty.jsonl" > /dev/null 2> "$TMP/t0" || true
python3 - "$TMP/t0" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
g = lambda k: re.search(re.escape(k) + r":\s*([\d.]+)", t).group(1)
wall = re.search(r"Elapsed \(wall clock\) time.*: (\S+)", t).group(1)
print(f"start-up (lexicons + gazetteer load): wall {wall}  cpu {float(g('User time (seconds)')) + float(g('System time (seconds)')):.3f} s  peak RSS {int(g('Maximum resident set size (kbytes)'))/1024:.1f} MB")
PY

# 2. ACLED notes (short English reports)
if [ -f "$SHARED/eval/events/acled/dev.csv" ]; then
    python3 - "$SHARED/eval/events/acled/dev.csv" > "$TMP/notes.jsonl" <<'PY'
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
for i in range(3):
    for r in rows:
        print(json.dumps({"id": f'{r["event_id_cnty"]}-{i}', "text": r["notes"], "lang": "en"}))
PY
    measure "acled notes x3" "$TMP/notes.jsonl"
    measure "acled notes x3" "$TMP/notes.jsonl" 0
fi

# 3. full articles (French news, chrome already in the text), repeated
if ls "$SHARED"/seeds/*.txt > /dev/null 2>&1; then
    python3 - "$SHARED"/seeds/*.txt > "$TMP/articles.jsonl" <<'PY'
import json, sys
texts = [open(p, encoding="utf-8").read() for p in sys.argv[1:]]
for i in range(400):
    for k, t in enumerate(texts):
        print(json.dumps({"id": f"a{i}-{k}", "text": t, "lang": "fr", "published": "2017-11-09"}, ensure_ascii=False))
PY
else
    python3 - > "$TMP/articles.jsonl" <<'PY'
import json
t = ("Mercredi 8 novembre, l'armée syrienne a repris le contrôle de la ville, selon l'OSDH. "
     "Des affrontements ont fait une trentaine de morts. Au moins trois suspects ont été interpellés. ") * 20
for i in range(2000):
    print(json.dumps({"id": f"a{i}", "text": t, "lang": "fr", "published": "2017-11-09"}, ensure_ascii=False))
PY
fi
measure "articles (fr)" "$TMP/articles.jsonl"
measure "articles (fr)" "$TMP/articles.jsonl" 0
# 4. whole articles in each language read: the hand-coded dev sets, repeated to about N_DOCS
#    documents each, language left to the identifier; best of ROUNDS pinned runs per binary
startup_cpu() { # binary: CPU seconds of start-up alone (an empty input), best of ROUNDS
    local b=$1 best="" t
    for r in $(seq "$ROUNDS"); do
        t=$( { /usr/bin/time -f "%U %S" $PIN "$b" analyze --format jsonl "$TMP/empty.jsonl" > /dev/null; } 2>&1 | tail -1 | awk '{print $1 + $2}')
        if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t; fi
    done
    echo "$best"
}
lang_run() { # binary file: "cpu_seconds peak_rss_kb", best cpu of ROUNDS
    local b=$1 f=$2 best="" rss=0 line
    for r in $(seq "$ROUNDS"); do
        line=$( { /usr/bin/time -f "%U %S %M" $PIN "$b" analyze --threads 1 --format jsonl "$f" > /dev/null; } 2>&1 | tail -1)
        t=$(echo "$line" | awk '{print $1 + $2}')
        if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t; rss=$(echo "$line" | awk '{print $3}'); fi
    done
    echo "$best $rss"
}
s0=$(startup_cpu "$VIGIE"); p0=""
[ -n "$PEER" ] && p0=$(startup_cpu "$PEER")
for d in "$SHARED"/eval/articles/*/texts; do
    [ -d "$d" ] || continue
    set_name=$(basename "$(dirname "$d")")
    python3 - "$d" "$set_name" "$N_DOCS" > "$TMP/lang.jsonl" <<'PY'
import json, os, sys
d, name, want = sys.argv[1], sys.argv[2], int(sys.argv[3])
texts = [open(os.path.join(d, f), encoding="utf-8").read() for f in sorted(os.listdir(d))]
for i in range(want // max(len(texts), 1) + 1):
    for k, t in enumerate(texts):
        print(json.dumps({"id": "%s-%d-%d" % (name, i, k), "text": t}, ensure_ascii=False))
PY
    docs=$(wc -l < "$TMP/lang.jsonl"); bytes=$(wc -c < "$TMP/lang.jsonl")
    read -r cpu rss < <(lang_run "$VIGIE" "$TMP/lang.jsonl")
    line=$(awk -v n="$set_name" -v d="$docs" -v b="$bytes" -v c="$cpu" -v s="$s0" -v r="$rss" 'BEGIN{
        printf "articles %-8s %5d docs %6.2f MB  cpu %5.2f s  %6.0f docs/s  %6.0f docs/s without start-up  peak RSS %6.1f MB",
               n, d, b/1e6, c, d/(c>0.001?c:0.001), d/((c-s)>0.001?(c-s):0.001), r/1024}')
    if [ -n "$PEER" ]; then
        read -r pcpu prss < <(lang_run "$PEER" "$TMP/lang.jsonl")
        line="$line$(awk -v d="$docs" -v c="$cpu" -v pc="$pcpu" -v ps="$p0" -v r="$prss" 'BEGIN{
            printf "  | peer %6.0f docs/s (%6.0f without start-up)  peak RSS %6.1f MB  x%.2f", d/(pc>0.001?pc:0.001),
                   d/((pc-ps)>0.001?(pc-ps):0.001), r/1024, pc/(c>0.001?c:0.001)}')"
    fi
    echo "$line"
done
echo "start-up cpu ${s0} s${PEER:+ (peer ${p0} s)}; best of $ROUNDS runs each; load average now $(cut -d' ' -f1-3 /proc/loadavg)"
echo "(cpu time includes reading JSONL, extraction, language id and start-up; target: 2,000 articles/s on one core)"
