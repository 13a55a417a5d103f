#!/usr/bin/env bash
# check-languages.sh - every language folder data/<xx>/ has every file data/fr/ has, each with rows,
# and each one parses: the analyser, the chrome patterns and the language identifier load them all
# (`vigie analyze` on a line in each language), and the gazetteer's word lists compile.
# usage: scripts/check-languages.sh [DATA_DIR] (default data/); VIGIE: the binary (default build/vigie).
# Prints one line per problem; exit 1 if any.
set -u
cd "$(dirname "$0")/.."
DATA="${1:-data}"
VIGIE="${VIGIE:-build/vigie}"
REF="$DATA/fr"
bad=0
problem() { echo "check-languages: $*"; bad=1; }

[ -d "$REF" ] || { echo "check-languages: $REF missing (the reference folder)"; exit 1; }
langs=()
for d in "$DATA"/*/; do
    code=$(basename "$d")
    [[ "$code" =~ ^[a-z][a-z]$ ]] || continue # ISO 639-1 codes; geo/ and gate/ are not languages
    langs+=("$code")
    for f in "$REF"/*; do
        name=$(basename "$f")
        if [ ! -f "$d$name" ]; then problem "$d$name missing (data/fr has it; docs/adding-a-language.md)"; continue; fi
        grep -qv '^\s*\(#.*\)\?$' "$d$name" || problem "$d$name has no row"
    done
done
[ ${#langs[@]} -gt 0 ] || problem "no language folder under $DATA"

# The analyser, chrome patterns and langid word lists load at start: a bad row stops vigie with FILE:LINE.
T=$(mktemp -d "${TMPDIR:-/tmp}/vg-langs.XXXXXX")
trap 'rm -rf "$T"' EXIT
for code in "${langs[@]}"; do
    printf '{"id": "%s", "lang": "%s", "text": "Test line one for the language check, long enough to be kept as article text."}\n' "$code" "$code" >>"$T/in.jsonl"
done
if ! VIGIE_DATA="$DATA" "$VIGIE" analyze "$T/in.jsonl" >"$T/out" 2>"$T/err"; then
    problem "vigie analyze does not load $DATA: $(head -3 "$T/err")"
fi

# The gazetteer's word lists (places-words, places-demonyms), as scripts/build-gazetteer.sh compiles them.
CC="${CC:-cc}"
if "$CC" -std=c11 -O0 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -o "$T/gz" \
    scripts/gazetteer-compile.c lib/analyze/gazetteer.c lib/text/stem.c lib/core/*.c $(pkg-config --cflags --libs libutf8proc) \
    -lstemmer -lm 2>"$T/cc"; then
    : >"$T/places.tsv"
    words=()
    for code in "${langs[@]}"; do
        for f in places-words.tsv places-demonyms.tsv; do [ -f "$DATA/$code/$f" ] && words+=("$DATA/$code/$f"); done
    done
    "$T/gz" "$T/gz.bin" "$T/places.tsv" -- "${words[@]}" >/dev/null 2>"$T/gzerr" || problem "gazetteer word lists: $(head -3 "$T/gzerr")"
else
    problem "cannot build the gazetteer compiler: $(head -3 "$T/cc")"
fi
# places-countries.tsv: ISO2 <TAB> name [<TAB> aliases]; places-admin1.tsv (where there is one): ISO2 <TAB> name <TAB> aliases
for code in "${langs[@]}"; do
    awk -F'\t' -v f="$DATA/$code/places-countries.tsv" '/^#/ || !NF {next}
        $1 !~ /^[A-Z][A-Z]$/ || NF < 2 || $2 == "" {printf "check-languages: %s:%d: expected ISO2<TAB>NAME[<TAB>ALIASES]\n", f, NR; bad=1}
        END {exit bad}' "$DATA/$code/places-countries.tsv" 2>/dev/null || bad=1
    [ -f "$DATA/$code/places-admin1.tsv" ] || continue
    awk -F'\t' -v f="$DATA/$code/places-admin1.tsv" '/^#/ || !NF {next}
        $1 !~ /^[A-Z][A-Z]$/ || NF < 3 {printf "check-languages: %s:%d: expected ISO2<TAB>NAME<TAB>ALIASES\n", f, NR; bad=1}
        END {exit bad}' "$DATA/$code/places-admin1.tsv" || bad=1
done
[ $bad = 0 ] && echo "check-languages: ${langs[*]}: every file of data/fr, each loads"
exit $bad
