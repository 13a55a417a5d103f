#!/usr/bin/env bash
# events_country_names.sh - `vigie events --country` takes a country's name in the gazetteer's
# languages (French here), not only ISO codes and English names. Needs the built gazetteer.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
[ -f "${VIGIE_DATA:-$ROOT/data}/geo/gazetteer.bin" ] || { echo "skip: no gazetteer built"; exit 0; }
W=$(mktemp -d "${TMPDIR:-/tmp}/vg-evnames.XXXXXX")
trap 'rm -rf "$W"' EXIT
"$ROOT/tests/fixtures/events/make-db.sh" "$W/ev.db" || { echo "make-db failed"; exit 1; }
n=$("$VIGIE" events --db "$W/ev.db" --format jsonl --country Syrie | wc -l)
[ "$n" = 2 ] || { echo "--country Syrie: $n rows, wanted 2"; exit 1; }
out=$("$VIGIE" events --db "$W/ev.db" --country 'États-Unis' 2>&1) || { echo "États-Unis: $out"; exit 1; }
[ "$out" = "0 events" ] || { echo "États-Unis: $out"; exit 1; }
echo ok
