#!/usr/bin/env bash
# search_many_langs.sh - stemming does not depend on how many languages came before: an English
# article stored after 13 others (each in another language) is still stemmed, at index and query time.
set -u
W=$(mktemp -d "${TMPDIR:-/tmp}/vg-langs.XXXXXX")
trap 'rm -rf "$W"' EXIT
n=0
# eight of them sort before "en" (the query side read 8 languages stored, in that order)
for l in ar bg ca cs cy da de el es it nl pt ru; do
    n=$((n + 1))
    printf '{"id": "d%s", "lang": "%s", "title": "Note %s", "text": "Weather report %s for the %s region: %s sunny days in a row, said the office in town %s."}\n' \
        "$l" "$l" "$n" "$n" "$l" "$n" "$n" >>"$W/in.jsonl"
done
printf '{"id": "en1", "lang": "en", "title": "Rebels raid post", "text": "Rebels attacked an army post near Aleppo on Monday, a monitoring group said."}\n' >>"$W/in.jsonl"
"$VIGIE" ingest --db "$W/s.db" --quiet "$W/in.jsonl" >/dev/null 2>"$W/err" || { echo "ingest failed"; cat "$W/err"; exit 1; }
for q in attack attacking; do
    "$VIGIE" search --db "$W/s.db" --format jsonl "$q" >"$W/out" 2>>"$W/err"
    grep -q '"doc":"en1"' "$W/out" || { echo "FAIL: '$q' did not find 'attacked' in the 14th language's article"; cat "$W/out" "$W/err"; exit 1; }
done
echo ok
