#!/usr/bin/env bash
# article_sets.sh - the project's own hand-coded article sets (tests/articles/*/) are well
# formed (scripts/check-article-set.py: every gold line parses, every sentence occurs verbatim
# in its text, every sub-type belongs to its type), and the check does catch a breach: on a
# copy with a sentence that is not in its text and a sub-type of the wrong type, both are reported,
# and an article repeated in a second set (own-en-2 must stay separate from own-en, own-en-3 from
# both) is reported. The second and third sets must be there. The document gate's training texts
# (data/gate/examples.tsv) copy no set's article and take nothing from a set tests/articles/UNSEEN lists.
set -u
cd "$(dirname "$0")/../.."
sets=(tests/articles/*/)
[ -f "${sets[0]}gold.jsonl" ] || { echo "no article set under tests/articles"; exit 1; }
out=$(python3 scripts/check-article-set.py --gate-examples data/gate/examples.tsv "${sets[@]}" 2>&1) || { echo "$out"; exit 1; }

T=$(mktemp -d "${TMPDIR:-/tmp}/vg-articlesets.XXXXXX")
trap 'rm -rf "$T"' EXIT
mkdir -p "$T/set/texts"
printf 'Headline\nSoldiers opened fire on a march in the town of Exampleville on Monday.\n' > "$T/set/texts/001.txt"
printf '# sources\n' > "$T/set/SOURCES.md"
cat > "$T/set/gold.jsonl" <<'JSON'
{"doc": "001.txt", "political_violence": true, "events": [{"event_type": "Protests", "sub_event_type": "Armed clash", "country": "X", "location": "Exampleville", "location_en": "Exampleville", "event_date": null, "fatalities": 0, "actor1": "A", "actor2": null, "core": true, "sentence": "Soldiers fired on a march."}], "reason": "", "doubt": ""}
JSON
if got=$(python3 scripts/check-article-set.py "$T/set" 2>&1); then echo "not ok: planted breaches passed the check"; exit 1; fi
fails=0
for want in "sub_event_type 'Armed clash' is not one of 'Protests'" "sentence not found verbatim"; do
    grep -q "$want" <<<"$got" || { echo "not ok: not reported: $want"; fails=1; }
done
[ "$fails" -eq 0 ] || { echo "$got"; exit 1; }

# a second set that repeats an article of the first
mkdir -p "$T/two/texts"
printf 'Another headline\nNothing happened in Exampleville.\n' > "$T/two/texts/001.txt"
printf 'headline\nThe same article, copied into a second set.\n' > "$T/two/texts/002.txt"
printf '# sources\n' > "$T/two/SOURCES.md"
cat > "$T/two/gold.jsonl" <<'JSON'
{"doc": "001.txt", "political_violence": false, "events": [], "reason": "", "doubt": ""}
{"doc": "002.txt", "political_violence": false, "events": [], "reason": "", "doubt": ""}
JSON
got=$(python3 scripts/check-article-set.py "$T/set" "$T/two" 2>&1)
grep -q "two/texts/002.txt: same article as" <<<"$got" || { echo "not ok: a repeated article was not reported"; echo "$got"; exit 1; }
grep -q "two/texts/001.txt" <<<"$got" && { echo "not ok: a different article was reported as repeated"; echo "$got"; exit 1; }
# a gate training text copied from a set's article, and one taken from an unseen set by path
unseen=$(grep -v '^#' tests/articles/UNSEEN | head -1)
[ -n "$unseen" ] && [ -d "tests/articles/$unseen/texts" ] || { echo "not ok: tests/articles/UNSEEN names no set"; exit 1; }
first=$(ls "tests/articles/$unseen/texts" | head -1)
cp "tests/articles/$unseen/texts/$first" "$T/copied.txt"
printf '1\t%s\n1\ttests/articles/%s/texts/%s\n' "$T/copied.txt" "$unseen" "$first" > "$T/examples.tsv"
got=$(python3 scripts/check-article-set.py --gate-examples "$T/examples.tsv" tests/articles/*/ 2>&1)
grep -q "copy of tests/articles/$unseen/texts/$first (the unseen set $unseen)" <<<"$got" || { echo "not ok: a copied unseen article was not reported"; echo "$got"; exit 1; }
grep -q "trains on unseen set $unseen" <<<"$got" || { echo "not ok: a path into an unseen set was not reported"; echo "$got"; exit 1; }
for s in en-2 es-2 en-3 es-3 en-4; do [ -f "tests/articles/$s/gold.jsonl" ] || { echo "not ok: set tests/articles/$s missing"; exit 1; }; done
echo ok
