#!/usr/bin/env bash
# events_country_five_langs.sh - `vigie events --country SY` over a database of reports in English,
# French, Arabic, Russian and Spanish lists a row from each (tests/fixtures/syria-five), and the
# Arabic "دير الزور" and the Russian "Дейр-эз-Зоре" are one gazetteer place. Needs the built gazetteer.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
[ -f "${VIGIE_DATA:-$ROOT/data}/geo/gazetteer.bin" ] || { echo "skip: no gazetteer built"; exit 0; }
W=$(mktemp -d "${TMPDIR:-/tmp}/vg-five.XXXXXX")
trap 'rm -rf "$W"' EXIT
F="$ROOT/tests/fixtures/syria-five"
"$VIGIE" ingest --db "$W/five.db" --quiet "$F"/*.txt >/dev/null 2>"$W/err" || { echo "ingest failed"; cat "$W/err"; exit 1; }
"$VIGIE" events --db "$W/five.db" --format jsonl --country SY >"$W/sy.jsonl" 2>>"$W/err" || { echo "events failed"; cat "$W/err"; exit 1; }
for l in en fr ar ru es; do
    grep -q "\"doc\":\"$l.txt\"" "$W/sy.jsonl" || { echo "FAIL: no Syrian row from $l.txt"; cat "$W/sy.jsonl"; exit 1; }
done
loc() { grep "\"doc\":\"$1.txt\"" "$W/sy.jsonl" | head -1 | sed 's/.*"location":"\([^"]*\)".*/\1/'; }
[ "$(loc ar)" = "$(loc ru)" ] || { echo "FAIL: ar place '$(loc ar)', ru place '$(loc ru)'"; exit 1; }
echo ok
