/* events.c - storing a document's events and listing them with ACLED's column names and order. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "../analyze/taxonomy.h"
#include "../core/json.h"

/* Longest sentence kept as the event's notes: bounded, whatever the input. */
#define MAX_NOTES 2000

static void bind_opt_text(vg_stmt *st, int i, const char *s)
{
    if (s && *s) vg_bind_text(st, i, s, -1);
    else vg_bind_null(st, i);
}

static void bind_opt_int(vg_stmt *st, int i, int v, int unknown)
{
    if (v == unknown) vg_bind_null(st, i);
    else vg_bind_int64(st, i, v);
}

/* Evidence as a JSON array with the quoted text, so a reader needs nothing
 * but the row to see where each figure came from. */
static void evidence_json(vg_buf *b, const vg_doc *doc, const vg_event *e)
{
    vg_buf_putc(b, '[');
    for (size_t i = 0; i < e->n_evidence; i++) {
        const vg_evidence *ev = &e->evidence[i];
        uint32_t start = ev->start, end = ev->end;
        if (end > doc->text_len) end = (uint32_t)doc->text_len;
        if (start > end) start = end;
        if (i) vg_buf_putc(b, ',');
        vg_buf_puts(b, "{\"field\":");
        vg_json_cstr(b, ev->field);
        vg_buf_printf(b, ",\"start\":%u,\"end\":%u,\"text\":", start, end);
        vg_json_str(b, doc->fields[VG_F_TEXT] + start, end - start);
        vg_buf_printf(b, ",\"confidence\":%.3g}", (double)ev->confidence);
    }
    vg_buf_putc(b, ']');
}

/* ACLED's interaction code: the two actor types, lower first (10 = one actor). */
static int interaction(int a, int b)
{
    if (a <= 0) return 0;
    if (b <= 0) return a * 10;
    return a < b ? a * 10 + b : b * 10 + a;
}

#define EVENT_COLUMNS                                                                                  \
    "article_id, event_date, year, time_precision, event_type, sub_event_type,"                        \
    " actor1, inter1, actor2, inter2, interaction, country, iso, admin1, location, latitude, longitude," \
    " geo_precision, fatalities, injured, arrests, attribution, confidence, sent_start, sent_end, notes," \
    " evidence"
#define EVENT_VALUES                                                                                   \
    "?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"                       \
    " ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27"
static const char put_event_sql[] = "INSERT INTO events(" EVENT_COLUMNS ") VALUES(" EVENT_VALUES ")";
/* A queue worker's events take a provisional (negative) id: workers store
 * in the order they finish, and the story writer numbers them in queue
 * order (queue.c), so event ids (and ACLED's event_id_cnty) are those one
 * ingest of the same input gives. */
static const char put_event_worker_sql[] =
    "INSERT INTO events(id, " EVENT_COLUMNS ") VALUES(-nextval('events_provisional'), " EVENT_VALUES ")";

vg_status vg_events_put(vg_db *db, const vg_doc *doc, int64_t article_id)
{
    for (size_t k = 0; k < doc->n_events; k++) {
        const vg_event *e = &doc->events[k];
        vg_stmt *st = vg_db_stmt(db, db->no_stories ? put_event_worker_sql : put_event_sql);
        if (!st) return VG_ERR_DB;
        char date[11];
        memcpy(date, e->event_date, sizeof date);
        date[10] = 0;
        vg_bind_int64(st, 1, article_id);
        bind_opt_text(st, 2, date);
        /* the analyser writes an unknown year as "XXXX": no year then */
        if (strlen(date) >= 4 && isdigit((unsigned char)date[0]) && isdigit((unsigned char)date[1]) &&
            isdigit((unsigned char)date[2]) && isdigit((unsigned char)date[3]))
            vg_bind_int64(st, 3, (date[0] - '0') * 1000 + (date[1] - '0') * 100 + (date[2] - '0') * 10 +
                                        (date[3] - '0'));
        bind_opt_int(st, 4, e->time_precision, 0);
        bind_opt_text(st, 5, e->event_type);
        bind_opt_text(st, 6, e->sub_event_type);
        bind_opt_text(st, 7, e->actor1);
        bind_opt_int(st, 8, e->inter1, 0);
        bind_opt_text(st, 9, e->actor2);
        bind_opt_int(st, 10, e->inter2, 0);
        bind_opt_int(st, 11, interaction(e->inter1, e->inter2), 0);
        bind_opt_text(st, 12, e->country);
        bind_opt_text(st, 13, e->iso);
        bind_opt_text(st, 14, e->admin1);
        bind_opt_text(st, 15, e->location);
        if (e->has_coords) {
            vg_bind_double(st, 16, e->latitude);
            vg_bind_double(st, 17, e->longitude);
        }
        bind_opt_int(st, 18, e->geo_precision, 0);
        bind_opt_int(st, 19, e->fatalities, -1);
        bind_opt_int(st, 20, e->injured, -1);
        bind_opt_int(st, 21, e->arrests, -1);
        bind_opt_text(st, 22, e->attribution);
        vg_bind_double(st, 23, (double)e->confidence);
        uint32_t s0 = e->sent_start, s1 = e->sent_end;
        if (s1 > doc->text_len) s1 = (uint32_t)doc->text_len;
        if (s0 > s1) s0 = s1;
        vg_bind_int64(st, 24, (int)s0);
        vg_bind_int64(st, 25, (int)s1);
        if (s1 > s0) {
            size_t n = s1 - s0 > MAX_NOTES ? MAX_NOTES : s1 - s0;
            /* don't cut a UTF-8 sequence in half */
            while (n > 0 && n < s1 - s0 && ((unsigned char)doc->fields[VG_F_TEXT][s0 + n] & 0xC0) == 0x80) n--;
            vg_bind_text(st, 26, doc->fields[VG_F_TEXT] + s0, (int)n);
        }
        vg_buf_clear(&db->out);
        evidence_json(&db->out, doc, e);
        if (db->out.failed) return VG_ERR_NOMEM;
        vg_bind_text(st, 27, db->out.data, (int)db->out.len);
        int rc = vg_step_later(st, "storing an event");
        if (rc != SQLITE_DONE) return vg_db_fail(db, rc, "storing an event");
    }
    return VG_OK;
}

/* ACLED columns in the order of ACLED's own export (those vigie fills), then
 * vigie's own: doc, story, arrests, injured, attribution, confidence, evidence. */
static const char events_sql[] =
    "SELECT e.iso AS iso, coalesce(e.iso, 'XX') || e.id AS event_id_cnty, e.event_date,"
    " e.year, e.time_precision, e.event_type, e.sub_event_type, e.actor1, e.inter1,"
    " e.actor2, e.inter2, e.interaction, e.country, e.admin1, e.location, e.latitude,"
    " e.longitude, e.geo_precision, a.outlet AS source, e.notes, e.fatalities,"
    " CAST(strftime('%s', a.ingested) AS INTEGER) AS timestamp,"
    " a.ext_id AS doc, a.story_id AS story, e.arrests, e.injured, e.attribution,"
    " round(e.confidence, 3) AS confidence, e.evidence"
    " FROM events e JOIN articles a ON a.id = e.article_id"
    /* an event whose year is unknown ("XXXX-06-30") matches no date filter */
    /* a near-duplicate's events are its original's: listed once */
    " WHERE a.dup_of IS NULL"
    "   AND (?1 IS NULL OR (e.year IS NOT NULL AND e.event_date >= ?1))"
    "   AND (?2 IS NULL OR (e.year IS NOT NULL AND e.event_date <= ?2))"
    "   AND (?3 IS NULL OR e.country = ?3 COLLATE NOCASE OR e.iso = ?3 COLLATE NOCASE)"
    "   AND (?4 IS NULL OR e.event_type = ?4 COLLATE NOCASE)"
    "   AND (?6 IS NULL OR e.sub_event_type = ?6 COLLATE NOCASE)"
    "   AND (?7 IS NULL OR instr(lower(e.actor1), lower(?7)) > 0 OR instr(lower(e.actor2), lower(?7)) > 0)"
    "   AND (?8 IS NULL OR a.story_id = ?8)"
    "   AND (?9 IS NULL OR a.ext_id = ?9)"
    "   AND (?10 IS NULL OR e.confidence >= ?10)"
    " ORDER BY e.year IS NULL, e.event_date DESC, e.id LIMIT ?5";
/* The same on PostgreSQL: its spellings of NOCASE, instr, strftime and round. */
static const char events_pg_sql[] =
    "SELECT e.iso AS iso, coalesce(e.iso, 'XX') || e.id AS event_id_cnty, e.event_date,"
    " e.year, e.time_precision, e.event_type, e.sub_event_type, e.actor1, e.inter1,"
    " e.actor2, e.inter2, e.interaction, e.country, e.admin1, e.location, e.latitude,"
    " e.longitude, e.geo_precision, a.outlet AS source, e.notes, e.fatalities,"
    " extract(epoch FROM a.ingested::timestamptz)::bigint AS timestamp,"
    " a.ext_id AS doc, a.story_id AS story, e.arrests, e.injured, e.attribution,"
    " round(e.confidence::numeric, 3)::float8 AS confidence, e.evidence"
    " FROM events e JOIN articles a ON a.id = e.article_id"
    " WHERE a.dup_of IS NULL"
    "   AND (?1::text IS NULL OR (e.year IS NOT NULL AND e.event_date >= ?1))"
    "   AND (?2::text IS NULL OR (e.year IS NOT NULL AND e.event_date <= ?2))"
    "   AND (?3::text IS NULL OR lower(e.country) = lower(?3) OR lower(e.iso) = lower(?3))"
    "   AND (?4::text IS NULL OR lower(e.event_type) = lower(?4))"
    "   AND (?6::text IS NULL OR lower(e.sub_event_type) = lower(?6))"
    "   AND (?7::text IS NULL OR strpos(lower(e.actor1), lower(?7)) > 0 OR strpos(lower(e.actor2), lower(?7)) > 0)"
    "   AND (?8::bigint IS NULL OR a.story_id = ?8)"
    "   AND (?9::text IS NULL OR a.ext_id = ?9)"
    "   AND (?10::float8 IS NULL OR e.confidence >= ?10)"
    " ORDER BY e.year IS NULL, e.event_date DESC NULLS LAST, e.id LIMIT ?5::bigint";
static const vg_col_type events_types[] = {
    VG_COL_TEXT, VG_COL_TEXT, VG_COL_TEXT, VG_COL_INT, VG_COL_INT, VG_COL_TEXT, VG_COL_TEXT,
    VG_COL_TEXT, VG_COL_INT, VG_COL_TEXT, VG_COL_INT, VG_COL_INT, VG_COL_TEXT, VG_COL_TEXT,
    VG_COL_TEXT, VG_COL_REAL, VG_COL_REAL, VG_COL_INT, VG_COL_TEXT, VG_COL_TEXT, VG_COL_INT,
    VG_COL_INT, VG_COL_TEXT, VG_COL_INT, VG_COL_INT, VG_COL_INT, VG_COL_TEXT, VG_COL_REAL,
    VG_COL_JSON};

static vg_status list_events(vg_db *db, const vg_query *q, vg_row_cb cb, void *ud)
{
    vg_stmt *st = vg_db_stmt2(db, events_sql, events_pg_sql);
    if (!st) return VG_ERR_DB;
    bind_opt_text(st, 1, q->since);
    bind_opt_text(st, 2, q->until);
    bind_opt_text(st, 3, q->country);
    bind_opt_text(st, 4, q->event_type);
    vg_bind_int64(st, 5, q->limit > 0 ? q->limit : -1);
    bind_opt_text(st, 6, q->sub_event_type);
    bind_opt_text(st, 7, q->actor);
    bind_opt_text(st, 8, q->story);
    bind_opt_text(st, 9, q->doc);
    if (q->min_confidence > 0) vg_bind_double(st, 10, q->min_confidence);
    return vg_db_emit_rows(db, st, events_types, cb, ud, "listing events");
}

void vg_store_taxonomy_known(const vg_query *q, int *type_ok, int *sub_ok)
{
    *type_ok = !q->event_type;
    *sub_ok = !q->sub_event_type;
    for (int i = 0; i < VG_SUB_COUNT; i++) {
        if (q->event_type && !strcasecmp(vg_subtypes[i].type, q->event_type)) *type_ok = 1;
        if (q->sub_event_type && !strcasecmp(vg_subtypes[i].name, q->sub_event_type)) *sub_ok = 1;
    }
}

/* A type or sub-type filter names one of ACLED's, else the caller mistyped it
 * (an empty answer would say "none happened"). */
static vg_status check_taxonomy(vg_db *db, const vg_query *q)
{
    int type_ok, sub_ok;
    vg_store_taxonomy_known(q, &type_ok, &sub_ok);
    if (type_ok && sub_ok) {
        if (q->story && strspn(q->story, "0123456789") != strlen(q->story)) {
            snprintf(db->err, sizeof db->err, "story '%.100s' is not a story id (a number)", q->story);
            return VG_ERR_ARG;
        }
        return VG_OK;
    }
    vg_buf *b = &db->out;
    vg_buf_clear(b);
    for (int i = 0; i < VG_SUB_COUNT; i++) {
        const char *v = type_ok ? vg_subtypes[i].name : vg_subtypes[i].type;
        if (!type_ok && i && !strcmp(v, vg_subtypes[i - 1].type)) continue;
        vg_buf_printf(b, "%s%s", b->len ? ", " : "", v);
    }
    snprintf(db->err, sizeof db->err, "unknown %s '%.100s': ACLED's are %.800s", type_ok ? "sub-event type" : "event type",
             type_ok ? q->sub_event_type : q->event_type, b->failed ? "?" : b->data);
    return VG_ERR_ARG;
}

vg_status vg_db_events(vg_db *db, const vg_query *q, vg_row_cb cb, void *ud)
{
    if (!db || !q || !cb) return VG_ERR_ARG;
    vg_status s = check_taxonomy(db, q);
    if (s != VG_OK) return s;
    s = vg_query_start(db, q);
    return s != VG_OK ? s : vg_query_end(db, list_events(db, q, cb, ud));
}
