#!/usr/bin/env bash
# eval-places.sh - place resolution alone on ACLED notes: country accuracy and share within 25 km
# (geo_precision 1-2 rows), taking vg_places_primary's pick per note, overall and on odd/even rows (decide
# on one half, confirm on the other), then the ceiling: rows naming any gazetteer place within 25 km.
# Skips without ../shared/eval.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${SHARED:-${VIGIE_SHARED:-$PWD/../shared}}"
CSV="${1:-$SHARED/eval/events/acled/dev.csv}"
[ -f "$CSV" ] || { echo "eval-places: $CSV not found, skipping"; exit 0; }
GAZ="${VIGIE_GEO_OUT:-$PWD/data/geo/gazetteer.bin}"
[ -f "$GAZ" ] || scripts/build-gazetteer.sh
OUT="${TMPDIR:-/tmp}/vigie-eval-places.$$"
mkdir -p "$OUT"
trap 'rm -rf "$OUT"' EXIT
PKG="$(pkg-config --cflags --libs libutf8proc)"
cc -std=c11 -O2 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -o "$OUT/tool" bench/gazetteer_tool.c \
    lib/analyze/gazetteer.c lib/analyze/places.c lib/analyze/tokens.c lib/text/*.c lib/core/*.c $PKG -lstemmer \
    -lexttextcat-2.0 -lm
python3 - "$CSV" "$OUT/notes.txt" <<'P'
import csv, sys
with open(sys.argv[1], newline='', encoding='utf-8') as f, open(sys.argv[2], 'w', encoding='utf-8') as o:
    for r in csv.DictReader(f):
        o.write(r['notes'].replace('\n', ' ').replace('\r', ' ') + '\n')
P
"$OUT/tool" "$GAZ" < "$OUT/notes.txt" > "$OUT/pred.tsv"
python3 - "$CSV" "$OUT/pred.tsv" "${EVAL_PLACES_ERRORS:-}" <<'P'
import csv, math, sys
rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))
pred = open(sys.argv[2], encoding='utf-8').read().split('\n')
errs = open(sys.argv[3], 'w') if sys.argv[3] else None
def km(a, b, c, d):
    r = math.pi / 180
    x = (d - b) * r * math.cos((a + c) * r / 2); y = (c - a) * r
    return 6371 * math.hypot(x, y)
n = len(rows); ok_c = 0; n_geo = 0; ok_geo = 0; none = 0
half = {1: [0, 0, 0, 0], 0: [0, 0, 0, 0]}  # odd / even data rows: notes, country ok, geo rows, geo ok
for i, (r, p) in enumerate(zip(rows, pred)):
    f = p.split('\t')
    h = half[(i + 1) % 2]
    h[0] += 1
    if not f[0]: none += 1
    if len(f) > 2 and f[2] == r['country']: ok_c += 1; h[1] += 1
    elif errs: errs.write('COUNTRY\t%s\t%s\t%s\n' % (r['country'], f[2] if len(f) > 2 else '', r['notes'][:200]))
    if r['geo_precision'] in ('1', '2'):
        n_geo += 1
        h[2] += 1
        if len(f) > 5 and f[4]:
            d = km(float(r['latitude']), float(r['longitude']), float(f[4]), float(f[5]))
            if d <= 25: ok_geo += 1; h[3] += 1
            elif errs: errs.write('GEO\t%s (%s)\t%s %.0fkm\t%s\n' % (r['location'], r['admin1'], f[0], d, f[8] if len(f) > 8 else ''))
        elif errs: errs.write('GEO\t%s (%s)\tnone\t%s\n' % (r['location'], r['admin1'], r['notes'][:160]))
print('places: %d notes, country %.3f, place_25km %.3f (%d rows with geo_precision 1-2), no place %d'
      % (n, ok_c / n, ok_geo / max(n_geo, 1), n_geo, none))
for name, k in (('odd', 1), ('even', 0)):
    h = half[k]
    print('places: %s rows: country %.3f, place_25km %.3f' % (name, h[1] / max(h[0], 1), h[3] / max(h[2], 1)))
P
# The ceiling: share of rows where some run of 1-5 words of the note, folded, is a name of a
# gazetteer place within 25 km of ACLED's point (no resolver could do better with exact names).
PLACES_TSV="$PWD/var/geo/places.tsv"
[ -f "$PLACES_TSV" ] && python3 - "$CSV" "$PLACES_TSV" <<'P'
import csv, math, re, sys, unicodedata
def fold(s):
    s = unicodedata.normalize('NFKD', s).encode('ascii', 'ignore').decode().lower()
    return ' '.join(re.findall(r'[a-z0-9]+', s))
def km(a, b, c, d):
    r = math.pi / 180
    return 6371 * math.hypot((d - b) * r * math.cos((a + c) * r / 2), (c - a) * r)
idx = {}
for line in open(sys.argv[2], encoding='utf-8'):
    p = line.rstrip('\n').split('\t')
    if p[0] not in 'AP':
        continue
    for nm in set(p[8].split('|')) | set(p[9].split('|') if len(p) > 9 else []):
        if nm:
            idx.setdefault(fold(nm), []).append((float(p[4]), float(p[5])))
n = hit = 0
for r in csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')):
    if r['geo_precision'] not in ('1', '2'):
        continue
    n += 1
    la, lo = float(r['latitude']), float(r['longitude'])
    w = fold(r['notes']).split()
    hit += any(km(la, lo, x, y) <= 25 for a in range(len(w)) for b in range(a + 1, min(a + 6, len(w)) + 1)
               for x, y in idx.get(' '.join(w[a:b]), ()))
print('places: ceiling: %.3f of geo rows name some gazetteer place within 25 km' % (hit / max(n, 1)))
P
true
