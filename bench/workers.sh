#!/usr/bin/env bash
# workers.sh - ingest throughput, SQLite against PostgreSQL, on one generated
# corpus of ~3 KB French and English conflict-news articles (JSONL):
#   sqlite       `vigie ingest` into a file, one per CPU thread
#   pg ingest    `vigie ingest --db postgresql://...` (the same, another store)
#   pg queue     `vigie ingest --queue`, then `vigie worker`s: 1 worker x 2 threads,
#                then 2 workers x 1 thread (this machine has 2 cores)
# Prints documents/s, CPU ms per document (user+sys of every process, the
# server's not counted: it runs apart), peak RSS of the biggest process, and
# the queue's own cost per document against the SQLite ingest of the same run.
# A private PostgreSQL cluster (scripts/pg-test-server.sh) runs for the bench.
# BENCH_DOCS=N (default 3000). Never fails on a timing.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
N=${BENCH_DOCS:-3000}
W=$(mktemp -d "${TMPDIR:-/tmp}/vg-bench-workers-XXXXXX")
trap 'scripts/pg-test-server.sh stop "$W/pg"; rm -rf "$W"' EXIT
make -s vigie >/dev/null || exit 1
V=$ROOT/vigie
scripts/pg-test-server.sh start "$W/pg" > /dev/null || exit 1
db() { scripts/pg-test-server.sh createdb "$W/pg" "$1"; }
python3 - "$W/docs.jsonl" "$N" <<'PY'
import json, random, sys
path, n = sys.argv[1], int(sys.argv[2])
rnd = random.Random(7)
fr = (["L'armée", "Les rebelles", "La police", "Des hommes armés"], ["ont attaqué", "ont bombardé", "ont arrêté"],
      ["un poste militaire", "le marché", "un convoi", "des manifestants"], "près de",
      "{} personnes ont été tuées et {} blessées, selon des témoins")
en = (["The army", "Rebels", "Police", "Gunmen"], ["attacked", "shelled", "arrested"],
      ["a military post", "the market", "a convoy", "protesters"], "near", "{} people were killed and {} wounded, witnesses said")
syl = ["ka", "lo", "mi", "tan", "ver", "sol", "du", "ri", "bel", "no", "sta", "gor"]
name = lambda: "".join(rnd.choice(syl) for _ in range(rnd.randint(2, 4))).capitalize()
with open(path, "w") as f:
    for i in range(n):
        s, v, o, near, killed = fr if i % 2 == 0 else en
        out = []
        while sum(len(x) for x in out) < 3000:
            out.append(f"{rnd.choice(s)} {rnd.choice(v)} {rnd.choice(o)} {near} {name()}. "
                       + killed.format(rnd.randint(2, 40), rnd.randint(1, 60)) + ".")
        f.write(json.dumps({"id": f"b{i}", "lang": "fr" if i % 2 == 0 else "en", "title": out[0][:60],
                            "published": f"2025-03-{i % 28 + 1:02d}", "text": " ".join(out)}, ensure_ascii=False) + "\n")
PY
# one run: label, then the commands (run together); prints docs/s, CPU ms/doc, peak MB
run() {
  local label="$1"; shift
  local t0 t1 cpu=0 rss=0 i=0 u s m f c
  t0=$(date +%s.%N)
  for c in "$@"; do /usr/bin/time -f "%U %S %M" -o "$W/time.$i" bash -c "$c" > /dev/null 2>&1 & i=$((i + 1)); done
  wait
  t1=$(date +%s.%N)
  for f in "$W"/time.*; do
    read -r u s m < <(tail -1 "$f")
    cpu=$(awk "BEGIN { print $cpu + $u + $s }"); [ "$m" -gt "$rss" ] && rss=$m
  done
  rm -f "$W"/time.*
  WALL=$(awk "BEGIN { print $t1 - $t0 }")
  awk -v l="$label" -v n="$N" -v w="$WALL" -v c="$cpu" -v r="$rss" \
    'BEGIN { printf "%-32s %8.1f docs/s %8.2f CPU ms/doc %7.0f MB peak\n", l, n / w, c * 1000 / n, r / 1024 }'
}
echo "vigie ingest throughput, $N documents (~3 KB, fr+en), $(nproc) CPUs"
run "sqlite ingest" "$V ingest --quiet --db $W/s.db $W/docs.jsonl"; SQLITE_WALL=$WALL
u=$(db direct); run "pg ingest" "$V ingest --quiet --db '$u' $W/docs.jsonl"
u=$(db queue1); run "pg queue: enqueue" "$V ingest --queue --quiet --db '$u' $W/docs.jsonl"
run "pg queue: 1 worker x 2 threads" "$V worker --quiet --until-empty --threads 2 --db '$u'"; ONE_WALL=$WALL
u=$(db queue2); "$V" ingest --queue --quiet --db "$u" "$W/docs.jsonl" > /dev/null
run "pg queue: 2 workers x 1 thread" "$V worker --quiet --until-empty --threads 1 --db '$u'" \
    "$V worker --quiet --until-empty --threads 1 --db '$u'"
awk -v a="$ONE_WALL" -v b="$SQLITE_WALL" -v n="$N" \
  'BEGIN { printf "queue and PostgreSQL cost (1 worker x 2 threads against the SQLite ingest): %.2f ms/doc of wall time\n", (a - b) * 1000 / n }'
