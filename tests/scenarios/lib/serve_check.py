#!/usr/bin/env python3
"""serve_check.py - the API checks of tests/scenarios/serve_api.sh against a running `vigie serve`.

Usage: serve_check.py BASE_URL OPENAPI.json
Every JSON answer is validated against the OpenAPI document's schema for its
operation and status. Prints one line per failed check; exit 1 if any."""
import gzip, json, sys, urllib.error, urllib.parse, urllib.request

import jsonschema

BASE, SPEC = sys.argv[1], json.load(open(sys.argv[2]))
failures = []
checks = 0


def check(cond, what):
    global checks
    checks += 1
    if not cond:
        failures.append(what)
        print("FAIL:", what)
    return cond


def get(path, headers=None, method="GET"):
    req = urllib.request.Request(BASE + path, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def operation(path):
    """The OpenAPI path template a request path falls under."""
    p = path.split("?")[0]
    for tpl in SPEC["paths"]:
        a, b = tpl.strip("/").split("/"), p.strip("/").split("/")
        if len(a) == len(b) and all(x == y or x.startswith("{") for x, y in zip(a, b)):
            return SPEC["paths"][tpl]["get"]
    return None


def validate(path, status, body):
    op = operation(path)
    if op is None and status == 404:  # no such endpoint: still the documented error shape
        op = {"responses": {"404": {"$ref": "#/components/responses/NotFound"}}}
    if not check(op is not None, f"{path}: no operation in the OpenAPI document"):
        return
    r = op["responses"].get(str(status))
    if not check(r is not None, f"{path}: status {status} not documented"):
        return
    while "$ref" in r:
        r = SPEC["components"]["responses"][r["$ref"].split("/")[-1]]
    content = r.get("content", {})
    if "application/json" not in content:
        return
    schema = dict(content["application/json"]["schema"])
    schema["components"] = SPEC["components"]
    try:
        jsonschema.Draft202012Validator(schema).validate(json.loads(body))
        check(True, "")
    except jsonschema.ValidationError as e:
        check(False, f"{path}: {status} answer does not match the OpenAPI schema: {e.message} at {list(e.absolute_path)}")


def api(path, want=200, headers=None):
    status, h, body = get(path, headers)
    check(status == want, f"{path}: status {status}, wanted {want}: {body[:300]!r}")
    if h.get("Content-Type", "").startswith("application/json"):
        validate(path, status, body)
        return json.loads(body), h
    return body, h


def bad(path, param, status=400):
    j, _ = api(path, status)
    if isinstance(j, dict) and "error" in j:
        check(j["error"]["parameter"] == param, f"{path}: error names {j['error']['parameter']!r}, wanted {param!r}")


def events(query):
    return api("/api/events?" + query)[0]


q = urllib.parse.quote

# health, openapi
h, hd = api("/api/health")
check(h["status"] == "ok" and h["database"]["events"] > 0, "health counts events")
check("nosniff" in hd.get("X-Content-Type-Options", ""), "X-Content-Type-Options: nosniff")
check("default-src 'self'" in hd.get("Content-Security-Policy", ""), "Content-Security-Policy default-src 'self'")
spec, _ = api("/api/openapi.json")
check(spec == SPEC, "/api/openapi.json is the repository's document")

# every event, then pages of 3 to the end: no duplicate, no gap
allev = events("min_confidence=0&limit=1000&total=1")
ids = [e["id"] for e in allev["events"]]
check(allev["total"] == len(ids) and allev["next_cursor"] is None, "total equals the rows of one full page")
check(len(set(ids)) == len(ids), "event ids are unique")
seen, cursor, pages = [], None, 0
while True:
    page = events("min_confidence=0&limit=3" + (f"&cursor={q(cursor)}" if cursor else ""))
    seen += [e["id"] for e in page["events"]]
    pages += 1
    cursor = page["next_cursor"]
    if not cursor or pages > 100:
        break
check(seen == ids, f"pages of 3 walk the same events in the same order ({len(seen)} vs {len(ids)})")
check(pages == (len(ids) + 2) // 3, f"{pages} pages for {len(ids)} events")
default = events("")
check(all(e["confidence"] >= 0.2 for e in default["events"]), "default min_confidence 0.2")
check(len(default["events"]) < len(ids), "min_confidence default leaves low rows out")

# filters: every row returned satisfies the filter, and something is returned
ev = allev["events"]
def filt(query, pred, what):
    base = "limit=1000&" if "min_confidence" in query else "min_confidence=0&limit=1000&"
    got = events(base + query)["events"]
    check(len(got) > 0, f"{what}: no rows")
    check(all(pred(e) for e in got), f"{what}: a row does not satisfy it")
    want = [e["id"] for e in ev if pred(e)]
    check([e["id"] for e in got] == want, f"{what}: {len(got)} rows, {len(want)} expected")
    return got

dated = sorted(e["event_date"] for e in ev if e["year"])
mid = dated[len(dated) // 2]
filt(f"date_from={mid}", lambda e: e["year"] and e["event_date"] >= mid, "date_from")
filt(f"date_to={mid}", lambda e: e["year"] and e["event_date"] <= mid, "date_to")
sy = filt("country=Syria", lambda e: e["iso"] == "SY", "country name")
check(events("min_confidence=0&limit=1000&country=SY")["events"] == sy, "country ISO2")
check(events("min_confidence=0&limit=1000&country=syr")["events"] == sy, "country ISO3, any case")
a1 = next(e["admin1"] for e in ev if e["admin1"])
filt("admin1=" + q(a1.upper()), lambda e: (e["admin1"] or "").lower() == a1.lower(), "admin1")
filt("event_type=" + q("Explosions/Remote violence"), lambda e: e["event_type"] == "Explosions/Remote violence", "event_type")
filt("sub_event_type=" + q("air/drone strike"), lambda e: e["sub_event_type"] == "Air/drone strike", "sub_event_type")
act = next(e["actor1"] for e in ev if e["actor1"])
word = act.split()[0].lower()
filt("actor=" + q(word), lambda e: word in (e["actor1"] or "").lower() or word in (e["actor2"] or "").lower(), "actor")
out = next(e["source"] for e in ev if e["source"])
filt("outlet=" + q(out), lambda e: e["source"] == out, "outlet")
filt("lang=en", lambda e: e["lang"] == "en", "lang")
st = ev[0]["story"]
filt("story=" + q(st), lambda e: e["story"] == st, "story")
filt("min_confidence=0.5", lambda e: e["confidence"] >= 0.5, "min_confidence")
filt("min_fatalities=5", lambda e: (e["fatalities"] or 0) >= 5, "min_fatalities")
filt("bbox=30,20,50,40", lambda e: e["latitude"] is not None and 20 <= e["latitude"] <= 40 and 30 <= e["longitude"] <= 50, "bbox")
filt("updated_since=2000-01-01", lambda e: True, "updated_since")
check(events("updated_since=2999-01-01")["events"] == [], "updated_since in the future: none")
gotq = events("min_confidence=0&limit=1000&q=" + q("Idlib"))["events"]
check(len(gotq) > 0 and all(e["id"] in ids for e in gotq), "q full text")
f = events("min_confidence=0&limit=5&fields=id,latitude,longitude")["events"]
check(all(set(e) == {"id", "latitude", "longitude"} for e in f), "fields= keeps those columns only")

# a bad value for each parameter: 400 naming it; an unknown parameter too
for p, v in [("date_from", "2025-13-01"), ("date_to", "yesterday"), ("country", "Narnia"), ("admin1", ""),
             ("event_type", "Picnic"), ("sub_event_type", "Bake sale"), ("actor", ""), ("outlet", ""), ("lang", ""),
             ("story", "nope"), ("min_confidence", "1.5"), ("min_confidence", "abc"), ("min_fatalities", "-1"),
             ("min_fatalities", "1e3"), ("bbox", "1,2,3"), ("bbox", "0,50,10,40"), ("q", '"unbalanced'),
             ("q", "x" * 5000), ("updated_since", "2025-01-01 10:00"), ("cursor", "!!"), ("cursor", "bm90IGEgY3Vyc29y"),
             ("limit", "0"), ("limit", "1001"), ("limit", "ten"), ("total", "maybe"), ("fields", "id,secret")]:
    bad(f"/api/events?{p}={q(v)}", p)
bad("/api/events?colour=red", "colour")
bad("/api/events?limit=1&limit=2", "limit")
bad("/api/events?q=%ZZ", "q")
bad("/api/events?q=%00", "q")
bad("/api/events?q=%C3%28", "q")
bad("/api/events.csv?limit=20001", "limit")
bad("/api/stats?cursor=x", "cursor")
bad("/api/stories?limit=0", "limit")
bad("/api/search?limit=5", "q")
bad("/api/search?q=" + q("a AND"), "q")
bad("/api/health?x=1", "x")

# one event: its evidence spans are the article text's bytes
e0 = api("/api/events/" + ids[0])[0]
text = e0["article"]["text"].encode()
check(len(e0["evidence"]) > 0, "event has evidence")
for sp in e0["evidence"]:
    check(text[sp["start"]:sp["end"]].decode() == sp["text"], f"evidence span {sp['field']} at {sp['start']}..{sp['end']}")
check(ids[0] in e0["article"]["events"], "the article lists the event")
art = api("/api/articles/" + e0["article"]["id"])[0]
check(art["text"] == e0["article"]["text"], "articles/{id} text")
api("/api/events/0000000000000000-00-0", 404)
api("/api/events/nonsense", 404)
api("/api/articles/" + e0["article"]["id"] + "00", 404)
api("/api/nothing", 404)

# stories: pages to the end, each story readable, its accounts as data
sts, cursor = [], None
while True:
    p = api("/api/stories?limit=4" + (f"&cursor={q(cursor)}" if cursor else ""))[0]
    sts += p["stories"]
    cursor = p["next_cursor"]
    if not cursor or len(sts) > 1000:
        break
check(len({s["id"] for s in sts}) == len(sts) == h["database"]["stories"], f"{len(sts)} stories, distinct ids")
for s in sts[:5]:
    one = api("/api/stories/" + q(s["id"]))[0]
    check(one["story"] == s["story"] and one["id"] == s["id"] and len(one["accounts"]) == s["articles"],
          f"story {s['id']}: accounts")
    for acc in one["accounts"]:
        for e in acc["events"]:
            check(api("/api/events/" + e["id"])[0]["article"]["id"] == acc["id"], f"account event {e['id']} is its article's")
multi = [s for s in sts if s["articles"] > 1]
check(len(multi) > 0, "a story with several accounts")
api("/api/stories/999999", 404)

# search: snippets and each hit's events
sr = api("/api/search?q=" + q("Idlib") + "&limit=5")[0]
check(sr["count"] > 0 and all(r["snippet"] for r in sr["results"]), "search snippets")
check(any(r["events"] for r in sr["results"]), "search hits carry their events")

# stats: the timeline and the facets add up to the events
s0 = api("/api/stats?min_confidence=0")[0]
check(sum(c["n"] for c in s0["event_type"]) == len(ids), "stats per type add up to the events")
check(sum(c["n"] for c in s0["day"]) == sum(1 for e in ev if e["year"]), "stats per day add up to the dated events")
check(s0["day"] == sorted(s0["day"], key=lambda c: c["key"]), "days in order")
per_day = {}
for c in s0["day_type"]:
    per_day[c["key"]] = per_day.get(c["key"], 0) + c["n"]
check(per_day == {c["key"]: c["n"] for c in s0["day"]}, "day_type adds up to day")
sf = api("/api/stats?min_confidence=0&country=SY")[0]
check(sum(c["n"] for c in sf["event_type"]) == len(sy), "stats take the filters")

# exports
csv, hcsv = api("/api/events.csv?min_confidence=0&limit=1000")
lines = csv.decode().splitlines()
check(lines[0].startswith("# vigie events export, cut "), "CSV says when it was cut")
check(lines[1].startswith("iso,event_id_cnty,event_date,year,"), "CSV in ACLED's column order")
check(len(lines) == 2 + len(ids), "CSV has every event")
check(hcsv.get("Content-Type", "").startswith("text/csv") and "X-Export-Cut" in hcsv, "CSV headers")
gj, _ = api("/api/events.geojson?min_confidence=0&limit=1000")
g = json.loads(gj)
validate("/api/events.geojson", 200, gj)
check(len(g["features"]) == len(ids), "GeoJSON has every event")
small, hs = api("/api/events.geojson?min_confidence=0&limit=2")
check("X-Next-Cursor" in hs, "an export cut by its limit says where to go on")
jl, _ = api("/api/events.jsonl?min_confidence=0&limit=1000")
check(len(jl.decode().splitlines()) == len(ids), "JSONL has every event")

# caching and compression
status, h1, b1 = get("/api/events?min_confidence=0")
etag = h1.get("ETag")
check(etag is not None, "ETag on an API answer")
status, h2, b2 = get("/api/events?min_confidence=0", {"If-None-Match": etag})
check(status == 304 and b2 == b"", f"If-None-Match: 304 (got {status})")
status, h3, b3 = get("/api/events?min_confidence=0", {"Accept-Encoding": "gzip"})
check(h3.get("Content-Encoding") == "gzip" and gzip.decompress(b3) == b1, "gzip when accepted, same bytes")
check(h3.get("ETag") != etag, "the gzip representation has its own ETag")
status, h4, b4 = get("/api/events?min_confidence=0", {"If-None-Match": h3["ETag"], "Accept-Encoding": "gzip"})
check(status == 304, "304 for the gzip ETag")
status, _, _ = get("/api/events", method="POST")
check(status == 405, "POST: 405")
status, hh, bh = get("/api/health", method="HEAD")
check(status == 200 and bh == b"", "HEAD: headers only")

# static files: the page, nothing from disk
page, hp = api("/")
check(hp.get("Content-Type", "").startswith("text/html") and b"<html" in page.lower(), "/ serves the page")
for p in ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/etc/passwd.txt", "/index.html/..%2f..%2fetc%2fpasswd"]:
    status, _, body = get(p)
    check(status in (400, 404) and b"root:" not in body, f"{p}: no file from disk ({status})")
status, _, _ = get("/api/events?q=" + "a" * 20000)
check(status in (400, 414), f"over-long URL refused ({status})")

print(f"serve_check: {checks} checks, {len(failures)} failed")
sys.exit(1 if failures else 0)
