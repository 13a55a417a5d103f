#!/usr/bin/env bash
# watch_feeds.sh - `vigie watch` against a local server: robots, 304s, retries, time-out, redirect loop, size cap, once per URL.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
VIGIE=${VIGIE:-$ROOT/vigie}
. "$ROOT/tests/scenarios/lib/feed_server.sh"

# round 1: everything new
"$VIGIE" watch --once --db "$T/w.db" --delay 0 --timeout 1 --retries 1 --max-bytes 1000000 \
    "$BASE/feed.xml" "$BASE/atom.xml" >"$T/out" 2>"$T/err"
st=$?
[ $st -eq 0 ] || fail "round 1 exit $st"
grep -q "feeds 2 (unchanged 0, failed 0), items 12: stored 4 " "$T/out" || fail "round 1 summary"
# /private/ twice: linked directly, and behind a redirect (each hop is checked)
grep -q "fetched before 1, disallowed by robots 2, rejected 5" "$T/out" || fail "round 1 counts"
grep -q "rejected $BASE/slow.html: .*Timeout" "$T/err" || fail "slow page not timed out"
grep -q "rejected $BASE/loop: .*redirects" "$T/err" || fail "redirect loop not stopped"
grep -q "rejected $BASE/big.html: .*larger than 1000000" "$T/err" || fail "size cap"
grep -q "rejected $BASE/missing.html: .*HTTP 404" "$T/err" || fail "404"
grep -q "rejected ftp://127.0.0.1/x: .*not an http(s) URL" "$T/err" || fail "ftp link fetched"
grep -q "/private/" "$LOG" && fail "robots.txt ignored"
[ "$(grep -c $'\t/moved\t' "$LOG")" = 1 ] || fail "redirecting page not requested once"
[ "$(grep -c $'\t/loop\t' "$LOG")" = 6 ] || fail "redirect loop: 1 request + 5 redirects expected"
[ "$(grep -c $'\t/articles/flaky.html\t' "$LOG")" = 2 ] || fail "503 not retried once"
# the 503 said Retry-After: 2 (longer than the 1 s back-off): the retry waited for it
grep $'\t/articles/flaky.html\t' "$LOG" | awk -F'\t' 'NR == 1 { a = $1 } NR == 2 { exit !($1 - a >= 1.9) }' ||
    fail "Retry-After not honoured"
[ "$(grep -c $'\t/articles/a1.html\t' "$LOG")" = 1 ] || fail "a1 fetched twice in one round"
[ "$(grep -c $'\t/slow.html\t' "$LOG")" = 2 ] || fail "time-out not retried"
cut -f3 "$LOG" | grep -qv '^vigie/' && fail "User-Agent not vigie/..."
"$VIGIE" articles --db "$T/w.db" --format jsonl >"$T/arts" 2>>"$T/err" || fail "articles"
[ "$(wc -l <"$T/arts")" = 4 ] || fail "4 articles stored"
grep -q '"published":"2026-11-23' "$T/arts" || grep -q 'Idleb' "$T/arts" || fail "article content"

# round 2: feeds answer 304, no page is fetched again; requests to one host are paced
: >"$LOG"
t0=$(date +%s.%N)
"$VIGIE" watch --once --db "$T/w.db" --delay 500 --timeout 1 "$BASE/feed.xml" "$BASE/atom.xml" >"$T/out" 2>"$T/err"
[ $? -eq 0 ] || fail "round 2 exit"
t1=$(date +%s.%N)
grep -q "feeds 2 (unchanged 2, failed 0), items 0: stored 0" "$T/out" || fail "round 2 not all 304"
grep -q $'\t/feed.xml\t[^\t]*\t"feed-v1"' "$LOG" || fail "no If-None-Match sent"
grep -q $'\t/atom.xml\t[^\t]*\t\tSun, 22 Nov 2026 08:00:00 GMT' "$LOG" || fail "no If-Modified-Since sent"
grep -q "/articles/" "$LOG" && fail "pages fetched again"
# three requests to one host (robots.txt, two feeds) 500 ms apart take at least 1 s:
# a lower bound only, which a slow machine cannot break
[ "$(wc -l <"$LOG")" = 3 ] || fail "round 2: 3 requests expected"
awk -v a="$t0" -v b="$t1" 'BEGIN { exit !(b - a >= 1.0) }' || fail "requests to one host not paced"

# a feed that is not XML, and a feed URL that is not http: clear errors
"$VIGIE" watch --once --db "$T/w.db" --delay 0 "$BASE/notxml.xml" >"$T/out" 2>"$T/err"
[ $? -eq 1 ] || fail "non-XML feed should fail the round"
grep -q "feed $BASE/notxml.xml: not a feed" "$T/err" || fail "non-XML feed message"
"$VIGIE" watch --once --db "$T/w.db" /etc/passwd >"$T/out" 2>"$T/err"
[ $? -eq 2 ] || fail "file path accepted as a feed URL"
# an unreachable host is a network error, not a robots refusal
"$VIGIE" watch --once --db "$T/w.db" --timeout 1 --retries 0 "http://127.0.0.1:1/feed.xml" >"$T/out" 2>"$T/err"
[ $? -eq 1 ] || fail "unreachable feed should fail the round"
grep -q "robots.txt" "$T/err" && grep -q "disallowed" "$T/err" && fail "unreachable host reported as disallowed"
echo ok
if [ -n "${KEEP:-}" ]; then echo "kept $T"; fi
exit 0
