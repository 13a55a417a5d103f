#!/usr/bin/env bash
# serve_api.sh - `vigie serve` on the samples' database: every endpoint, filter and bad value
# (tests/scenarios/lib/serve_check.py, answers validated against lib/serve/openapi.json), ids
# stable across a re-ingest in another order, answers while an ingest writes, the token rule.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
VIGIE=${VIGIE:-$ROOT/vigie}
T=$(mktemp -d)
. "$ROOT/tests/scenarios/lib/serve.sh"
python3 -c 'import jsonschema' 2>/dev/null || fail "python3-jsonschema missing (scripts/setup.sh installs it)"

"$VIGIE" ingest --db "$T/s.db" "$ROOT/samples" >"$T/ingest.out" 2>&1 || fail "ingest samples"
serve_start main "$T/s.db"
BASE=$URL
python3 "$ROOT/tests/scenarios/lib/serve_check.py" "$BASE" "$ROOT/lib/serve/openapi.json" >"$T/check.out" 2>&1 ||
    fail "API checks: $(grep -v '^serve_check' "$T/check.out" | head -20)"

ids() { python3 -c 'import json,sys,urllib.request
d=json.load(urllib.request.urlopen(sys.argv[1]+"/api/events?min_confidence=0&limit=1000"))
print("\n".join(sorted(e["id"]+" "+e["article"] for e in d["events"])))' "$1"; }

# the same inputs in another order: the same event and article ids
files=$(cd "$ROOT" && find samples -type f | sort -r)
(cd "$ROOT" && "$VIGIE" ingest --db "$T/r.db" $files) >"$T/ingest2.out" 2>&1 || fail "ingest in reverse order"
serve_start rev "$T/r.db"
ids "$BASE" >"$T/ids1" && ids "$URL" >"$T/ids2" || fail "listing ids"
[ -s "$T/ids1" ] && cmp -s "$T/ids1" "$T/ids2" || fail "ids differ across re-ingest: $(diff "$T/ids1" "$T/ids2" | head -5)"
serve_stop rev

# answers while an ingest writes (one commit per article), and what it commits shows without a restart
python3 - "$T/new.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    for i in range(40):
        f.write(json.dumps({"id": f"live-{i}", "outlet": "Live Wire", "lang": "en", "published": "2025-04-02",
            "title": f"Clashes in Aleppo district {i}",
            "text": f"Fighters clashed with government troops in the Quwaiqmarker{i} district of Aleppo on Tuesday, "
                    f"killing {i + 2} people, residents said. Report number {i} of the zorblax series."}) + "\n")
PY
before=$(curl -sf "$BASE/api/health" | python3 -c 'import json,sys; print(json.load(sys.stdin)["database"]["articles"])') || fail "health"
"$VIGIE" ingest --db "$T/s.db" --batch 1 "$T/new.jsonl" >"$T/live.out" 2>&1 &
ING=$!
n=0 bad=0
while kill -0 $ING 2>/dev/null || [ $n -lt 3 ]; do
    code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/events?min_confidence=0&limit=50")
    [ "$code" = 200 ] || bad=$((bad + 1))
    n=$((n + 1))
    [ $n -gt 2000 ] && break
done
wait $ING || fail "live ingest"
[ $bad -eq 0 ] || fail "$bad of $n requests failed while the ingest wrote"
after=$(curl -sf "$BASE/api/health" | python3 -c 'import json,sys; print(json.load(sys.stdin)["database"]["articles"])')
[ "$after" = $((before + 40)) ] || fail "articles $before -> $after: the 40 new ones not seen without a restart"
hits=$(curl -sf "$BASE/api/search?q=zorblax&limit=100" | python3 -c 'import json,sys; print(json.load(sys.stdin)["count"])')
[ "$hits" = 40 ] || fail "search finds $hits of the 40 new articles"
serve_stop main

# off loopback a token is required; with one, /api/ wants it (the page does not)
"$VIGIE" serve --db "$T/s.db" --listen 0.0.0.0:0 >"$T/open.out" 2>"$T/open.err" &
SERVE_PIDS+=($!)
wait $!; st=$?
[ $st -eq 2 ] && grep -q "token" "$T/open.err" || fail "non-loopback without --token: exit $st"
serve_start tok "$T/s.db" --token s3cret
[ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/api/health")" = 401 ] || fail "no token: not 401"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer wrong' "$URL/api/health")" = 401 ] || fail "wrong token: not 401"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer s3cret' "$URL/api/health")" = 200 ] || fail "token: not 200"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/")" = 200 ] || fail "the page wants no token"
serve_stop tok

# bad arguments: exit 2, saying which
"$VIGIE" serve --db "$T/s.db" --bogus 1 >/dev/null 2>"$T/arg.err"
[ $? -eq 2 ] && grep -q "unknown option '--bogus'" "$T/arg.err" || fail "unknown option"
"$VIGIE" serve --db "$T/s.db" --listen 127.0.0.1 >/dev/null 2>"$T/arg.err"
[ $? -eq 2 ] && grep -q "HOST:PORT" "$T/arg.err" || fail "--listen without a port"
"$VIGIE" serve --db "$T/s.db" --listen 127.0.0.1:70000 >/dev/null 2>"$T/arg.err"
[ $? -eq 2 ] || fail "--listen port out of range"

# CSV export and spreadsheet formulas (OWASP "CSV Injection"): a hostile page's outlet, id and title
# start with = @ - ; their cells start with an apostrophe, a negative longitude stays a number, and
# a link's query echoed in the export's first line starts no cell
python3 - "$T/formula.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    f.write(json.dumps({"id": "=cmd|' /C calc'!A0", "outlet": '=HYPERLINK("http://evil.example/","click")',
        "lang": "en", "published": "2025-03-10", "title": "@SUM(1+1) gunmen",
        "text": "Gunmen killed five people in Port-au-Prince, Haiti, on Monday, police said."}) + "\n")
PY
"$VIGIE" ingest --db "$T/f.db" "$T/formula.jsonl" >"$T/formula.out" 2>&1 || fail "ingest the formula fixture"
serve_start formula "$T/f.db"
curl -sf "$URL/api/events.csv?min_confidence=0&actor=%2C%3D1%2B1%3B%3D2%2B2" >"$T/f0.csv" || fail "CSV with a hostile filter"
curl -sf "$URL/api/events.csv?min_confidence=0&limit=10" >"$T/f1.csv" || fail "CSV export"
python3 - "$T/f0.csv" "$T/f1.csv" <<'PY' || fail "CSV formula defusing: $(cat "$T/f1.csv")"
import csv, re, sys
num = re.compile(r"-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$")
for path, want_rows in ((sys.argv[1], 0), (sys.argv[2], 1)):
    lines = open(path, encoding="utf-8").read().splitlines()
    assert lines[0].startswith("# vigie events export, cut "), lines[0]
    for delim in ",;":  # spreadsheets split on ; in some locales
        for row in csv.reader(lines, delimiter=delim):
            for cell in row:
                assert not cell or cell[0] not in "=+@\t\r" and (cell[0] != "-" or num.match(cell)), (delim, cell)
    rows = list(csv.DictReader(lines[1:]))
    assert len(rows) == want_rows, rows
    if rows:
        r = rows[0]
        assert r["source"] == "'" + '=HYPERLINK("http://evil.example/","click")', r["source"]
        assert r["title"].startswith("'@SUM"), r["title"]
        assert r["longitude"].startswith("-72."), r["longitude"]
PY
serve_stop formula

# no database: said at once
"$VIGIE" serve --db "$T/none.db" --listen 127.0.0.1:0 >"$T/none.out" 2>"$T/none.err"
[ $? -eq 1 ] && grep -q "no database" "$T/none.err" || fail "missing database not refused"
echo "ok: $(tail -1 "$T/check.out")"
