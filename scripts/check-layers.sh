#!/usr/bin/env bash
# check-layers.sh - do lib/ and cli/ keep to the layers lib/README.md writes
# down? Reads the table between <!-- layers:begin --> and <!-- layers:end -->
# (folder, the folders it may include, the folders whose public functions it
# may also call through vigie.h) and checks:
#   1. every #include "..." in lib/ and cli/ names an existing file in its own
#      folder, vigie.h, or a folder its row allows;
#   2. every call from a lib/ folder to a function declared in vigie.h and
#      defined in another folder is allowed by one of the row's two columns
#      (every file may include vigie.h, so without this the include rule
#      would say little);
#   3. every folder of lib/ has a row.
# Usage: scripts/check-layers.sh [ROOT]. Prints one "not ok: ..." line per
# violation; exit 0 when there is none, 1 otherwise.
set -euo pipefail
cd "${1:-$(dirname "$0")/..}"
CC="${CC:-cc}"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/vigie-layers.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

sed -n '/<!-- layers:begin -->/,/<!-- layers:end -->/p' lib/README.md | grep '^| `' > "$TMP/rules" || true
[ -s "$TMP/rules" ] || { echo "not ok: no layer table in lib/README.md"; exit 1; }
find lib cli -name '*.[ch]' | sort > "$TMP/files"
ls -d lib/*/ | sed 's#^lib/##; s#/$##' > "$TMP/folders"

# Comments out, nothing expanded: every file once, through one compiler run;
# "#line 1" marks where each file starts.
while read -r f; do printf '#line 1 "%s"\n' "$f"; cat "$f"; echo; done < "$TMP/files" > "$TMP/all.c"
printf '#line 1 "include/vigie.h"\n' >> "$TMP/all.c"; cat include/vigie.h >> "$TMP/all.c"
"$CC" -w -fpreprocessed -dD -E "$TMP/all.c" > "$TMP/all.i"

awk -v RULES="$TMP/rules" -v FILES="$TMP/files" -v FOLDERS="$TMP/folders" -v STRIPPED="$TMP/all.i" '
function words(s, set,    n, a, i) {   # "`a` `b`" -> set[a], set[b]; "any" kept as a word
    gsub(/[`-]/, " ", s); n = split(s, a, " ")
    for (i = 1; i <= n; i++) set[a[i]] = 1
}
function folder_of(p,    a) {
    if (p ~ /^lib\/[^\/]+\//) { split(p, a, "/"); return a[2] }
    if (p ~ /^cli\//) return "cli"
    return ""
}
function resolve(dir, target,    n, a, out, k, i) {  # dir/target with ".." folded
    n = split(dir "/" target, a, "/"); k = 0
    for (i = 1; i <= n; i++) {
        if (a[i] == "" || a[i] == ".") continue
        if (a[i] == "..") { if (k > 0) k--; else return "" } else out[++k] = a[i]
    }
    s = ""; for (i = 1; i <= k; i++) s = s (i > 1 ? "/" : "") out[i]
    return s
}
function bad(msg) { print "not ok: " msg; fails++ }
BEGIN {
    FS = "|"
    while ((getline line < RULES) > 0) {
        split(line, c, "|"); f = c[2]; gsub(/[ `]/, "", f)
        has[f] = 1; split("", tmp)
        words(c[3], tmp); for (w in tmp) inc[f, w] = 1
        split("", tmp); words(c[4], tmp); for (w in tmp) calls[f, w] = 1
    }
    while ((getline line < FOLDERS) > 0) if (!(line in has)) bad("lib/" line "/ has no row in lib/README.md");
    while ((getline line < FILES) > 0) exists[line] = 1
    exists["include/vigie.h"] = 1

    # 1. includes, from the files as written (line numbers)
    close(FILES)
    while ((getline file < FILES) > 0) {
        from = folder_of(file); n = 0
        if (!(from in has)) continue
        dir = file; sub(/\/[^\/]*$/, "", dir)
        while ((getline line < file) > 0) {
            n++
            if (line !~ /^[ \t]*#[ \t]*include[ \t]*"/) continue
            t = line; sub(/^[^"]*"/, "", t); sub(/".*/, "", t)
            if (t == "vigie.h") continue
            p = resolve(dir, t)
            if (!(p in exists)) { bad(file ":" n " includes \"" t "\", not a file of lib/ or cli/"); continue }
            to = folder_of(p)
            if (to != from && !((from, to) in inc))
                bad(file ":" n ": " from "/ may not include " to "/ (\"" t "\"; lib/README.md)")
        }
        close(file)
    }

    # 2. public functions: declared in vigie.h, defined (column 0, no ";")
    #    in some folder; a call from elsewhere must be allowed.
    while ((getline line < STRIPPED) > 0) {
        if (line ~ /^#line 1 "/) { cur = line; sub(/^#line 1 "/, "", cur); sub(/".*/, "", cur); continue }
        if (cur == "include/vigie.h") {
            while (match(line, /vg_[a-z0-9_]+[ \t]*\(/)) {
                nm = substr(line, RSTART, RLENGTH); sub(/[ \t]*\($/, "", nm); public[nm] = 1
                line = substr(line, RSTART + RLENGTH)
            }
            continue
        }
        nl++; src[nl] = cur; text[nl] = line
    }
    for (i = 1; i <= nl; i++) {
        line = text[i]
        if (src[i] !~ /\.c$/ || line !~ /^[a-z][^(;=]*vg_[a-z0-9_]+\(/ || line ~ /^(static|typedef|extern)[ \t]/ || line ~ /;[ \t]*$/) continue
        nm = line; sub(/\(.*/, "", nm); sub(/.*[^a-z0-9_]/, "", nm)
        if ((nm in public) && !(nm in def)) def[nm] = folder_of(src[i])
    }
    for (i = 1; i <= nl; i++) {
        from = folder_of(src[i])
        if (from == "cli" || !(from in has) || (from, "any") in calls) continue
        line = text[i]
        while (match(line, /vg_[a-z0-9_]+[ \t]*\(/)) {
            nm = substr(line, RSTART, RLENGTH); sub(/[ \t]*\($/, "", nm)
            line = substr(line, RSTART + RLENGTH)
            if (!(nm in def) || def[nm] == from || (from, def[nm]) in inc || (from, def[nm]) in calls) continue
            if (!((src[i], nm) in said)) {
                said[src[i], nm] = 1
                bad(src[i] " calls " nm " (" def[nm] "/): " from "/ may not use " def[nm] "/ (lib/README.md)")
            }
        }
    }
    exit (fails > 0)
}'
