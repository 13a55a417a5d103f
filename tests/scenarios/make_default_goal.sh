#!/usr/bin/env bash
# make_default_goal.sh - `make` with no target (what scripts/demo.sh runs on a fresh
# machine) must build ./vigie: the default goal is `all`, not the first rule that happens
# to come first in the Makefile (the generated web assets once did, and the demo then
# found no ./vigie). Asks make itself, without building anything (-n).
set -u
cd "$(dirname "$0")/../.."
goal=$(make -pn -f Makefile 2>/dev/null | sed -n 's/^\.DEFAULT_GOAL := //p' | tail -1)
if [ "$goal" = all ]; then
    echo "ok: make's default goal is all"
else
    echo "not ok: make's default goal is '${goal:-?}', not all: scripts/demo.sh's plain make would not build ./vigie"
    exit 1
fi
# and `all` builds the binary the demo runs: read from make's database of rules, not from
# `make -n all`, which prints nothing when ./vigie is already up to date
prereqs=$(make -pn -f Makefile 2>/dev/null | sed -n 's/^all: //p' | head -1)
case " $prereqs " in
    *" vigie "*) echo "ok: make all builds vigie" ;;
    *) echo "not ok: make all does not build vigie (all: ${prereqs:-nothing})"; exit 1 ;;
esac
