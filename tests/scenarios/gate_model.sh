#!/usr/bin/env bash
# gate_model.sh - data/gate/model.txt is exactly what scripts/train-gate.sh rebuilds from the dev
# data it names. Needs ../shared/eval and liblinear-train; without them, skipped (passes).
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SHARED="${SHARED:-${VIGIE_SHARED:-$ROOT/../shared}}"
if [ ! -d "$SHARED/eval/articles" ] || ! command -v liblinear-train >/dev/null; then
    echo "gate_model: no $SHARED/eval or liblinear-train, skipped"; exit 0
fi
SHARED="$SHARED" "$ROOT/scripts/train-gate.sh" --check "$VIGIE"
