#!/usr/bin/env bash
# store_cli.sh - ingest/articles/search through the CLI: idempotent re-ingest,
# recorded rejects, folded + stemmed search with marked snippets.
set -eu
W=$(mktemp -d "${TMPDIR:-/tmp}/vg-store.XXXXXX")
trap 'rm -rf "$W"' EXIT
mkdir "$W/in"
cat > "$W/in/fr.txt" <<'T'
Des frappes visent Idleb

Des frappes aériennes ont visé mardi des positions d'al-Qaïda près d'Idleb, selon une ONG. Les bombardements ont duré plusieurs heures.
T
cat > "$W/in/en.txt" <<'T'
Rebels attack army post

Rebels attacked an army post near Aleppo on Monday, a monitoring group said. Several soldiers were reported wounded in the fighting.
T
: > "$W/in/empty.txt"
DB="$W/s.db"
out=$("$VIGIE" ingest --db "$DB" "$W/in" 2>/dev/null)
echo "$out" | grep -q 'stored 2' || { echo "first ingest: $out"; exit 1; }
out=$("$VIGIE" ingest --db "$DB" "$W/in" 2>/dev/null)
echo "$out" | grep -q 'stored 0' || { echo "re-ingest stored something: $out"; exit 1; }
echo "$out" | grep -q 'already present 2' || { echo "re-ingest: $out"; exit 1; }
[ "$(sqlite3 "$DB" 'SELECT count(*) FROM rejects')" = 1 ] || { echo "empty file not recorded once in rejects"; exit 1; }
[ "$("$VIGIE" articles --db "$DB" --format jsonl | wc -l)" = 2 ] || { echo "articles: not 2 rows"; exit 1; }
s=$("$VIGIE" search --db "$DB" --format jsonl frappe)
echo "$s" | grep -q '"doc":"fr.txt"' || { echo "frappe did not find frappes: $s"; exit 1; }
echo "$s" | grep -q '\[frappes\]' || { echo "snippet not marked: $s"; exit 1; }
"$VIGIE" search --db "$DB" --format jsonl qaida | grep -q '"doc":"fr.txt"' || { echo "qaida did not find Qaïda"; exit 1; }
"$VIGIE" search --db "$DB" --format jsonl attacking | grep -q '"doc":"en.txt"' || { echo "attacking did not find attacked"; exit 1; }
[ -z "$("$VIGIE" search --db "$DB" --format jsonl --lang en frappe)" ] || { echo "--lang filter ignored"; exit 1; }
st=0; "$VIGIE" search --db "$DB" '"unbalanced' > /dev/null 2>&1 || st=$?
[ "$st" = 2 ] || { echo "bad FTS query: exit $st, wanted 2"; exit 1; }
echo ok
