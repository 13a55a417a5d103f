#!/usr/bin/env python3
"""places-misses.py - why the main event's country or place is wrong on ACLED's notes, grouped by cause.

usage: scripts/places-misses.py PRED.jsonl LABELS.csv [PLACES.tsv] [--list]

PRED.jsonl: `vigie analyze --format jsonl` of the notes (scripts/eval-events.sh leaves it in its
OUT_DIR as pred.jsonl); LABELS.csv: ACLED's coding (../shared/eval/events/acled/dev.csv);
PLACES.tsv: the gazetteer's source table (var/geo/places.tsv, written by build-gazetteer.sh).
The main event is score-events' (highest confidence). Prints the count of each cause; with
--list, every miss with its note, our country/location and ACLED's. With PLACES.tsv it also
says how much of what ACLED coded the gazetteer holds: a coded location (or its admin3/admin2)
counts when a gazetteer entry of that name (main or alternate, accents and punctuation folded)
lies within 25 km of ACLED's point.

Causes of a place miss (rows with geo_precision 1-2, farther than 25 km):
  no event / no place        no row, or a row without coordinates
  homonym                    we read ACLED's location name as a far namesake; the right one is in the gazetteer
  homonym, right one absent  the same, but the gazetteer has no entry of that name near ACLED's point
  another name of the note   some words of the note name a gazetteer place within 25 km; we chose another
  not in the gazetteer       nothing the note names is a gazetteer place within 25 km (by our distance)
Causes of a country miss: no event, no country at all, or the wrong one (with our location).
"""
import csv
import json
import math
import re
import sys
import unicodedata
from collections import Counter, defaultdict


def fold(s):
    s = unicodedata.normalize("NFKD", s or "").encode("ascii", "ignore").decode().lower()
    return " ".join(re.findall(r"[a-z0-9]+", s))


def km(a, b, c, d):
    r = math.pi / 180
    h = math.sin((c - a) * r / 2) ** 2 + math.cos(a * r) * math.cos(c * r) * math.sin((d - b) * r / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(min(1.0, h)))


def load_gazetteer(path):
    idx = defaultdict(list)
    for line in open(path, encoding="utf-8"):
        p = line.rstrip("\n").split("\t")
        if len(p) < 9 or p[0] not in "AP":
            continue
        names = {p[2]} | set(p[8].split("|")) | set(p[9].split("|") if len(p) > 9 else [])
        for nm in {fold(x) for x in names}:
            if nm:  # (a name in another script folds to nothing)
                idx[nm].append((float(p[4]), float(p[5])))
    return idx


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    listing = "--list" in sys.argv
    if len(args) < 2:
        print(__doc__)
        sys.exit(2)
    events = {}
    for line in open(args[0], encoding="utf-8"):
        if line.strip():
            rec = json.loads(line)
            evs = rec.get("events") or []
            events[str(rec.get("doc"))] = max(evs, key=lambda e: float(e.get("confidence") or 0), default=None)
    gz = load_gazetteer(args[2]) if len(args) > 2 else None

    def near(name, la, lo):
        return gz is not None and any(km(la, lo, x, y) <= 25 for x, y in gz.get(fold(name), ()))

    rows = list(csv.DictReader(open(args[1], encoding="utf-8")))
    place_causes, country_causes, cover = Counter(), Counter(), Counter()
    lines = defaultdict(list)
    n_geo = 0
    for r in rows:
        m = events.get(r["event_id_cnty"])
        ours = f"{(m or {}).get('country')} / {(m or {}).get('admin1')} / {(m or {}).get('location')}"
        gold = f"{r['country']} / {r['admin1']} / {r['admin2']} / {r['location']} (geo_precision {r['geo_precision']})"
        text = r["notes"].replace("\n", " ")
        if not m or str(m.get("country") or "").lower() != r["country"].lower():
            cause = "no event" if not m else "no country" if not m.get("country") else "wrong country"
            country_causes[cause] += 1
            lines["country: " + cause].append(f"{r['event_id_cnty']}  ours {ours}  gold {gold}\n    {text}")
        if not r.get("latitude"):
            continue
        la, lo = float(r["latitude"]), float(r["longitude"])
        if gz is not None:
            loc = r["location"]
            head = loc.split("-")[0]  # "Rio de Janeiro-West Zone": ACLED's town-district names
            inloc = near(loc, la, lo) or near(head, la, lo)
            cover["location"] += inloc
            cover["location, admin3 or admin2"] += inloc or near(r["admin3"], la, lo) or near(r["admin2"], la, lo)
            cover["notes"] += 1
        if r["geo_precision"] not in ("1", "2"):
            continue
        n_geo += 1
        d = None
        if m and m.get("latitude") is not None:
            d = km(la, lo, float(m["latitude"]), float(m["longitude"]))
        if d is not None and d <= 25:
            continue
        if not m:
            cause = "no event"
        elif d is None:
            cause = "no place"
        elif gz is None:
            cause = "farther than 25 km"
        else:
            w = fold(text).split()
            named = any(near(" ".join(w[a:b]), la, lo) for a in range(len(w)) for b in range(a + 1, min(a + 6, len(w)) + 1))
            if fold(m.get("location")) == fold(r["location"]):
                cause = "homonym" if near(r["location"], la, lo) else "homonym, right one absent"
            elif named:
                cause = "another name of the note"
            else:
                cause = "not in the gazetteer, ours " + ("25-50 km" if d <= 50 else "50-150 km" if d <= 150 else "> 150 km")
        place_causes[cause] += 1
        lines["place: " + cause].append(f"{r['event_id_cnty']}  {'?' if d is None else round(d)} km  ours {ours}  gold {gold}\n    {text}")
    n = len(rows)
    print(f"country misses: {sum(country_causes.values())} of {n}")
    for k, v in country_causes.most_common():
        print(f"  {v:5d}  {k}")
    print(f"place misses (> 25 km): {sum(place_causes.values())} of {n_geo} rows with geo_precision 1-2")
    for k, v in place_causes.most_common():
        print(f"  {v:5d}  {k}")
    if cover["notes"]:
        t = cover["notes"]
        print(f"gazetteer coverage of ACLED's coded places ({t} notes with coordinates):")
        print(f"  {cover['location'] / t:.3f}  location name within 25 km")
        print(f"  {cover['location, admin3 or admin2'] / t:.3f}  location, admin3 or admin2 name within 25 km")
    if listing:
        for k in sorted(lines):
            print(f"\n==== {k} ({len(lines[k])})")
            for s in lines[k]:
                print(s)


if __name__ == "__main__":
    main()
