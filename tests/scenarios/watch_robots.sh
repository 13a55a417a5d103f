#!/usr/bin/env bash
# watch_robots.sh - a robots.txt larger than the 512 KiB vigie reads (sent with its Content-Length):
# its first 512 KiB are obeyed, the rest ignored, and the host stays crawlable.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
VIGIE=${VIGIE:-$ROOT/vigie}
. "$ROOT/tests/scenarios/lib/feed_server.sh" big-robots

"$VIGIE" watch --once --db "$T/w.db" --delay 0 --timeout 5 --retries 0 "$BASE/atom.xml" >"$T/out" 2>"$T/err"
[ $? -eq 0 ] || fail "the feed of a host with a 600 KiB robots.txt could not be read"
grep -q "feeds 1 (unchanged 0, failed 0), items 2: stored 2 " "$T/out" || fail "pages not stored"
grep -q $'\t/articles/a3.html\t' "$LOG" || fail "a rule past 512 KiB was obeyed"
echo ok
