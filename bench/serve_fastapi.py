"""serve_fastapi.py - the baseline of bench/serve.sh: the same three reads as `vigie serve`
(a filtered page of events, a viewport as GeoJSON, the timeline's stats) in a plain FastAPI
app over the same SQLite file, one read-only connection per worker thread, no cache.
Run: VIGIE_BENCH_DB=FILE uvicorn serve_fastapi:app (Debian's python3-fastapi, python3-uvicorn)."""
import os, sqlite3, threading

from fastapi import FastAPI, Query

DB = os.environ["VIGIE_BENCH_DB"]
app = FastAPI()
local = threading.local()


def db():
    if not hasattr(local, "c"):
        local.c = sqlite3.connect(f"file:{DB}?mode=ro", uri=True, check_same_thread=False)
        local.c.row_factory = sqlite3.Row
    return local.c


COLS = ("e.iso, e.event_date, e.year, e.event_type, e.sub_event_type, e.actor1, e.actor2, e.country, e.admin1,"
        " e.location, e.latitude, e.longitude, e.fatalities, e.confidence, e.notes, a.outlet AS source, a.lang,"
        " a.title, a.url, e.id")


@app.get("/api/events")
def events(country: str = None, event_type: str = None, limit: int = Query(100, le=1000)):
    rows = db().execute(
        f"SELECT {COLS} FROM events e JOIN articles a ON a.id = e.article_id WHERE a.dup_of IS NULL"
        " AND (?1 IS NULL OR e.iso = ?1) AND (?2 IS NULL OR e.event_type = ?2)"
        " ORDER BY e.event_date DESC, e.id DESC LIMIT ?3", (country, event_type, limit)).fetchall()
    return {"events": [dict(r) for r in rows], "count": len(rows)}


@app.get("/api/events.geojson")
def geojson(bbox: str, limit: int = Query(1000, le=20000)):
    w, s, e, n = (float(x) for x in bbox.split(","))
    rows = db().execute(
        "SELECT e.id, e.event_type, e.fatalities, e.event_date, e.location, e.latitude, e.longitude"
        " FROM events e JOIN articles a ON a.id = e.article_id WHERE a.dup_of IS NULL"
        " AND e.latitude BETWEEN ?2 AND ?4 AND e.longitude BETWEEN ?1 AND ?3"
        " ORDER BY e.event_date DESC, e.id DESC LIMIT ?5", (w, s, e, n, limit)).fetchall()
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [r["longitude"], r["latitude"]]},
         "properties": {k: r[k] for k in ("id", "event_type", "fatalities", "event_date", "location")}} for r in rows]}


@app.get("/api/stats")
def stats(date_from: str = None, date_to: str = None):
    where = ("FROM events e JOIN articles a ON a.id = e.article_id WHERE a.dup_of IS NULL AND e.year IS NOT NULL"
             " AND (?1 IS NULL OR e.event_date >= ?1) AND (?2 IS NULL OR e.event_date <= ?2)")
    c = db()
    day_type = c.execute(f"SELECT e.event_date, e.event_type, count(*) {where} GROUP BY 1, 2 ORDER BY 1, 2",
                         (date_from, date_to)).fetchall()
    types = c.execute(f"SELECT e.event_type, count(*) {where} GROUP BY 1 ORDER BY 2 DESC",
                      (date_from, date_to)).fetchall()
    return {"day_type": [{"key": d, "label": t, "n": n} for d, t, n in day_type],
            "event_type": [{"key": t, "n": n} for t, n in types]}
