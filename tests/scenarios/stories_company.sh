#!/usr/bin/env bash
# stories_company.sh - a story does not depend on what else is in the database (issue 11): the
# articles of samples/ ingested alone and ingested after 500 unrelated English texts fall into the
# same partition. The 500 are made here (no outside corpus): 150 words each, drawn with Zipf's law
# from the English samples' words ranked by count, so function words are common and names rare,
# as in real news. Before term frequencies were read within the article's language, French words
# were rare among so much English and the French samples met on them: the Niger arrests, the
# Burkina attack and a cycling race joined the Maarat strike's story.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
W=$(mktemp -d "${TMPDIR:-/tmp}/vg-stories-company.XXXXXX")
trap 'rm -rf "$W"' EXIT
mkdir "$W/crowd"
cat "$ROOT"/samples/daily-meridian/*.txt "$ROOT"/samples/northern-wire/*.txt | tr -cs 'A-Za-z' '\n' |
    tr 'A-Z' 'a-z' | awk 'length($0) >= 2' | sort | uniq -c | sort -k1,1nr -k2,2 | awk '{ print $2 }' > "$W/vocab"
awk -v out="$W/crowd" 'BEGIN { srand(11) }
    { w[n++] = $0 }
    END {
        for (r = 1; r <= n; r++) { h += 1 / r; c[r] = h }
        for (d = 0; d < 500; d++) {
            f = sprintf("%s/unrelated-%03d.txt", out, d); s = ""
            for (i = 0; i < 150; i++) {
                u = rand() * h; lo = 1; hi = n
                while (lo < hi) { m = int((lo + hi) / 2); if (c[m] < u) lo = m + 1; else hi = m }
                s = s w[lo - 1] ((i % 12 == 11) ? ".\n" : " ")
            }
            print s > f; close(f)
        }
    }' "$W/vocab"
[ "$(ls "$W/crowd" | wc -l)" -eq 500 ] || { echo "not ok: the unrelated texts were not made"; exit 1; }
"$VIGIE" ingest --db "$W/alone.db" "$ROOT/samples" >/dev/null 2>&1
"$VIGIE" ingest --db "$W/crowd.db" "$W/crowd" >/dev/null 2>&1
"$VIGIE" ingest --db "$W/crowd.db" "$ROOT/samples" >/dev/null 2>&1
# The partition of the samples' articles: one line per story, its members sorted.
partition() {
    "$VIGIE" stories --db "$1" --format tsv | awk -F'\t' '$1 !~ /^unrelated-/ && $1 != "doc" { print $2 "\t" $1 }' |
        sort | awk -F'\t' '$1 != s { if (NR > 1) print line; s = $1; line = $2; next } { line = line " " $2 }
                           END { if (NR) print line }' | sort
}
alone=$(partition "$W/alone.db")
crowd=$(partition "$W/crowd.db")
[ "$(echo "$alone" | wc -w)" -ge 13 ] || { echo "not ok: expected samples/ in stories, got: $alone"; exit 1; }
[ "$alone" = "$crowd" ] || { echo "not ok: the samples' stories changed with their company"; echo "alone:"; echo "$alone"; echo "after 500 others:"; echo "$crowd"; exit 1; }
exit 0
