#!/usr/bin/env bash
# stories_samples.sh - the demo corpus in samples/: each outlet's reports of one event share a
# story (the Maarat al-Nouman strike in two French outlets, the Dhaka rally in two English ones),
# different events stay apart; with the gazetteer built, the English report of the Maarat strike
# joins the French ones through the place (language-neutral anchor).
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
W=$(mktemp -d "${TMPDIR:-/tmp}/vg-stories-samples.XXXXXX")
trap 'rm -rf "$W"' EXIT
"$VIGIE" ingest --db "$W/s.db" "$ROOT/samples" >/dev/null 2>&1
tsv=$("$VIGIE" stories --db "$W/s.db" --format tsv)
story() { echo "$tsv" | awk -F'\t' -v d="$1" '$1 == d { print $2 }'; }
fr1=$(story 2025-03-14-frappes-maarat.txt); fr2=$(story syrie-idlib-marche-bombarde.txt)
en1=$(story bangladesh-dhaka-protest.txt); en2=$(story dhaka-opposition-rally.txt)
[ -n "$fr1" ] && [ "$fr1" = "$fr2" ] || { echo "Maarat strike split in French: $tsv"; exit 1; }
[ -n "$en1" ] && [ "$en1" = "$en2" ] || { echo "Dhaka rally split: $tsv"; exit 1; }
[ "$fr1" != "$en1" ] || { echo "Syria and Bangladesh merged: $tsv"; exit 1; }
for d in 2025-03-17-meteo-tempete.txt weather-heatwave-spain.txt sport-tour-du-faso.txt; do
    s=$(story "$d")
    [ -n "$s" ] && [ "$s" != "$fr1" ] && [ "$s" != "$en1" ] || { echo "$d joined a conflict story: $tsv"; exit 1; }
done
if [ -f "$ROOT/data/geo/gazetteer.bin" ]; then
    [ "$(story syria-idlib-market-strike.txt)" = "$fr1" ] || { echo "English report of the Maarat strike not joined: $tsv"; exit 1; }
fi
exit 0
