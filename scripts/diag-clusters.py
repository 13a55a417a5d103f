#!/usr/bin/env python3
"""diag-clusters.py - which article pairs a stories database wrongly merged or split, grouped by cause.

usage: scripts/diag-clusters.py DB GOLD.tsv [-v]
  DB: a database `vigie ingest` filled (scripts/eval-clusters.sh makes one in a temporary
      folder; ingest the same folder yourself to keep it); GOLD: doc<TAB>cluster.
Pairs of one topic (gold cluster id without its trailing letters) only: across topics the
words already differ. Each pair gets the first cause that applies, in the order of the
anchors score.c compares (the article's own year, the latest years named, the main
event's date, its sure lead, one side dated and the other not), else 'words only'.
Prints the counts per cause for merged and split pairs, then (-v) the articles of each
mixed or split gold cluster with their features: published day, own/named years, main
event (type, actor, place, date, confidence) and the names (capitalised words) the pair
shares. A tool to find general causes, not a list of articles to special-case.
"""
import collections, itertools, re, sqlite3, sys

def topic(c):
    m = re.match(r"(\d+)", c)
    return m.group(1) if m else c

def features(db):
    out = {}
    for aid, src, pub, story, title, text in db.execute(
            "select id, source, published, story_id, title, text from articles where dup_of is null"):
        doc = (src or "").split("/")[-1]
        ev = db.execute("select event_type, actor1, location, latitude, longitude, geo_precision, event_date,"
                        " confidence from events where article_id = ? order by confidence desc limit 1",
                        (aid,)).fetchone()
        body = (title or "") + "\n" + (text or "")
        years = sorted({int(y) for y in re.findall(r"\b(19[5-9]\d|20\d\d)\b", body)})
        names = {w.lower() for w in re.findall(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]{2,}\b", body)}
        full = ev[6] if ev and ev[6] and re.match(r"\d{4}-\d\d-\d\d", ev[6]) else None
        out[doc] = dict(story=story, pub=pub, years=years, ev=ev, names=names, event_date=full,
                        dated=bool(pub) or bool(full))
    return out

def cause(a, b):
    if a["pub"] and b["pub"] and abs(int(a["pub"][:4]) - int(b["pub"][:4])) > 1:
        return "own years differ"
    if a["years"] and b["years"] and abs(a["years"][-1] - b["years"][-1]) > 1:
        return "latest years named differ"
    if a["event_date"] and b["event_date"] and a["event_date"] != b["event_date"]:
        return "event dates differ"
    if a["ev"] and b["ev"] and a["ev"][0] != b["ev"][0] and a["ev"][1] != b["ev"][1]:
        return "main events differ (type and actor)"
    if a["dated"] != b["dated"]:
        return "one dated, one not"
    if not a["dated"]:
        return "words only, both undated"
    return "words only, both dated"

def show(doc, f):
    ev = f["ev"]
    e = f"{ev[0]} | {ev[1]} | {ev[2]} ({ev[5]}) | {ev[6]} | {ev[7]:.2f}" if ev else "-"
    return f"  s{f['story']:<4} {doc:20} pub={f['pub'] or '-':10} years={','.join(map(str, f['years'][-4:])) or '-':20} {e}"

def main():
    if len(sys.argv) < 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        sys.exit(2)
    verbose = "-v" in sys.argv[3:]
    db = sqlite3.connect(sys.argv[1])
    gold = {}
    for line in open(sys.argv[2], encoding="utf-8"):
        r = line.rstrip("\n").split("\t")
        if len(r) >= 2 and r[0] != "doc":
            gold[r[0]] = r[1]
    feats = {d: f for d, f in features(db).items() if d in gold}
    by_topic = collections.defaultdict(list)
    for d in feats:
        by_topic[topic(gold[d])].append(d)
    merged, split = collections.Counter(), collections.Counter()
    bad = set()
    for docs in by_topic.values():
        for a, b in itertools.combinations(sorted(docs), 2):
            fa, fb = feats[a], feats[b]
            same_story, same_gold = fa["story"] == fb["story"], gold[a] == gold[b]
            if same_story and not same_gold:
                merged[cause(fa, fb)] += 1
                bad.add(gold[a]); bad.add(gold[b])
            elif same_gold and not same_story:
                split[cause(fa, fb)] += 1
                bad.add(gold[a])
    for name, c in (("wrongly merged pairs", merged), ("wrongly split pairs", split)):
        print(f"{name}: {sum(c.values())}")
        for k, v in c.most_common():
            print(f"  {v:5}  {k}")
    if verbose:
        for g in sorted(bad, key=lambda g: (int(topic(g)) if topic(g).isdigit() else 0, g)):
            docs = sorted(d for d in feats if gold[d] == g)
            stories = collections.Counter(feats[d]["story"] for d in docs)
            print(f"\ngold {g}: stories {dict(stories)}")
            for d in docs:
                print(show(d, feats[d]))
            common = set.intersection(*(feats[d]["names"] for d in docs)) if docs else set()
            print("  names every member shares:", " ".join(sorted(common)[:20]) or "-")

if __name__ == "__main__":
    main()
