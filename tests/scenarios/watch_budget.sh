#!/usr/bin/env bash
# watch_budget.sh - a watch round keeps to its time budget (--round-timeout): a Retry-After past it
# is not waited for, a request does not outlast it, and the pages not reached are fetched next round.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
VIGIE=${VIGIE:-$ROOT/vigie}
. "$ROOT/tests/scenarios/lib/feed_server.sh"

# round 1, a 6 s budget (wide, so that a loaded machine still reaches busy.html in time): /busy.html answers 503 with Retry-After: 120 (the retry is not made: its wait
# passes the budget), /slow.html takes 8 s (cut at the budget: left for later), /articles/a2.html is not reached
"$VIGIE" watch --once --db "$T/w.db" --delay 0 --timeout 10 --retries 2 --round-timeout 6 "$BASE/budget.xml" >"$T/out" 2>"$T/err"
[ $? -eq 0 ] || fail "round 1 exit"
[ "$(grep -c $'\t/busy.html\t' "$LOG")" = 1 ] || fail "the Retry-After past the budget was waited for"
grep -q "rejected $BASE/busy.html: .*HTTP 503 (1 attempt; not retried: a 60 s wait passes the time budget)" "$T/err" ||
    fail "why busy.html was not retried"
grep $'\t/articles/a2.html\t' "$LOG" && fail "a page after the budget ran out was fetched"
grep -Eq "round time budget used up: [0-9]+ items left for the next round" "$T/err" || fail "budget message"
grep -q "(time budget used up)" "$T/out" || fail "summary does not say the budget ran out"

# round 2, no tight budget: the feed comes whole again (its validators were not kept) and the pages
# not reached are fetched; busy.html, rejected, is tried again too
: >"$LOG"
"$VIGIE" watch --once --db "$T/w.db" --delay 0 --timeout 10 --retries 0 "$BASE/budget.xml" >"$T/out" 2>"$T/err"
[ $? -eq 0 ] || fail "round 2 exit"
grep -q $'\t/articles/a2.html\t' "$LOG" || fail "a2 not fetched in round 2"
grep -q $'\t/slow.html\t' "$LOG" || fail "slow.html not fetched in round 2"
[ "$("$VIGIE" articles --db "$T/w.db" --format jsonl | wc -l)" -ge 2 ] || fail "a1 and a2 not stored"
echo ok
