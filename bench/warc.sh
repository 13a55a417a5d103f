#!/usr/bin/env bash
# warc.sh - times `vigie extract` on a WARC.gz (one gzip member per record, CC-NEWS layout):
# records/s, MB/s (uncompressed WARC), peak RSS. Pages: ../shared/eval/extraction/html when
# present, else generated ones. ROUNDS copies of the pages make the archive (default 5).
set -uo pipefail
cd "$(dirname "$0")/.."
VIGIE=${VIGIE:-./vigie}
[ -x "$VIGIE" ] || { echo "warc: build ./vigie first (make)"; exit 1; }
ROUNDS=${ROUNDS:-5}
PAGES=${PAGES:-../shared/eval/extraction/html}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
python3 - "$PAGES" "$ROUNDS" "$T/bench.warc.gz" <<'PY'
import gzip, os, sys
pages_dir, rounds, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
pages = []
if os.path.isdir(pages_dir):
    for n in sorted(os.listdir(pages_dir)):
        p = os.path.join(pages_dir, n)
        data = open(p, "rb").read()
        if n.endswith(".gz"):
            data = gzip.decompress(data)
        pages.append(data)
if not pages:  # generated pages: paragraphs of varied text
    words = ("forces frappes ville civils selon source militaire attaque bombardement "
             "government soldiers killed clashes province monitor reported").split()
    for i in range(200):
        paras = "".join("<p>" + " ".join(words[(i * 7 + j * 3 + k) % len(words)] for k in range(60)) + ".</p>"
                        for j in range(12))
        pages.append(f"<html><head><title>Page {i}</title></head><body><nav>menu</nav><article>{paras}"
                     f"</article></body></html>".encode())
raw = 0
with open(out, "wb") as f:
    n = 0
    for r in range(rounds):
        for body in pages:
            n += 1
            http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: "
                    + str(len(body)).encode() + b"\r\n\r\n" + body)
            rec = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{n:032x}>\r\n"
                   f"WARC-Date: 2026-11-23T00:00:00Z\r\nWARC-Target-URI: https://bench.example/{r}/{n}\r\n"
                   f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n").encode()
            rec += http + b"\r\n\r\n"
            raw += len(rec)
            f.write(gzip.compress(rec, compresslevel=6, mtime=0))
print(f"{n} {raw}", file=open(out + ".info", "w"))
PY
read -r N RAW < "$T/bench.warc.gz.info"
GZ=$(stat -c %s "$T/bench.warc.gz")
# the reader alone (WARC layer, gzip, record parsing; no extraction), when a libvigie-internal.a sits
# beside the binary or in build/ (make BUILD=dir dir/libvigie-internal.a)
LIB=$(dirname "$VIGIE")/libvigie-internal.a
[ -f "$LIB" ] || LIB=build/libvigie-internal.a     # ./vigie is a copy of build/vigie
if [ -f "$LIB" ] && cc -std=c11 -O2 -D_POSIX_C_SOURCE=200809L -Iinclude -o "$T/reader_driver" bench/reader_driver.c \
        "$LIB" $(make -s --no-print-directory print-libs) 2>/dev/null; then
    echo "warc: reader only: $("$T/reader_driver" "$T/bench.warc.gz" 2>&1 | tail -1)"
fi
/usr/bin/time -v "$VIGIE" extract "$T/bench.warc.gz" > "$T/out.jsonl" 2> "$T/time.txt"
st=$?
secs=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$T/time.txt")
user=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { print u + s }' "$T/time.txt")
rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$T/time.txt")
docs=$(wc -l < "$T/out.jsonl")
# wall time is noisy on a shared machine: CPU time (user + system) is given too
awk -v n="$N" -v raw="$RAW" -v gz="$GZ" -v s="$secs" -v u="$user" -v r="$rss" -v d="$docs" -v st="$st" 'BEGIN {
    if (s <= 0) s = 0.001
    printf "warc: %d records (%.1f MB WARC, %.1f MB gzip), %d documents out, exit %d\n", n, raw / 1e6, gz / 1e6, d, st
    if (u <= 0) u = 0.001
    printf "warc: %.2f s wall: %.0f records/s, %.1f MB/s (uncompressed), peak RSS %.1f MB\n", s, n / s, raw / 1e6 / s, r / 1024
    printf "warc: %.2f s CPU: %.0f records/CPU-s, %.1f MB/CPU-s\n", u, n / u, raw / 1e6 / u
}'
