#!/usr/bin/env bash
# pg_errors.sh - PostgreSQL errors said clearly: no server there, a database
# holding other tables, a schema newer than this vigie, an empty database
# read; a password never printed; text from outside never runs as SQL.
set -eu
. "$(dirname "$0")/lib/pg.sh"
W=$(mktemp -d "${TMPDIR:-/tmp}/vg-pgerr.XXXXXX")
trap 'rm -rf "$W"' EXIT
expect() { # status, pattern, then the command
  local want="$1" pat="$2"; shift 2
  set +e; "$@" > "$W/out" 2> "$W/err"; local st=$?; set -e
  [ "$st" = "$want" ] || { echo "exit $st, wanted $want: $*"; cat "$W/err"; exit 1; }
  grep -q -- "$pat" "$W/err" || { echo "no '$pat' in: $(cat "$W/err")"; exit 1; }
}
expect 1 "cannot connect to" "$VIGIE" events --db "postgresql:///x?host=$W/nowhere"
expect 1 "Connection refused" "$VIGIE" ingest --db "postgresql://someone:s3cret@127.0.0.1:1/x" samples
grep -q s3cret "$W/err" && { echo "the password was printed"; exit 1; }
PG=$(pg_db errors_empty)
expect 1 "is empty" "$VIGIE" events --db "$PG"
PG=$(pg_db errors_foreign)
psql -q "$PG" -c "CREATE TABLE payroll(x int)"
expect 1 "not a vigie database" "$VIGIE" ingest --db "$PG" samples
PG=$(pg_db errors_newer)
"$VIGIE" ingest --quiet --db "$PG" samples 2> /dev/null
psql -q "$PG" -c "UPDATE vigie_schema SET version = version + 1"
expect 1 "newer than this vigie" "$VIGIE" events --db "$PG"
expect 1 "newer than this vigie" "$VIGIE" ingest --db "$PG" samples
# A write that fails is named even when its result comes back later (writes
# are sent ahead, their results read with the next read: sql.c), and the
# batch it belonged to is not stored at all.
PG=$(pg_db errors_write)
"$VIGIE" ingest --quiet --db "$PG" /dev/null 2> /dev/null
psql -q "$PG" -c "ALTER TABLE events ADD CONSTRAINT no_clash CHECK (sub_event_type IS DISTINCT FROM 'Armed clash')"
expect 1 "cannot store .*: database error: storing an event: ERROR: new row for relation \"events\" violates check constraint \"no_clash\"" \
  "$VIGIE" ingest --db "$PG" samples
[ "$("$VIGIE" articles --db "$PG" --format tsv | wc -l)" -le 1 ] || { echo "a failed batch was stored in part"; exit 1; }
psql -q "$PG" -c "ALTER TABLE events DROP CONSTRAINT no_clash"
"$VIGIE" ingest --quiet --db "$PG" samples 2> /dev/null
[ "$("$VIGIE" events --db "$PG" --format tsv --min-confidence 0 | grep -c 'Armed clash')" -ge 1 ] || { echo "no event after the constraint went"; exit 1; }
# Text from outside is bound, never spliced: a title and a query made of SQL.
PG=$(pg_db errors_hostile)
printf '{"id":"h1","lang":"en","title":"x'"'"'); DROP TABLE articles; --","text":"Gunmen killed 3 villagers in Kano on Monday, police said. O'"'"'Brien \\\\ said."}\n' > "$W/h.jsonl"
"$VIGIE" ingest --quiet --db "$PG" "$W/h.jsonl" 2> /dev/null
for q in "'; DROP TABLE articles; --" "O'Brien" 'a\b' "x' | 'y" '!(' ':*' "DROP)"; do
  "$VIGIE" search --db "$PG" --format tsv "$q" > /dev/null 2>&1 || true
done
"$VIGIE" search --db "$PG" --format tsv "O'Brien" | grep -q h1 || { echo "O'Brien not found"; exit 1; }
[ "$("$VIGIE" articles --db "$PG" --format tsv | wc -l)" = 2 ] || { echo "articles table changed"; exit 1; }
echo ok
