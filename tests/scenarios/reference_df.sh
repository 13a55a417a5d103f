#!/usr/bin/env bash
# reference_df.sh - every shipped data/<lang>/reference_df.tsv (story term weights' reference
# corpus, lib/cluster/reference.h) left out the rows of its corpus that tests/articles uses as they
# are now: its header's list fingerprint is what scripts/build-reference-df.sh --check computes
# from tests/articles/*/SOURCES.md. A new article set drawn from the same corpus fails this until
# the reference is rebuilt, so no article set's text feeds the counts. And the check does see a
# change: with one more row named in a copy of a SOURCES.md, the fingerprint moves.
set -u
cd "$(dirname "$0")/../.."
fails=0
n=0
for f in data/*/reference_df.tsv; do
    lang=$(basename "$(dirname "$f")")
    want=$(scripts/build-reference-df.sh --check "$lang") || { echo "not ok: $f: no corpus for '$lang' in the script"; fails=1; continue; }
    grep -qF "uses: $want." "$f" || {
        echo "not ok: $f is stale: tests/articles now has $want; run scripts/build-reference-df.sh $lang"
        fails=1
    }
    n=$((n + 1))
done
[ "$n" -ge 2 ] || { echo "not ok: $n reference tables (en and es at least)"; fails=1; }

T=$(mktemp -d "${TMPDIR:-/tmp}/vg-refdf-check.XXXXXX")
trap 'rm -rf "$T"' EXIT
mkdir -p "$T/scripts" "$T/tests/articles/x"
cp scripts/build-reference-df.sh "$T/scripts/"
cp -r tests/articles/es "$T/tests/articles/"
before=$("$T/scripts/build-reference-df.sh" --check es)
printf '| x/001.txt | true | - | jpposadas/FakeNewsCorpusSpanish/test.xlsx[data row 9999, Id 1]@c | - | - |\n' \
    > "$T/tests/articles/x/SOURCES.md"
after=$("$T/scripts/build-reference-df.sh" --check es)
[ "$before" != "$after" ] || { echo "not ok: a new row in tests/articles does not move the fingerprint"; fails=1; }
[ "$fails" -eq 0 ] && echo ok
