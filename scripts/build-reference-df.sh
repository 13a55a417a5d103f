#!/usr/bin/env bash
# build-reference-df.sh - rebuild data/<lang>/reference_df.tsv, the reference document frequencies
# story clustering mixes with the collection's own (lib/cluster/reference.h), byte for byte from
# the corpus each language names:
#
# en: English Wikinews articles of 2019 and 2020 as collected by Wouter van Atteveldt,
#   https://github.com/vanatteveldt/wikinews at commit 347254178bf343f3801aac1d03c41cc09c35decb,
#   data/wikinews_2019.csv and data/wikinews_2020.csv (295 articles). Licence: CC BY 2.5
#   (https://creativecommons.org/licenses/by/2.5/), as the repository and Wikinews state.
#   Attribution: Wikinews contributors (https://en.wikinews.org), collected by W. van Atteveldt.
# es: the Spanish Fake News Corpus, https://github.com/jpposadas/FakeNewsCorpusSpanish at commit
#   732f4870abd8d3f5ab4956fd92b040a7913614e3, train.xlsx, development.xlsx (v1.0, news of 2018,
#   figures masked as *NUMBER* by its authors: read as a number, which is not counted) and
#   test.xlsx (v2.0, news of 2020-2021), only the rows labelled true (articles of established
#   outlets). Licence: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/, the repository's
#   LICENSE.txt). Attribution: J. P. Posadas-Durán, H. Gómez-Adorno, G. Bel-Enguix et al.
#   (Posadas-Durán et al. 2019; Gómez-Adorno et al. 2021, FakeDeS @ IberLEF 2021).
#
# Left out: every row that tests/articles/*/SOURCES.md uses (our own article sets, unseen ones
# included, are drawn from these files), and any row whose text starts as one of the texts of
# tests/articles does (the corpora repeat some articles), so that no text of an article set feeds
# the counts. Each document is a title, a newline and its text, as scripts/reference_df.c reads
# them; what is kept: the TOP terms by document frequency, seen in MIN_DF documents or more. Only
# counts of folded words are shipped, no text. Rebuild (and commit) whenever tests/articles gains
# a set or an article: tests/scenarios/reference_df.sh checks that the left-out rows are current.
#
# Usage: scripts/build-reference-df.sh [--check] LANG [CORPUS]   LANG: en or es. CORPUS: a clone
# (or bare git dir) of the language's repository above, fetched from GitHub when not given.
# Writes data/LANG/reference_df.tsv. --check: only print the rows left out (their fingerprint
# and count), as the header of the shipped file records them; needs no corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
CHECK=0
[ "${1:-}" = --check ] && { CHECK=1; shift; }
LANG_=${1:?usage: scripts/build-reference-df.sh [--check] LANG [CORPUS]}
CORPUS=${2:-}
# Per language: repository, commit, files, what the corpus is, its licence and attribution.
case "$LANG_" in
en) set -- https://github.com/vanatteveldt/wikinews 347254178bf343f3801aac1d03c41cc09c35decb \
        "data/wikinews_2019.csv data/wikinews_2020.csv" "English Wikinews articles of 2019-2020 collected by Wouter van Atteveldt" \
        "CC BY 2.5 (https://creativecommons.org/licenses/by/2.5/); attribution: Wikinews contributors, https://en.wikinews.org" English ;;
es) set -- https://github.com/jpposadas/FakeNewsCorpusSpanish 732f4870abd8d3f5ab4956fd92b040a7913614e3 \
        "train.xlsx development.xlsx test.xlsx" "Spanish Fake News Corpus (v1.0 and v2.0), rows labelled true only" \
        "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/); attribution: J. P. Posadas-Durán, H. Gómez-Adorno, G. Bel-Enguix et al. (FakeDeS @ IberLEF 2021)" Spanish ;;
*) echo "build-reference-df: no corpus for language '$LANG_' (en, es)" >&2; exit 2 ;;
esac
REPO_URL=$1 COMMIT=$2 FILES=$3 SOURCE=$4 LICENCE=$5 WHAT=$6
TOP=6000
MIN_DF=3
OUT=data/$LANG_/reference_df.tsv
W=$(mktemp -d "${TMPDIR:-/tmp}/vg-refdf.XXXXXX")
trap 'rm -rf "$W"' EXIT

# The rows of the corpus our article sets use, sorted, and their fingerprint.
python3 - "$REPO_URL" tests/articles/*/SOURCES.md > "$W/used" <<'PY'
import re, sys
repo = sys.argv[1].split("github.com/")[1]
used = set()
for p in sys.argv[2:]:
    text = open(p, encoding="utf-8").read()
    for f, row in re.findall(re.escape(repo) + r"/(?:data/)?([\w.-]+\.(?:csv|xlsx))\[data row (\d+)", text):
        used.add(f"{f}\t{int(row)}")
print("\n".join(sorted(used)))
PY
LEFT_OUT="$(grep -c . "$W/used" || true) rows of tests/articles left out (sha256 of their list: $(sha256sum < "$W/used" | cut -c1-16))"
if [ "$CHECK" = 1 ]; then echo "$LEFT_OUT"; exit 0; fi

if [ -z "$CORPUS" ]; then
    git clone -q --bare "$REPO_URL" "$W/corpus.git"
    CORPUS=$W/corpus.git
fi
git -C "$CORPUS" cat-file -e "$COMMIT^{commit}" || { echo "build-reference-df: $CORPUS has no commit $COMMIT" >&2; exit 1; }
for f in $FILES; do git -C "$CORPUS" show "$COMMIT:$f" > "$W/$(basename "$f")"; done

make -s build/libvigie-internal.a >/dev/null
cc -std=c11 -O2 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -o "$W/reference_df" scripts/reference_df.c \
    build/libvigie-internal.a $(make -s --no-print-directory print-libs)

# Documents, NUL-terminated, without the rows our article sets use nor any that repeats one of
# their texts.
python3 - "$LANG_" "$W" $FILES > "$W/docs" <<'PY'
import csv, glob, re, sys, zipfile
import xml.etree.ElementTree as ET
lang, w, files = sys.argv[1], sys.argv[2], [f.split("/")[-1] for f in sys.argv[3:]]
used = {tuple(l.split("\t")) for l in open(f"{w}/used", encoding="utf-8").read().split("\n") if l}
used = {(f, int(r)) for f, r in used}

def key(s):  # the start of a text, as compared with our sets' texts
    return re.sub(r"\W+", " ", s.lower()).strip()[:200]

ours = set()
for p in glob.glob("tests/articles/*/texts/*.txt"):
    lines = [l.strip() for l in open(p, encoding="utf-8").read().split("\n") if l.strip()]
    if len(lines) > 1:
        ours.add(key(" ".join(lines[1:])))  # the text without its title line

def xlsx_rows(path):
    ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    z = zipfile.ZipFile(path)
    shared = ["".join(t.text or "" for t in si.iter(ns + "t"))
              for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall(ns + "si")]
    rows = []
    for r in ET.fromstring(z.read("xl/worksheets/sheet1.xml")).iter(ns + "row"):
        row = {}
        for c in r.findall(ns + "c"):
            col = re.match(r"[A-Z]+", c.get("r")).group(0)
            v = c.find(ns + "v")
            if c.get("t") == "s":
                row[col] = shared[int(v.text)]
            elif c.get("t") == "inlineStr":
                row[col] = "".join(t.text or "" for t in c.iter(ns + "t"))
            else:
                row[col] = v.text if v is not None else ""
        rows.append(row)
    head = {v.lower(): k for k, v in rows[0].items()}
    return [{name: r.get(col, "") for name, col in head.items()} for r in rows[1:]]

def docs():
    for f in files:
        if f.endswith(".csv"):
            with open(f"{w}/{f}", encoding="utf-8", newline="") as fh:
                for i, r in enumerate(csv.DictReader(fh)):
                    yield f, i, r["title"].strip(), r["text"]
        else:
            for i, r in enumerate(xlsx_rows(f"{w}/{f}")):
                if r["category"].strip() not in ("True", "1"):
                    continue
                text = r["text"].replace("*NUMBER*", "0")
                title = r["headline"].replace("*NUMBER*", "0").strip()
                yield f, i, title, text

out = sys.stdout.buffer
kept = same = 0
seen = set()
for f, i, title, text in docs():
    if (f, i) in used:
        continue
    k = key(text)
    if k in ours or (title + k) in seen:
        same += 1
        continue
    seen.add(title + k)
    out.write((title + "\n" + text).replace("\0", " ").encode("utf-8") + b"\0")
    kept += 1
print(f"build-reference-df: {kept} documents, {len(used)} rows of tests/articles and {same} repeats left out",
      file=sys.stderr)
PY

{
    echo "# reference_df.tsv - document frequencies of $WHAT news words, mixed with the collection's own in"
    echo "# story clustering (lib/cluster/reference.h). Built by scripts/build-reference-df.sh $LANG_; do not edit."
    echo "# Source: $SOURCE,"
    echo "# $REPO_URL commit $COMMIT, $(echo $FILES | sed 's/ /, /g'),"
    echo "# less the rows tests/articles uses: $LEFT_OUT."
    echo "# Licence: $LICENCE."
    echo "# Counts only (top $TOP terms, df >= $MIN_DF)."
    echo "# TERM<TAB>DOCUMENTS (folded as lib/dedup/words.c folds words); @documents: the corpus size."
    "$W/reference_df" "$TOP" "$MIN_DF" < "$W/docs"
} > "$OUT"
echo "build-reference-df: $OUT, $(grep -vc '^#' "$OUT") rows"
