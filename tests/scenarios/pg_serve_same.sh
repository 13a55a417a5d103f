#!/usr/bin/env bash
# pg_serve_same.sh - `vigie serve` on PostgreSQL answers as it does on SQLite: the same input
# ingested into both, a server on each, and every main endpoint (events with each filter and
# cursor paging, events/{id}, stories, stories/{id}, articles/{id}, search, stats, health, the
# exports, refusals) compared byte for byte by tests/scenarios/lib/serve_compare.py, which says
# what it blanks and why (ingest times; search's score, snippet and hit order). Then the
# PostgreSQL server passes serve_api.sh's API checks (serve_check.py), sees a new commit
# without a restart (its answers are cached by the database's version), keeps answering across a
# restart of the PostgreSQL server, and stops a read past its time budget (statement_timeout)
# with a 503. Without the private PostgreSQL cluster this fails: it never skips.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
VIGIE=${VIGIE:-$ROOT/vigie}
T=$(mktemp -d)
. "$ROOT/tests/scenarios/lib/serve.sh"
. "$ROOT/tests/scenarios/lib/pg.sh"
PG=$(pg_db serve_same) || fail "no PostgreSQL database: the test cluster did not start (scripts/pg-test-server.sh)"
[ -n "$PG" ] || fail "no PostgreSQL URL"

cd "$ROOT"
IN=(samples tests/fixtures/events tests/fixtures/html)
"$VIGIE" ingest --quiet --db "$T/s.db" "${IN[@]}" >"$T/ingest-sq.out" 2>&1 || fail "ingest into SQLite"
"$VIGIE" ingest --quiet --db "$PG" "${IN[@]}" >"$T/ingest-pg.out" 2>&1 || fail "ingest into PostgreSQL"
serve_start sq "$T/s.db"
SQ_URL=$URL
serve_start pg "$PG" --query-ms 5000 --threads 2
PG_URL=$URL
python3 tests/scenarios/lib/serve_compare.py "$SQ_URL" "$PG_URL" >"$T/compare.out" 2>&1 ||
    fail "SQLite and PostgreSQL answer differently: $(head -c 3000 "$T/compare.out")"

# serve_api.sh's checks on PostgreSQL: every endpoint, filter and bad value, every answer valid
# against the OpenAPI document
python3 -c 'import jsonschema' 2>/dev/null || fail "python3-jsonschema missing (scripts/setup.sh installs it)"
PGC=$(pg_db serve_check) || fail "no third PostgreSQL database"
"$VIGIE" ingest --quiet --db "$PGC" samples >"$T/ingest-check.out" 2>&1 || fail "ingest samples into PostgreSQL"
serve_start check "$PGC"
python3 tests/scenarios/lib/serve_check.py "$URL" lib/serve/openapi.json >"$T/check.out" 2>&1 ||
    fail "API checks on PostgreSQL: $(grep -v '^serve_check' "$T/check.out" | head -20)"
serve_stop check

# a commit shows on the PostgreSQL server without a restart (the answer cache follows the snapshot)
articles() { curl -sf "$1/api/health" | python3 -c 'import json,sys; print(json.load(sys.stdin)["database"]["articles"])'; }
before=$(articles "$PG_URL") && [ "$(articles "$PG_URL")" = "$before" ] || fail "health on PostgreSQL"
printf '{"id":"late-1","outlet":"Late Wire","lang":"en","published":"2025-04-02","title":"Late report","text":"Gunmen killed four people in Aleppo on Tuesday, residents said."}\n' >"$T/late.jsonl"
"$VIGIE" ingest --quiet --db "$PG" "$T/late.jsonl" >"$T/late.out" 2>&1 || fail "ingest a late article into PostgreSQL"
after=$(articles "$PG_URL")
[ "$after" = $((before + 1)) ] || fail "PostgreSQL server: articles $before -> $after after a commit (a stale cached answer?)"
curl -sf "$PG_URL/api/events?q=Gunmen&min_confidence=0" | grep -q 'Late Wire' || fail "the late article's event not served"

# the PostgreSQL server restarts: each thread's connection is opened again on its next read,
# and no request fails for it
scripts/pg-test-server.sh restart "$VIGIE_PG_DIR" || fail "restarting the PostgreSQL test cluster"
for i in 1 2 3 4 5 6 7 8; do
    code=$(curl -s -o "$T/after-restart.json" -w '%{http_code}' "$PG_URL/api/events?limit=$i&min_confidence=0")
    [ "$code" = 200 ] || fail "request $i after the PostgreSQL restart: $code $(head -c 300 "$T/after-restart.json")"
done
serve_stop pg
serve_stop sq

# the time bound: statement_timeout is the query budget (--query-ms), and a read past it is a 503
# that says so, as on SQLite; the same read within its budget answers
PGB=$(pg_db serve_budget) || fail "no second PostgreSQL database"
"$VIGIE" ingest --quiet --db "$PGB" "$T/late.jsonl" >"$T/budget.out" 2>&1 || fail "ingest into the budget database"
PSQL="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/psql"
"$PSQL" "$PGB" -v ON_ERROR_STOP=1 -qc "INSERT INTO events(article_id, event_date, year, event_type,
    sub_event_type, iso, country, confidence, fatalities, latitude, longitude)
    SELECT (SELECT min(id) FROM articles), to_char(date '2024-01-01' + i % 700, 'YYYY-MM-DD'), 2024,
    'Battles', 'Armed clash', 'SY', 'Syria', 0.9, i % 7, 30 + i % 10, 30 + i % 13 FROM generate_series(1, 400000) i" \
    >"$T/psql.out" 2>&1 || fail "generating events with psql"
serve_start budget "$PGB" --query-ms 1
code=$(curl -s -o "$T/slow.json" -w '%{http_code}' "$URL/api/stats?min_confidence=0&actor=x")
[ "$code" = 503 ] && grep -q "narrow the query" "$T/slow.json" ||
    fail "a read past a 1 ms budget on PostgreSQL: $code $(head -c 300 "$T/slow.json")"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/api/openapi.json")" = 200 ] || fail "the server after a timeout"
serve_stop budget
serve_start budget2 "$PGB" --query-ms 20000
code=$(curl -s -o "$T/ok.json" -w '%{http_code}' "$URL/api/stats?min_confidence=0&actor=x")
[ "$code" = 200 ] || fail "the same read within its budget: $code $(head -c 300 "$T/ok.json")"
serve_stop budget2
echo "ok: $(tail -1 "$T/compare.out"); on PostgreSQL $(tail -1 "$T/check.out")"
