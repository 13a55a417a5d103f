/* story_report.c - the stories as read back: `vigie stories` (each article
 * with its story) and `vigie story ID` (one story compared across outlets:
 * outlets, languages, consolidated events, one account per article, the
 * figures they disagree on). Moved from stories.c; reads only. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "../core/json.h"

/* doc and story first: `--format tsv` prints the columns in order, and the
 * scorers read doc<TAB>story. */
static const char stories_sql[] =
    "SELECT coalesce(a.ext_id, a.source) AS doc, a.story_id AS story, a.dup_of, a.published,"
    " a.outlet, a.lang, a.title FROM articles a"
    " WHERE (?1 IS NULL OR a.story_id IN (SELECT story_id FROM articles GROUP BY story_id"
    "        HAVING substr(min(published), 1, 10) >= ?1))"
    "   AND (?2 IS NULL OR a.story_id IN (SELECT story_id FROM articles GROUP BY story_id"
    "        HAVING substr(min(published), 1, 10) <= ?2))"
    " ORDER BY a.story_id, a.published IS NULL, a.published, a.id LIMIT ?3";
/* PostgreSQL sorts NULL last where SQLite sorts it first: articles with no story first on both. */
static const char stories_pg_sql[] =
    "SELECT coalesce(a.ext_id, a.source) AS doc, a.story_id AS story, a.dup_of, a.published,"
    " a.outlet, a.lang, a.title FROM articles a"
    " WHERE (?1::text IS NULL OR a.story_id IN (SELECT story_id FROM articles GROUP BY story_id"
    "        HAVING substr(min(published), 1, 10) >= ?1))"
    "   AND (?2::text IS NULL OR a.story_id IN (SELECT story_id FROM articles GROUP BY story_id"
    "        HAVING substr(min(published), 1, 10) <= ?2))"
    " ORDER BY a.story_id NULLS FIRST, a.published IS NULL, a.published, a.id LIMIT ?3";
static const vg_col_type stories_types[] = {VG_COL_TEXT, VG_COL_INT, VG_COL_INT, VG_COL_TEXT,
                                            VG_COL_TEXT, VG_COL_TEXT, VG_COL_TEXT};

static vg_status list_stories(vg_db *db, const vg_query *q, vg_row_cb cb, void *ud)
{
    vg_stmt *st = vg_db_stmt2(db, stories_sql, stories_pg_sql);
    if (!st) return VG_ERR_DB;
    if (q->since) vg_bind_text(st, 1, q->since, -1);
    if (q->until) vg_bind_text(st, 2, q->until, -1);
    vg_bind_int64(st, 3, q->limit > 0 ? q->limit : -1);
    return vg_db_emit_rows(db, st, stories_types, cb, ud, "listing stories");
}

vg_status vg_db_stories(vg_db *db, const vg_query *q, vg_row_cb cb, void *ud)
{
    if (!db || !q || !cb) return VG_ERR_ARG;
    vg_status s = vg_query_start(db, q);
    return s != VG_OK ? s : vg_query_end(db, list_stories(db, q, cb, ud));
}

/* Distinct values of a column over the story's articles, as a JSON array. */
static vg_status distinct_array(vg_db *db, vg_buf *b, const char *sql, int64_t story)
{
    vg_stmt *st = vg_db_stmt(db, sql);
    if (!st) return VG_ERR_DB;
    vg_bind_int64(st, 1, story);
    vg_buf_putc(b, '[');
    int rc, first = 1;
    while ((rc = vg_step(st)) == SQLITE_ROW) {
        if (!first) vg_buf_putc(b, ',');
        first = 0;
        vg_json_cstr(b, vg_column_text(st, 0));
    }
    vg_reset(st);
    vg_buf_putc(b, ']');
    if (rc != SQLITE_DONE) return vg_db_fail(db, rc, "reading story");
    return VG_OK;
}

static void put_int_or_null(vg_buf *b, vg_stmt *st, int col)
{
    if (vg_column_null(st, col)) vg_buf_puts(b, "null");
    else vg_buf_printf(b, "%lld", (long long)vg_column_int64(st, col));
}

/* The surface words each account uses for each actor, keyed by the
 * canonical actor ("Unidentified Armed Group": ["gunmen"]), read from the
 * evidence spans: this is where "djihadistes" / "terroristes" show. */
static void actor_names(vg_buf *b, vg_arena *a, const char *evidence, size_t len, const char *canon1,
                        const char *canon2)
{
    char err[64];
    vg_jval *v = evidence ? vg_json_parse(a, evidence, len, err, sizeof err) : NULL;
    vg_buf_putc(b, '{');
    int first = 1;
    static const char *const fields[] = {"actor1", "actor2"};
    const char *keys[] = {canon1 ? canon1 : "actor1", canon2 ? canon2 : "actor2"};
    if (canon1 && canon2 && strcmp(canon1, canon2) == 0) keys[1] = "actor2";
    for (size_t f = 0; f < 2; f++) {
        int opened = 0;
        for (size_t i = 0; v && v->type == VG_JARR && i < v->len; i++) {
            const vg_jval *field = vg_json_get(v->items[i], "field");
            const vg_jval *text = vg_json_get(v->items[i], "text");
            if (!field || field->type != VG_JSTR || strcmp(field->str, fields[f]) != 0) continue;
            if (!text || text->type != VG_JSTR) continue;
            if (!opened) {
                vg_json_key(b, &first, keys[f]);
                vg_buf_putc(b, '[');
                opened = 1;
            } else vg_buf_putc(b, ',');
            vg_json_str(b, text->str, text->len);
        }
        if (opened) vg_buf_putc(b, ']');
    }
    vg_buf_putc(b, '}');
}

/* "YYYY-MM-DD" with digits, not a partial date ("XXXX-12-06"). */
static int full_date(const char *s)
{
    if (!s || strlen(s) < 10 || s[4] != '-' || s[7] != '-') return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return 0;
    return 1;
}

static const char story_accounts_sql[] =
    "SELECT coalesce(a.ext_id, a.source), a.outlet, a.lang, a.published, a.title, a.dup_of,"
    " e.event_type, e.event_date, e.location, e.country, e.latitude, e.longitude,"
    " e.fatalities, e.arrests, e.injured, e.actor1, e.actor2, e.attribution, e.evidence,"
    " a.id, a.hash, a.ext_id, a.url, t.day"
    " FROM articles a LEFT JOIN events e ON e.id = (SELECT id FROM events WHERE article_id = a.id"
    "   ORDER BY confidence DESC, id LIMIT 1)"
    " LEFT JOIN text_dates t ON t.article_id = a.id"
    " WHERE a.story_id = ?1 ORDER BY a.published IS NULL, a.published, a.id";

/* Every event of the story's articles, for each account's "events" (the
 * HTTP API's story view shows each report's events): one query, kept per
 * article in the order the accounts will ask for them. */
typedef struct account_events {
    int64_t article;
    vg_buf json;  /* a JSON array */
} account_events;

static const char story_all_events_sql[] =
    "SELECT e.article_id, a.hash, a.ext_id, e.event_type, e.sub_event_type, e.event_date, e.location, e.admin1,"
    " e.country, e.latitude, e.longitude, e.actor1, e.actor2, e.attribution, e.fatalities, e.injured, e.arrests,"
    " e.confidence, e.notes"
    " FROM events e JOIN articles a ON a.id = e.article_id WHERE a.story_id = ?1 ORDER BY e.article_id, e.id";

static void free_account_events(account_events *v, size_t n)
{
    for (size_t i = 0; i < n; i++) vg_buf_free(&v[i].json);
    free(v);
}

static vg_status all_events(vg_db *db, int64_t story, account_events **out, size_t *n_out)
{
    *out = NULL;
    *n_out = 0;
    vg_stmt *st = vg_db_stmt(db, story_all_events_sql);
    if (!st) return VG_ERR_DB;
    vg_bind_int64(st, 1, story);
    account_events *v = NULL;
    size_t n = 0, cap = 0;
    long rank = 0;
    int rc;
    vg_status s = VG_OK;
    while ((rc = vg_step(st)) == SQLITE_ROW) {
        int64_t art = vg_column_int64(st, 0);
        if (!n || v[n - 1].article != art) {
            if (n == cap) {
                cap = cap ? cap * 2 : 16;
                account_events *nv = realloc(v, cap * sizeof *nv);
                if (!nv) { s = VG_ERR_NOMEM; break; }
                v = nv;
            }
            v[n].article = art;
            v[n].json = (vg_buf)VG_BUF_INIT;
            vg_buf_putc(&v[n].json, '[');
            n++;
            rank = 0;
        }
        vg_buf *b = &v[n - 1].json;
        if (rank) vg_buf_putc(b, ',');
        vg_buf_puts(b, "{\"id\":\"");
        vg_store_article_key(b, vg_column_int64(st, 1), vg_column_text(st, 2));
        vg_buf_printf(b, "-%ld\"", rank++);
        static const char *const keys[] = {"event_type", "sub_event_type", "event_date", "location", "admin1", "country"};
        for (int k = 0; k < 6; k++) {
            vg_buf_printf(b, ",\"%s\":", keys[k]);
            vg_json_cstr(b, vg_column_text(st, 3 + k));
        }
        if (!vg_column_null(st, 9) && !vg_column_null(st, 10))
            vg_buf_printf(b, ",\"latitude\":%.5f,\"longitude\":%.5f", vg_column_double(st, 9), vg_column_double(st, 10));
        static const char *const actors[] = {"actor1", "actor2", "attribution"};
        for (int k = 0; k < 3; k++) {
            vg_buf_printf(b, ",\"%s\":", actors[k]);
            vg_json_cstr(b, vg_column_text(st, 11 + k));
        }
        static const char *const figures[] = {"fatalities", "injured", "arrests"};
        for (int k = 0; k < 3; k++) {
            vg_buf_printf(b, ",\"%s\":", figures[k]);
            if (vg_column_null(st, 14 + k) || vg_column_int64(st, 14 + k) < 0) vg_buf_puts(b, "null");
            else vg_buf_printf(b, "%lld", (long long)vg_column_int64(st, 14 + k));
        }
        vg_buf_printf(b, ",\"confidence\":%.3f,\"notes\":", vg_column_double(st, 17));
        vg_json_cstr(b, vg_column_text(st, 18));
        vg_buf_putc(b, '}');
        if (b->failed) { s = VG_ERR_NOMEM; break; }
    }
    vg_reset(st);
    if (s == VG_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) s = vg_db_fail(db, rc, "reading story events");
    if (s != VG_OK) { free_account_events(v, n); return s; }
    for (size_t i = 0; i < n; i++) vg_buf_putc(&v[i].json, ']');
    *out = v;
    *n_out = n;
    return VG_OK;
}

/* Figures that differ between accounts: {"fatalities":{"outlet":n,...}} for
 * each figure with more than one value among non-duplicate accounts, in the
 * order the articles were stored (without an ORDER BY, PostgreSQL listed
 * them in another order than SQLite: ECB+ dev's story 30). */
static vg_status disagreements(vg_db *db, vg_buf *b, int64_t story)
{
    static const char *const cols[] = {"fatalities", "arrests", "injured"};
    static const char *const sqls[] = {
        "SELECT coalesce(a.outlet, a.ext_id, a.source), e.fatalities FROM articles a JOIN events e ON e.article_id = a.id"
        " WHERE a.story_id = ?1 AND a.dup_of IS NULL AND e.fatalities >= 0"
        " AND e.id = (SELECT id FROM events WHERE article_id = a.id ORDER BY confidence DESC, id LIMIT 1)"
        " ORDER BY a.id",
        "SELECT coalesce(a.outlet, a.ext_id, a.source), e.arrests FROM articles a JOIN events e ON e.article_id = a.id"
        " WHERE a.story_id = ?1 AND a.dup_of IS NULL AND e.arrests >= 0"
        " AND e.id = (SELECT id FROM events WHERE article_id = a.id ORDER BY confidence DESC, id LIMIT 1)"
        " ORDER BY a.id",
        "SELECT coalesce(a.outlet, a.ext_id, a.source), e.injured FROM articles a JOIN events e ON e.article_id = a.id"
        " WHERE a.story_id = ?1 AND a.dup_of IS NULL AND e.injured >= 0"
        " AND e.id = (SELECT id FROM events WHERE article_id = a.id ORDER BY confidence DESC, id LIMIT 1)"
        " ORDER BY a.id"};
    vg_buf_putc(b, '[');
    int first_d = 1;
    for (size_t c = 0; c < 3; c++) {
        vg_stmt *st = vg_db_stmt(db, sqls[c]);
        if (!st) return VG_ERR_DB;
        vg_bind_int64(st, 1, story);
        vg_buf item = VG_BUF_INIT;
        long long lo = 0, hi = 0;
        int n = 0, rc;
        while ((rc = vg_step(st)) == SQLITE_ROW) {
            long long v = vg_column_int64(st, 1);
            if (!n || v < lo) lo = v;
            if (!n || v > hi) hi = v;
            vg_buf_puts(&item, n ? "," : "");
            vg_buf_puts(&item, "{\"source\":");
            vg_json_cstr(&item, vg_column_text(st, 0));
            vg_buf_printf(&item, ",\"value\":%lld}", v);
            n++;
        }
        vg_reset(st);
        if (rc == SQLITE_DONE && n > 1 && lo != hi) {
            if (!first_d) vg_buf_putc(b, ',');
            first_d = 0;
            vg_buf_printf(b, "{\"field\":\"%s\",\"min\":%lld,\"max\":%lld,\"values\":[", cols[c], lo, hi);
            vg_buf_append(b, item.data, item.len);
            vg_buf_puts(b, "]}");
        }
        vg_buf_free(&item);
        if (rc != SQLITE_DONE) return vg_db_fail(db, rc, "comparing figures");
    }
    vg_buf_putc(b, ']');
    return VG_OK;
}

static const char story_events_sql[] =
    "SELECT e.event_type, e.event_date, e.location, e.country, avg(e.latitude), avg(e.longitude),"
    " count(*), min(nullif(e.fatalities, -1)), max(nullif(e.fatalities, -1))"
    " FROM articles a JOIN events e ON e.id = (SELECT id FROM events WHERE article_id = a.id"
    "   ORDER BY confidence DESC, id LIMIT 1)"
    " WHERE a.story_id = ?1 AND a.dup_of IS NULL"
    " GROUP BY e.event_type, e.event_date, e.location ORDER BY count(*) DESC, e.event_date";
/* PostgreSQL wants every column grouped or aggregated (SQLite takes the country of
 * a row of the group: one place has one country) and sorts NULL last. */
static const char story_events_pg_sql[] =
    "SELECT e.event_type, e.event_date, e.location, min(e.country), avg(e.latitude), avg(e.longitude),"
    " count(*), min(nullif(e.fatalities, -1)), max(nullif(e.fatalities, -1))"
    " FROM articles a JOIN events e ON e.id = (SELECT id FROM events WHERE article_id = a.id"
    "   ORDER BY confidence DESC, id LIMIT 1)"
    " WHERE a.story_id = ?1 AND a.dup_of IS NULL"
    " GROUP BY e.event_type, e.event_date, e.location ORDER BY count(*) DESC, e.event_date NULLS FIRST";

static vg_status story_json(vg_db *db, const char *id, const char **json, size_t *len)
{
    char *end;
    long long story = strtoll(id, &end, 10);
    if (end == id || *end || story <= 0) {
        /* a story's stable key (api.c) names it too */
        int64_t rowid = 0;
        if (strlen(id) <= 16 || vg_store_story_id(db, id, &rowid) != VG_OK) {
            snprintf(db->err, sizeof db->err, "story id must be a positive number or a story key");
            return VG_ERR_NOT_FOUND;
        }
        story = rowid;
    }
    /* the story's stable key: its first article's (api.c) */
    vg_buf *b = &db->out;
    vg_buf_clear(b);
    vg_buf_printf(b, "{\"story\":%lld,\"id\":", story);
    vg_stmt *st = vg_db_stmt(db, "SELECT f.hash, f.ext_id FROM stories s JOIN articles f ON f.id = s.first_article"
                                 " WHERE s.id = ?1");
    if (!st) return VG_ERR_DB;
    vg_bind_int64(st, 1, story);
    int rc = vg_step(st);
    if (rc == SQLITE_ROW) {
        vg_buf_putc(b, '"');
        vg_store_article_key(b, vg_column_int64(st, 0), vg_column_text(st, 1));
        vg_buf_putc(b, '"');
    } else vg_buf_puts(b, "null");
    vg_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return vg_db_fail(db, rc, "reading story");
    st = vg_db_stmt(db, "SELECT count(*), count(dup_of), min(published), max(published)"
                                      " FROM articles WHERE story_id = ?1");
    if (!st) return VG_ERR_DB;
    vg_bind_int64(st, 1, story);
    rc = vg_step(st);
    if (rc != SQLITE_ROW) { vg_reset(st); return vg_db_fail(db, rc, "reading story"); }
    long long n = vg_column_int64(st, 0), n_dup = vg_column_int64(st, 1);
    vg_buf_printf(b, ",\"articles\":%lld,\"duplicates\":%lld,\"first_report\":", n, n_dup);
    vg_json_cstr(b, vg_column_text(st, 2));
    vg_buf_puts(b, ",\"last_report\":");
    vg_json_cstr(b, vg_column_text(st, 3));
    vg_reset(st);
    if (n == 0) {
        snprintf(db->err, sizeof db->err, "no story %lld", story);
        return VG_ERR_NOT_FOUND;
    }
    vg_status s;
    vg_buf_puts(b, ",\"outlets\":");
    if ((s = distinct_array(db, b, "SELECT DISTINCT outlet FROM articles WHERE story_id = ?1 AND outlet IS NOT NULL"
                                   " ORDER BY outlet", story)) != VG_OK) return s;
    vg_buf_puts(b, ",\"languages\":");
    if ((s = distinct_array(db, b, "SELECT DISTINCT lang FROM articles WHERE story_id = ?1 AND lang IS NOT NULL"
                                   " ORDER BY lang", story)) != VG_OK) return s;
    /* The consolidated events: one per (type, date, place) among originals'
     * main events, with how many accounts report it and the range of tolls. */
    vg_buf_puts(b, ",\"events\":[");
    st = vg_db_stmt2(db, story_events_sql, story_events_pg_sql);
    if (!st) return VG_ERR_DB;
    vg_bind_int64(st, 1, story);
    int first = 1;
    while ((rc = vg_step(st)) == SQLITE_ROW) {
        vg_buf_puts(b, first ? "{" : ",{");
        first = 0;
        static const char *const keys[] = {"event_type", "event_date", "location", "country"};
        for (int k = 0; k < 4; k++) {
            vg_buf_printf(b, "%s\"%s\":", k ? "," : "", keys[k]);
            vg_json_cstr(b, vg_column_text(st, k));
        }
        if (!vg_column_null(st, 4))
            vg_buf_printf(b, ",\"latitude\":%.5f,\"longitude\":%.5f", vg_column_double(st, 4),
                          vg_column_double(st, 5));
        vg_buf_printf(b, ",\"reports\":%lld,\"fatalities_min\":", (long long)vg_column_int64(st, 6));
        put_int_or_null(b, st, 7);
        vg_buf_puts(b, ",\"fatalities_max\":");
        put_int_or_null(b, st, 8);
        vg_buf_putc(b, '}');
    }
    vg_reset(st);
    vg_buf_putc(b, ']');
    if (rc != SQLITE_DONE) return vg_db_fail(db, rc, "reading story events");
    /* One account per article, side by side. */
    vg_buf_puts(b, ",\"accounts\":[");
    account_events *evs = NULL;
    size_t n_evs = 0, next_ev = 0;
    if ((s = all_events(db, story, &evs, &n_evs)) != VG_OK) return s;
    st = vg_db_stmt(db, story_accounts_sql);
    if (!st) { free_account_events(evs, n_evs); return VG_ERR_DB; }
    vg_bind_int64(st, 1, story);
    vg_arena *a = vg_arena_new(64 * 1024);
    if (!a) { free_account_events(evs, n_evs); return VG_ERR_NOMEM; }
    first = 1;
    long long n_undated = 0;
    while ((rc = vg_step(st)) == SQLITE_ROW) {
        vg_arena_reset(a);
        vg_buf_puts(b, first ? "{" : ",{");
        first = 0;
        static const char *const keys[] = {"doc", "outlet", "lang", "published", "title"};
        for (int k = 0; k < 5; k++) {
            vg_buf_printf(b, "%s\"%s\":", k ? "," : "", keys[k]);
            vg_json_cstr(b, vg_column_text(st, k));
        }
        vg_buf_puts(b, ",\"dup_of\":");
        put_int_or_null(b, st, 5);
        /* The day its text dates it by (dateline or first full date), when it has no
         * publication day: shown as read from the text, not as a publication day. */
        const char *text_date = vg_column_null(st, 3) ? vg_column_text(st, 23) : NULL;
        vg_buf_puts(b, ",\"text_date\":");
        vg_json_cstr(b, text_date);
        /* No publication day, no day read from its text and no full date of its
         * main event: nothing says when this report's incident happened. */
        const char *ed = vg_column_text(st, 7);
        int undated = vg_column_null(st, 3) && !text_date && !full_date(ed);
        n_undated += undated;
        vg_buf_printf(b, ",\"date_unknown\":%s", undated ? "true" : "false");
        static const char *const ekeys[] = {"event_type", "event_date", "location", "country"};
        for (int k = 0; k < 4; k++) {
            vg_buf_printf(b, ",\"%s\":", ekeys[k]);
            vg_json_cstr(b, vg_column_text(st, 6 + k));
        }
        static const char *const fkeys[] = {"fatalities", "arrests", "injured"};
        for (int k = 0; k < 3; k++) {
            vg_buf_printf(b, ",\"%s\":", fkeys[k]);
            if (vg_column_null(st, 12 + k) || vg_column_int64(st, 12 + k) < 0)
                vg_buf_puts(b, "null");
            else put_int_or_null(b, st, 12 + k);
        }
        vg_buf_puts(b, ",\"actor1\":");
        vg_json_cstr(b, vg_column_text(st, 15));
        vg_buf_puts(b, ",\"actor2\":");
        vg_json_cstr(b, vg_column_text(st, 16));
        vg_buf_puts(b, ",\"attribution\":");
        vg_json_cstr(b, vg_column_text(st, 17));
        vg_buf_puts(b, ",\"actor_names\":");
        const char *evidence = vg_column_text(st, 18);
        actor_names(b, a, evidence, evidence ? strlen(evidence) : 0,
                    vg_column_text(st, 15), vg_column_text(st, 16));
        /* the report itself: its stable id, page and every event (the HTTP API's story view) */
        vg_buf_puts(b, ",\"id\":\"");
        vg_store_article_key(b, vg_column_int64(st, 20), vg_column_text(st, 21));
        vg_buf_puts(b, "\",\"url\":");
        vg_json_cstr(b, vg_column_text(st, 22));
        vg_buf_puts(b, ",\"events\":");
        int64_t art = vg_column_int64(st, 19);
        size_t k = 0;
        while (k < n_evs && evs[(next_ev + k) % n_evs].article != art) k++;
        if (k < n_evs) {
            account_events *e = &evs[(next_ev + k) % n_evs];
            vg_buf_append(b, e->json.data, e->json.len);
            next_ev = (next_ev + k + 1) % n_evs;
        } else vg_buf_puts(b, "[]");
        vg_buf_putc(b, '}');
    }
    vg_reset(st);
    vg_arena_free(a);
    free_account_events(evs, n_evs);
    vg_buf_putc(b, ']');
    if (rc != SQLITE_DONE) return vg_db_fail(db, rc, "reading story accounts");
    vg_buf_printf(b, ",\"undated_accounts\":%lld", n_undated);
    vg_buf_puts(b, ",\"disagreements\":");
    if ((s = disagreements(db, b, story)) != VG_OK) return s;
    vg_buf_putc(b, '}');
    if (b->failed) return VG_ERR_NOMEM;
    *json = b->data;
    *len = b->len;
    return VG_OK;
}

vg_status vg_db_story_json(vg_db *db, const char *id, const char **json, size_t *len)
{
    if (!db || !id || !json || !len) return VG_ERR_ARG;
    vg_status s = vg_query_start(db, NULL);
    return s != VG_OK ? s : vg_query_end(db, story_json(db, id, json, len));
}
