#!/usr/bin/env bash
# story_table.sh - `vigie story ID --format table`: two reports of one (invented) attack side by
# side, each with its toll, the names it uses for the attackers and its source; the toll they
# disagree on is flagged. Needs no gazetteer.
set -eu
W=$(mktemp -d "${TMPDIR:-/tmp}/vg-storytab.XXXXXX")
trap 'rm -rf "$W"' EXIT
printf 'Gunmen kill five villagers in Zorbia\n\nGunmen attacked the village of Zorbia on Tuesday, killing five villagers, local officials said. The militants also burned several houses in the attack on Zorbia, witnesses said.\n' > "$W/a.txt"
printf 'Attack on Zorbia village leaves seven dead\n\nArmed men attacked Zorbia village on Tuesday and killed seven people, a human rights group said. The attackers burned houses in Zorbia before fleeing, the group said.\n' > "$W/b.txt"
"$VIGIE" ingest --quiet --db "$W/s.db" "$W/a.txt" "$W/b.txt" 2>/dev/null
ids=$("$VIGIE" stories --db "$W/s.db" --format tsv | awk -F'\t' 'NR > 1 { print $2 }' | sort -u)
[ "$(echo "$ids" | wc -l)" = 1 ] || { echo "the two reports are not one story: $ids"; exit 1; }
out=$("$VIGIE" story --db "$W/s.db" --format table "$ids")
for want in "Story $ids: 2 articles" "a.txt (en" "b.txt (en" "killed 5," "killed 7," "source:   local officials" \
            "source:   a human rights group" ": Gunmen" ": Armed men" "fatalities from 5 to 7: a.txt 5, b.txt 7"; do
    echo "$out" | grep -qF -- "$want" || { echo "missing '$want' in:"; echo "$out"; exit 1; }
done
st=0; "$VIGIE" story --db "$W/s.db" --format xml "$ids" >/dev/null 2>&1 || st=$?
[ "$st" = 2 ] || { echo "--format xml: exit $st, wanted 2"; exit 1; }
echo ok
