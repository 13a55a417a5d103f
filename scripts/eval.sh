#!/usr/bin/env bash
# eval.sh - `make eval`: every evaluation against ../shared/eval when it is there.
# Skips (exit 0) when the shared folder is absent, as on a bare clone.
set -uo pipefail
cd "$(dirname "$0")/.."
SHARED="${VIGIE_SHARED:-$PWD/../shared}"
if [ ! -d "$SHARED/eval" ]; then echo "eval: $SHARED/eval not found, skipping"; exit 0; fi
export SHARED
[ -x scripts/build-gazetteer.sh ] && scripts/build-gazetteer.sh
status=0
echo "== shared overlap"; python3 scripts/check-shared-overlap.py --shared "$SHARED" | tail -40 || status=1
echo "== seeds"; "$SHARED/eval/bin/check-seeds" ./vigie | tail -40 || status=1
for s in scripts/eval-*.sh; do
    [ -x "$s" ] || continue
    echo "== $(basename "$s" .sh)"
    "$s" || status=1
done
exit $status
