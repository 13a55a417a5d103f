#!/usr/bin/env bash
# watch_interrupted.sh - a `vigie watch` round cut short (store failing, kill -9) never marks a page done
# without its article: the next round fetches it again and stores it.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
VIGIE=${VIGIE:-$ROOT/vigie}
. "$ROOT/tests/scenarios/lib/feed_server.sh"
W=
trap '[ -n "$W" ] && kill -9 $W 2>/dev/null; feed_server_stop' EXIT
sql() { python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); r = c.execute(sys.argv[2]).fetchall(); c.commit(); print("\n".join(str(x[0]) for x in r))' "$@"; }
count() { "$VIGIE" articles --db "$1" --format jsonl 2>/dev/null | wc -l; }

# 1. the store fails (as on a full disk) at the first article: the round stops, nothing is marked done
"$VIGIE" watch --once --db "$T/a.db" --delay 0 "$BASE/notxml.xml" >/dev/null 2>&1 # creates the database
sql "$T/a.db" "CREATE TRIGGER full BEFORE INSERT ON articles BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END" >/dev/null ||
    fail "cannot add the failing trigger"
"$VIGIE" watch --once --db "$T/a.db" --delay 0 --timeout 1 --retries 0 "$BASE/atom.xml" >"$T/out" 2>"$T/err"
[ $? -eq 1 ] || fail "a failing store should fail the round"
grep -q "cannot store $BASE/articles/a3.html" "$T/err" || fail "store failure not reported"
sql "$T/a.db" "DROP TRIGGER full" >/dev/null
"$VIGIE" watch --once --db "$T/a.db" --delay 0 --timeout 1 --retries 0 "$BASE/atom.xml" >"$T/out" 2>"$T/err"
[ $? -eq 0 ] || fail "round after the failure"
grep -q "items 2: stored 2 (0 near-duplicates), already present 0, fetched before 0" "$T/out" ||
    fail "pages of the failed round were not fetched again"
[ "$(count "$T/a.db")" = 2 ] || fail "2 articles expected after the second round"

# 2. kill -9 while the round waits for a slow page (articles before it fetched and
# handled): every page marked done has its article; the next round stores the rest
: >"$LOG"
"$VIGIE" watch --once --db "$T/k.db" --delay 0 --timeout 10 --retries 0 "$BASE/feed.xml" >"$T/out" 2>"$T/err" &
W=$!
for _ in $(seq 300); do grep -q $'\t/slow.html\t' "$LOG" 2>/dev/null && break; sleep 0.05; done
grep -q $'\t/slow.html\t' "$LOG" || fail "the round never reached the slow page"
kill -9 $W
wait $W 2>/dev/null
W=
grep -q $'\t/articles/a2.html\t' "$LOG" || fail "a2 not fetched before the slow page"
"$VIGIE" watch --once --db "$T/k.db" --delay 0 --timeout 1 --retries 0 "$BASE/feed.xml" >"$T/out" 2>"$T/err"
[ $? -eq 0 ] || fail "round after kill -9"
# a1, a2 and flaky: stored by one round or the other, never lost
[ "$(count "$T/k.db")" = 3 ] || fail "$(count "$T/k.db") articles after kill -9 and a new round, 3 expected"
echo ok
