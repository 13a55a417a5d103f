#!/usr/bin/env bash
# db_inside_input.sh - a database kept inside the folder being ingested (with its -wal/-shm files)
# is not read back as input: the second run reports nothing rejected, while a real junk file next
# to it still is.
set -eu
W=$(mktemp -d "${TMPDIR:-/tmp}/vg-dbin.XXXXXX")
trap 'rm -rf "$W"' EXIT
cat > "$W/a.txt" <<'T'
Rebels attack army post

Rebels attacked an army post near Aleppo on Monday, a monitoring group said.
T
DB="$W/archive.db"
out=$("$VIGIE" ingest --db "$DB" "$W" 2>&1)
echo "$out" | grep -q 'stored 1.*rejected 0' || { echo "first ingest: $out"; exit 1; }
out=$("$VIGIE" ingest --db "$DB" "$W" 2>&1)
echo "$out" | grep -q 'already present 1, rejected 0' || { echo "database read back as input: $out"; exit 1; }
printf 'x\0y' > "$W/junk.bin"
out=$("$VIGIE" ingest --db "$DB" "$W" 2>&1)
echo "$out" | grep -q 'rejected 1' || { echo "junk next to the database not rejected: $out"; exit 1; }
echo "$out" | grep -q 'junk.bin' || { echo "rejection does not name the file: $out"; exit 1; }
echo ok
