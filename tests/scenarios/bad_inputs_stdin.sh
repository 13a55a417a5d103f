#!/usr/bin/env bash
# bad_inputs_stdin.sh - stdin ("-") is sniffed like a file: gzip, JSONL, WARC through a pipe, truncation, emptiness.
set -u
: "${VIGIE:?}" "${TMPDIR:=/tmp}"
W=$(mktemp -d "$TMPDIR/bad-stdin-XXXXXX")
trap 'rm -rf "$W"' EXIT
cd "$W"
fails=0
check() { local what=$1; shift; if ! "$@"; then echo "not ok: $what"; fails=$((fails + 1)); fi; }
has() { grep -qF -- "$2" "$1"; }

# gzip-compressed JSONL with a bad line, piped
printf '%s\n' '{"id":"p1","text":"The ferry left the harbour on time on Monday, the operator said."}' \
    '{"id":"p2","text":' '{"id":"p3","text":"Two new wells were dug in the village this week, residents said."}' \
    | gzip -c | "$VIGIE" extract - > o1.jsonl 2> e1.txt
check "gz JSONL from a pipe: exit 0" test $? = 0
check "gz JSONL from a pipe: good lines" test "$(grep -c '"doc":"p[13]"' o1.jsonl)" = 2
check "gz JSONL from a pipe: bad line named -:2" has e1.txt 'rejected -:2: not JSON'

# a WARC archive through a pipe (the WARC reader needs to start over: the reader keeps the bytes)
python3 - <<'PY'
body = b"<html><head><title>Bridge reopens</title></head><body><article><p>The old bridge reopened to traffic on Saturday after a year of repairs, the city said.</p></article></body></html>"
http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n" % len(body) + body
rec = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/bridge\r\n"
       b"WARC-Date: 2025-01-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
       b"Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n" % len(http) + http + b"\r\n\r\n")
open("one.warc", "wb").write(rec)
PY
cat one.warc | "$VIGIE" extract - > o2.jsonl 2> e2.txt
check "WARC from a pipe read" has o2.jsonl '"doc":"https://example.org/bridge"'
gzip -c one.warc | "$VIGIE" extract - > o3.jsonl 2> e3.txt
check "WARC.gz from a pipe read" has o3.jsonl '"format":"warc"'

# truncated gzip on stdin
for i in $(seq 1 300); do printf '{"id":"t%s","text":"Line %s: word%s and word%s were counted in the survey."}\n' "$i" "$i" "$RANDOM" "$RANDOM"; done | gzip -c > all.gz
head -c $(( $(stat -c %s all.gz) / 2 )) all.gz | "$VIGIE" extract - > o4.jsonl 2> e4.txt
check "truncated gzip on stdin: exit 0" test $? = 0
check "truncated gzip on stdin: named" has e4.txt 'rejected -: truncated gzip data'
n=$(wc -l < o4.jsonl)
check "truncated gzip on stdin: whole lines before the cut ($n)" test "$n" -gt 10 -a "$n" -lt 300

# empty stdin
: | "$VIGIE" extract - > /dev/null 2> e5.txt
check "empty stdin named" has e5.txt 'rejected -: empty'

if [ "$fails" -ne 0 ]; then for f in e*.txt; do echo "--- $f"; cat "$f"; done; exit 1; fi
exit 0
