#!/usr/bin/env python3
"""check-article-set.py - is a hand-coded article set well formed?

usage: check-article-set.py [--gate-examples TSV] SET_DIR...
       (SET_DIR holds texts/NNN.txt, gold.jsonl, SOURCES.md)

Checks, per set: every gold line parses and names a text that exists, every
text has exactly one gold line; each event has the fields of the shared gold
format; its sub_event_type belongs to its event_type (ACLED's list, read from
lib/analyze/taxonomy.c so that there is one list); its sentence occurs verbatim
in its text; event_date is null or YYYY-MM-DD; fatalities is null or an integer
>= 0; a trap (political_violence false) has no event. Across the sets given, no
article appears twice (same headline line): a second set must stay separate from
the first, or it is not an unseen check. Prints one line per problem and exits 1
if there is any.

With --gate-examples TSV (data/gate/examples.tsv: label, path), the document
gate's training texts are checked against the sets: none may be a copy of a
set's article (same headline; point the TSV at the set's file instead), and none
may come from a set that tests/articles/UNSEEN lists (the unseen check: nothing
is trained on it, by path or by copy).
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


def headline(path):
    with open(path, encoding="utf-8") as fh:
        return " ".join(fh.readline().split()).lower()


def unseen_sets():
    """Set names (folder names under tests/articles) listed in tests/articles/UNSEEN."""
    path = os.path.join(ROOT, "tests", "articles", "UNSEEN")
    if not os.path.exists(path):
        return set()
    return {l.split("#")[0].strip() for l in open(path, encoding="utf-8")} - {""}


def gate_examples_in_sets(tsv, set_dirs):
    """Gate training texts that copy a set's article or come from an unseen set."""
    unseen = unseen_sets()
    heads = {}
    for d in set_dirs:
        texts_dir = os.path.join(d, "texts")
        for t in sorted(f for f in os.listdir(texts_dir) if f.endswith(".txt")):
            heads.setdefault(headline(os.path.join(texts_dir, t)), (os.path.basename(d), f"{d}/texts/{t}"))
    bad = []
    for n, line in enumerate(open(tsv, encoding="utf-8"), 1):
        if line.startswith("#") or not line.strip():
            continue
        path = line.rstrip("\n").split("\t")[1]
        parts = os.path.normpath(path).split(os.sep)
        where = f"{tsv}:{n}: {path}"
        if parts[:2] == ["tests", "articles"] and len(parts) > 2:
            if parts[2] in unseen:
                bad.append(f"{where}: trains on unseen set {parts[2]} (tests/articles/UNSEEN)")
            continue
        full = os.path.join(ROOT, path)
        if not os.path.exists(full):
            bad.append(f"{where}: no such file"); continue
        hit = heads.get(headline(full))
        if hit:
            kind = "the unseen set " + hit[0] if hit[0] in unseen else "an article set"
            bad.append(f"{where}: copy of {hit[1]} ({kind}); "
                       + ("drop it" if hit[0] in unseen else "point the TSV at that file instead"))
    return bad


def main():
    args = sys.argv[1:]
    gate_tsv = None
    if args[:1] == ["--gate-examples"] and len(args) >= 2:
        gate_tsv, args = args[1], args[2:]
    if not args:
        print(__doc__); sys.exit(2)
    subtypes = taxonomy()
    bad = []
    dirs = [d.rstrip("/") for d in args]
    for d in dirs:
        bad += check(d, subtypes)
    bad += repeated_articles(dirs)
    if gate_tsv:
        bad += gate_examples_in_sets(gate_tsv, dirs)
    for b in bad:
        print(b)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
