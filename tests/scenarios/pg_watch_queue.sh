#!/usr/bin/env bash
# pg_watch_queue.sh - `vigie watch --queue` on a PostgreSQL store queues each
# new page (once) instead of analysing it; a worker then stores them all.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
VIGIE=${VIGIE:-$ROOT/vigie}
. "$ROOT/tests/scenarios/lib/feed_server.sh"
. "$ROOT/tests/scenarios/lib/pg.sh"
q=$(pg_db watch_queue) || fail "no PostgreSQL test database"
cd "$T"
"$VIGIE" watch --once --queue --db "$q" --delay 0 --timeout 1 --retries 0 --max-bytes 1000000 "$BASE/atom.xml" \
    >"$T/out" 2>"$T/err" || fail "watch --queue exit $?"
n=$(sed -n 's/.*items [0-9]*: stored \([0-9]*\) .*/\1/p' "$T/out")
[ "${n:-0}" -ge 1 ] || fail "nothing queued"
"$VIGIE" status --db "$q" | grep -q "^queued	$n	" || fail "status does not show $n queued"
"$VIGIE" articles --db "$q" --format tsv | awk 'NR > 1' | grep -q . && fail "watch --queue stored articles itself"
"$VIGIE" worker --quiet --until-empty --db "$q" 2>>"$T/err" || fail "worker"
[ "$("$VIGIE" articles --db "$q" --format tsv | awk 'NR > 1' | wc -l)" = "$n" ] || fail "worker did not store the $n pages"
# a second round queues nothing again (pages fetched once per URL)
"$VIGIE" watch --once --queue --db "$q" --delay 0 --timeout 1 --retries 0 "$BASE/atom.xml" >"$T/out" 2>"$T/err"
grep -q "stored 0 " "$T/out" || fail "second round queued again"
echo ok
