/* api.c - the reads behind the HTTP API (vigie serve): event pages with keyset
 * cursors, counts and facets, one event or article with its text, story
 * pages, under the stable keys of internal.h (VG_ARTICLE_KEY). The server
 * holds no SQL. Both stores answer: each statement is written once over the
 * two dialects (the SQ / PG macros below, vg_db_stmt2), and the rows are
 * made into JSON once, here and in the server, whichever store gave them. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "../core/json.h"

/* Longest external id a key may carry (hex doubles it): ids are file names,
 * URLs and JSONL ids; longer keys are refused before any SQL. */
#define MAX_EXT_ID 2048
/* The date that dated events sort below: "XXXX-06-30" (year unknown) sorts
 * above it, so a page walks dated events first, then the others. */
#define LAST_DATE "9999-12-31"

static void bind_text(vg_stmt *st, int i, const char *s)
{
    if (s && *s) vg_bind_text(st, i, s, -1);
    else vg_bind_null(st, i);
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    c = tolower(c);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* A parsed key: content hash, external id (decoded, NUL-terminated), and for
 * an event its rank (-1: none given). */
typedef struct key {
    int64_t hash;
    char ext_id[MAX_EXT_ID + 1];
    size_t ext_len;
    long rank;
} key;

/* "<16 hex>-<hex>" and, when want_rank, "-<digits>". 0 on success. */
static int parse_key(const char *s, int want_rank, key *k)
{
    size_t n = strlen(s);
    if (n < 17 || s[16] != '-') return -1;
    uint64_t h = 0;
    for (int i = 0; i < 16; i++) {
        int v = hexval((unsigned char)s[i]);
        if (v < 0) return -1;
        h = h << 4 | (uint64_t)v;
    }
    k->hash = (int64_t)h;
    const char *p = s + 17, *end = s + n;
    const char *dash = memchr(p, '-', (size_t)(end - p));
    if (want_rank != (dash != NULL)) return -1;
    const char *hex_end = dash ? dash : end;
    size_t hl = (size_t)(hex_end - p);
    if (hl % 2 || hl / 2 > MAX_EXT_ID) return -1;
    for (size_t i = 0; i < hl; i += 2) {
        int a = hexval((unsigned char)p[i]), b = hexval((unsigned char)p[i + 1]);
        if (a < 0 || b < 0) return -1;
        k->ext_id[i / 2] = (char)(a << 4 | b);
    }
    k->ext_len = hl / 2;
    k->ext_id[k->ext_len] = 0;
    if (memchr(k->ext_id, 0, k->ext_len)) return -1;
    k->rank = -1;
    if (dash) {
        const char *r = dash + 1;
        if (!*r || strlen(r) > 6 || strspn(r, "0123456789") != strlen(r)) return -1;
        k->rank = strtol(r, NULL, 10);
    }
    return 0;
}

void vg_store_article_key(vg_buf *b, int64_t hash, const char *ext_id)
{
    vg_buf_printf(b, "%016llx-", (unsigned long long)hash);
    for (const unsigned char *p = (const unsigned char *)(ext_id ? ext_id : ""); *p; p++)
        vg_buf_printf(b, "%02x", *p);
}

/* The article row id of a key; 0 when none. */
static vg_status article_rowid(vg_db *db, const key *k, int64_t *id)
{
    vg_stmt *st = vg_db_stmt(db, "SELECT id FROM articles WHERE ext_id = ?1 AND hash = ?2");
    if (!st) return VG_ERR_DB;
    vg_bind_text(st, 1, k->ext_id, (int)k->ext_len);
    vg_bind_int64(st, 2, k->hash);
    int rc = vg_step(st);
    *id = rc == SQLITE_ROW ? vg_column_int64(st, 0) : 0;
    vg_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return vg_db_fail(db, rc, "looking up an article");
    return VG_OK;
}

/* A story named by its row id (digits) or its key; VG_ERR_ARG naming it otherwise. */
static vg_status story_rowid(vg_db *db, const char *what, const char *s, int64_t *id)
{
    if (*s && strlen(s) < 19 && strspn(s, "0123456789") == strlen(s)) {
        *id = strtoll(s, NULL, 10);
        return VG_OK;
    }
    key *k = malloc(sizeof *k);
    if (!k) return VG_ERR_NOMEM;
    int64_t art = 0;
    vg_status st = VG_OK;
    if (parse_key(s, 0, k) != 0) {
        snprintf(db->err, sizeof db->err, "%s: '%.100s' is not a story id", what, s);
        st = VG_ERR_ARG;
    } else if ((st = article_rowid(db, k, &art)) == VG_OK) {
        vg_stmt *q = vg_db_stmt(db, "SELECT id FROM stories WHERE first_article = ?1");
        if (!q) st = VG_ERR_DB;
        else {
            vg_bind_int64(q, 1, art);
            int rc = vg_step(q);
            *id = rc == SQLITE_ROW ? vg_column_int64(q, 0) : 0;
            vg_reset(q);
            if (rc != SQLITE_ROW && rc != SQLITE_DONE) st = vg_db_fail(db, rc, "looking up a story");
            else if (rc == SQLITE_DONE || !art) {
                snprintf(db->err, sizeof db->err, "%s: no story '%.100s'", what, s);
                st = VG_ERR_NOT_FOUND;
            }
        }
    }
    free(k);
    return st;
}

vg_status vg_store_story_id(vg_db *db, const char *s, int64_t *id) { return story_rowid(db, "story", s, id); }

/* db->err said again with the API parameter it is about first: "q: ...". */
static void name_error(vg_db *db, const char *name)
{
    char keep[900];
    snprintf(keep, sizeof keep, "%.880s", db->err);
    snprintf(db->err, sizeof db->err, "%s: %s", name, keep);
}

/* ---------------------------------------------------------------- filters */

/* YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ (what articles.ingested holds). */
static int valid_time(const char *s)
{
    static const char shape[] = "dddd-dd-ddTdd:dd:ddZ";
    size_t n = strlen(s);
    if (n != 10 && n != 20) return 0;
    for (size_t i = 0; i < n; i++)
        if (shape[i] == 'd' ? !isdigit((unsigned char)s[i]) : s[i] != shape[i]) return 0;
    return 1;
}

static vg_status check_filters(vg_db *db, const vg_query *q)
{
    int type_ok, sub_ok;
    vg_store_taxonomy_known(q, &type_ok, &sub_ok);
    if (!type_ok) {
        snprintf(db->err, sizeof db->err, "event_type: unknown event type '%.100s'", q->event_type);
        return VG_ERR_ARG;
    }
    if (!sub_ok) {
        snprintf(db->err, sizeof db->err, "sub_event_type: unknown sub-event type '%.100s'", q->sub_event_type);
        return VG_ERR_ARG;
    }
    if (q->updated_since && !valid_time(q->updated_since)) {
        snprintf(db->err, sizeof db->err, "updated_since: '%.100s' is not YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ",
                 q->updated_since);
        return VG_ERR_ARG;
    }
    if (q->min_confidence < 0 || q->min_confidence > 1) {
        snprintf(db->err, sizeof db->err, "min_confidence: %g is not between 0 and 1", q->min_confidence);
        return VG_ERR_ARG;
    }
    if (q->min_fatalities < 0) {
        snprintf(db->err, sizeof db->err, "min_fatalities: %ld is negative", q->min_fatalities);
        return VG_ERR_ARG;
    }
    if (q->has_bbox && (q->bbox[1] > q->bbox[3] || q->bbox[1] < -90 || q->bbox[3] > 90 || q->bbox[0] < -180 ||
                        q->bbox[0] > 180 || q->bbox[2] < -180 || q->bbox[2] > 180)) {
        snprintf(db->err, sizeof db->err, "bbox: west,south,east,north in degrees, south <= north");
        return VG_ERR_ARG;
    }
    return VG_OK;
}

/* Each read is written once, in macros over the two dialects: D is SQ
 * (SQLite) or PG (PostgreSQL), and D##_T(n) etc. the parameter ?n as the
 * dialect wants it (PostgreSQL must know every parameter's type: text,
 * bigint, float8; SQLite takes them as they come), D##_NC a case-blind
 * ASCII comparison (SQLite's COLLATE NOCASE), D##_HAS a substring test,
 * D##_MATCH the full-text filter (FTS5 MATCH text; a tsquery over
 * articles.search, pg_search.c). The rows are the same, and so is the JSON
 * made of them (put_row, the rows' callbacks). */
#define SQ_T(n) "?" #n
#define SQ_I(n) "?" #n
#define SQ_F(n) "?" #n
#define PG_T(n) "?" #n "::text"
#define PG_I(n) "?" #n "::bigint"
#define PG_F(n) "?" #n "::float8"
#define SQ_NC(c, p) c " = " p " COLLATE NOCASE"
#define PG_NC(c, p) "lower(" c ") = lower(" p " COLLATE \"C\")"
#define SQ_HAS(c, p) "instr(lower(" c "), lower(" p ")) > 0"
#define PG_HAS(c, p) "strpos(lower(" c "), lower(" p " COLLATE \"C\")) > 0"
#define SQ_MATCH(p) "a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH " p ")"
#define PG_MATCH(p) "a.search @@ " p "::tsquery"
#define SQ_KEY(a) VG_ARTICLE_KEY(a)
#define PG_KEY(a) VG_ARTICLE_KEY_PG(a)
#define SQ_STORY(id) VG_STORY_KEY(id)
#define PG_STORY(id) VG_STORY_KEY_PG(id)
#define SQ_ROUND3(x) "round(" x ", 3)"
#define PG_ROUND3(x) "round(CAST(" x " AS numeric), 3)"
#define SQ_EPOCH(t) "CAST(strftime('%s', " t ") AS INTEGER)"
#define PG_EPOCH(t) "CAST(extract(epoch FROM CAST(" t " AS timestamptz)) AS bigint)"

/* ---------------------------------------------------------------- the events reads' SQL, per shape
 *
 * The events reads (pages, counts, stats) are written for the filters a
 * query gives and no others: "e.iso = ?1 COLLATE NOCASE AND e.confidence >=
 * ?2", not "(?1 IS NULL OR ...)" for every filter, which SQLite's planner
 * cannot use an index for (a page of one country and type walked the date
 * index over every event, ~7 ms of SQLite's time at a million events; with
 * the statement written for its filters, it reads events_iso_type_date's
 * hundred entries). Every value is still a bound parameter, numbered in the
 * order the filters come; a statement is compiled once per shape and kept
 * by its key (vg_db_shaped). One walk (shape_walk) makes the key, the text
 * and the bindings, so the three always agree. */

/* One events read's filters, resolved: the story's row id, the MATCH text. */
typedef struct filters {
    const vg_query *q;
    int has_story;
    int64_t story;
    const vg_buf *match; /* NULL: no full-text filter */
} filters;

/* The walk's state: key collects the shape (each choice a bit, in the order
 * asked: two walks that differ in a choice differ at its bit), sql (when
 * not NULL) receives the text, st (when not NULL) the values, n counts the
 * parameters. */
typedef struct shaper {
    uint64_t key;
    int bit;
    vg_buf *sql;
    vg_stmt *st;
    int pg, n;
} shaper;

/* The reads written this way (the key's low 3 bits). */
enum { K_PAGE_DATED = 1, K_PAGE_UNDATED, K_COUNT, K_STATS_EVENTS, K_STATS_ARTICLES };
#define KIND_BITS 3

static int on(shaper *w, int yes)
{
    if (yes && w->bit < 64) w->key |= (uint64_t)1 << w->bit;
    w->bit++;
    return yes;
}

static void put(shaper *w, const char *s)
{
    if (w->sql) vg_buf_puts(w->sql, s);
}

/* Parameter n as the dialect wants it (PostgreSQL must know every
 * parameter's type: 'T' text, 'I' bigint, 'F' float8). */
static void ref(shaper *w, int n, char type)
{
    if (!w->sql) return;
    vg_buf_printf(w->sql, "?%d", n);
    if (w->pg) vg_buf_puts(w->sql, type == 'T' ? "::text" : type == 'I' ? "::bigint" : "::float8");
}

static int text_arg(shaper *w, const char *v, int len)
{
    int n = ++w->n;
    if (w->st) vg_bind_text(w->st, n, v, len);
    return n;
}

static int int_arg(shaper *w, int64_t v)
{
    int n = ++w->n;
    if (w->st) vg_bind_int64(w->st, n, v);
    return n;
}

static int real_arg(shaper *w, double v)
{
    int n = ++w->n;
    if (w->st) vg_bind_double(w->st, n, v);
    return n;
}

/* " AND <col> = ?n" compared case-blind on ASCII (SQLite's COLLATE NOCASE,
 * which events_iso_date's iso has; on PostgreSQL lower() on both sides, which
 * its lower(iso) index serves). */
static void and_nocase(shaper *w, const char *col, int n)
{
    put(w, w->pg ? " AND lower(" : " AND ");
    put(w, col);
    put(w, w->pg ? ") = lower(" : " = ");
    ref(w, n, 'T');
    put(w, w->pg ? " COLLATE \"C\")" : " COLLATE NOCASE");
}

/* <col> holds ?n, any case */
static void holds(shaper *w, const char *col, int n)
{
    put(w, w->pg ? "strpos(lower(" : "instr(lower(");
    put(w, col);
    put(w, "), lower(");
    ref(w, n, 'T');
    put(w, w->pg ? " COLLATE \"C\")) > 0" : ")) > 0");
}

/* A text filter given (not NULL, not empty)? */
static int given(shaper *w, const char *v) { return on(w, v && *v); }

static void bbox_filter(shaper *w, const vg_query *q)
{
    int west = real_arg(w, q->bbox[0]), south = real_arg(w, q->bbox[1]);
    int east = real_arg(w, q->bbox[2]), north = real_arg(w, q->bbox[3]);
    put(w, " AND e.latitude BETWEEN ");
    ref(w, south, 'F');
    put(w, " AND ");
    ref(w, north, 'F');
    if (on(w, q->bbox[0] <= q->bbox[2])) {
        put(w, " AND e.longitude BETWEEN ");
        ref(w, west, 'F');
        put(w, " AND ");
        ref(w, east, 'F');
    } else { /* across the antimeridian */
        put(w, " AND (e.longitude >= ");
        ref(w, west, 'F');
        put(w, " OR e.longitude <= ");
        ref(w, east, 'F');
        put(w, ")");
    }
}

/* The filters about the event alone, each " AND ...". An event whose year
 * is unknown ("XXXX-06-30") matches no date filter. The country is an ISO
 * code when it has two letters (the API resolves every country to one) and
 * a name otherwise: no country's name has two letters and every iso has,
 * so each value can match one column only, and that column's index serves. */
static void event_filters(shaper *w, const vg_query *q)
{
    if (given(w, q->since)) {
        put(w, " AND e.year IS NOT NULL AND e.event_date >= ");
        ref(w, text_arg(w, q->since, -1), 'T');
    }
    if (given(w, q->until)) {
        put(w, " AND e.year IS NOT NULL AND e.event_date <= ");
        ref(w, text_arg(w, q->until, -1), 'T');
    }
    if (given(w, q->country)) {
        const char *col = on(w, strlen(q->country) == 2) ? "e.iso" : "e.country";
        and_nocase(w, col, text_arg(w, q->country, -1));
    }
    if (given(w, q->event_type)) and_nocase(w, "e.event_type", text_arg(w, q->event_type, -1));
    if (given(w, q->sub_event_type)) and_nocase(w, "e.sub_event_type", text_arg(w, q->sub_event_type, -1));
    if (given(w, q->actor)) {
        int n = text_arg(w, q->actor, -1);
        put(w, " AND (");
        holds(w, "e.actor1", n);
        put(w, " OR ");
        holds(w, "e.actor2", n);
        put(w, ")");
    }
    if (on(w, q->min_confidence > 0)) {
        put(w, " AND e.confidence >= ");
        ref(w, real_arg(w, q->min_confidence), 'F');
    }
    if (given(w, q->admin1)) and_nocase(w, "e.admin1", text_arg(w, q->admin1, -1));
    if (on(w, q->min_fatalities > 0)) {
        put(w, " AND e.fatalities >= ");
        ref(w, int_arg(w, q->min_fatalities), 'I');
    }
    if (on(w, q->has_bbox)) bbox_filter(w, q);
}

/* The filters about the article. updated_since: a day means from its start
 * (ingested is YYYY-MM-DDTHH:MM:SSZ). q: FTS5 MATCH text on SQLite, a
 * tsquery over articles.search on PostgreSQL (pg_search.c). */
static void article_filters(shaper *w, const filters *f)
{
    const vg_query *q = f->q;
    if (on(w, f->has_story)) {
        put(w, " AND a.story_id = ");
        ref(w, int_arg(w, f->story), 'I');
    }
    if (given(w, q->outlet)) and_nocase(w, "a.outlet", text_arg(w, q->outlet, -1));
    if (given(w, q->lang)) and_nocase(w, "a.lang", text_arg(w, q->lang, -1));
    if (given(w, q->updated_since)) {
        put(w, " AND a.ingested >= ");
        ref(w, text_arg(w, q->updated_since, -1), 'T');
    }
    if (on(w, f->match != NULL)) {
        int n = text_arg(w, f->match->data, (int)f->match->len);
        put(w, w->pg ? " AND a.search @@ " : " AND a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ");
        ref(w, n, 'T');
        put(w, w->pg ? "::tsquery" : ")");
    }
}

/* Does f filter on the article? */
static int about_articles(const filters *f)
{
    const vg_query *q = f->q;
    return f->has_story || (q->outlet && *q->outlet) || (q->lang && *q->lang) ||
           (q->updated_since && *q->updated_since) || f->match;
}

/* The FROM and WHERE of every events read: the events with their articles,
 * a near-duplicate's events left out (they are its original's). */
static void events_from(shaper *w, const filters *f)
{
    put(w, " FROM events e JOIN articles a ON a.id = e.article_id WHERE a.dup_of IS NULL");
    event_filters(w, f->q);
    article_filters(w, f);
}

/* The same without the articles join, when no filter is about the article
 * (SQLite; PostgreSQL plans the join itself): the copies' events are left
 * out through the small partial index articles_dup instead of one article
 * lookup per event (counts and facets over a million events read the events,
 * or only an index of them, alone). */
static int events_only(shaper *w, const filters *f) { return on(w, !w->pg && !about_articles(f)); }

static void events_only_from(shaper *w, const filters *f)
{
    put(w, " FROM events e WHERE e.article_id NOT IN (SELECT id FROM articles WHERE dup_of IS NOT NULL)");
    event_filters(w, f->q);
}

/* The status of a step that failed with rc: an FTS5 refusal of q's text is
 * VG_ERR_ARG naming "q", anything else vg_db_fail's. */
static vg_status step_fail(vg_db *db, int rc, int has_match, const char *what)
{
    if (has_match && !db->pg && rc == SQLITE_ERROR && !vg_query_exceeded(db)) {
        vg_status s = vg_search_syntax_error(db);
        name_error(db, "q");
        return s;
    }
    return vg_db_fail(db, rc, what);
}

/* Steps st to its end, rows to cb (step_fail's status on failure). */
static vg_status emit_all(vg_db *db, vg_stmt *st, const vg_col_type *types, vg_row_cb cb, void *ud,
                          int has_match, const char *what, int *stopped)
{
    int rc;
    *stopped = 0;
    while ((rc = vg_step(st)) == SQLITE_ROW)
        if (vg_db_emit_row(db, st, types, cb, ud)) { *stopped = 1; break; }
    vg_reset(st);
    if (rc == SQLITE_ROW || rc == SQLITE_DONE) return VG_OK;
    return step_fail(db, rc, has_match, what);
}

/* vg_query_start on q's dates alone, a bad one named by the API's parameter. */
static vg_status start_dates(vg_db *db, const vg_query *q)
{
    vg_query dates = {0}; /* query_check's messages say since/until: name the API's parameters */
    dates.since = q->since;
    dates.until = q->until;
    vg_status s = vg_query_start(db, &dates);
    if (s == VG_ERR_ARG) name_error(db, !strncmp(db->err, "since", 5) ? "date_from" : "date_to");
    return s;
}

/* start_dates, the filters checked first and q->text made a MATCH. */
static vg_status start(vg_db *db, const vg_query *q, vg_buf *match, int *has_match)
{
    vg_status s = check_filters(db, q);
    if (s != VG_OK) return s;
    if ((s = start_dates(db, q)) != VG_OK) return s;
    *has_match = q->text && *q->text;
    if (*has_match && (s = db->pg ? vg_pg_search_query(db, q->text, match, NULL)
                                  : vg_search_match(db, q->text, match)) != VG_OK) {
        name_error(db, "q");
        if (s == VG_ERR_TOO_LARGE) s = VG_ERR_ARG;
        return vg_query_end(db, s);
    }
    return VG_OK;
}

/* ---------------------------------------------------------------- event pages */

#define EVENT_COLUMNS(D)                                                                                      \
    "SELECT e.iso AS iso, " D##_KEY("a") " || '-' || (e.id - (SELECT min(id) FROM events"                    \
    "   WHERE article_id = e.article_id)) AS id, e.event_date, e.year, e.time_precision, e.event_type,"       \
    " e.sub_event_type, e.actor1, e.inter1, e.actor2, e.inter2, e.interaction, e.country, e.admin1,"         \
    " e.location, e.latitude, e.longitude, e.geo_precision, a.outlet AS source, e.notes, e.fatalities,"       \
    " " D##_EPOCH("a.ingested") " AS timestamp, e.injured, e.arrests, e.attribution,"                        \
    " " D##_ROUND3("e.confidence") " AS confidence, a.lang, a.published, a.title, a.url,"                    \
    " " D##_KEY("a") " AS article, " D##_STORY("a.story_id") " AS story, a.ingested AS updated,"             \
    " coalesce(e.event_date, '') || '~' || e.id AS cursor"
static const char event_columns_sql[] = EVENT_COLUMNS(SQ);
static const char event_columns_pg_sql[] = EVENT_COLUMNS(PG);

static const vg_col_type event_types[] = {
    VG_COL_TEXT, VG_COL_TEXT, VG_COL_TEXT, VG_COL_INT,  VG_COL_INT,  VG_COL_TEXT, VG_COL_TEXT,
    VG_COL_TEXT, VG_COL_INT,  VG_COL_TEXT, VG_COL_INT,  VG_COL_INT,  VG_COL_TEXT, VG_COL_TEXT,
    VG_COL_TEXT, VG_COL_REAL, VG_COL_REAL, VG_COL_INT,  VG_COL_TEXT, VG_COL_TEXT, VG_COL_INT,
    VG_COL_INT,  VG_COL_INT,  VG_COL_INT,  VG_COL_TEXT, VG_COL_REAL, VG_COL_TEXT, VG_COL_TEXT,
    VG_COL_TEXT, VG_COL_TEXT, VG_COL_TEXT, VG_COL_TEXT, VG_COL_TEXT, VG_COL_TEXT};

/* Where a page starts: after the cursor's row (a cursor is "<event_date>~<row
 * id>", the last row's "cursor" column), and how many rows it takes. */
typedef struct position {
    int has_cursor;
    char date[32];
    int64_t after;
    long limit; /* -1: no limit */
} position;

/* Dated events, newest first, after the cursor's date and row; then those
 * of unknown date or year (above LAST_DATE: "XXXX-06-30"), newest row first.
 * The cursor is written as a range on event_date (<= its date) that the
 * date-ordered indexes serve, and the row id within its date. */
static void page_walk(shaper *w, const filters *f, const position *p, int dated)
{
    put(w, w->pg ? event_columns_pg_sql : event_columns_sql);
    events_from(w, f);
    if (dated) {
        put(w, " AND e.event_date <= '" LAST_DATE "'");
        if (on(w, p->has_cursor)) {
            int d = text_arg(w, p->date, -1), id = int_arg(w, p->after);
            put(w, " AND e.event_date <= ");
            ref(w, d, 'T');
            put(w, " AND (e.event_date < ");
            ref(w, d, 'T');
            put(w, " OR e.id < ");
            ref(w, id, 'I');
            put(w, ")");
        }
        put(w, " ORDER BY e.event_date DESC, e.id DESC");
    } else {
        put(w, " AND (e.event_date IS NULL OR e.event_date > '" LAST_DATE "')");
        if (on(w, p->has_cursor)) {
            put(w, " AND e.id < ");
            ref(w, int_arg(w, p->after), 'I');
        }
        put(w, " ORDER BY e.id DESC");
    }
    if (w->sql) vg_buf_printf(w->sql, " LIMIT ?%d", int_arg(w, p->limit));
    else int_arg(w, p->limit);
}

static void count_walk(shaper *w, const filters *f)
{
    put(w, "SELECT count(*)");
    if (events_only(w, f)) events_only_from(w, f);
    else events_from(w, f);
}

/* The stats: two passes over the filtered events, each grouped once and
 * then summed per facet (a MATERIALIZED CTE). The event's own facets (day,
 * day and type, type, sub-type, country) from groups of day, type, sub-type
 * and country (count(e.year): the dated events of a group, all of them or
 * none since the year is the date's; the day facets count dated events
 * only), read from events_date or events_iso_date alone, which hold every
 * column they need. Then the article's (outlet, language): without a
 * filter about the article, the events are counted per article first (not
 * in events_article's order: "+e.article_id", or every row is read through
 * it), and each article read once. Seven passes, one per facet, took seven
 * times as long at a million events. */
#define SQ_C ""
#define PG_C " COLLATE \"C\""
#define STATS_EVENT_FACETS(D)                                                                              \
    " GROUP BY 1, 2, 3, 4)"                                                                                \
    " SELECT facet, key, label, n FROM ("                                                                 \
    "   SELECT 0 AS r, 'day' AS facet, d AS key, NULL AS label, sum(nd) AS n FROM g WHERE nd > 0 GROUP BY d" \
    "   UNION ALL SELECT 1, 'day_type', d, t, sum(nd) FROM g WHERE nd > 0 AND t IS NOT NULL GROUP BY d, t" \
    "   UNION ALL SELECT 2, 'event_type', t, NULL, sum(n) FROM g WHERE t IS NOT NULL GROUP BY t"           \
    "   UNION ALL SELECT 3, 'sub_event_type', s, NULL, sum(n) FROM g WHERE s IS NOT NULL GROUP BY s"      \
    "   UNION ALL SELECT 4, 'country', c, max(cn), sum(n) FROM g WHERE c IS NOT NULL GROUP BY c) AS f"    \
    " ORDER BY r, CASE WHEN r <= 1 THEN key" D##_C " END, CASE WHEN r <= 1 THEN label" D##_C " END,"      \
    " n DESC, key" D##_C
static const char stats_events_tail_sql[] = STATS_EVENT_FACETS(SQ);
static const char stats_events_tail_pg_sql[] = STATS_EVENT_FACETS(PG);
#define STATS_ARTICLES(D)                                                                                  \
    " GROUP BY 1, 2)"                                                                                      \
    " SELECT facet, key, label, n FROM ("                                                                 \
    "   SELECT 0 AS r, 'outlet' AS facet, o AS key, NULL AS label, sum(n) AS n FROM h WHERE o IS NOT NULL GROUP BY o" \
    "   UNION ALL SELECT 1, 'lang', l, NULL, sum(n) FROM h WHERE l IS NOT NULL GROUP BY l) AS f"          \
    " ORDER BY r, n DESC, key" D##_C
static const char stats_articles_tail_sql[] = STATS_ARTICLES(SQ);
static const char stats_articles_tail_pg_sql[] = STATS_ARTICLES(PG);
static const vg_col_type stats_types[] = {VG_COL_TEXT, VG_COL_TEXT, VG_COL_TEXT, VG_COL_INT};

static void stats_events_walk(shaper *w, const filters *f)
{
    put(w, "WITH g AS MATERIALIZED (SELECT e.event_date AS d, e.event_type AS t, e.sub_event_type AS s,"
           " e.iso AS c, max(e.country) AS cn, count(e.year) AS nd, count(*) AS n");
    if (events_only(w, f)) events_only_from(w, f);
    else events_from(w, f);
    put(w, w->pg ? stats_events_tail_pg_sql : stats_events_tail_sql);
}

static void stats_articles_walk(shaper *w, const filters *f)
{
    if (events_only(w, f)) {
        put(w, "WITH x AS MATERIALIZED (SELECT e.article_id AS id, count(*) AS n FROM events e WHERE 1");
        event_filters(w, f->q);
        put(w, " GROUP BY +e.article_id), h AS MATERIALIZED (SELECT a.outlet AS o, a.lang AS l, sum(x.n) AS n"
               " FROM x JOIN articles a ON a.id = x.id WHERE a.dup_of IS NULL");
    } else {
        put(w, "WITH h AS MATERIALIZED (SELECT a.outlet AS o, a.lang AS l, count(*) AS n");
        events_from(w, f);
    }
    put(w, w->pg ? stats_articles_tail_pg_sql : stats_articles_tail_sql);
}

static void shape_walk(shaper *w, int kind, const filters *f, const position *p)
{
    w->key = (uint64_t)kind;
    w->bit = KIND_BITS;
    switch (kind) {
    case K_PAGE_DATED: page_walk(w, f, p, 1); break;
    case K_PAGE_UNDATED: page_walk(w, f, p, 0); break;
    case K_COUNT: count_walk(w, f); break;
    case K_STATS_EVENTS: stats_events_walk(w, f); break;
    default: stats_articles_walk(w, f); break;
    }
}

/* The statement of this read for f's shape (compiled on its first use), its
 * parameters bound; NULL with the error in db->err. */
static vg_stmt *shaped_stmt(vg_db *db, int kind, const filters *f, const position *p)
{
    shaper w = {0};
    w.pg = db->pg != NULL;
    shape_walk(&w, kind, f, p);
    if (w.bit > 64) { /* more choices than the key holds: a programming error */
        snprintf(db->err, sizeof db->err, "an events read of %d choices, at most 64", w.bit);
        return NULL;
    }
    vg_stmt *st = vg_db_shaped(db, w.key);
    if (!st) {
        vg_buf sql = VG_BUF_INIT;
        shaper b = {0};
        b.pg = w.pg;
        b.sql = &sql;
        shape_walk(&b, kind, f, p);
        if (sql.failed) snprintf(db->err, sizeof db->err, "out of memory writing a statement");
        else st = vg_db_shaped_add(db, w.key, sql.data);
        vg_buf_free(&sql);
        if (!st) return NULL;
    }
    shaper v = {0};
    v.pg = w.pg;
    v.st = st;
    shape_walk(&v, kind, f, p);
    return st;
}

/* f for q: the story named resolved to its row (a story that is not there
 * is a bad value: VG_ERR_ARG naming "story"). */
static vg_status resolve(vg_db *db, const vg_query *q, const vg_buf *match, filters *f)
{
    memset(f, 0, sizeof *f);
    f->q = q;
    f->match = match;
    if (!(q->story && *q->story)) return VG_OK;
    vg_status s = story_rowid(db, "story", q->story, &f->story);
    if (s == VG_ERR_NOT_FOUND) s = VG_ERR_ARG;
    f->has_story = s == VG_OK;
    return s;
}

static int parse_cursor(const char *c, char date[32], int64_t *id)
{
    const char *t = strrchr(c, '~');
    if (!t || (size_t)(t - c) >= 32 || !t[1] || strlen(t + 1) > 18 || strspn(t + 1, "0123456789") != strlen(t + 1))
        return -1;
    memcpy(date, c, (size_t)(t - c));
    date[t - c] = 0;
    for (const char *p = date; *p; p++)
        if (!isalnum((unsigned char)*p) && *p != '-') return -1;
    *id = strtoll(t + 1, NULL, 10);
    return 0;
}

typedef struct counted { vg_row_cb cb; void *ud; long n; } counted;
static int count_cb(const vg_row *row, void *ud)
{
    counted *c = ud;
    c->n++;
    return c->cb(row, c->ud);
}

static vg_status event_page(vg_db *db, const vg_query *q, const vg_buf *match, vg_row_cb cb, void *ud)
{
    position p = {0};
    p.has_cursor = q->after && *q->after;
    if (p.has_cursor && parse_cursor(q->after, p.date, &p.after) != 0) {
        snprintf(db->err, sizeof db->err, "cursor: '%.100s' is not a cursor this API gave", q->after);
        return VG_ERR_ARG;
    }
    filters f;
    vg_status s = resolve(db, q, match, &f);
    if (s != VG_OK) return s;
    int dated = !p.has_cursor || (*p.date && strcmp(p.date, LAST_DATE) <= 0);
    counted c = {cb, ud, 0};
    int stopped = 0;
    if (dated) {
        p.limit = q->limit > 0 ? q->limit : -1;
        vg_stmt *st = shaped_stmt(db, K_PAGE_DATED, &f, &p);
        if (!st) return VG_ERR_DB;
        s = emit_all(db, st, event_types, count_cb, &c, match != NULL, "listing events", &stopped);
        if (s != VG_OK || stopped || (q->limit > 0 && c.n >= q->limit)) return s;
        p.has_cursor = 0; /* the undated part from its start */
    }
    p.limit = q->limit > 0 ? q->limit - c.n : -1;
    vg_stmt *st = shaped_stmt(db, K_PAGE_UNDATED, &f, &p);
    if (!st) return VG_ERR_DB;
    return emit_all(db, st, event_types, count_cb, &c, match != NULL, "listing events", &stopped);
}

vg_status vg_db_event_page(vg_db *db, const vg_query *q, vg_row_cb cb, void *ud)
{
    if (!db || !q || !cb) return VG_ERR_ARG;
    vg_buf match = VG_BUF_INIT;
    int has_match = 0;
    vg_status s = start(db, q, &match, &has_match);
    if (s == VG_OK) s = vg_query_end(db, event_page(db, q, has_match ? &match : NULL, cb, ud));
    vg_buf_free(&match);
    return s;
}

vg_status vg_db_event_count(vg_db *db, const vg_query *q, long long *n)
{
    if (!db || !q || !n) return VG_ERR_ARG;
    *n = 0;
    vg_buf match = VG_BUF_INIT;
    int has_match = 0;
    vg_status s = start(db, q, &match, &has_match);
    if (s != VG_OK) { vg_buf_free(&match); return s; }
    filters f;
    if ((s = resolve(db, q, has_match ? &match : NULL, &f)) == VG_OK) {
        vg_stmt *st = shaped_stmt(db, K_COUNT, &f, NULL);
        if (!st) s = VG_ERR_DB;
        else {
            int rc = vg_step(st);
            if (rc == SQLITE_ROW) *n = vg_column_int64(st, 0);
            vg_reset(st);
            if (rc != SQLITE_ROW) s = step_fail(db, rc, has_match, "counting events");
        }
    }
    vg_buf_free(&match);
    return vg_query_end(db, s);
}

vg_status vg_db_event_stats(vg_db *db, const vg_query *q, vg_row_cb cb, void *ud)
{
    if (!db || !q || !cb) return VG_ERR_ARG;
    vg_buf match = VG_BUF_INIT;
    int has_match = 0;
    vg_status s = start(db, q, &match, &has_match);
    if (s != VG_OK) { vg_buf_free(&match); return s; }
    filters f;
    s = resolve(db, q, has_match ? &match : NULL, &f);
    int stopped = 0;
    const int kinds[] = {K_STATS_EVENTS, K_STATS_ARTICLES};
    for (size_t i = 0; s == VG_OK && !stopped && i < 2; i++) {
        vg_stmt *st = shaped_stmt(db, kinds[i], &f, NULL);
        if (!st) { s = VG_ERR_DB; break; }
        s = emit_all(db, st, stats_types, cb, ud, has_match, "counting events", &stopped);
    }
    vg_buf_free(&match);
    return vg_query_end(db, s);
}

/* ---------------------------------------------------------------- one event, one article */

/* Every column of st's current row from `from` on as "name":value pairs,
 * typed by types[] (numbers and JSON as they are, text as JSON strings). */
static void put_row(vg_buf *b, vg_stmt *st, int from, int *first, const vg_col_type *types)
{
    int n = vg_column_count(st);
    for (int i = from; i < n; i++) {
        vg_json_key(b, first, vg_column_name(st, i));
        const char *v = vg_column_print(st, i, types[i] == VG_COL_REAL);
        if (!v) vg_buf_puts(b, "null");
        else if (types[i] == VG_COL_TEXT) vg_json_cstr(b, v);
        else vg_buf_puts(b, v);
    }
}

#define EVENT_ONE(D)                                                                                        \
    "SELECT e.id AS rowid_, e.event_date, e.year, e.time_precision, e.event_type, e.sub_event_type,"        \
    " e.actor1, e.inter1, e.actor2, e.inter2, e.interaction, e.country, e.iso, e.admin1, e.location,"      \
    " e.latitude, e.longitude, e.geo_precision, e.fatalities, e.injured, e.arrests, e.attribution,"        \
    " " D##_ROUND3("e.confidence") " AS confidence, e.sent_start, e.sent_end, e.notes, e.evidence"         \
    " FROM events e WHERE e.article_id = " D##_I(1) " ORDER BY e.id LIMIT 1 OFFSET " D##_I(2)
static const char event_one_sql[] = EVENT_ONE(SQ);
static const char event_one_pg_sql[] = EVENT_ONE(PG);
static const vg_col_type event_one_types[] = {
    VG_COL_INT,  VG_COL_TEXT, VG_COL_INT,  VG_COL_INT,  VG_COL_TEXT, VG_COL_TEXT, VG_COL_TEXT,
    VG_COL_INT,  VG_COL_TEXT, VG_COL_INT,  VG_COL_INT,  VG_COL_TEXT, VG_COL_TEXT, VG_COL_TEXT,
    VG_COL_TEXT, VG_COL_REAL, VG_COL_REAL, VG_COL_INT,  VG_COL_INT,  VG_COL_INT,  VG_COL_INT,
    VG_COL_TEXT, VG_COL_REAL, VG_COL_INT,  VG_COL_INT,  VG_COL_TEXT, VG_COL_JSON};
#define SQ_EVENT_KEYS(a) VG_EVENT_KEYS(a)
#define PG_EVENT_KEYS(a) VG_EVENT_KEYS_PG(a)
#define ARTICLE_ONE(D)                                                                                      \
    "SELECT a.id AS rowid_, " D##_KEY("a") " AS id, a.ext_id AS doc, a.source, a.format, a.outlet,"         \
    " a.url, a.title, a.lang, a.published, a.authors, a.ingested, " D##_STORY("a.story_id") " AS story,"    \
    " (SELECT " D##_KEY("o") " FROM articles o WHERE o.id = a.dup_of) AS dup_of,"                           \
    " " D##_EVENT_KEYS("a") " AS events, a.text FROM articles a WHERE a.id = " D##_I(1)
static const char article_one_sql[] = ARTICLE_ONE(SQ);
static const char article_one_pg_sql[] = ARTICLE_ONE(PG);

static const vg_col_type article_one_types[] = {
    VG_COL_INT,  VG_COL_TEXT, VG_COL_TEXT, VG_COL_TEXT, VG_COL_TEXT, VG_COL_TEXT, VG_COL_TEXT, VG_COL_TEXT,
    VG_COL_TEXT, VG_COL_TEXT, VG_COL_TEXT, VG_COL_TEXT, VG_COL_TEXT, VG_COL_TEXT, VG_COL_JSON, VG_COL_TEXT};

/* The article object of row id art into b. */
static vg_status article_obj(vg_db *db, vg_buf *b, int64_t art)
{
    vg_stmt *st = vg_db_stmt2(db, article_one_sql, article_one_pg_sql);
    if (!st) return VG_ERR_DB;
    vg_bind_int64(st, 1, art);
    int rc = vg_step(st);
    if (rc == SQLITE_ROW) {
        int first = 1;
        vg_buf_putc(b, '{');
        put_row(b, st, 1, &first, article_one_types);
        vg_buf_putc(b, '}');
    }
    vg_reset(st);
    if (rc != SQLITE_ROW) return rc == SQLITE_DONE ? VG_ERR_NOT_FOUND : vg_db_fail(db, rc, "reading an article");
    return VG_OK;
}

static vg_status event_json(vg_db *db, const char *ks, const char **json, size_t *len)
{
    key *k = malloc(sizeof *k);
    if (!k) return VG_ERR_NOMEM;
    int64_t art = 0;
    vg_status s = VG_OK;
    if (parse_key(ks, 1, k) != 0) {
        snprintf(db->err, sizeof db->err, "id: '%.100s' is not an event id", ks);
        s = VG_ERR_ARG;
    } else if ((s = article_rowid(db, k, &art)) == VG_OK && !art) s = VG_ERR_NOT_FOUND;
    long rank = k->rank;
    free(k);
    if (s != VG_OK) {
        if (s == VG_ERR_NOT_FOUND) snprintf(db->err, sizeof db->err, "no event '%.100s'", ks);
        return s;
    }
    vg_stmt *st = vg_db_stmt2(db, event_one_sql, event_one_pg_sql);
    if (!st) return VG_ERR_DB;
    vg_bind_int64(st, 1, art);
    vg_bind_int64(st, 2, rank);
    vg_buf *b = &db->out;
    vg_buf_clear(b);
    vg_buf_puts(b, "{\"id\":");
    vg_json_cstr(b, ks);
    int rc = vg_step(st);
    if (rc == SQLITE_ROW) {
        int first = 0;
        put_row(b, st, 1, &first, event_one_types);
    }
    vg_reset(st);
    if (rc != SQLITE_ROW) {
        if (rc != SQLITE_DONE) return vg_db_fail(db, rc, "reading an event");
        snprintf(db->err, sizeof db->err, "no event '%.100s'", ks);
        return VG_ERR_NOT_FOUND;
    }
    vg_buf_puts(b, ",\"article\":");
    if ((s = article_obj(db, b, art)) != VG_OK) return s;
    vg_buf_putc(b, '}');
    if (b->failed) return VG_ERR_NOMEM;
    *json = b->data;
    *len = b->len;
    return VG_OK;
}

typedef vg_status (*json_read)(vg_db *db, const char *key_text, const char **json, size_t *len);

/* One JSON object read by fn (a key's event or article) inside a query's budget. */
static vg_status one_json(vg_db *db, json_read fn, const char *key_text, const char **json, size_t *len)
{
    if (!db || !key_text || !json || !len) return VG_ERR_ARG;
    vg_status s = vg_query_start(db, NULL);
    return s != VG_OK ? s : vg_query_end(db, fn(db, key_text, json, len));
}

vg_status vg_db_event_json(vg_db *db, const char *key_text, const char **json, size_t *len)
{
    return one_json(db, event_json, key_text, json, len);
}

static vg_status article_json(vg_db *db, const char *ks, const char **json, size_t *len)
{
    key *k = malloc(sizeof *k);
    if (!k) return VG_ERR_NOMEM;
    int64_t art = 0;
    vg_status s = VG_OK;
    if (parse_key(ks, 0, k) != 0) {
        snprintf(db->err, sizeof db->err, "id: '%.100s' is not an article id", ks);
        s = VG_ERR_ARG;
    } else s = article_rowid(db, k, &art);
    free(k);
    if (s != VG_OK) return s;
    vg_buf *b = &db->out;
    vg_buf_clear(b);
    if (!art || (s = article_obj(db, b, art)) == VG_ERR_NOT_FOUND) {
        snprintf(db->err, sizeof db->err, "no article '%.100s'", ks);
        return VG_ERR_NOT_FOUND;
    }
    if (s != VG_OK) return s;
    if (b->failed) return VG_ERR_NOMEM;
    *json = b->data;
    *len = b->len;
    return VG_OK;
}

vg_status vg_db_article_json(vg_db *db, const char *key_text, const char **json, size_t *len)
{
    return one_json(db, article_json, key_text, json, len);
}

/* ---------------------------------------------------------------- stories, summary */

#define STORY_PAGE(D)                                                                                       \
    "SELECT " D##_STORY("s.id") " AS id, s.id AS story,"                                                    \
    " (SELECT count(*) FROM articles WHERE story_id = s.id) AS articles,"                                   \
    " (SELECT count(DISTINCT outlet) FROM articles WHERE story_id = s.id) AS outlets,"                      \
    " (SELECT min(published) FROM articles WHERE story_id = s.id) AS first_report,"                         \
    " (SELECT max(published) FROM articles WHERE story_id = s.id) AS last_report,"                          \
    " f.title, f.lang, s.event_date, s.latitude, s.longitude,"                                              \
    " '~' || s.id AS cursor"                                                                                \
    " FROM stories s LEFT JOIN articles f ON f.id = s.first_article"                                        \
    " WHERE (" D##_I(3) " IS NULL OR s.id < " D##_I(3) ")"                                                  \
    "   AND EXISTS (SELECT 1 FROM articles WHERE story_id = s.id)"                                          \
    "   AND (" D##_T(1) " IS NULL OR (SELECT substr(min(published), 1, 10) FROM articles"                   \
    "        WHERE story_id = s.id) >= " D##_T(1) ")"                                                       \
    "   AND (" D##_T(2) " IS NULL OR (SELECT substr(min(published), 1, 10) FROM articles"                   \
    "        WHERE story_id = s.id) <= " D##_T(2) ")"                                                       \
    " ORDER BY s.id DESC LIMIT ?4"
static const char story_page_sql[] = STORY_PAGE(SQ);
static const char story_page_pg_sql[] = STORY_PAGE(PG);
static const vg_col_type story_page_types[] = {VG_COL_TEXT, VG_COL_INT,  VG_COL_INT,  VG_COL_INT,
                                               VG_COL_TEXT, VG_COL_TEXT, VG_COL_TEXT, VG_COL_TEXT,
                                               VG_COL_TEXT, VG_COL_REAL, VG_COL_REAL, VG_COL_TEXT};

static vg_status story_page(vg_db *db, const vg_query *q, vg_row_cb cb, void *ud)
{
    int64_t after = 0;
    if (q->after && *q->after) {
        const char *c = q->after;
        if (c[0] != '~' || !c[1] || strlen(c) > 19 || strspn(c + 1, "0123456789") != strlen(c + 1)) {
            snprintf(db->err, sizeof db->err, "cursor: '%.100s' is not a cursor this API gave", c);
            return VG_ERR_ARG;
        }
        after = strtoll(c + 1, NULL, 10);
    }
    vg_stmt *st = vg_db_stmt2(db, story_page_sql, story_page_pg_sql);
    if (!st) return VG_ERR_DB;
    bind_text(st, 1, q->since);
    bind_text(st, 2, q->until);
    if (after) vg_bind_int64(st, 3, after);
    vg_bind_int64(st, 4, q->limit > 0 ? q->limit : -1);
    int stopped;
    return emit_all(db, st, story_page_types, cb, ud, 0, "listing stories", &stopped);
}

vg_status vg_db_story_page(vg_db *db, const vg_query *q, vg_row_cb cb, void *ud)
{
    if (!db || !q || !cb) return VG_ERR_ARG;
    vg_status s = start_dates(db, q);
    return s != VG_OK ? s : vg_query_end(db, story_page(db, q, cb, ud));
}

static vg_status summary(vg_db *db, const char **json, size_t *len)
{
    vg_stmt *st = vg_db_stmt(db, "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events),"
                                      " (SELECT count(*) FROM stories), (SELECT max(ingested) FROM articles)");
    if (!st) return VG_ERR_DB;
    int rc = vg_step(st);
    vg_buf *b = &db->out;
    vg_buf_clear(b);
    if (rc == SQLITE_ROW) {
        vg_buf_printf(b, "{\"articles\":%lld,\"events\":%lld,\"stories\":%lld,\"last_ingested\":",
                      (long long)vg_column_int64(st, 0), (long long)vg_column_int64(st, 1),
                      (long long)vg_column_int64(st, 2));
        vg_json_cstr(b, vg_column_text(st, 3));
        vg_buf_putc(b, '}');
    }
    vg_reset(st);
    if (rc != SQLITE_ROW) return vg_db_fail(db, rc, "counting");
    if (b->failed) return VG_ERR_NOMEM;
    *json = b->data;
    *len = b->len;
    return VG_OK;
}

vg_status vg_db_summary_json(vg_db *db, const char **json, size_t *len)
{
    if (!db || !json || !len) return VG_ERR_ARG;
    vg_status s = vg_query_start(db, NULL);
    return s != VG_OK ? s : vg_query_end(db, summary(db, json, len));
}

/* PostgreSQL has no data_version: the version is a hash of the current
 * snapshot (its xmin, xmax and the transactions in progress), which moves
 * whenever a write commits (or begins) anywhere on the server, and never
 * while nothing writes. */
static const char pg_version_sql[] = "SELECT hashtextextended(CAST(pg_current_snapshot() AS text), 0)";

vg_status vg_db_version(vg_db *db, int64_t *v)
{
    if (!db || !v) return VG_ERR_ARG;
    if (!db->pg) return vg_db_data_version(db, v);
    vg_stmt *st = vg_db_stmt(db, pg_version_sql);
    if (!st) return VG_ERR_DB;
    int rc = vg_step(st);
    *v = rc == SQLITE_ROW ? vg_column_int64(st, 0) : -1;
    vg_reset(st);
    return rc == SQLITE_ROW ? VG_OK : vg_db_fail(db, rc, "reading the database's version");
}
