/* test_store_api.c - the store's reads for the HTTP API (lib/store/api.c): stable keys, keyset
 * pages to the end, filters that name themselves when wrong, the database version. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../lib/core/hash.h"
#include "../../lib/doc/doc.h"
#include "../../lib/store/internal.h"
#include "test.h"

/* A new database at $TMPDIR/vg-test-PID-api.db (its path written into path, any old one and its
 * WAL removed), or NULL with a failure recorded. */
static vg_db *api_db(char *path, size_t n)
{
    const char *t = getenv("TMPDIR");
    snprintf(path, n, "%s/vg-test-%d-api.db", t && *t ? t : "/tmp", (int)getpid());
    char side[600];
    unlink(path);
    snprintf(side, sizeof side, "%s-wal", path); unlink(side);
    snprintf(side, sizeof side, "%s-shm", path); unlink(side);
    vg_db *db = NULL;
    CHECK_INT(vg_db_open(path, 0, &db), VG_OK);
    return db;
}

/* One article "id" with events dated as given ("XXXX-..." for an unknown year). */
static void put(vg_db *db, const char *id, const char *text, const char *const *dates, int n, int fatalities)
{
    vg_doc *d = calloc(1, sizeof *d);
    d->arena = vg_arena_new(0);
    vg_doc_reset(d);
    vg_doc_set(d, VG_F_SOURCE, id, strlen(id));
    vg_doc_set(d, VG_F_EXT_ID, id, strlen(id));
    vg_doc_set(d, VG_F_LANG, "en", 2);
    vg_doc_set(d, VG_F_TEXT, text, strlen(text));
    d->content_hash = vg_hash64(text, strlen(text), 0);
    for (int i = 0; i < n; i++) {
        vg_event *e = vg_doc_add_event(d);
        memcpy(e->event_date, dates[i], 11);
        e->event_type = "Battles";
        e->sub_event_type = "Armed clash";
        e->country = "Syria"; e->iso = "SY";
        e->latitude = 36.2; e->longitude = 37.16; e->has_coords = 1;
        e->fatalities = fatalities;
        e->confidence = 0.9f;
        e->sent_end = (uint32_t)strlen(text);
        vg_event_add_evidence(d, e, "fatalities", 0, 5, 0.9f);
    }
    vg_put_result r;
    CHECK_INT(vg_db_put(db, d, &r), VG_OK);
    vg_doc_free(d);
}

typedef struct page { int n; char ids[16][160]; char cursor[128]; } page;
static int take(const vg_row *r, void *ud)
{
    page *p = ud;
    for (size_t i = 0; i < r->n; i++) {
        if (!strcmp(r->names[i], "id") && p->n < 16) snprintf(p->ids[p->n], sizeof p->ids[0], "%s", r->values[i]);
        if (!strcmp(r->names[i], "cursor")) snprintf(p->cursor, sizeof p->cursor, "%s", r->values[i]);
    }
    p->n++;
    return 0;
}

TEST(store_api_pages_keys_and_filters)
{
    char path[512];
    vg_db *db = api_db(path, sizeof path);
    if (!db) return;
    const char *d1[] = {"2024-05-01", "2024-05-03"}, *d2[] = {"XXXX-04-30"}, *d3[] = {"2024-05-02"};
    put(db, "a", "Clashes near Aleppo killed three.", d1, 2, 3);
    put(db, "b", "Clashes somewhere, year unknown.", d2, 1, 0);
    put(db, "c", "Fighting in Idlib killed ten.", d3, 1, 10);
    CHECK_INT(vg_db_commit(db), VG_OK);

    /* all at once, then one per page through the cursor: the same order, dated first */
    vg_query q = {0};
    page all = {0};
    CHECK_INT(vg_db_event_page(db, &q, take, &all), VG_OK);
    CHECK_INT(all.n, 4);
    char cursor[128] = "";
    for (int i = 0; i < 4; i++) {
        page p = {0};
        vg_query one = {0};
        one.limit = 1;
        one.after = *cursor ? cursor : NULL;
        CHECK_INT(vg_db_event_page(db, &one, take, &p), VG_OK);
        CHECK_INT(p.n, 1);
        CHECK_STR(p.ids[0], all.ids[i]);
        snprintf(cursor, sizeof cursor, "%s", p.cursor);
    }
    page end = {0};
    vg_query last = {0};
    last.after = cursor;
    CHECK_INT(vg_db_event_page(db, &last, take, &end), VG_OK);
    CHECK_INT(end.n, 0);
    CHECK(strstr(all.ids[3], "-0") != NULL); /* the undated one comes last */

    /* keys: "<hash>-<hex of 'a'>-<rank>"; an event opens with its article's text and evidence */
    const char *json;
    size_t len;
    int found = 0;
    for (int i = 0; i < 4; i++) {
        if (!strstr(all.ids[i], "-61-")) continue;
        found++;
        CHECK_INT(vg_db_event_json(db, all.ids[i], &json, &len), VG_OK);
        CHECK(strstr(json, "\"evidence\":[{\"field\":\"fatalities\",\"start\":0,\"end\":5,\"text\":\"Clash\"") != NULL);
        CHECK(strstr(json, "Clashes near Aleppo") != NULL);
    }
    CHECK_INT(found, 2);
    CHECK_INT(vg_db_event_json(db, "not-a-key", &json, &len), VG_ERR_ARG);
    CHECK_INT(vg_db_event_json(db, "0000000000000000-61-0", &json, &len), VG_ERR_NOT_FOUND);
    char key[200];
    snprintf(key, sizeof key, "%.*s-9", (int)(strrchr(all.ids[0], '-') - all.ids[0]), all.ids[0]);
    CHECK_INT(vg_db_event_json(db, key, &json, &len), VG_ERR_NOT_FOUND); /* rank past the article's events */

    /* filters */
    long long n = 0;
    vg_query f = {0};
    f.min_fatalities = 5;
    CHECK_INT(vg_db_event_count(db, &f, &n), VG_OK);
    CHECK_INT(n, 1);
    vg_query box = {0};
    box.has_bbox = 1;
    box.bbox[0] = 37; box.bbox[1] = 36; box.bbox[2] = 38; box.bbox[3] = 37;
    CHECK_INT(vg_db_event_count(db, &box, &n), VG_OK);
    CHECK_INT(n, 4);
    box.bbox[0] = 38; box.bbox[2] = 39;
    CHECK_INT(vg_db_event_count(db, &box, &n), VG_OK);
    CHECK_INT(n, 0);
    vg_query bad = {0};
    bad.event_type = "Picnic";
    CHECK_INT(vg_db_event_count(db, &bad, &n), VG_ERR_ARG);
    CHECK(!strncmp(vg_db_error(db), "event_type: ", 12));
    vg_query badc = {0};
    badc.after = "nonsense";
    page none = {0};
    CHECK_INT(vg_db_event_page(db, &badc, take, &none), VG_ERR_ARG);
    CHECK(!strncmp(vg_db_error(db), "cursor: ", 8));
    vg_query bads = {0};
    bads.updated_since = "2024-13";
    CHECK_INT(vg_db_event_count(db, &bads, &n), VG_ERR_ARG);
    CHECK(!strncmp(vg_db_error(db), "updated_since: ", 15));

    /* the version moves when another connection commits, not otherwise */
    vg_db *ro = NULL;
    CHECK_INT(vg_db_open(path, VG_DB_READONLY, &ro), VG_OK);
    int64_t v0 = 0, v1 = 0, v2 = 0;
    CHECK_INT(vg_db_version(ro, &v0), VG_OK);
    CHECK_INT(vg_db_version(ro, &v1), VG_OK);
    CHECK(v0 == v1);
    const char *d4[] = {"2024-06-01"};
    put(db, "d", "A fourth report of clashes.", d4, 1, 1);
    CHECK_INT(vg_db_commit(db), VG_OK);
    CHECK_INT(vg_db_version(ro, &v2), VG_OK);
    CHECK(v2 != v1);
    vg_db_close(ro);
    vg_db_close(db);
    unlink(path);
}

/* ---------------------------------------------------------------- the shaped reads against a reference
 * api.c writes each events read for the filters it is given (only those appear). Here every
 * read (a page whole and by cursor, the count, the stats) is compared with a straightforward
 * reference, one query with every filter written "?N IS NULL OR ...", over a store of varied
 * events (countries by code, name and none, case variants, unknown years and no date, copies,
 * coordinates across the antimeridian) for every filter alone and a few hundred combinations. */

static unsigned long shape_rng = 12345;
static unsigned pick(unsigned n)
{
    shape_rng = shape_rng * 6364136223846793005UL + 1442695040888963407UL;
    return (unsigned)(shape_rng >> 33) % n;
}

static void put_varied(vg_db *db, int k)
{
    static const char *const types[][2] = {{"Battles", "Armed clash"}, {"Protests", "Peaceful protest"},
                                           {"Violence against civilians", "Attack"},
                                           {"Explosions/Remote violence", "Shelling/artillery/missile attack"}};
    static const char *const places[][3] = {{"Syria", "SY", "Aleppo"}, {"Syria", "SY", "Idlib"},
                                            {"Sudan", "SD", "Khartoum"}, {"Mali", "ML", NULL},
                                            {"Fiji", "FJ", "Central"}, {NULL, NULL, NULL}};
    static const char *const actors[] = {"Military Forces of Syria", "Rebels (Sudan)", NULL, "Protesters"};
    static const char *const outlets[] = {"Wire A", "wire a", "Wire B", NULL};
    static const char *const langs[] = {"en", "fr", "ar"};
    static const char *const words[] = {"Clashes near Aleppo killed", "Protesters marched in Khartoum",
                                        "Shelling hit Idlib villages", "Gunmen attacked a market"};
    char id[32], text[200];
    snprintf(id, sizeof id, "v%03d", k);
    /* every ninth article repeats the one before it under another id: a copy (dup_of) */
    int kk = k % 9 == 8 ? k - 1 : k;
    snprintf(text, sizeof text, "%s, report %d of the varied set.", words[kk % 4], kk);
    vg_doc *d = calloc(1, sizeof *d);
    d->arena = vg_arena_new(0);
    vg_doc_reset(d);
    vg_doc_set(d, VG_F_SOURCE, id, strlen(id));
    vg_doc_set(d, VG_F_EXT_ID, id, strlen(id));
    vg_doc_set(d, VG_F_LANG, langs[kk % 3], 2);
    if (outlets[kk % 4]) vg_doc_set(d, VG_F_OUTLET, outlets[kk % 4], strlen(outlets[kk % 4]));
    vg_doc_set(d, VG_F_TEXT, text, strlen(text));
    d->content_hash = vg_hash64(text, strlen(text), 0);
    int n = 1 + kk % 4;
    for (int i = 0; i < n; i++) {
        int j = kk * 7 + i * 3;
        vg_event *e = vg_doc_add_event(d);
        if (j % 13 == 5) memcpy(e->event_date, "XXXX-04-30", 11);
        else if (j % 17 == 3) e->event_date[0] = 0;
        else snprintf(e->event_date, sizeof e->event_date, "2024-%02d-%02d", 1 + j % 3, 1 + j % 5);
        e->event_type = types[j % 4][0];
        e->sub_event_type = types[j % 4][1];
        const char *const *pl = places[(j / 2) % 6];
        e->country = pl[0];
        e->iso = pl[1];
        e->admin1 = pl[2];
        e->actor1 = actors[j % 4];
        e->actor2 = actors[(j + 1) % 4];
        if (j % 5) {
            e->has_coords = 1;
            e->latitude = pl[1] && !strcmp(pl[1], "FJ") ? -17.7 : 10 + j % 30;
            e->longitude = pl[1] && !strcmp(pl[1], "FJ") ? (j % 2 ? 179.4 : -179.6) : j % 40;
        }
        e->fatalities = j % 6 == 0 ? -1 : j % 11;
        e->confidence = (float)((j % 10) / 10.0 + 0.05);
        e->sent_end = (uint32_t)strlen(text);
    }
    vg_put_result r;
    CHECK_INT(vg_db_put(db, d, &r), VG_OK);
    vg_doc_free(d);
}

#define REF_WHERE                                                                                           \
    " FROM events e JOIN articles a ON a.id = e.article_id WHERE a.dup_of IS NULL"                          \
    " AND (?1 IS NULL OR (e.year IS NOT NULL AND e.event_date >= ?1))"                                      \
    " AND (?2 IS NULL OR (e.year IS NOT NULL AND e.event_date <= ?2))"                                      \
    " AND (?3 IS NULL OR e.iso = ?3 COLLATE NOCASE OR e.country = ?3 COLLATE NOCASE)"                       \
    " AND (?4 IS NULL OR e.event_type = ?4 COLLATE NOCASE)"                                                 \
    " AND (?5 IS NULL OR e.sub_event_type = ?5 COLLATE NOCASE)"                                             \
    " AND (?6 IS NULL OR instr(lower(e.actor1), lower(?6)) > 0 OR instr(lower(e.actor2), lower(?6)) > 0)"  \
    " AND (?7 IS NULL OR a.story_id = ?7)"                                                                  \
    " AND (?8 IS NULL OR e.confidence >= ?8)"                                                               \
    " AND (?9 IS NULL OR e.admin1 = ?9 COLLATE NOCASE)"                                                     \
    " AND (?10 IS NULL OR a.outlet = ?10 COLLATE NOCASE)"                                                   \
    " AND (?11 IS NULL OR a.lang = ?11 COLLATE NOCASE)"                                                     \
    " AND (?12 IS NULL OR e.fatalities >= ?12)"                                                             \
    " AND (?13 IS NULL OR (e.latitude BETWEEN ?14 AND ?16 AND CASE WHEN ?13 <= ?15"                         \
    "      THEN e.longitude BETWEEN ?13 AND ?15 ELSE (e.longitude >= ?13 OR e.longitude <= ?15) END))"      \
    " AND (?17 IS NULL OR a.ingested >= ?17)"                                                               \
    " AND (?18 IS NULL OR a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?18))"

/* The reference's answer for q as lines: "id" per event in page order, then "facet|key|label|n" per stats row. */
static void reference(vg_db *db, const vg_query *q, vg_buf *ids, vg_buf *stats)
{
    static const char *const sql[] = {
        "SELECT e.id" REF_WHERE " ORDER BY (e.event_date IS NULL OR e.event_date > '9999-12-31'),"
        " CASE WHEN e.event_date <= '9999-12-31' THEN e.event_date END DESC, e.id DESC",
        "SELECT 'day', e.event_date, NULL, count(*)" REF_WHERE " AND e.year IS NOT NULL GROUP BY 2 ORDER BY 2",
        "SELECT 'day_type', e.event_date, e.event_type, count(*)" REF_WHERE
        " AND e.year IS NOT NULL AND e.event_type IS NOT NULL GROUP BY 2, 3 ORDER BY 2, 3",
        "SELECT 'event_type', e.event_type, NULL, count(*)" REF_WHERE " AND e.event_type IS NOT NULL GROUP BY 2 ORDER BY 4 DESC, 2",
        "SELECT 'sub_event_type', e.sub_event_type, NULL, count(*)" REF_WHERE
        " AND e.sub_event_type IS NOT NULL GROUP BY 2 ORDER BY 4 DESC, 2",
        "SELECT 'country', e.iso, max(e.country), count(*)" REF_WHERE " AND e.iso IS NOT NULL GROUP BY 2 ORDER BY 4 DESC, 2",
        "SELECT 'outlet', a.outlet, NULL, count(*)" REF_WHERE " AND a.outlet IS NOT NULL GROUP BY 2 ORDER BY 4 DESC, 2",
        "SELECT 'lang', a.lang, NULL, count(*)" REF_WHERE " AND a.lang IS NOT NULL GROUP BY 2 ORDER BY 4 DESC, 2"};
    vg_buf match = VG_BUF_INIT;
    if (q->text) CHECK_INT(vg_search_match(db, q->text, &match), VG_OK);
    for (size_t k = 0; k < sizeof sql / sizeof sql[0]; k++) {
        sqlite3_stmt *st = NULL;
        CHECK_INT(sqlite3_prepare_v2(vg_db_sqlite(db), sql[k], -1, &st, NULL), SQLITE_OK);
        if (!st) continue;
        const char *texts[] = {q->since, q->until, q->country, q->event_type, q->sub_event_type, q->actor};
        for (int i = 0; i < 6; i++)
            if (texts[i]) sqlite3_bind_text(st, i + 1, texts[i], -1, SQLITE_STATIC);
        if (q->story) sqlite3_bind_int64(st, 7, strtoll(q->story, NULL, 10));
        if (q->min_confidence > 0) sqlite3_bind_double(st, 8, q->min_confidence);
        if (q->admin1) sqlite3_bind_text(st, 9, q->admin1, -1, SQLITE_STATIC);
        if (q->outlet) sqlite3_bind_text(st, 10, q->outlet, -1, SQLITE_STATIC);
        if (q->lang) sqlite3_bind_text(st, 11, q->lang, -1, SQLITE_STATIC);
        if (q->min_fatalities > 0) sqlite3_bind_int64(st, 12, q->min_fatalities);
        if (q->has_bbox)
            for (int i = 0; i < 4; i++) sqlite3_bind_double(st, 13 + i, q->bbox[i]);
        if (q->updated_since) sqlite3_bind_text(st, 17, q->updated_since, -1, SQLITE_STATIC);
        if (q->text) sqlite3_bind_text(st, 18, match.data, (int)match.len, SQLITE_STATIC);
        while (sqlite3_step(st) == SQLITE_ROW) {
            if (!k) { vg_buf_printf(ids, "%lld\n", (long long)sqlite3_column_int64(st, 0)); continue; }
            const char *l = (const char *)sqlite3_column_text(st, 2);
            vg_buf_printf(stats, "%s|%s|%s|%lld\n", sqlite3_column_text(st, 0), sqlite3_column_text(st, 1),
                          l ? l : "", (long long)sqlite3_column_int64(st, 3));
        }
        sqlite3_finalize(st);
    }
    vg_buf_free(&match);
}

typedef struct lines { vg_buf *b; char cursor[128]; long n; } lines;
static int id_line(const vg_row *r, void *ud)
{
    lines *l = ud;
    for (size_t i = 0; i < r->n; i++)
        if (!strcmp(r->names[i], "cursor")) {
            snprintf(l->cursor, sizeof l->cursor, "%s", r->values[i]);
            vg_buf_printf(l->b, "%s\n", strrchr(r->values[i], '~') + 1);
        }
    l->n++;
    return 0;
}
static int stats_line(const vg_row *r, void *ud)
{
    vg_buf_printf(((lines *)ud)->b, "%s|%s|%s|%s\n", r->values[0], r->values[1], r->values[2] ? r->values[2] : "",
                  r->values[3]);
    return 0;
}

/* q's reads through the API against the reference; the failures counted in *bad (the first few said). */
static void compare_shape(vg_db *db, vg_query q, const char *what, int *bad)
{
    vg_buf want = VG_BUF_INIT, want_stats = VG_BUF_INIT, got = VG_BUF_INIT, paged = VG_BUF_INIT, got_stats = VG_BUF_INIT;
    reference(db, &q, &want, &want_stats);
    lines all = {&got, "", 0};
    q.limit = 0;
    CHECK_INT(vg_db_event_page(db, &q, id_line, &all), VG_OK);
    /* by cursor, 3 a page: the same rows in the same order */
    lines by3 = {&paged, "", 0};
    for (int guard = 0; guard < 1000; guard++) {
        q.limit = 3;
        char after[128];
        snprintf(after, sizeof after, "%s", by3.cursor);
        q.after = *after ? after : NULL;
        long before = by3.n;
        CHECK_INT(vg_db_event_page(db, &q, id_line, &by3), VG_OK);
        if (by3.n - before < 3) break;
    }
    q.after = NULL;
    long long n = -1;
    CHECK_INT(vg_db_event_count(db, &q, &n), VG_OK);
    lines st = {&got_stats, "", 0};
    CHECK_INT(vg_db_event_stats(db, &q, stats_line, &st), VG_OK);
    const char *w = want.data ? want.data : "", *g = got.data ? got.data : "", *p = paged.data ? paged.data : "";
    const char *ws = want_stats.data ? want_stats.data : "", *gs = got_stats.data ? got_stats.data : "";
    if (strcmp(w, g) || strcmp(w, p) || n != all.n || strcmp(ws, gs)) {
        if ((*bad)++ < 3)
            fprintf(stderr, "    %s: reference %zu bytes of ids, page %zu, by cursor %zu, count %lld of %ld; stats %s\n",
                    what, want.len, got.len, paged.len, n, all.n, strcmp(ws, gs) ? "differ" : "same");
    }
    vg_buf_free(&want); vg_buf_free(&want_stats); vg_buf_free(&got); vg_buf_free(&paged); vg_buf_free(&got_stats);
}

TEST(store_api_shapes_match_reference)
{
    char path[512];
    vg_db *db = api_db(path, sizeof path);
    if (!db) return;
    for (int k = 0; k < 90; k++) put_varied(db, k);
    CHECK_INT(vg_db_commit(db), VG_OK);
    /* the store holds what the comparison needs: copies, undated events, stories */
    sqlite3_stmt *st = NULL;
    CHECK_INT(sqlite3_prepare_v2(vg_db_sqlite(db), "SELECT (SELECT count(*) FROM articles WHERE dup_of IS NOT NULL),"
              " (SELECT count(*) FROM events WHERE year IS NULL), (SELECT min(story_id) FROM articles)", -1, &st, NULL), SQLITE_OK);
    CHECK_INT(sqlite3_step(st), SQLITE_ROW);
    CHECK(sqlite3_column_int(st, 0) >= 9);
    CHECK(sqlite3_column_int(st, 1) >= 10);
    char story[24];
    snprintf(story, sizeof story, "%lld", (long long)sqlite3_column_int64(st, 2));
    sqlite3_finalize(st);

    /* each filter's values: ISO codes and names any case, values matching nothing, a box across 180 */
    static const char *const since[] = {"2024-01-03", "2024-02-10"}, *const until[] = {"2024-02-04", "2024-03-01"};
    static const char *const country[] = {"SY", "sd", "Syria", "mali", "XX", "Fiji"};
    static const char *const type[] = {"Battles", "protests", "Violence against civilians"};
    static const char *const sub[] = {"Armed clash", "attack"}, *const actor[] = {"forces", "REBELS", "zzz"};
    static const char *const admin1[] = {"Aleppo", "idlib"}, *const outlet[] = {"Wire A", "wire b"};
    static const char *const lang[] = {"en", "FR"}, *const updated[] = {"2000-01-01", "2999-01-01T00:00:00Z"};
    static const char *const text[] = {"killed", "Aleppo OR Khartoum"};
    static const double conf[] = {0.3, 0.5, 0.9}, boxes[][4] = {{0, 10, 20, 30}, {179, -20, -179, -10}, {-180, -90, 180, 90}};
    static const long fat[] = {1, 5};
    int bad = 0, shapes = 0;
    for (int round = 0; round < 420; round++) {
        /* rounds 0-19: one filter at a time; then each filter with a chance of 1 in 3 */
        vg_query q = {0};
        int only = round < 20 ? round : -1;
#define TAKE(i) (only == (i) || (only < 0 && pick(3) == 0))
        if (TAKE(0)) q.since = since[pick(2)];
        if (TAKE(1)) q.until = until[pick(2)];
        if (TAKE(2)) q.country = country[pick(6)];
        if (TAKE(3)) q.event_type = type[pick(3)];
        if (TAKE(4)) q.sub_event_type = sub[pick(2)];
        if (TAKE(5)) q.actor = actor[pick(3)];
        if (TAKE(6)) q.story = story;
        if (TAKE(7)) q.min_confidence = conf[pick(3)];
        if (TAKE(8)) q.admin1 = admin1[pick(2)];
        if (TAKE(9)) q.outlet = outlet[pick(2)];
        if (TAKE(10)) q.lang = lang[pick(2)];
        if (TAKE(11)) q.min_fatalities = fat[pick(2)];
        if (TAKE(12) || only == 13 || only == 14) {
            q.has_bbox = 1;
            memcpy(q.bbox, boxes[only >= 12 ? only - 12 : (int)pick(3)], sizeof q.bbox);
        }
        if (TAKE(15)) q.updated_since = updated[pick(2)];
        if (TAKE(16) || only == 17) q.text = text[only == 17 ? 1 : pick(2)];
        if (only == 18) { q.country = "SY"; q.event_type = "Battles"; q.min_confidence = 0.3; }
        if (only == 19) { q.since = "2024-01-02"; q.until = "2024-02-28"; q.min_confidence = 0.3; }
#undef TAKE
        char what[32];
        snprintf(what, sizeof what, "round %d", round);
        compare_shape(db, q, what, &bad);
        shapes++;
    }
    CHECK_INT(bad, 0);
    CHECK_INT(shapes, 420);
    vg_db_close(db);
    unlink(path);
}
