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
