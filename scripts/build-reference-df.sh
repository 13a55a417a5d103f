#!/usr/bin/env bash
# build-reference-df.sh - rebuild data/en/reference_df.tsv, the reference document frequencies
# story clustering mixes with the collection's own (lib/cluster/reference.h), byte for byte from
# the corpus it names:
#
#   English Wikinews articles of 2019 and 2020 as collected by Wouter van Atteveldt,
#   https://github.com/vanatteveldt/wikinews at commit 347254178bf343f3801aac1d03c41cc09c35decb,
#   data/wikinews_2019.csv and data/wikinews_2020.csv (295 articles). Licence: CC BY 2.5
#   (https://creativecommons.org/licenses/by/2.5/), as the repository and Wikinews state.
#   Attribution: Wikinews contributors (https://en.wikinews.org), collected by W. van Atteveldt.
#
# Left out: every row that tests/articles/*/SOURCES.md uses (our own article sets, own-en and
# own-en-2, are drawn from the same files). Each document is the CSV's title, a newline and its
# text, as scripts/reference_df.c reads them; what is kept: the TOP terms by document frequency,
# seen in MIN_DF documents or more. Only counts of folded words are shipped, no text.
#
# Usage: scripts/build-reference-df.sh [CORPUS]   CORPUS: a clone (or bare git dir) of the
# repository above, fetched from GitHub when not given. Writes data/en/reference_df.tsv; check
# with `git diff --exit-code data/en/reference_df.tsv` that nothing changed.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO_URL=https://github.com/vanatteveldt/wikinews
COMMIT=347254178bf343f3801aac1d03c41cc09c35decb
TOP=6000
MIN_DF=3
OUT=data/en/reference_df.tsv
W=$(mktemp -d "${TMPDIR:-/tmp}/vg-refdf.XXXXXX")
trap 'rm -rf "$W"' EXIT
CORPUS=${1:-}
if [ -z "$CORPUS" ]; then
    git clone -q --bare "$REPO_URL" "$W/corpus.git"
    CORPUS=$W/corpus.git
fi
git -C "$CORPUS" cat-file -e "$COMMIT^{commit}" || { echo "build-reference-df: $CORPUS has no commit $COMMIT" >&2; exit 1; }
for y in 2019 2020; do git -C "$CORPUS" show "$COMMIT:data/wikinews_$y.csv" > "$W/wikinews_$y.csv"; done

make -s build/libvigie-internal.a >/dev/null
cc -std=c11 -O2 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -o "$W/reference_df" scripts/reference_df.c \
    build/libvigie-internal.a $(make -s --no-print-directory print-libs)

# Documents, NUL-terminated, without the rows our article sets use.
python3 - "$W" tests/articles/*/SOURCES.md > "$W/docs" <<'EOF'
import csv, re, sys
w, sources = sys.argv[1], sys.argv[2:]
used = set()
for p in sources:
    for f, row in re.findall(r"vanatteveldt/wikinews/data/(wikinews_\d+\.csv)\[data row (\d+)\]", open(p, encoding="utf-8").read()):
        used.add((f, int(row)))
out = sys.stdout.buffer
kept = 0
for f in ("wikinews_2019.csv", "wikinews_2020.csv"):
    with open(f"{w}/{f}", encoding="utf-8", newline="") as fh:
        for i, r in enumerate(csv.DictReader(fh)):
            if (f, i) in used:
                continue
            out.write((r["title"].strip() + "\n" + r["text"]).replace("\0", " ").encode("utf-8") + b"\0")
            kept += 1
print(f"build-reference-df: {kept} documents, {len(used)} rows of tests/articles left out", file=sys.stderr)
EOF

{
    echo "# reference_df.tsv - document frequencies of English news words, mixed with the collection's own in"
    echo "# story clustering (lib/cluster/reference.h). Built by scripts/build-reference-df.sh; do not edit."
    echo "# Source: English Wikinews articles of 2019-2020 collected by Wouter van Atteveldt,"
    echo "# $REPO_URL commit $COMMIT, data/wikinews_2019.csv and data/wikinews_2020.csv,"
    echo "# less the rows tests/articles uses. Licence: CC BY 2.5 (https://creativecommons.org/licenses/by/2.5/);"
    echo "# attribution: Wikinews contributors, https://en.wikinews.org. Counts only (top $TOP terms, df >= $MIN_DF)."
    echo "# TERM<TAB>DOCUMENTS (folded as lib/dedup/words.c folds words); @documents: the corpus size."
    "$W/reference_df" "$TOP" "$MIN_DF" < "$W/docs"
} > "$OUT"
echo "build-reference-df: $OUT, $(grep -vc '^#' "$OUT") rows"
