#!/usr/bin/env python3
"""check-article-set.py - is a hand-coded article set well formed?

usage: check-article-set.py SET_DIR...   (SET_DIR holds texts/NNN.txt, gold.jsonl, SOURCES.md)

Checks, per set: every gold line parses and names a text that exists, every
text has exactly one gold line; each event has the fields of the shared gold
format; its sub_event_type belongs to its event_type (ACLED's list, read from
lib/analyze/taxonomy.c so that there is one list); its sentence occurs verbatim
in its text; event_date is null or YYYY-MM-DD; fatalities is null or an integer
>= 0; a trap (political_violence false) has no event. Across the sets given, no
article appears twice (same headline line): a second set must stay separate from
the first, or it is not an unseen check. Prints one line per problem and exits 1
if there is any.
"""
import json, os, re, sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
FIELDS = ("event_type", "sub_event_type", "country", "location", "location_en",
          "event_date", "fatalities", "actor1", "actor2", "core", "sentence")


def taxonomy():
    src = open(os.path.join(ROOT, "lib/analyze/taxonomy.c"), encoding="utf-8").read()
    pairs = re.findall(r'X\("([^"]+)", "([^"]+)"\)', src)
    if not pairs:
        sys.exit("check-article-set: no sub-types found in lib/analyze/taxonomy.c")
    return {sub: typ for sub, typ in pairs}


def check(set_dir, subtypes):
    bad = []
    texts_dir = os.path.join(set_dir, "texts")
    texts = sorted(f for f in os.listdir(texts_dir) if f.endswith(".txt"))
    if not os.path.exists(os.path.join(set_dir, "SOURCES.md")):
        bad.append(f"{set_dir}: SOURCES.md missing")
    seen = set()
    for n, line in enumerate(open(os.path.join(set_dir, "gold.jsonl"), encoding="utf-8"), 1):
        where = f"{set_dir}/gold.jsonl:{n}"
        if not line.strip():
            continue
        try:
            g = json.loads(line)
        except ValueError as e:
            bad.append(f"{where}: not JSON ({e})"); continue
        doc = g.get("doc")
        if doc not in texts:
            bad.append(f"{where}: doc {doc!r} has no text"); continue
        if doc in seen:
            bad.append(f"{where}: doc {doc} coded twice")
        seen.add(doc)
        text = open(os.path.join(texts_dir, doc), encoding="utf-8").read()
        for k in ("political_violence", "events", "reason", "doubt"):
            if k not in g:
                bad.append(f"{where}: {doc}: no {k}")
        events = g.get("events") or []
        if g.get("political_violence") is False and events:
            bad.append(f"{where}: {doc}: a trap with events")
        if g.get("political_violence") is True and not events:
            bad.append(f"{where}: {doc}: political violence without an event")
        for i, e in enumerate(events):
            at = f"{where}: {doc} event {i + 1}"
            for k in FIELDS:
                if k not in e:
                    bad.append(f"{at}: no {k}")
            if subtypes.get(e.get("sub_event_type")) != e.get("event_type"):
                bad.append(f"{at}: sub_event_type {e.get('sub_event_type')!r} is not one of {e.get('event_type')!r}")
            if not e.get("sentence") or e["sentence"] not in text:
                bad.append(f"{at}: sentence not found verbatim in the text")
            d = e.get("event_date")
            if d is not None and not re.fullmatch(r"\d{4}-\d\d-\d\d", str(d)):
                bad.append(f"{at}: event_date {d!r} is not YYYY-MM-DD or null")
            f = e.get("fatalities")
            if f is not None and (not isinstance(f, int) or isinstance(f, bool) or f < 0):
                bad.append(f"{at}: fatalities {f!r} is not null or an integer >= 0")
    for t in texts:
        if t not in seen:
            bad.append(f"{set_dir}: texts/{t} has no gold line")
    return bad


def repeated_articles(set_dirs):
    """Articles whose headline (first line) occurs in more than one set or twice in one."""
    seen, bad = {}, []
    for d in set_dirs:
        texts_dir = os.path.join(d, "texts")
        for t in sorted(f for f in os.listdir(texts_dir) if f.endswith(".txt")):
            with open(os.path.join(texts_dir, t), encoding="utf-8") as fh:
                head = " ".join(fh.readline().split()).lower()
            where = f"{d}/texts/{t}"
            if head and head in seen:
                bad.append(f"{where}: same article as {seen[head]}")
            else:
                seen[head] = where
    return bad


def main():
    if len(sys.argv) < 2:
        print(__doc__); sys.exit(2)
    subtypes = taxonomy()
    bad = []
    dirs = [d.rstrip("/") for d in sys.argv[1:]]
    for d in dirs:
        bad += check(d, subtypes)
    bad += repeated_articles(dirs)
    for b in bad:
        print(b)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
