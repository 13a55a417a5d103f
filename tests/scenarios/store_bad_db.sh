#!/usr/bin/env bash
# store_bad_db.sh - a file that is not a database, a missing folder and a
# read-only database each give a clear message naming it and exit status 1.
set -u
W=$(mktemp -d "${TMPDIR:-/tmp}/vg-baddb.XXXXXX")
trap 'chmod -R u+w "$W"; rm -rf "$W"' EXIT
echo "Un article de test sur des affrontements." > "$W/a.txt"
fail() { echo "$1"; exit 1; }

head -c 100000 /dev/urandom > "$W/junk.db"
"$VIGIE" ingest --db "$W/junk.db" "$W/a.txt" > /dev/null 2> "$W/err"; st=$?
[ $st = 1 ] || fail "not-a-database: exit $st"
grep -q "junk.db" "$W/err" && grep -qi "not a vigie database" "$W/err" || fail "not-a-database message: $(cat "$W/err")"
"$VIGIE" articles --db "$W/junk.db" > /dev/null 2>&1 && fail "articles on junk succeeded"

"$VIGIE" ingest --db "$W/nope/x.db" "$W/a.txt" > /dev/null 2> "$W/err"; st=$?
[ $st = 1 ] || fail "missing folder: exit $st"
grep -q "$W/nope" "$W/err" || fail "missing folder message: $(cat "$W/err")"

"$VIGIE" articles --db "$W/none.db" > /dev/null 2> "$W/err"; st=$?
[ $st = 1 ] || fail "articles on missing db: exit $st"
[ ! -e "$W/none.db" ] || fail "articles created a database"

# Read-only: chmod does not stop root, so open read-only through an SQLite
# URI (mode=ro), which fails for every user; chmod is checked too when not root.
"$VIGIE" ingest --quiet --db "$W/ro.db" "$W/a.txt" > /dev/null 2>&1 || fail "could not create ro.db"
"$VIGIE" ingest --db "file:$W/ro.db?mode=ro" "$W/a.txt" > /dev/null 2> "$W/err"; st=$?
[ $st = 1 ] || fail "read-only URI: exit $st"
grep -qi "read-only" "$W/err" || fail "read-only message: $(cat "$W/err")"
if [ "$(id -u)" != 0 ]; then
  chmod 444 "$W/ro.db"
  "$VIGIE" ingest --db "$W/ro.db" "$W/a.txt" > /dev/null 2> "$W/err"; st=$?
  [ $st = 1 ] || fail "chmod 444: exit $st"
  grep -qi "read-only\|cannot be written" "$W/err" || fail "chmod 444 message: $(cat "$W/err")"
fi
echo ok
