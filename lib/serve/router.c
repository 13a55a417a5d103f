/* router.c - the routes: /api/... answered from the store's API reads (vigie.h,
 * lib/store/api.c), everything else from the files built into the binary.
 * Every parameter is checked here, against the route's list, before a query
 * runs: an unknown one or a bad value is a 400 that names it. */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "serve.h"
#include "../core/json.h"

/* ---------------------------------------------------------------- answers */

void vg_sv_header(vg_sv_answer *a, const char *name, const char *value)
{
    if (a->n_headers == sizeof a->headers / sizeof a->headers[0]) return;
    snprintf(a->headers[a->n_headers][0], sizeof a->headers[0][0], "%s", name);
    snprintf(a->headers[a->n_headers][1], sizeof a->headers[0][1], "%s", value);
    a->n_headers++;
}

void vg_sv_error(vg_sv_answer *a, int status, const char *parameter, const char *message)
{
    a->status = status;
    a->type = "application/json";
    a->fixed = NULL;
    a->etag = NULL;
    a->no_store = 1;
    vg_buf_clear(&a->body);
    vg_buf_printf(&a->body, "{\"error\":{\"status\":%d,\"parameter\":", status);
    vg_json_cstr(&a->body, parameter);
    vg_buf_puts(&a->body, ",\"message\":");
    vg_json_cstr(&a->body, message);
    vg_buf_puts(&a->body, "}}\n");
}

/* A store failure as an answer: a bad value (vg_db_error "name: why") is a
 * 400 naming the parameter, a missing key a 404, a query over its budget a
 * 503 (narrow it), the rest a 500. */
static void store_error(vg_sv_answer *a, const vg_sv_request *rq, vg_status s)
{
    const char *msg = vg_db_error(rq->db);
    char param[64] = "";
    const char *colon = strstr(msg, ": ");
    if (colon && colon - msg < (long)sizeof param && !memchr(msg, ' ', (size_t)(colon - msg)))
        snprintf(param, sizeof param, "%.*s", (int)(colon - msg), msg);
    switch (s) {
    case VG_ERR_ARG:
    case VG_ERR_TOO_LARGE: vg_sv_error(a, 400, *param ? param : NULL, *param ? colon + 2 : msg); break;
    case VG_ERR_NOT_FOUND: vg_sv_error(a, 404, NULL, msg); break;
    case VG_ERR_TIMEOUT:
        vg_sv_error(a, 503, NULL, msg);
        vg_sv_header(a, "Retry-After", "1");
        break;
    case VG_ERR_NOMEM: vg_sv_error(a, 503, NULL, "out of memory"); break;
    default: vg_sv_error(a, 500, NULL, msg);
    }
}

static void json_answer(vg_sv_answer *a)
{
    a->status = 200;
    a->type = "application/json";
}

/* ---------------------------------------------------------------- parameters */

/* Every parameter of the request is one the route takes ("a b c"). */
static int only_known(const vg_sv_request *rq, const char *allowed, vg_sv_answer *a)
{
    for (size_t i = 0; i < rq->target->n; i++) {
        const char *n = rq->target->names[i];
        size_t len = strlen(n);
        const char *p = allowed;
        int ok = 0;
        while ((p = strstr(p, n))) {
            if ((p == allowed || p[-1] == ' ') && (p[len] == ' ' || !p[len])) { ok = 1; break; }
            p += len;
        }
        if (!ok) {
            char msg[256];
            snprintf(msg, sizeof msg, "unknown parameter '%.64s': this endpoint takes %s", n, allowed);
            vg_sv_error(a, 400, n, msg);
            return 0;
        }
    }
    return 1;
}

/* A parameter's value when given; an empty value is refused (a 400 naming it). */
static int text_param(const vg_sv_request *rq, const char *name, const char **out, vg_sv_answer *a)
{
    *out = vg_sv_param(rq->target, name);
    if (*out && !**out) {
        vg_sv_error(a, 400, name, "empty value");
        return 0;
    }
    return 1;
}

static int long_param(const vg_sv_request *rq, const char *name, long lo, long hi, long *out, vg_sv_answer *a)
{
    const char *v = vg_sv_param(rq->target, name);
    if (!v) return 1;
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (!*v || *end || errno || n < lo || n > hi || !isdigit((unsigned char)v[v[0] == '-'])) {
        char msg[160];
        snprintf(msg, sizeof msg, "'%.40s' is not a whole number from %ld to %ld", v, lo, hi);
        vg_sv_error(a, 400, name, msg);
        return 0;
    }
    *out = n;
    return 1;
}

static int parse_double(const char *v, double *out)
{
    char *end;
    errno = 0;
    double d = strtod(v, &end);
    if (!*v || *end || errno || !isfinite(d) || isspace((unsigned char)*v)) return -1;
    for (const char *p = v; *p; p++) /* no hex, no inf/nan spellings */
        if (!isdigit((unsigned char)*p) && !strchr("+-.eE", *p)) return -1;
    *out = d;
    return 0;
}

static int double_param(const vg_sv_request *rq, const char *name, double lo, double hi, double *out, vg_sv_answer *a)
{
    const char *v = vg_sv_param(rq->target, name);
    if (!v) return 1;
    double d;
    if (parse_double(v, &d) != 0 || d < lo || d > hi) {
        char msg[160];
        snprintf(msg, sizeof msg, "'%.40s' is not a number from %g to %g", v, lo, hi);
        vg_sv_error(a, 400, name, msg);
        return 0;
    }
    *out = d;
    return 1;
}

static int bool_param(const vg_sv_request *rq, const char *name, int *out, vg_sv_answer *a)
{
    const char *v = vg_sv_param(rq->target, name);
    if (!v) return 1;
    if (!strcmp(v, "1") || !strcmp(v, "true")) *out = 1;
    else if (!strcmp(v, "0") || !strcmp(v, "false")) *out = 0;
    else {
        vg_sv_error(a, 400, name, "true, false, 1 or 0 wanted");
        return 0;
    }
    return 1;
}

static int bbox_param(const vg_sv_request *rq, vg_query *q, vg_sv_answer *a)
{
    const char *v = vg_sv_param(rq->target, "bbox");
    if (!v) return 1;
    char tmp[128];
    int ok = strlen(v) < sizeof tmp;
    if (ok) {
        snprintf(tmp, sizeof tmp, "%s", v);
        char *save = NULL, *p = tmp;
        int k = 0;
        for (char *tok; ok && (tok = strtok_r(p, ",", &save)); p = NULL)
            ok = k < 4 && parse_double(tok, &q->bbox[k++]) == 0;
        ok = ok && k == 4 && v[strlen(v) - 1] != ',';
    }
    if (ok && (q->bbox[1] > q->bbox[3] || fabs(q->bbox[1]) > 90 || fabs(q->bbox[3]) > 90 || fabs(q->bbox[0]) > 180 ||
               fabs(q->bbox[2]) > 180))
        ok = 0;
    if (!ok) {
        vg_sv_error(a, 400, "bbox", "west,south,east,north in degrees wanted (south <= north; west > east crosses 180)");
        return 0;
    }
    q->has_bbox = 1;
    return 1;
}

/* ---------------------------------------------------------------- cursors */

/* Cursors are opaque to clients: the store's position, base64url. */
static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

static void b64_encode(const char *s, char *out, size_t cap)
{
    size_t n = strlen(s), k = 0;
    unsigned v = 0;
    int bits = 0;
    for (size_t i = 0; i < n && k + 2 < cap; i++) {
        v = v << 8 | (unsigned char)s[i];
        bits += 8;
        while (bits >= 6 && k + 1 < cap) { bits -= 6; out[k++] = b64[(v >> bits) & 63]; }
    }
    if (bits > 0 && k + 1 < cap) out[k++] = b64[(v << (6 - bits)) & 63];
    out[k] = 0;
}

static int b64_decode(const char *s, char *out, size_t cap)
{
    size_t k = 0;
    unsigned v = 0;
    int bits = 0;
    for (const char *p = s; *p; p++) {
        const char *c = strchr(b64, *p);
        if (!c || !*p) return -1;
        v = v << 6 | (unsigned)(c - b64);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            if (k + 1 >= cap) return -1;
            out[k++] = (char)((v >> bits) & 0xff);
        }
    }
    out[k] = 0;
    for (size_t i = 0; i < k; i++)
        if ((unsigned char)out[i] < 0x20 || (unsigned char)out[i] >= 0x7f) return -1;
    return 0;
}

/* q->after from the "cursor" parameter, decoded into buf. */
static int cursor_param(const vg_sv_request *rq, vg_query *q, char *buf, size_t cap, vg_sv_answer *a)
{
    const char *v = vg_sv_param(rq->target, "cursor");
    if (!v) return 1;
    if (!*v || strlen(v) > 200 || b64_decode(v, buf, cap) != 0) {
        vg_sv_error(a, 400, "cursor", "not a cursor this API gave (pass next_cursor back as it is)");
        return 0;
    }
    q->after = buf;
    return 1;
}

/* ---------------------------------------------------------------- rows */

/* fields: a comma-separated subset of the columns, or NULL for all but "cursor". */
typedef struct rows_ctx {
    vg_buf *out;
    vg_rowfmt *fmt;
    const char *fields;
    long limit;           /* rows wanted; one more is read to know there is a next page */
    long n;
    char cursor[256];     /* the last written row's */
    int more;
    int bad_field;        /* fields= named no column: set on the first row */
    char bad_name[64];
    int csv;              /* rename id to event_id_cnty (ACLED's name) */
    int json_array;       /* rows as a JSON array's items, not JSONL lines */
    vg_status fail;
} rows_ctx;

static int in_list(const char *list, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = list; *p;) {
        const char *c = strchr(p, ',');
        size_t l = c ? (size_t)(c - p) : strlen(p);
        if (l == n && !memcmp(p, name, n)) return 1;
        p += l + (c ? 1 : 0);
    }
    return 0;
}

/* Does every name of fields= name a column of row? */
static int fields_known(rows_ctx *c, const vg_row *row)
{
    for (const char *p = c->fields; *p;) {
        const char *comma = strchr(p, ',');
        size_t l = comma ? (size_t)(comma - p) : strlen(p);
        int found = 0;
        for (size_t i = 0; i < row->n && !found; i++)
            found = strlen(row->names[i]) == l && !memcmp(row->names[i], p, l) && strcmp(row->names[i], "cursor");
        if (!found) {
            snprintf(c->bad_name, sizeof c->bad_name, "%.*s", (int)(l < 60 ? l : 60), p);
            return 0;
        }
        p += l + (comma ? 1 : 0);
    }
    return 1;
}

static int row_cb(const vg_row *row, void *ud)
{
    rows_ctx *c = ud;
    if (c->n == 0 && c->fields && !fields_known(c, row)) { c->bad_field = 1; return 1; }
    if (c->limit > 0 && c->n == c->limit) { c->more = 1; return 1; }
    const char *names[64], *values[64];
    vg_col_type types[64];
    size_t k = 0;
    for (size_t i = 0; i < row->n && k < 64; i++) {
        if (!strcmp(row->names[i], "cursor")) {
            snprintf(c->cursor, sizeof c->cursor, "%s", row->values[i] ? row->values[i] : "");
            continue;
        }
        if (c->fields && !in_list(c->fields, row->names[i])) continue;
        names[k] = c->csv && !strcmp(row->names[i], "id") ? "event_id_cnty" : row->names[i];
        values[k] = row->values[i];
        types[k] = row->types[i];
        k++;
    }
    vg_row r = {k, names, values, types};
    const char *text;
    size_t len;
    vg_status s = vg_rowfmt_row(c->fmt, &r, &text, &len);
    if (s != VG_OK) { c->fail = s; return 1; }
    if (c->json_array) {
        if (c->n) vg_buf_putc(c->out, ',');
        if (len && text[len - 1] == '\n') len--;
    }
    vg_buf_append(c->out, text, len);
    c->n++;
    return 0;
}

/* ---------------------------------------------------------------- filters */

#define EVENT_FILTERS                                                                                       \
    "date_from date_to country admin1 event_type sub_event_type actor outlet lang story min_confidence " \
    "min_fatalities bbox q updated_since"

/* q from the events filters; 0 (answer set) on a bad value. */
static int event_filters(const vg_sv_request *rq, vg_query *q, char iso2[3], vg_sv_answer *a)
{
    const char *country = NULL;
    q->min_confidence = VG_DEFAULT_MIN_CONFIDENCE; /* as the command's events; min_confidence=0: every row */
    if (!text_param(rq, "date_from", &q->since, a) || !text_param(rq, "date_to", &q->until, a) ||
        !text_param(rq, "country", &country, a) || !text_param(rq, "admin1", &q->admin1, a) ||
        !text_param(rq, "event_type", &q->event_type, a) || !text_param(rq, "sub_event_type", &q->sub_event_type, a) ||
        !text_param(rq, "actor", &q->actor, a) || !text_param(rq, "outlet", &q->outlet, a) ||
        !text_param(rq, "lang", &q->lang, a) || !text_param(rq, "story", &q->story, a) ||
        !text_param(rq, "q", &q->text, a) || !text_param(rq, "updated_since", &q->updated_since, a))
        return 0;
    if (!double_param(rq, "min_confidence", 0, 1, &q->min_confidence, a) ||
        !long_param(rq, "min_fatalities", 0, 1000000000L, &q->min_fatalities, a) || !bbox_param(rq, q, a))
        return 0;
    if (country) {
        vg_status s = vg_env_country(rq->env, country, iso2);
        if (s != VG_OK) {
            char msg[200];
            snprintf(msg, sizeof msg, "unknown country '%.64s': a name, an ISO 3166 alpha-2 or alpha-3 code", country);
            vg_sv_error(a, 400, "country", msg);
            return 0;
        }
        q->country = iso2;
    }
    return 1;
}

static int need_db(const vg_sv_request *rq, vg_sv_answer *a)
{
    if (rq->db) return 1;
    vg_sv_error(a, 503, NULL, rq->db_error ? rq->db_error : "no database");
    return 0;
}

/* ---------------------------------------------------------------- handlers */

static void health(const vg_sv_request *rq, vg_sv_answer *a)
{
    if (!only_known(rq, "", a) || !need_db(rq, a)) return;
    const char *json;
    size_t len;
    vg_status s = vg_db_summary_json(rq->db, &json, &len);
    if (s != VG_OK) { store_error(a, rq, s); return; }
    json_answer(a);
    vg_buf_printf(&a->body, "{\"status\":\"ok\",\"version\":\"%s\",\"database\":", VG_VERSION);
    vg_buf_append(&a->body, json, len);
    vg_buf_puts(&a->body, "}\n");
}

static void now_utc(char out[32])
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* A parameter echoed in the CSV export's first line, at most max bytes: the
 * bytes that would end a cell there (, ; and a quote; % so the line reads
 * back unambiguously) percent-encoded, so no cell can start inside a value
 * a link chose (a formula after a comma: see rows.c's csv_cell). */
static void echo_param(vg_buf *b, const char *s, size_t max)
{
    for (size_t i = 0; s[i] && i < max; i++) {
        if (strchr(",;\"%", s[i])) vg_buf_printf(b, "%%%02X", (unsigned char)s[i]);
        else vg_buf_putc(b, s[i]);
    }
}

typedef enum { EV_JSON, EV_GEOJSON, EV_CSV, EV_JSONL } ev_format;

static void events(const vg_sv_request *rq, vg_sv_answer *a, ev_format f)
{
    const char *allowed = f == EV_JSON ? EVENT_FILTERS " cursor limit total fields" : EVENT_FILTERS " cursor limit fields";
    if (!only_known(rq, allowed, a)) return;
    vg_query q = {0};
    char iso2[3], cursor[256];
    long limit = f == EV_JSON ? VG_SV_DEFAULT_PAGE : VG_SV_DEFAULT_EXPORT;
    int total = 0;
    const char *fields = NULL;
    if (!event_filters(rq, &q, iso2, a) || !cursor_param(rq, &q, cursor, sizeof cursor, a) ||
        !long_param(rq, "limit", 1, f == EV_JSON ? VG_SV_MAX_PAGE : VG_SV_MAX_EXPORT, &limit, a) ||
        !bool_param(rq, "total", &total, a) || !text_param(rq, "fields", &fields, a) || !need_db(rq, a))
        return;
    q.limit = limit + 1;
    rows_ctx c = {0};
    c.out = &a->body;
    c.fields = fields;
    c.limit = limit;
    c.csv = f == EV_CSV;
    c.json_array = f == EV_JSON;
    vg_status s = vg_rowfmt_create(f == EV_CSV ? "csv" : f == EV_GEOJSON ? "geojson" : "jsonl", &c.fmt);
    if (s != VG_OK) { vg_sv_error(a, 503, NULL, "out of memory"); return; }
    char cut[32];
    now_utc(cut);
    if (f == EV_JSON) vg_buf_puts(&a->body, "{\"events\":[");
    if (f == EV_CSV) {
        /* when the export was cut, and what it asked: the file says it itself */
        vg_buf_printf(&a->body, "# vigie events export, cut %s; query:", cut);
        for (size_t i = 0; i < rq->target->n; i++) { /* decoded values hold no control byte (params.c) */
            vg_buf_putc(&a->body, ' ');
            echo_param(&a->body, rq->target->names[i], 64);
            vg_buf_putc(&a->body, '=');
            echo_param(&a->body, rq->target->values[i], 512);
        }
        vg_buf_putc(&a->body, '\n');
    }
    s = vg_db_event_page(rq->db, &q, row_cb, &c);
    if (s == VG_OK && c.fail) s = c.fail;
    if (s != VG_OK) {
        vg_rowfmt_free(c.fmt);
        store_error(a, rq, s);
        return;
    }
    if (c.bad_field) {
        vg_rowfmt_free(c.fmt);
        char msg[200];
        snprintf(msg, sizeof msg, "'%s' names no column of an event", c.bad_name);
        vg_sv_error(a, 400, "fields", msg);
        return;
    }
    char next[400] = "";
    if (c.more) b64_encode(c.cursor, next, sizeof next);
    const char *text;
    size_t len;
    if (f != EV_JSON && vg_rowfmt_end(c.fmt, &text, &len) == VG_OK) vg_buf_append(&a->body, text, len);
    vg_rowfmt_free(c.fmt);
    if (f == EV_JSON) {
        vg_buf_printf(&a->body, "],\"count\":%ld,\"limit\":%ld,\"next_cursor\":", c.n, limit);
        vg_json_cstr(&a->body, *next ? next : NULL);
        if (total) {
            long long n = 0;
            if ((s = vg_db_event_count(rq->db, &q, &n)) != VG_OK) { store_error(a, rq, s); return; }
            vg_buf_printf(&a->body, ",\"total\":%lld", n);
        }
        vg_buf_puts(&a->body, "}\n");
    }
    a->status = 200;
    a->type = f == EV_CSV ? "text/csv; charset=utf-8" : f == EV_GEOJSON ? "application/geo+json"
            : f == EV_JSONL ? "application/x-ndjson" : "application/json";
    if (f != EV_JSON) {
        char disp[96];
        snprintf(disp, sizeof disp, "attachment; filename=\"vigie-events-%.10s.%s\"", cut,
                 f == EV_CSV ? "csv" : f == EV_GEOJSON ? "geojson" : "jsonl");
        vg_sv_header(a, "Content-Disposition", disp);
        vg_sv_header(a, "X-Export-Cut", cut);
        if (*next) vg_sv_header(a, "X-Next-Cursor", next);
    }
}

static void one_object(const vg_sv_request *rq, vg_sv_answer *a, const char *id,
                       vg_status (*fn)(vg_db *, const char *, const char **, size_t *))
{
    if (!only_known(rq, "", a) || !need_db(rq, a)) return;
    const char *json;
    size_t len;
    vg_status s = fn(rq->db, id, &json, &len);
    if (s == VG_ERR_ARG) { /* a malformed id names no object: 404 */
        char msg[200];
        snprintf(msg, sizeof msg, "no such id '%.100s'", id);
        vg_sv_error(a, 404, NULL, msg);
        return;
    }
    if (s != VG_OK) { store_error(a, rq, s); return; }
    json_answer(a);
    vg_buf_append(&a->body, json, len);
    vg_buf_putc(&a->body, '\n');
}

static void stories(const vg_sv_request *rq, vg_sv_answer *a)
{
    if (!only_known(rq, "date_from date_to cursor limit", a)) return;
    vg_query q = {0};
    char cursor[256];
    long limit = VG_SV_DEFAULT_PAGE;
    if (!text_param(rq, "date_from", &q.since, a) || !text_param(rq, "date_to", &q.until, a) ||
        !cursor_param(rq, &q, cursor, sizeof cursor, a) || !long_param(rq, "limit", 1, VG_SV_MAX_PAGE, &limit, a) ||
        !need_db(rq, a))
        return;
    q.limit = limit + 1;
    rows_ctx c = {0};
    c.out = &a->body;
    c.limit = limit;
    c.json_array = 1;
    if (vg_rowfmt_create("jsonl", &c.fmt) != VG_OK) { vg_sv_error(a, 503, NULL, "out of memory"); return; }
    vg_buf_puts(&a->body, "{\"stories\":[");
    vg_status s = vg_db_story_page(rq->db, &q, row_cb, &c);
    vg_rowfmt_free(c.fmt);
    if (s == VG_OK && c.fail) s = c.fail;
    if (s != VG_OK) { store_error(a, rq, s); return; }
    char next[400] = "";
    if (c.more) b64_encode(c.cursor, next, sizeof next);
    vg_buf_printf(&a->body, "],\"count\":%ld,\"limit\":%ld,\"next_cursor\":", c.n, limit);
    vg_json_cstr(&a->body, *next ? next : NULL);
    vg_buf_puts(&a->body, "}\n");
    json_answer(a);
}

static void search(const vg_sv_request *rq, vg_sv_answer *a)
{
    if (!only_known(rq, "q lang date_from date_to limit", a)) return;
    vg_query q = {0};
    long limit = VG_SV_DEFAULT_SEARCH;
    if (!text_param(rq, "q", &q.text, a) || !text_param(rq, "lang", &q.lang, a) ||
        !text_param(rq, "date_from", &q.since, a) || !text_param(rq, "date_to", &q.until, a) ||
        !long_param(rq, "limit", 1, VG_SV_MAX_SEARCH, &limit, a))
        return;
    if (!q.text) { vg_sv_error(a, 400, "q", "missing: the words to search for"); return; }
    if (!need_db(rq, a)) return;
    q.limit = limit;
    rows_ctx c = {0};
    c.out = &a->body;
    c.json_array = 1;
    if (vg_rowfmt_create("jsonl", &c.fmt) != VG_OK) { vg_sv_error(a, 503, NULL, "out of memory"); return; }
    vg_buf_puts(&a->body, "{\"results\":[");
    vg_status s = vg_db_search_page(rq->db, &q, row_cb, &c);
    vg_rowfmt_free(c.fmt);
    if (s == VG_OK && c.fail) s = c.fail;
    if (s != VG_OK) {
        /* the store names since/until and the query text its own way: say the API's names */
        const char *m = vg_db_error(rq->db);
        if (s == VG_ERR_ARG || s == VG_ERR_TOO_LARGE) {
            const char *p = !strncmp(m, "since", 5) ? "date_from" : !strncmp(m, "until", 5) ? "date_to" : "q";
            vg_sv_error(a, 400, p, m);
        } else store_error(a, rq, s);
        return;
    }
    vg_buf_printf(&a->body, "],\"count\":%ld,\"limit\":%ld}\n", c.n, limit);
    json_answer(a);
}

/* /api/stats: {"day":[{"key":"2025-03-14","n":3}],"day_type":[{"key":"2025-03-14","label":"Battles","n":2}],
 * "event_type":[...],...}. */
typedef struct stats_ctx { vg_buf *out; char facet[32]; int n_in_facet; } stats_ctx;

static int stats_cb(const vg_row *row, void *ud)
{
    stats_ctx *c = ud;
    const char *facet = row->values[0] ? row->values[0] : "";
    if (strcmp(facet, c->facet)) {
        if (*c->facet) vg_buf_puts(c->out, "],");
        snprintf(c->facet, sizeof c->facet, "%s", facet);
        vg_json_cstr(c->out, facet);
        vg_buf_puts(c->out, ":[");
        c->n_in_facet = 0;
    }
    vg_buf_puts(c->out, c->n_in_facet++ ? ",{\"key\":" : "{\"key\":");
    vg_json_cstr(c->out, row->values[1]);
    if (row->values[2]) {
        vg_buf_puts(c->out, ",\"label\":");
        vg_json_cstr(c->out, row->values[2]);
    }
    vg_buf_printf(c->out, ",\"n\":%s}", row->values[3] ? row->values[3] : "0");
    return 0;
}

static void stats(const vg_sv_request *rq, vg_sv_answer *a)
{
    if (!only_known(rq, EVENT_FILTERS, a)) return;
    vg_query q = {0};
    char iso2[3];
    if (!event_filters(rq, &q, iso2, a) || !need_db(rq, a)) return;
    vg_buf_puts(&a->body, "{");
    stats_ctx c = {&a->body, "", 0};
    vg_status s = vg_db_event_stats(rq->db, &q, stats_cb, &c);
    if (s != VG_OK) { store_error(a, rq, s); return; }
    if (*c.facet) vg_buf_puts(&a->body, "]");
    /* facets with no row are empty lists, so a client reads every key */
    static const char *const facets[] = {"day", "day_type", "event_type", "sub_event_type", "country", "outlet", "lang"};
    for (size_t i = 0; i < sizeof facets / sizeof facets[0]; i++) {
        char probe[40];
        snprintf(probe, sizeof probe, "\"%s\":[", facets[i]);
        if (!strstr(a->body.data, probe)) vg_buf_printf(&a->body, "%s\"%s\":[]", a->body.len > 1 ? "," : "", facets[i]);
    }
    vg_buf_puts(&a->body, "}\n");
    json_answer(a);
}

static void asset(const vg_sv_request *rq, vg_sv_answer *a, const vg_sv_asset *f)
{
    if (!only_known(rq, "", a)) return;
    a->status = 200;
    a->type = f->type;
    a->fixed = f->data;
    a->fixed_len = f->len;
    a->etag = f->etag;
}

const vg_sv_asset *vg_sv_asset_find(const char *path)
{
    for (size_t i = 0; i < vg_sv_n_assets; i++)
        if (!strcmp(vg_sv_assets[i].path, path)) return &vg_sv_assets[i];
    return NULL;
}

/* The id after a route's prefix: one path segment, not empty. */
static const char *tail(const char *path, const char *prefix)
{
    size_t n = strlen(prefix);
    if (strncmp(path, prefix, n) || !path[n] || strchr(path + n, '/')) return NULL;
    return path + n;
}

void vg_sv_route(const vg_sv_request *rq, vg_sv_answer *a)
{
    const char *p = rq->target->path, *id;
    if (!strcmp(p, "/api/health")) health(rq, a);
    else if (!strcmp(p, "/api/events")) events(rq, a, EV_JSON);
    else if (!strcmp(p, "/api/events.geojson")) events(rq, a, EV_GEOJSON);
    else if (!strcmp(p, "/api/events.csv")) events(rq, a, EV_CSV);
    else if (!strcmp(p, "/api/events.jsonl")) events(rq, a, EV_JSONL);
    else if ((id = tail(p, "/api/events/"))) one_object(rq, a, id, vg_db_event_json);
    else if (!strcmp(p, "/api/stories")) stories(rq, a);
    else if ((id = tail(p, "/api/stories/"))) one_object(rq, a, id, vg_db_story_json);
    else if ((id = tail(p, "/api/articles/"))) one_object(rq, a, id, vg_db_article_json);
    else if (!strcmp(p, "/api/search")) search(rq, a);
    else if (!strcmp(p, "/api/stats")) stats(rq, a);
    else if (!strncmp(p, "/api/", 5) && strcmp(p, "/api/openapi.json")) {
        vg_sv_error(a, 404, NULL, "no such endpoint: see /api/openapi.json");
    } else {
        /* only the built-in files, by exact path: nothing is read from disk */
        const vg_sv_asset *f = vg_sv_asset_find(!strcmp(p, "/") ? "/index.html" : p);
        if (f) asset(rq, a, f);
        else vg_sv_error(a, 404, NULL, "no such file");
    }
}
