#!/usr/bin/env bash
# ingest.sh - ingest throughput: the store + FTS index alone (bench/ingest_store.c),
# then `vigie ingest` end to end on a generated corpus of ~3 KB French and English
# conflict-news articles, as plain-text files and as one JSONL file.
# Prints docs/s, MB/s and peak RSS, with one thread and with one per CPU; never fails on a timing.
# BENCH_DOCS=N (default 20000), BUILD=dir (default build, the release build),
# BENCH_TIMEOUT=seconds per end-to-end run (default 600).
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD=${BUILD:-build}
N=${BENCH_DOCS:-20000}
TMO=${BENCH_TIMEOUT:-600}
W=$(mktemp -d "${TMPDIR:-/tmp}/vg-bench-ingest-XXXXXX")
trap 'rm -rf "$W"' EXIT
make -s BUILD="$BUILD" "$BUILD/vigie" "$BUILD/libvigie-internal.a" >/dev/null || exit 1
case "$BUILD" in /*) B=$BUILD ;; *) B=$ROOT/$BUILD ;; esac
cc -std=c11 -O2 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -o "$W/ingest_store" bench/ingest_store.c \
    "$B/libvigie-internal.a" $(make -s --no-print-directory print-libs) || exit 1
"$W/ingest_store" "$W/store.db" "$N"
echo "  (database: $(du -k "$W/store.db" | cut -f1) KB for $N docs)"

python3 - "$W" "$N" <<'PY'
import json, os, random, sys
w, n = sys.argv[1], int(sys.argv[2])
rnd = random.Random(11)
fr = dict(subj=["L'armée", "Les rebelles", "La police", "Des hommes armés", "Les forces de sécurité", "Une milice"],
          verb=["ont attaqué", "ont bombardé", "ont visé", "ont repoussé", "ont arrêté"],
          obj=["un poste militaire", "le marché", "un convoi", "des manifestants", "le camp", "un village"],
          tail=["selon une source locale", "d'après l'OSDH", "a indiqué la police", "selon des témoins"],
          where="près de", killed="{} personnes ont été tuées et {} blessées")
en = dict(subj=["The army", "Rebels", "Police", "Gunmen", "Security forces", "A militia"],
          verb=["attacked", "shelled", "targeted", "repelled", "arrested"],
          obj=["a military post", "the market", "a convoy", "protesters", "the camp", "a village"],
          tail=["a local source said", "according to a monitoring group", "police said", "witnesses said"],
          where="near", killed="{} people were killed and {} wounded")
syl = ["ka", "lo", "mi", "tan", "ver", "sol", "du", "ri", "bel", "no", "sta", "gor", "fi", "pel", "ar", "zu"]
def name(): return "".join(rnd.choice(syl) for _ in range(rnd.randint(2, 4))).capitalize()
os.makedirs(f"{w}/txt")
with open(f"{w}/docs.jsonl", "w") as j:
    for i in range(n):
        L, lang = (fr, "fr") if i % 2 == 0 else (en, "en")
        title = f"{rnd.choice(L['subj'])} {rnd.choice(L['verb'])} {name()}"
        out, size = [], 0
        while size < 3000:
            s = (f"{rnd.choice(L['subj'])} {rnd.choice(L['verb'])} {rnd.choice(L['obj'])} {L['where']} {name()}, "
                 f"{rnd.choice(L['tail'])}. " + L['killed'].format(rnd.randint(2, 40), rnd.randint(1, 60)) + ".")
            out.append(s); size += len(s) + 1
        text = " ".join(out[:4]) + "\n\n" + " ".join(out[4:])
        with open(f"{w}/txt/{i:06d}.txt", "w") as f: f.write(title + "\n\n" + text + "\n")
        j.write(json.dumps({"id": f"d{i}", "title": title, "text": text, "lang": lang}, ensure_ascii=False) + "\n")
PY
mb() { du -sk "$1" | awk '{printf "%.1f", $1 / 1024}'; }
run() { # label input threads (0: one per CPU)
    rm -f "$W/e2e.db"*
    local t0 t1 st
    t0=$(date +%s.%N)
    /usr/bin/time -f '%M %U %S' -o "$W/rss" timeout "$TMO" "$B/vigie" ingest --threads "${3:-1}" --db "$W/e2e.db" "$2" > "$W/out" 2> "$W/err"; st=$?
    t1=$(date +%s.%N)
    local stored; stored=$(grep -o 'stored [0-9]*' "$W/out" | cut -d' ' -f2)
    [ -n "$stored" ] || stored=$(sqlite3 "$W/e2e.db" 'SELECT count(*) FROM articles' 2>/dev/null || echo 0)
    awk -v l="$1" -v n="$stored" -v mb="$(mb "$2")" -v t0="$t0" -v t1="$t1" -v res="$(tail -1 "$W/rss" 2>/dev/null)" -v st="$st" 'BEGIN {
        split(res, r, " "); s = t1 - t0; cpu = r[2] + r[3]; if (cpu <= 0) cpu = s;
        printf "%s: %d docs stored, %.1f MB in %.2f s wall, %.2f s CPU: %.0f docs/s, %.2f MB/s per CPU-second (%.0f docs/s wall), peak RSS %s KB%s\n",
        l, n, mb, s, cpu, n / cpu, mb * n / '"$N"' / cpu, n / s, r[1], st == 124 ? " (TIMED OUT: rate over the docs stored)" : "" }'
}
# One thread first (the per-CPU-second figures compare across machines), then one per CPU:
# wall docs/s is what the extra cores buy; storing stays on one thread, in input order.
run "ingest txt,   1 thread " "$W/txt" 1
run "ingest jsonl, 1 thread " "$W/docs.jsonl" 1
run "ingest txt,   $(nproc) threads" "$W/txt" 0
run "ingest jsonl, $(nproc) threads" "$W/docs.jsonl" 0
