#!/usr/bin/env bash
# exported_symbols.sh - the library's artefact (libvigie.a beside $VIGIE)
# defines as global symbols exactly the functions include/vigie.h declares
# (each with VG_API): nothing internal leaks out, nothing public is missing.
set -u
: "${VIGIE:?}"
cd "$(dirname "$0")/../.."
LIB="$(dirname "$VIGIE")/libvigie.a"
[ -f "$LIB" ] || { echo "not ok: $LIB missing (make $LIB)"; exit 1; }
# every function declared at the start of a line, VG_API or not (one without
# it is hidden from the artefact, so it shows up as missing)
declared=$(grep -E '^[A-Za-z]' include/vigie.h | grep -v '^typedef' | grep -oE '^[^(]*\bvg_[a-z0-9_]+\(' \
           | grep -oE 'vg_[a-z0-9_]+\($' | tr -d '(' | sort -u)
exported=$(nm -g --defined-only "$LIB" | awk 'NF == 3 { print $3 }' | sort -u)
[ -n "$declared" ] || { echo "not ok: no VG_API declaration found in include/vigie.h"; exit 1; }
extra=$(comm -13 <(echo "$declared") <(echo "$exported"))
missing=$(comm -23 <(echo "$declared") <(echo "$exported"))
[ -z "$extra" ] || echo "not ok: exported but not in vigie.h: $(echo $extra)"
[ -z "$missing" ] || echo "not ok: declared in vigie.h (VG_API) but not exported: $(echo $missing)"
[ -z "$extra" ] && [ -z "$missing" ] && echo "ok: $(echo "$declared" | wc -l) functions exported, as declared"
