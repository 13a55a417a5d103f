#!/usr/bin/env bash
# train-gate.sh - rebuilds the document gate's model, data/gate/model.txt, from the dev data it names
# (see scripts/train-gate.py). Deterministic: the same data give the same bytes.
# Usage: scripts/train-gate.sh [--report] [--heldout] [--heldout-sets] [--check] [VIGIE]
#   --report  leave-one-group-out figures per split and language before training, then leave one
#             whole set out and one whole source out (a new set shares neither with training)
#   --heldout the article sets end to end, each group analysed under a model trained without it
#             (KEEP=DIR keeps the held-out rows, DIR/heldout-SET.jsonl)
#   --heldout-sets  the same, each article set analysed under a model trained without the whole set
#             (DIR/heldout-set-SET.jsonl)
#   --check   rebuild into a temporary file and compare with the committed model (exit 1 if they differ)
# Needs ../shared/eval (or SHARED=DIR); without it, says so and exits 0.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${SHARED:-${VIGIE_SHARED:-$PWD/../shared}}"
report=(); heldout=(); check=0; VIGIE=./vigie
for a in "$@"; do
    case "$a" in
        --report) report=(--report) ;;
        --heldout) heldout+=(--heldout) ;;
        --heldout-sets) heldout+=(--heldout-sets) ;;
        --check) check=1 ;;
        *) VIGIE="$a" ;;
    esac
done
[ -d "$SHARED/eval/articles" ] || { echo "train-gate: $SHARED/eval not found, skipped"; exit 0; }
command -v liblinear-train >/dev/null || { echo "train-gate: liblinear-train missing (scripts/setup.sh installs liblinear-tools)" >&2; exit 1; }
[ "$VIGIE" != ./vigie ] || make -s vigie >/dev/null
out=data/gate/model.txt
if [ $check = 1 ]; then out=$(mktemp); trap 'rm -f "$out"' EXIT; fi
[ -z "${KEEP:-}" ] || [ ${#heldout[@]} = 0 ] || heldout+=(--keep "$KEEP")
python3 scripts/train-gate.py --vigie "$VIGIE" --shared "$SHARED" --model "$out" "${report[@]}" "${heldout[@]}"
if [ $check = 1 ]; then
    if cmp -s "$out" data/gate/model.txt; then echo "train-gate: data/gate/model.txt is what the script rebuilds"
    else echo "train-gate: data/gate/model.txt differs from what the script rebuilds" >&2; exit 1; fi
fi
