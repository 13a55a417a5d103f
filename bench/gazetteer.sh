#!/usr/bin/env bash
# gazetteer.sh - gazetteer load time and memory, place-finding throughput (docs/s, MB/s, CPU time) on
# ACLED notes and on full articles when ../shared/eval is there, else on tests/fuzz/corpus/places.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${SHARED:-${VIGIE_SHARED:-$PWD/../shared}}"
GAZ="${VIGIE_GEO_OUT:-$PWD/data/geo/gazetteer.bin}"
[ -f "$GAZ" ] || scripts/build-gazetteer.sh
OUT="${TMPDIR:-/tmp}/vigie-bench-gaz.$$"
mkdir -p "$OUT"
trap 'rm -rf "$OUT"' EXIT
PKG="$(pkg-config --cflags --libs libutf8proc)"
cc -std=c11 -O2 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -o "$OUT/tool" bench/gazetteer_tool.c \
    lib/analyze/gazetteer.c lib/analyze/places.c lib/core/*.c $PKG -lm
echo "gazetteer file: $(du -h "$GAZ" | cut -f1)"
if [ -f "$SHARED/eval/events/acled/dev.csv" ]; then
    python3 -c 'import csv,sys
for r in csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")): print(r["notes"].replace("\n", " "))' \
        "$SHARED/eval/events/acled/dev.csv" > "$OUT/notes.txt"
    echo "== ACLED notes"; "$OUT/tool" "$GAZ" --bench < "$OUT/notes.txt"
fi
if [ -d "$SHARED/eval/news-fr/wikinews" ]; then
    # Full articles: the HTML pages with tags stripped, one per line, five rounds.
    python3 -c 'import glob,html,re,sys
for f in sorted(glob.glob(sys.argv[1] + "/*.html")):
    t = open(f, encoding="utf-8", errors="replace").read()
    t = re.sub(r"<script.*?</script>|<style.*?</style>", "", t, flags=re.S)
    print(re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", t))).strip())' "$SHARED/eval/news-fr/wikinews" > "$OUT/a1.txt"
    for i in 1 2 3 4 5; do cat "$OUT/a1.txt"; done > "$OUT/articles.txt"
    echo "== full articles (news-fr/wikinews, x5)"; "$OUT/tool" "$GAZ" --bench < "$OUT/articles.txt"
fi
echo "== fuzz corpus"; cat tests/fuzz/corpus/places/* | tr -d '\0' | "$OUT/tool" "$GAZ" --bench >/dev/null
/usr/bin/time -v "$OUT/tool" "$GAZ" --bench < /dev/null 2>&1 | grep -E "Maximum resident|Elapsed" || true
