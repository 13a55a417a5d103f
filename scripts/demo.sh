#!/usr/bin/env bash
# demo.sh - on a fresh machine: install, build, build the gazetteer, ingest the
# bundled sample corpus into ./vigie.db and show what came out.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
make --no-print-directory -j"$(nproc)" >/dev/null
[ -x scripts/build-gazetteer.sh ] && scripts/build-gazetteer.sh
export VIGIE_DB="${VIGIE_DB:-$PWD/vigie.db}"
./vigie ingest samples/
echo; echo "== articles"; ./vigie articles --limit 20
echo; echo "== events"; ./vigie events --limit 20
echo; echo "== stories"; ./vigie stories --limit 20
echo; echo "== search: frappe"; ./vigie search frappe --limit 5

# The web view and the API over the same database, in the background; the last line is its address.
LISTEN="${VIGIE_LISTEN:-127.0.0.1:8080}"
mkdir -p var
[ -f var/serve.pid ] && kill "$(cat var/serve.pid)" 2>/dev/null && sleep 0.5
nohup ./vigie serve --db "$VIGIE_DB" --listen "$LISTEN" > var/serve.log 2>&1 &
echo $! > var/serve.pid
for _ in $(seq 50); do
    curl -fsS "http://$LISTEN/api/health" >/dev/null 2>&1 && break
    kill -0 "$(cat var/serve.pid)" 2>/dev/null || { echo "demo: vigie serve did not start:" >&2; cat var/serve.log >&2; exit 1; }
    sleep 0.2
done
echo; echo "== web view (stop it with: kill \$(cat var/serve.pid))"
echo "http://$LISTEN/"
