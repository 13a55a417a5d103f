#!/usr/bin/env bash
# analyze.sh - event analysis throughput (docs/s, MB/s, peak RSS) on ACLED notes and on full articles, plus start-up (gazetteer load) time.
# Uses ../shared/eval and ../shared/seeds when present; otherwise a built-in sample. One process, one thread
# (docs per CPU-second), then --threads 0 (one per CPU, docs per wall second).
set -uo pipefail
cd "$(dirname "$0")/.."
VIGIE=${VIGIE:-./vigie}
SHARED=${VIGIE_SHARED:-../shared}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

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
# 4. whole articles in each language read: the hand-coded dev sets, repeated to about 1,000
#    documents each, language left to the identifier (issue 13: 2,000 articles/s in every language)
for d in "$SHARED"/eval/articles/*/texts; do
    [ -d "$d" ] || continue
    set_name=$(basename "$(dirname "$d")")
    python3 - "$d" "$set_name" > "$TMP/lang.jsonl" <<'PY'
import json, os, sys
d, name = sys.argv[1], sys.argv[2]
texts = [open(os.path.join(d, f), encoding="utf-8").read() for f in sorted(os.listdir(d))]
for i in range(1000 // max(len(texts), 1) + 1):
    for k, t in enumerate(texts):
        print(json.dumps({"id": "%s-%d-%d" % (name, i, k), "text": t}, ensure_ascii=False))
PY
    measure "articles ($set_name)" "$TMP/lang.jsonl"
done
echo "(cpu time includes reading JSONL, extraction, language id and start-up; target: 2,000 articles/s on one core)"
