#!/usr/bin/env bash
# stories.sh - stories through the CLI: two outlets on one event share a story, a republished
# copy gets dup_of and its original's story, the same kind of event elsewhere stays apart;
# `vigie stories --format tsv` lists doc<TAB>story for every article; `vigie story ID` compares.
set -eu
W=$(mktemp -d "${TMPDIR:-/tmp}/vg-stories.XXXXXX")
trap 'rm -rf "$W"' EXIT
python3 - "$W/in.jsonl" <<'PY'
import json, sys
a = ("Gunmen attacked a police station in the town of Karvello on Tuesday, killing four officers, "
     "the regional governor said. The attackers fled toward the hills after the assault on the Karvello station. "
     "Residents of Karvello said the shooting lasted an hour before reinforcements arrived from the capital. "
     "The governor ordered a curfew in Karvello and promised to find those responsible for the attack.")
b = ("Four police officers were killed when armed men stormed the Karvello police station on Tuesday, "
     "according to the regional governor. Witnesses in Karvello described an hour of shooting at the station. "
     "The attackers escaped into the hills; a curfew was declared in Karvello while the army searched the area.")
c = ("Gunmen attacked a police station in the port of Demirla on Friday, killing two officers, "
     "the coast guard said. The attackers fled by boat after the assault on the Demirla station. "
     "Fishermen in Demirla said the shooting lasted minutes. Officials in Demirla opened an inquiry.")
copy = ("Share this article\n\n" + a + "\n\nThis report was updated with the number of officers killed."
        "\n\nRead more: latest news")
docs = [("a", "Daily One", "2021-05-04", a), ("c", "Coast News", "2021-09-10", c),
        ("b", "Evening Two", "2021-05-05", b), ("a-copy", "Aggregator", "2021-05-05", copy)]
with open(sys.argv[1], "w") as o:
    for i, outlet, pub, t in docs:
        o.write(json.dumps({"id": i, "outlet": outlet, "published": pub, "lang": "en", "text": t}) + "\n")
PY
DB="$W/s.db"
out=$("$VIGIE" ingest --db "$DB" "$W/in.jsonl" 2>/dev/null)
echo "$out" | grep -q 'stored 4' || { echo "ingest: $out"; exit 1; }
echo "$out" | grep -q '1 near-duplicate' || { echo "no near-duplicate counted: $out"; exit 1; }
tsv=$("$VIGIE" stories --db "$DB" --format tsv)
[ "$(echo "$tsv" | head -1 | cut -f1-2)" = "$(printf 'doc\tstory')" ] || { echo "tsv header: $tsv"; exit 1; }
[ "$(echo "$tsv" | tail -n +2 | wc -l)" = 4 ] || { echo "tsv rows: $tsv"; exit 1; }
story() { echo "$tsv" | awk -F'\t' -v d="$1" '$1 == d { print $2 }'; }
[ -n "$(story a)" ] && [ "$(story a)" = "$(story b)" ] || { echo "a and b apart: $tsv"; exit 1; }
[ "$(story a)" = "$(story a-copy)" ] || { echo "copy not in its original's story: $tsv"; exit 1; }
[ "$(story a)" != "$(story c)" ] || { echo "two different attacks merged: $tsv"; exit 1; }
dup=$(echo "$tsv" | awk -F'\t' '$1 == "a-copy" { print $3 }')
[ -n "$dup" ] || { echo "a-copy has no dup_of: $tsv"; exit 1; }
js=$("$VIGIE" story --db "$DB" "$(story a)")
echo "$js" | python3 -c '
import json, sys
s = json.load(sys.stdin)
assert s["articles"] == 3 and s["duplicates"] == 1, s
assert s["outlets"] == ["Aggregator", "Daily One", "Evening Two"], s["outlets"]
assert s["first_report"] == "2021-05-04" and s["last_report"] == "2021-05-05", s
assert len(s["accounts"]) == 3 and isinstance(s["disagreements"], list), s
' || { echo "story json: $js"; exit 1; }
if "$VIGIE" story --db "$DB" 99999 >/dev/null 2>&1; then echo "unknown story accepted"; exit 1; fi
"$VIGIE" stories --db "$DB" --format jsonl | python3 -c 'import json,sys; [json.loads(l) for l in sys.stdin]' \
    || { echo "stories jsonl not JSON"; exit 1; }
exit 0
