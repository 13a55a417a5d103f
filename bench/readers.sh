#!/usr/bin/env bash
# readers.sh - throughput of the input readers alone, then of extract and ingest end to end,
# on a generated corpus of ~3 KB articles (JSONL, JSONL.gz, a folder of text files).
# Prints docs/s, MB/s and peak RSS; never fails on a timing. BUILD=dir to use another build folder.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD=${BUILD:-build}
N=${BENCH_DOCS:-20000}
W=$(mktemp -d "${TMPDIR:-/tmp}/vg-bench-readers-XXXXXX")
trap 'rm -rf "$W"' EXIT
make -s BUILD="$BUILD" "$BUILD/vigie" "$BUILD/libvigie-internal.a" >/dev/null || exit 1
VIGIE=$ROOT/$BUILD/vigie
case "$BUILD" in /*) VIGIE=$BUILD/vigie ;; esac
LIB=$(dirname "$VIGIE")/libvigie-internal.a
cc -std=c11 -O2 -D_POSIX_C_SOURCE=200809L -Iinclude -o "$W/reader_driver" bench/reader_driver.c "$LIB" \
    $(make -s --no-print-directory print-libs) || exit 1

# ~3 KB articles made of varied invented sentences, so that no two are near-duplicates
python3 - "$W" "$N" <<'PY'
import json, os, random, sys
w, n = sys.argv[1], int(sys.argv[2])
rnd = random.Random(7)
subj = ["The council", "Police", "The army", "Rescue teams", "The ministry", "Local officials", "Witnesses", "The mayor",
        "Farmers", "Teachers", "The port authority", "Doctors", "Residents", "The court", "Engineers", "Fishermen"]
verb = ["said", "reported", "announced", "confirmed", "denied", "warned", "explained", "added"]
obj = ["the bridge", "the harbour", "the market", "the school", "the hospital", "the railway", "the dam", "the airport",
       "the power station", "the old town", "the northern road", "the river bank", "the stadium", "the water plant"]
what = ["would reopen", "was damaged", "had been closed", "needed repairs", "was inspected", "was evacuated",
        "received funds", "was flooded", "stayed open", "was rebuilt"]
when = ["on Monday", "on Tuesday", "overnight", "last week", "early on Friday", "on Sunday evening", "this month"]
# invented place and people names from syllables: real articles share grammar, not every noun
syl = ["ka", "lo", "mi", "tan", "ver", "sol", "du", "ri", "bel", "no", "sta", "gor", "fi", "pel", "ar", "zu"]
def name():
    return "".join(rnd.choice(syl) for _ in range(rnd.randint(2, 4))).capitalize()
def article(i):
    out, size = [], 0
    while size < 3000:
        s = f"{rnd.choice(subj)} in {name()} {rnd.choice(verb)} that {rnd.choice(obj)} near {name()} {rnd.choice(what)} {rnd.choice(when)}, according to {name()} {name()}."
        out.append(s); size += len(s) + 1
    paras = [" ".join(out[k:k+5]) for k in range(0, len(out), 5)]
    return f"Report number {i} on local works", "\n\n".join(paras)
os.makedirs(f"{w}/txt", exist_ok=True)
with open(f"{w}/docs.jsonl", "w") as f:
    for i in range(n):
        t, body = article(i)
        f.write(json.dumps({"id": f"b{i}", "title": t, "text": body, "lang": "en"}) + "\n")
for i in range(n // 4):
    t, body = article(n + i)
    with open(f"{w}/txt/{i:06d}.txt", "w") as f:
        f.write(t + "\n\n" + body + "\n")
PY
gzip -k "$W/docs.jsonl"
export VIGIE_DATA=$ROOT/data
rss() { /usr/bin/time -f '%e s, peak RSS %M KB' "$@" 2>&1 >/dev/null | tail -1; }
echo "corpus: $N JSONL articles ($(du -m "$W/docs.jsonl" | cut -f1) MB), $((N / 4)) text files"
echo "reader only, JSONL:     $("$W/reader_driver" "$W/docs.jsonl")"
echo "reader only, JSONL.gz:  $("$W/reader_driver" "$W/docs.jsonl.gz")"
echo "reader only, text dir:  $("$W/reader_driver" "$W/txt")"
echo "extract, JSONL ($N docs): $(rss "$VIGIE" extract "$W/docs.jsonl")"
echo "extract, text dir ($((N / 4)) docs): $(rss "$VIGIE" extract "$W/txt")"
echo "ingest, JSONL ($N docs): $(rss "$VIGIE" ingest --db "$W/j.db" "$W/docs.jsonl")"
echo "ingest, text dir ($((N / 4)) docs): $(rss "$VIGIE" ingest --db "$W/t.db" "$W/txt")"
