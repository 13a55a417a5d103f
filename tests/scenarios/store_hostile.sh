#!/usr/bin/env bash
# store_hostile.sh - defects found by the hostile-input audit (issue 9): each
# section was written to fail before its fix.
set -u
W=$(mktemp -d "${TMPDIR:-/tmp}/vg-hostile.XXXXXX")
trap 'rm -rf "$W"' EXIT
fail() { echo "$1"; exit 1; }
cat > "$W/a.txt" <<'T'
Rebels attack army post

Rebels attacked an army post near Aleppo on Monday, a monitoring group said.
T
DB="$W/s.db"
"$VIGIE" ingest --quiet --db "$DB" "$W/a.txt" > /dev/null 2>&1 || fail "could not create $DB"

# 1. A negative PRAGMA user_version is no schema vigie wrote: a clear error,
#    never migrations[-1] (which crashed or ran a neighbouring string as SQL).
for v in -1 -2; do
    cp "$DB" "$W/neg.db"
    sqlite3 "$W/neg.db" "PRAGMA user_version = $v"
    for cmd in articles ingest; do
        args=(); [ $cmd = ingest ] && args=("$W/a.txt")
        "$VIGIE" $cmd --db "$W/neg.db" "${args[@]}" > /dev/null 2> "$W/err"; st=$?
        [ $st = 1 ] || fail "user_version $v, $cmd: exit $st ($(cat "$W/err"))"
        grep -q "schema version $v" "$W/err" || fail "user_version $v, $cmd: message: $(cat "$W/err")"
    done
done

echo ok
