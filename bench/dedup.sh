#!/usr/bin/env bash
# dedup.sh - near-duplicate detection as republishing produces it: real articles (the ECB+
# dev texts from ../shared when present, else generated text) copied with a new title, new
# chrome lines and a trimmed or added paragraph, mixed with distinct articles and ingested.
# Prints pairwise precision and recall of dup_of, docs/s and peak RSS. Never fails on a figure.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
VIGIE=${VIGIE:-$ROOT/vigie}
SHARED="${SHARED:-${VIGIE_SHARED:-$ROOT/../shared}}"
SRC="${1:-$SHARED/eval/clustering/ecbplus/dev}"
W=$(mktemp -d "${TMPDIR:-/tmp}/vg-bench-dedup-XXXXXX")
trap 'rm -rf "$W"' EXIT
python3 - "$SRC" "$W" <<'PY'
import json, os, random, re, sys
src, w = sys.argv[1], sys.argv[2]
rnd = random.Random(11)
texts = []
if os.path.isdir(src):
    for f in sorted(os.listdir(src)):
        t = open(os.path.join(src, f), encoding="utf-8", errors="replace").read()
        # the ECB+ files carry a URL and a dateline as their first lines; keep the body
        lines = [l for l in t.split("\n") if l.strip() and not l.startswith("http")]
        texts.append("\n\n".join(lines))
else:
    words = ("army village convoy market officials said attack north river police council hospital bridge "
             "wounded killed rebels talks mayor school road fighting shelling aid province capital border "
             "witnesses report minister election storm harbour court strike workers").split()
    for i in range(400):
        paras = [" ".join(rnd.choice(words) for _ in range(rnd.randint(25, 60))).capitalize() + "." for _ in range(rnd.randint(3, 7))]
        texts.append("\n\n".join(paras))
def shingles(t):
    toks = re.findall(r"\w+", t.lower())
    return {" ".join(toks[i:i + 5]) for i in range(len(toks) - 4)}
# the source set itself holds republished copies: keep one of each so that gold is known
kept, sh = [], []
for t in texts:
    s = shingles(t)
    if len(s) < 20: continue
    if any(len(s & o) / len(s | o) >= 0.3 for o in sh): continue
    kept.append(t); sh.append(s)
chrome_top = ["Share on Facebook | Tweet | Email", "ADVERTISEMENT", "Home > World > News", "Subscribe to our newsletter"]
chrome_end = ["Read more: latest headlines", "Copyright 2024 All rights reserved", "Comments (0)", "Related articles"]
extra = ["This article has been updated with additional reporting.", "Reporting by our correspondents; editing by the news desk.",
         "The agency contributed to this report, which was first published earlier in the day."]
docs, gold = [], {}
for i, t in enumerate(kept):
    docs.append((f"orig{i}", t))
for i, t in enumerate(kept):
    if rnd.random() >= 0.5: continue
    paras = t.split("\n\n")
    if rnd.random() < 0.5 and len(paras) >= 4:
        paras = paras[:-1] if rnd.random() < 0.5 else paras[1:]   # trimmed paragraph
    else:
        paras = paras + [rnd.choice(extra)]                      # added paragraph
    title = "UPDATE: " + " ".join(re.findall(r"\w+", t)[:8])
    body = "\n\n".join([rnd.choice(chrome_top), title] + paras + [rnd.choice(chrome_end)])
    cid = f"copy{i}"
    docs.append((cid, body)); gold[cid] = f"orig{i}"
# originals before their copies, otherwise shuffled
order = list(range(len(kept)))
rnd.shuffle(order)
copies = [d for d in docs if d[0].startswith("copy")]
rnd.shuffle(copies)
seq = [docs[i] for i in order]
for c in copies:
    j = seq.index(next(d for d in seq if d[0] == gold[c[0]]))
    seq.insert(rnd.randint(j + 1, len(seq)), c)
with open(os.path.join(w, "docs.jsonl"), "w") as o:
    for i, t in seq: o.write(json.dumps({"id": i, "text": t}) + "\n")
json.dump(gold, open(os.path.join(w, "gold.json"), "w"))
print(f"{len(kept)} distinct articles, {len(gold)} republished copies")
PY
/usr/bin/time -v "$VIGIE" ingest --db "$W/d.db" "$W/docs.jsonl" > "$W/out" 2> "$W/time"
tail -1 "$W/out"
"$VIGIE" articles --db "$W/d.db" --format jsonl > "$W/articles.jsonl"
python3 - "$W" <<'PY'
import json, os, sys
from itertools import combinations
w = sys.argv[1]
gold = json.load(open(os.path.join(w, "gold.json")))
rows = [json.loads(l) for l in open(os.path.join(w, "articles.jsonl"))]
by_id = {r["id"]: r for r in rows}
def root(r):
    seen = 0
    while r.get("dup_of") and seen < 10: r = by_id[r["dup_of"]]; seen += 1
    return r["doc"]
pred = {r["doc"]: root(r) for r in rows}
def pairs(groups):
    out = set()
    for g in groups.values():
        out |= {tuple(sorted(p)) for p in combinations(sorted(g), 2)}
    return out
gg, pg = {}, {}
for c, o in gold.items(): gg.setdefault(o, {o}).add(c)
for d, r in pred.items():
    if d != r: pg.setdefault(r, {r}).add(d)
gp, pp = pairs(gg), pairs(pg)
tp = len(gp & pp)
# A copy whose cleaned text is byte-identical to its original (chrome removal took
# everything that was added) is refused by the store's content hash: recognised, not stored.
refused = [c for c in gold if c not in pred]
gs = {p for p in gp if p[0] in pred and p[1] in pred}
print(f"near-duplicates stored with dup_of: precision {tp / len(pp) if pp else 1:.3f}  recall {len(gs & pp) / len(gs) if gs else 1:.3f}"
      f"  (pairs: gold {len(gs)}, found {len(pp)}, right {len(gs & pp)})")
print(f"all copies: {len(gold)}, refused as identical content {len(refused)}, "
      f"recognised overall {(len(gs & pp) + len(refused)) / len(gold) if gold else 1:.3f}")
PY
n=$(wc -l < "$W/docs.jsonl"); mb=$(du -m "$W/docs.jsonl" | cut -f1)
el=$(grep 'Elapsed (wall' "$W/time" | awk '{print $NF}'); rss=$(grep 'Maximum resident' "$W/time" | awk '{print $NF}')
python3 -c "
import sys
e='$el'.split(':'); s=sum(float(x)*60**i for i,x in enumerate(reversed(e)))
print(f'ingest: $n docs in {s:.2f}s = {$n/s:.0f} docs/s, {$mb/s if s else 0:.2f} MB/s (whole pipeline), peak RSS {int($rss)//1024} MB')"
