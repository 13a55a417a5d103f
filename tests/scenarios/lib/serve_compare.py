#!/usr/bin/env python3
"""serve_compare.py - the same API from two `vigie serve`s, one on SQLite, one on PostgreSQL,
over the same input: every answer compared byte for byte (tests/scenarios/pg_serve_same.sh).

Usage: serve_compare.py SQLITE_BASE_URL PG_BASE_URL

What may differ, and is blanked on both sides before comparing:
- the time each store ingested an article (two ingests, two clocks): "timestamp", "updated",
  "ingested", "last_ingested", and the CSV export's cut time (the first line, X-Export-Cut);
- /api/search's "score", "snippet" and the order of its hits: SQLite ranks with FTS5's bm25
  and cuts FTS5's snippet, PostgreSQL ranks with ts_rank and cuts vigie's own snippet
  (lib/store/pg_search.c). The hits themselves (every other field, and their number) are
  compared; the limit is the largest, so both give every hit;
- an error's message where the engines word it (a search query's syntax): status and the
  parameter named are compared.
Everything else, including cursors, ids, keys, counts and key order, must be the same bytes.
Prints one line per difference; exit 1 if any."""
import csv, io, json, re, sys, urllib.error, urllib.parse, urllib.request

SQ, PG = sys.argv[1], sys.argv[2]
diffs = []
compared = 0

TIME_FIELDS = re.compile(rb'"(timestamp)":-?[0-9]+|"(updated|ingested|last_ingested)":"[^"]*"')


def get(base, path):
    try:
        with urllib.request.urlopen(base + path, timeout=60) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def blank_times(body):
    return TIME_FIELDS.sub(lambda m: b'"' + (m.group(1) or m.group(2)) + b'":"~"', body)


def blank_csv(body):
    lines = body.decode().split("\n")
    if lines and lines[0].startswith("# vigie events export, cut "):
        lines[0] = re.sub(r"cut [0-9T:Z-]+;", "cut ~;", lines[0])
    rows = list(csv.reader(lines[1:]))
    if not rows or not rows[0]:
        return "\n".join(lines).encode()
    head = rows[0]
    blank = [i for i, n in enumerate(head) if n in ("timestamp", "updated")]
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    for r in rows:
        if r is not head:
            r = [("~" if i in blank else v) for i, v in enumerate(r)]
        w.writerow(r)
    return (lines[0] + "\n" + out.getvalue()).encode()


def differ(path, a, b):
    diffs.append(path)
    # where the bodies part: a little context
    i = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
    print(f"DIFF {path} at byte {i}:\n  sqlite: {a[max(0, i - 80):i + 120]!r}\n  pg:     {b[max(0, i - 80):i + 120]!r}")


def same(path, normal=blank_times):
    """Both answers to path, compared after `normal`; the SQLite one parsed when JSON."""
    global compared
    compared += 1
    sa, a = get(SQ, path)
    sb, b = get(PG, path)
    if sa != sb:
        differ(path + f" (status {sa} vs {sb})", a, b)
        return None
    na, nb = normal(a), normal(b)
    if na != nb:
        differ(path, na, nb)
    if sa != 200:
        return None
    try:
        return json.loads(a)
    except ValueError:
        return None


def same_error(path, status):
    """An error on both, with the same status and parameter (the message may be the engine's)."""
    global compared
    compared += 1
    (sa, a), (sb, b) = get(SQ, path), get(PG, path)
    ea, eb = json.loads(a).get("error", {}), json.loads(b).get("error", {})
    if not (sa == sb == status and ea.get("parameter") == eb.get("parameter")):
        differ(f"{path} (errors: {sa} {ea} vs {sb} {eb})", a, b)


def walk(path, key, limit):
    """Every page of a keyset-paged list, each compared; the items of all pages."""
    items, cursor, pages = [], None, 0
    while True:
        sep = "&" if "?" in path else "?"
        p = f"{path}{sep}limit={limit}" + (f"&cursor={urllib.parse.quote(cursor)}" if cursor else "")
        d = same(p)
        if d is None:
            return items
        items += d[key]
        cursor = d.get("next_cursor")
        pages += 1
        if not cursor or pages > 500:
            return items


def q(**kw):
    return urllib.parse.urlencode(kw)


# the data, as SQLite serves it: filter values that select something
health = same("/api/health")
every = walk("/api/events?min_confidence=0", "events", 1000)
if len(every) < 10:
    print(f"FAIL only {len(every)} events: the comparison proves little")
    sys.exit(1)
ev = next(e for e in every if e.get("admin1") and e.get("source") and e.get("story") and e.get("actor1"))
stories = walk("/api/stories", "stories", 1000)

# events: each filter, paged to the end 7 at a time (cursors compared), with totals
filters = [
    {}, {"min_confidence": 0}, {"min_confidence": 0.8},
    {"date_from": "2025-03-01", "date_to": "2025-03-31", "min_confidence": 0},
    {"country": ev["country"]}, {"country": ev["iso"]}, {"country": ev["iso"].lower(), "min_confidence": 0},
    {"admin1": ev["admin1"].upper()}, {"event_type": ev["event_type"]},
    {"sub_event_type": ev["sub_event_type"].lower()}, {"actor": ev["actor1"][:5].lower(), "min_confidence": 0},
    {"outlet": ev["source"]}, {"lang": ev["lang"], "min_confidence": 0}, {"story": ev["story"]},
    {"min_fatalities": 5, "min_confidence": 0}, {"bbox": "-20,-40,60,40"}, {"bbox": "170,-90,-170,90"},
    {"q": "Darfour", "min_confidence": 0}, {"q": '"forces de soutien"'}, {"q": "attaque OR protest*"},
    {"updated_since": "2000-01-01", "min_confidence": 0}, {"updated_since": "2999-01-01"},
    {"fields": "id,event_date,fatalities,latitude", "min_confidence": 0},
]
for f in filters:
    walk("/api/events?" + q(**f), "events", 7)
    same("/api/events?" + q(total="true", limit=3, **f))
    same("/api/stats?" + q(**{k: v for k, v in f.items() if k != "fields"}))
same("/api/events.geojson?min_confidence=0&limit=20000")
same("/api/events.jsonl?min_confidence=0&limit=20000")
same("/api/events.csv?min_confidence=0&limit=20000", blank_csv)
same("/api/events.csv?" + q(country=ev["iso"], fields="id,latitude,longitude,notes", limit=3), blank_csv)

# one event, one article, one story: every one
articles = set()
for e in every:
    same("/api/events/" + urllib.parse.quote(e["id"]))
    articles.add(e["article"])
for a in sorted(articles):
    same("/api/articles/" + urllib.parse.quote(a))
for s in stories:
    same("/api/stories/" + urllib.parse.quote(s["id"]))
    same("/api/stories/" + str(s["story"]))
walk("/api/stories", "stories", 3)
walk("/api/stories?" + q(date_from="2025-03-10", date_to="2025-03-31"), "stories", 2)

# search: the hits compared but for score and snippet, as a set (see above)
def hits(path):
    global compared
    compared += 1
    (sa, a), (sb, b) = get(SQ, path), get(PG, path)
    if sa != sb or sa != 200:
        differ(f"{path} (status {sa} vs {sb})", a, b)
        return
    da, db = json.loads(a), json.loads(b)
    def norm(d):
        rs = [{k: v for k, v in r.items() if k not in ("score", "snippet")} for r in d["results"]]
        return d["count"], d["limit"], sorted(json.dumps(r, ensure_ascii=False) for r in rs)
    if norm(da) != norm(db):
        differ(path, json.dumps(norm(da)).encode(), json.dumps(norm(db)).encode())
    for r in db["results"]:
        if not isinstance(r["snippet"], str) or not r["snippet"]:
            differ(path + " (a PostgreSQL hit without a snippet)", b"", json.dumps(r).encode())
    return da["count"]


found = 0
for text in ["Darfour", "armée", "soldats tués", "tu*", '"forces de soutien"', "police OR army", "attaque",
             "frap*", "killed", "al-Fashir", '"Port-au-Prince"', "protest* NOT police", "zzqx"]:
    found += hits("/api/search?" + q(q=text, limit=100)) or 0
    hits("/api/search?" + q(q=text, lang="fr", date_from="2025-01-01", limit=100))
if found < 5:
    print(f"FAIL searches found {found} hits in all: the comparison proves little")
    sys.exit(1)

# refusals: the same status and parameter
for path, status in [("/api/events?cursor=Zm9v", 400), ("/api/events?story=nope", 400),
                     ("/api/events?date_from=2025-02-30", 400), ("/api/events?q=a%20OR", 400),
                     ("/api/events/0000000000000000-61-0", 404), ("/api/articles/0000000000000000-61", 404),
                     ("/api/stories/0000000000000000-61", 404), ("/api/stories/999999", 404),
                     ("/api/stories?cursor=Zm9v", 400), ("/api/search?q=a%20OR", 400),
                     ("/api/search?q=x&date_to=2025-13-01", 400), ("/api/stats?event_type=Picnic", 400)]:
    same_error(path, status)

print(f"serve_compare: {compared} answers compared ({len(every)} events, {len(articles)} articles,"
      f" {len(stories)} stories, {found} search hits), {len(diffs)} differ")
sys.exit(1 if diffs else 0)
