#!/usr/bin/env bash
# language_folders.sh - every data/<lang>/ has every file data/fr has and each one loads
# (scripts/check-languages.sh), and the check does catch a breach: on a copy of the data with a
# file missing, an unknown cue class and an unknown places-words class, each is reported.
set -u
cd "$(dirname "$0")/../.."
out=$(VIGIE="$VIGIE" scripts/check-languages.sh data 2>&1) || { echo "$out"; exit 1; }

T=$(mktemp -d "${TMPDIR:-/tmp}/vg-langfolders.XXXXXX")
trap 'rm -rf "$T"' EXIT
mkdir -p "$T/d"
for d in data/*/; do [[ "$(basename "$d")" =~ ^[a-z][a-z]$ ]] && cp -r "$d" "$T/d/"; done
cp data/langid.conf data/html_hints.tsv "$T/d/"
one=$(ls -d "$T"/d/*/ | grep -v '/fr/$' | head -1)
rm "${one}weekdays.tsv"
printf 'planted\tnot-a-class\n' >>"$T/d/fr/cues.tsv"
if got=$(VIGIE="$VIGIE" scripts/check-languages.sh "$T/d" 2>&1); then echo "not ok: planted breaches passed the check"; exit 1; fi
fails=0
for want in "${one}weekdays.tsv missing" "fr/cues.tsv:[0-9]*: unknown class 'not-a-class'"; do
    grep -q "$want" <<<"$got" || { echo "not ok: not reported: $want"; fails=1; }
done
sed -i '$d' "$T/d/fr/cues.tsv"
printf 'not-a-class\tword\n' >>"$T/d/fr/places-words.tsv"
got=$(VIGIE="$VIGIE" scripts/check-languages.sh "$T/d" 2>&1)
grep -q "fr/places-words.tsv:[0-9]*: unknown class 'not-a-class'" <<<"$got" || { echo "not ok: places-words class not reported"; fails=1; }
[ "$fails" -eq 0 ] || { echo "$got"; exit 1; }
echo ok
