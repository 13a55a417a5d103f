#!/usr/bin/env bash
# layers.sh - lib/ and cli/ keep to the layers of lib/README.md
# (scripts/check-layers.sh), and the check does catch a breach: on a copy of
# the tree with four planted, each is reported.
set -u
cd "$(dirname "$0")/../.."
out=$(scripts/check-layers.sh 2>&1) || { echo "$out"; exit 1; }

T="${TMPDIR:-/tmp}/layers-$$"
mkdir -p "$T" && cp -r lib cli include scripts "$T/"
trap 'rm -rf "$T"' EXIT
f=$(ls "$T"/lib/analyze/*.c | head -1)
printf '#include "../store/internal.h"\n' >> "$f"
printf '#include "../lib/core/buf.h"\n' >> "$T/cli/main.c"
printf '#include "vigie.h"\nvoid vg_layers_planted(void);\nvoid vg_layers_planted(void) { vg_db_commit(0); }\n' > "$T/lib/text/planted.c"
mkdir -p "$T/lib/newfolder" && printf 'int vg_unused_x;\n' > "$T/lib/newfolder/x.c"
if got=$("$T/scripts/check-layers.sh" 2>&1); then echo "not ok: planted breaches passed the check"; exit 1; fi
fails=0
for want in "analyze/ may not include store/" "cli/main.c:[0-9]*: cli/ may not include core/" \
            "planted.c calls vg_db_commit (store/): text/ may not use store/" "lib/newfolder/ has no row"; do
    grep -q "$want" <<< "$got" || { echo "not ok: not reported: $want"; fails=1; }
done
[ "$fails" -eq 0 ] || { echo "$got"; exit 1; }
