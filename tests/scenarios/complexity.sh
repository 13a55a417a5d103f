#!/usr/bin/env bash
# complexity.sh - no function over 50 decision points (curl's limit, measured by
# scripts/top-complexity.sh with pmccabe) unless tests/complexity-allow.txt
# lists it, and every listed function is still over: the list only shrinks.
set -u
cd "$(dirname "$0")/../.."
LIMIT=50
ALLOW=tests/complexity-allow.txt
over=$(scripts/top-complexity.sh "$LIMIT") || { echo "not ok: scripts/top-complexity.sh failed"; exit 1; }
allowed=$(sed 's/#.*//' "$ALLOW" | awk 'NF { print $1 }' | sort -u)
fails=0
while IFS=$'\t' read -r score where name; do
    [ -n "$name" ] || continue
    if ! grep -qxF -- "$name" <<< "$allowed"; then
        echo "not ok: $name ($where) has $score decision points, over $LIMIT: split it into named steps"
        fails=$((fails + 1))
    fi
done <<< "$over"
names_over=$(cut -f3 <<< "$over" | sort -u)
while read -r name; do
    [ -n "$name" ] || continue
    if ! grep -qxF -- "$name" <<< "$names_over"; then
        echo "not ok: $name is in $ALLOW but no longer over $LIMIT: remove its line"
        fails=$((fails + 1))
    fi
done <<< "$allowed"
[ "$fails" -eq 0 ]
