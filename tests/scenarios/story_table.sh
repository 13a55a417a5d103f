#!/usr/bin/env bash
# story_table.sh - `vigie story ID --format table`: the French and English reports of one strike
# in samples/ side by side, with each outlet's figures, names for the actors and sources.
set -eu
HERE=$(cd "$(dirname "$0")/../.." && pwd)
W=$(mktemp -d "${TMPDIR:-/tmp}/vg-storytab.XXXXXX")
trap 'rm -rf "$W"' EXIT
"$VIGIE" ingest --quiet --db "$W/s.db" "$HERE/samples" 2>/dev/null
id=$("$VIGIE" stories --db "$W/s.db" --format tsv | awk -F'\t' '$1 == "syria-idlib-market-strike.txt" { print $2 }')
[ -n "$id" ] || { echo "no story for the English report"; exit 1; }
out=$("$VIGIE" story --db "$W/s.db" --format table "$id")
for want in "Story $id:" "languages: en, fr" "syria-idlib-market-strike.txt (en" "2025-03-14-frappes-maarat.txt (fr" \
            "killed 7" "source:   the Syrian Observatory" "calls Civilians (Syria): civils" "Where they disagree"; do
    echo "$out" | grep -qF "$want" || { echo "missing '$want' in:"; echo "$out"; exit 1; }
done
st=0; "$VIGIE" story --db "$W/s.db" --format xml "$id" >/dev/null 2>&1 || st=$?
[ "$st" = 2 ] || { echo "--format xml: exit $st, wanted 2"; exit 1; }
echo ok
