/* doc.c - vg_doc: load one input through extract/normalise/language, then analyse. */
#include "doc.h"

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/alloc.h"
#include "../core/hash.h"
#include "../core/json.h"
#include "../core/utf8.h"
#include "../analyze/analyze.h"
#include "../analyze/gate.h"
#include "../extract/chrome.h"
#include "../extract/html.h"
#include "../extract/html_charset.h"
#include "../text/langid.h"
#include "env.h"

vg_status vg_doc_create(const vg_env *env, vg_doc **out)
{
    *out = NULL;
    if (!env) return VG_ERR_ARG;
    vg_doc *d = vg_calloc(1, sizeof *d);
    if (!d) return VG_ERR_NOMEM;
    d->env = env;
    d->arena = vg_arena_new(256 * 1024);
    if (!d->arena) { free(d); return VG_ERR_NOMEM; }
    *out = d;
    return VG_OK;
}

void vg_doc_free(vg_doc *d)
{
    if (!d) return;
    if (!d->chrome_shared) vg_chrome_cache_free(d->chrome_cache);
    vg_arena_free(d->arena);
    vg_buf_free(&d->out);
    free(d);
}

const char *vg_doc_error(const vg_doc *d) { return d->error; }

void vg_doc_fail(vg_doc *d, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d->error, sizeof d->error, fmt, ap);
    va_end(ap);
}

void vg_doc_set(vg_doc *d, vg_field f, const char *s, size_t n)
{
    assert((unsigned)f < VG_F_COUNT);
    d->fields[f] = s ? vg_arena_strndup(d->arena, s, n) : NULL;
    if (f == VG_F_TEXT) d->text_len = s ? n : 0;
}

int vg_doc_add_removed(vg_doc *d, const char *s, size_t n, const char *reason)
{
    if (vg_arena_grow_array(d->arena, &d->removed, &d->cap_removed, d->n_removed + 1, sizeof *d->removed)) return -1;
    const char *copy = vg_arena_strndup(d->arena, s, n);
    if (!copy) return -1;
    d->removed[d->n_removed++] = (vg_removed){copy, n, reason};
    return 0;
}

vg_event *vg_doc_add_event(vg_doc *d)
{
    if (vg_arena_grow_array(d->arena, &d->events, &d->cap_events, d->n_events + 1, sizeof *d->events)) return NULL;
    vg_event *e = &d->events[d->n_events++];
    memset(e, 0, sizeof *e);
    e->fatalities = e->injured = e->arrests = -1;
    return e;
}

int vg_event_add_evidence(vg_doc *d, vg_event *e, const char *field, uint32_t start, uint32_t end, float conf)
{
    vg_evidence *ev = vg_arena_grow(d->arena, e->evidence, e->n_evidence * sizeof *ev, (e->n_evidence + 1) * sizeof *ev);
    if (!ev) return -1;
    ev[e->n_evidence++] = (vg_evidence){field, start, end, conf};
    e->evidence = ev;
    return 0;
}

const char *vg_doc_get(const vg_doc *d, vg_field f)
{
    return (unsigned)f < VG_F_COUNT ? d->fields[f] : NULL;
}

size_t vg_doc_removed_count(const vg_doc *d) { return d->n_removed; }
size_t vg_doc_event_count(const vg_doc *d) { return d->n_events; }

static int is_lang_code(const char *s)
{
    size_t n = s ? strlen(s) : 0;
    if (n < 2 || n > 3) return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] < 'a' || s[i] > 'z') return 0;
    return 1;
}

/* Bytes to valid NFC UTF-8 with "\n" line ends, or a rejection. */
static vg_status decode_text(vg_doc *d, const char *s, size_t n, const char **out, size_t *out_len)
{
    if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) { s += 3; n -= 3; }
    if (n >= 2 && (((unsigned char)s[0] == 0xFF && (unsigned char)s[1] == 0xFE) ||
                   ((unsigned char)s[0] == 0xFE && (unsigned char)s[1] == 0xFF))) {
        /* UTF-16 with its byte-order mark: to UTF-8 (iconv) before anything else */
        const char *u8;
        size_t u8len;
        vg_status st = vg_html_to_utf8(d->arena, s, n, NULL, &u8, &u8len);
        if (st == VG_ERR_BINARY) {
            vg_doc_fail(d, "binary data after a UTF-16 byte-order mark, not text");
            return st;
        }
        if (st != VG_OK) return st;
        s = u8;
        n = u8len;
    }
    if (vg_looks_binary(s, n)) {
        vg_doc_fail(d, "binary data (NUL bytes or control characters), not text");
        return VG_ERR_BINARY;
    }
    size_t ok = vg_utf8_valid_prefix(s, n);
    size_t len = n;
    const char *u = s;
    if (ok != n) {
        u = vg_cp1252_to_utf8(d->arena, s, n, &len);
        if (!u) {
            vg_doc_fail(d, "invalid UTF-8 at byte %zu and not Windows-1252 either", ok);
            return VG_ERR_ENCODING;
        }
    }
    /* CRLF and lone CR to LF; other C0 controls (but tab) to spaces. */
    char *t = vg_arena_alloc(d->arena, len + 1), *w = t;
    if (!t) return VG_ERR_NOMEM;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)u[i];
        if (c == '\r') { *w++ = '\n'; if (i + 1 < len && u[i + 1] == '\n') i++; }
        else if (c < 0x20 && c != '\n' && c != '\t') *w++ = ' ';
        else *w++ = (char)c;
    }
    *w = 0;
    char *nfc = vg_utf8_nfc(d->arena, t, (size_t)(w - t), out_len);
    if (!nfc) return VG_ERR_NOMEM;
    *out = nfc;
    return VG_OK;
}

static int only_space(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\n' && s[i] != '\t') return 0;
    return 1;
}

static int reason_ends(const vg_removed *r, const char *suffix)
{
    size_t n = r->reason ? strlen(r->reason) : 0, k = strlen(suffix);
    return n >= k && strcmp(r->reason + n - k, suffix) == 0;
}

int vg_removed_is_dateline(const vg_removed *r) { return reason_ends(r, "dateline"); }

int vg_removed_dates_page(const vg_removed *r)
{
    /* short unpunctuated lines of plain text are mostly datelines no pattern knew
     * ("26 September 2013, 10: 00 (GMT+05: 00)") */
    return vg_removed_is_dateline(r) || (r->reason && (!strcmp(r->reason, "url") || !strcmp(r->reason, "short-no-punct")));
}

/* Plain text has no metadata: a dateline the chrome pass set aside is the best
 * publication date there is (relative dates in the text are resolved against it);
 * then the other lines that date a page: a short unpunctuated line ("Thu Nov 10,
 * 2011 3: 00pm EST"), the article's URL (".../2011/11/10/..."). */
static void published_from_dateline(vg_doc *d)
{
    const char *lang = d->fields[VG_F_LANG];
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < d->n_removed; i++) {
            const vg_removed *r = &d->removed[i];
            if (pass == 0 ? !vg_removed_is_dateline(r) : vg_removed_is_dateline(r) || !vg_removed_dates_page(r)) continue;
            char day[11];
            if (vg_analyze_dateline(d->env->analyzer, d->arena, lang, r->text, r->len, day)) {
                vg_doc_set(d, VG_F_PUBLISHED, day, 10);
                return;
            }
        }
    /* plain text: a dateline the reader took into the title (its first lines ran together) */
    const char *title = d->fields[VG_F_TITLE], *format = d->fields[VG_F_FORMAT];
    char day[11];
    if (title && format && !strcmp(format, "text") &&
        vg_analyze_title_date(d->env->analyzer, d->arena, lang, title, strlen(title), day))
        vg_doc_set(d, VG_F_PUBLISHED, day, 10);
}

void vg_doc_reset(vg_doc *d)
{
    vg_arena_reset(d->arena);
    memset(d->fields, 0, sizeof d->fields);
    d->text_len = 0;
    d->removed = NULL; d->n_removed = d->cap_removed = 0;
    d->events = NULL; d->n_events = d->cap_events = 0;
    d->content_hash = 0;
    d->gate_p = -1;
    d->gate_x = NULL;
    d->analyzed = 0;
    d->chrome_learn = NULL;
    d->n_chrome_learn = 0;
    d->error[0] = 0;
    vg_buf_clear(&d->out);
}

vg_status vg_doc_load(vg_doc *d, const vg_input *in)
{
    vg_doc_reset(d);

    if (!in || (!in->data && in->len)) return VG_ERR_ARG;
    const struct { vg_field f; const char *v; } meta[] = {
        {VG_F_SOURCE, in->source}, {VG_F_EXT_ID, in->ext_id}, {VG_F_FORMAT, in->format},
        {VG_F_TITLE, in->title}, {VG_F_URL, in->url}, {VG_F_OUTLET, in->outlet},
        {VG_F_PUBLISHED, in->published},
    };
    for (size_t i = 0; i < sizeof meta / sizeof meta[0]; i++)
        if (meta[i].v && *meta[i].v) vg_doc_set(d, meta[i].f, meta[i].v, strlen(meta[i].v));
    if (is_lang_code(in->lang)) vg_doc_set(d, VG_F_LANG, in->lang, strlen(in->lang));

    if (in->len == 0 || only_space(in->data, in->len)) {
        vg_doc_fail(d, "empty document");
        return VG_ERR_EMPTY;
    }
    const vg_env *env = d->env;
    vg_status st;
    if (in->content_type && strcmp(in->content_type, "html") == 0) {
        st = vg_html_extract(d, in->data, in->len, in->charset);
        if (st != VG_OK) {
            if (!d->error[0]) vg_doc_fail(d, "%s", vg_strerror(st));
            return st;
        }
    } else {
        const char *text;
        size_t len;
        if ((st = decode_text(d, in->data, in->len, &text, &len)) != VG_OK) return st;
        if ((st = vg_chrome_strip(env->chrome, d, text, len, d->fields[VG_F_LANG])) != VG_OK) {
            if (!d->error[0]) vg_doc_fail(d, "%s", vg_strerror(st));
            return st;
        }
    }
    const char *text = d->fields[VG_F_TEXT];
    if (!text || only_space(text, d->text_len)) {
        vg_doc_fail(d, "no article text left after extraction");
        return VG_ERR_EMPTY;
    }
    if (!d->fields[VG_F_LANG]) {
        const char *lang = vg_langid_detect(env->langid, text, d->text_len);
        vg_doc_set(d, VG_F_LANG, lang, strlen(lang));
    }
    if (!d->fields[VG_F_PUBLISHED]) published_from_dateline(d);
    d->content_hash = vg_hash64(text, d->text_len, 0);
    char hex[17];
    vg_hash_hex(d->content_hash, hex);
    vg_doc_set(d, VG_F_HASH, hex, 16);
    return VG_OK;
}

vg_status vg_doc_analyze(vg_doc *d)
{
    if (!d->fields[VG_F_TEXT]) return VG_ERR_ARG;
    if (d->analyzed) return VG_OK;
    vg_status st = vg_analyze(d->env->analyzer, d);
    if (st == VG_OK) d->analyzed = 1;
    else if (!d->error[0]) vg_doc_fail(d, "analysis failed: %s", vg_strerror(st));
    return st;
}

static void json_event(vg_buf *b, const vg_doc *d, const vg_event *e)
{
    int first = 1;
    vg_buf_putc(b, '{');
    vg_json_key(b, &first, "doc"); vg_json_cstr(b, d->fields[VG_F_EXT_ID]);
    vg_json_key(b, &first, "event_date"); vg_json_cstr(b, e->event_date[0] ? e->event_date : NULL);
    vg_json_key(b, &first, "time_precision");
    if (e->time_precision) vg_buf_printf(b, "%d", e->time_precision); else vg_buf_puts(b, "null");
    vg_json_key(b, &first, "event_type"); vg_json_cstr(b, e->event_type);
    vg_json_key(b, &first, "sub_event_type"); vg_json_cstr(b, e->sub_event_type);
    vg_json_key(b, &first, "actor1"); vg_json_cstr(b, e->actor1);
    vg_json_key(b, &first, "inter1");
    if (e->inter1) vg_buf_printf(b, "%d", e->inter1); else vg_buf_puts(b, "null");
    vg_json_key(b, &first, "actor2"); vg_json_cstr(b, e->actor2);
    vg_json_key(b, &first, "inter2");
    if (e->inter2) vg_buf_printf(b, "%d", e->inter2); else vg_buf_puts(b, "null");
    vg_json_key(b, &first, "country"); vg_json_cstr(b, e->country);
    vg_json_key(b, &first, "iso"); vg_json_cstr(b, e->iso);
    vg_json_key(b, &first, "admin1"); vg_json_cstr(b, e->admin1);
    vg_json_key(b, &first, "location"); vg_json_cstr(b, e->location);
    vg_json_key(b, &first, "latitude");
    if (e->has_coords) vg_buf_printf(b, "%.5f", e->latitude); else vg_buf_puts(b, "null");
    vg_json_key(b, &first, "longitude");
    if (e->has_coords) vg_buf_printf(b, "%.5f", e->longitude); else vg_buf_puts(b, "null");
    vg_json_key(b, &first, "geo_precision");
    if (e->geo_precision) vg_buf_printf(b, "%d", e->geo_precision); else vg_buf_puts(b, "null");
    const struct { const char *k; int v; } counts[] = {
        {"fatalities", e->fatalities}, {"injured", e->injured}, {"arrests", e->arrests}};
    for (size_t i = 0; i < 3; i++) {
        vg_json_key(b, &first, counts[i].k);
        /* ACLED writes 0 when no death is reported; unknown elsewhere is null. */
        if (counts[i].v >= 0) vg_buf_printf(b, "%d", counts[i].v);
        else vg_buf_puts(b, i == 0 ? "0" : "null");
    }
    vg_json_key(b, &first, "attribution"); vg_json_cstr(b, e->attribution);
    vg_json_key(b, &first, "confidence"); vg_buf_printf(b, "%.3f", (double)e->confidence);
    const char *text = d->fields[VG_F_TEXT];
    vg_json_key(b, &first, "sentence");
    if (e->sent_end > e->sent_start && e->sent_end <= d->text_len)
        vg_json_str(b, text + e->sent_start, e->sent_end - e->sent_start);
    else vg_buf_puts(b, "null");
    vg_json_key(b, &first, "evidence");
    vg_buf_putc(b, '[');
    for (size_t i = 0; i < e->n_evidence; i++) {
        const vg_evidence *v = &e->evidence[i];
        if (i) vg_buf_putc(b, ',');
        int f2 = 1;
        vg_buf_putc(b, '{');
        vg_json_key(b, &f2, "field"); vg_json_cstr(b, v->field);
        vg_json_key(b, &f2, "start"); vg_buf_printf(b, "%u", v->start);
        vg_json_key(b, &f2, "end"); vg_buf_printf(b, "%u", v->end);
        vg_json_key(b, &f2, "text");
        if (v->end >= v->start && v->end <= d->text_len) vg_json_str(b, text + v->start, v->end - v->start);
        else vg_buf_puts(b, "null");
        vg_json_key(b, &f2, "confidence"); vg_buf_printf(b, "%.3f", (double)v->confidence);
        vg_buf_putc(b, '}');
    }
    vg_buf_puts(b, "]}");
}

vg_status vg_doc_json(vg_doc *d, unsigned what, const char **out, size_t *len)
{
    return vg_doc_json_min(d, what, 0, out, len);
}

vg_status vg_doc_json_min(vg_doc *d, unsigned what, double min_confidence, const char **out, size_t *len)
{
    vg_buf *b = &d->out;
    vg_buf_clear(b);
    int first = 1;
    vg_buf_putc(b, '{');
    vg_json_key(b, &first, "doc"); vg_json_cstr(b, d->fields[VG_F_EXT_ID]);
    vg_json_key(b, &first, "source"); vg_json_cstr(b, d->fields[VG_F_SOURCE]);
    if (what & VG_JSON_EXTRACT) {
        static const struct { const char *k; vg_field f; } f[] = {
            {"format", VG_F_FORMAT}, {"title", VG_F_TITLE}, {"lang", VG_F_LANG},
            {"published", VG_F_PUBLISHED}, {"outlet", VG_F_OUTLET}, {"url", VG_F_URL},
            {"authors", VG_F_AUTHORS}, {"hash", VG_F_HASH}, {"text", VG_F_TEXT},
        };
        for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
            vg_json_key(b, &first, f[i].k);
            if (f[i].f == VG_F_TEXT && d->fields[VG_F_TEXT]) vg_json_str(b, d->fields[VG_F_TEXT], d->text_len);
            else vg_json_cstr(b, d->fields[f[i].f]);
        }
    }
    if (what & VG_JSON_REMOVED) {
        vg_json_key(b, &first, "removed");
        vg_buf_putc(b, '[');
        for (size_t i = 0; i < d->n_removed; i++) {
            if (i) vg_buf_putc(b, ',');
            int f2 = 1;
            vg_buf_putc(b, '{');
            vg_json_key(b, &f2, "text"); vg_json_str(b, d->removed[i].text, d->removed[i].len);
            vg_json_key(b, &f2, "reason"); vg_json_cstr(b, d->removed[i].reason);
            vg_buf_putc(b, '}');
        }
        vg_buf_putc(b, ']');
    } else if (what & VG_JSON_EXTRACT) {
        vg_json_key(b, &first, "removed");
        vg_buf_printf(b, "%zu", d->n_removed);
    }
    if (what & VG_JSON_EVENTS) {
        vg_json_key(b, &first, "events");
        vg_buf_putc(b, '[');
        for (size_t i = 0, k = 0; i < d->n_events; i++) {
            if (min_confidence > 0 && d->events[i].confidence < min_confidence) continue;
            if (k++) vg_buf_putc(b, ',');
            json_event(b, d, &d->events[i]);
        }
        vg_buf_putc(b, ']');
    }
    if (what & VG_JSON_GATE) {
        vg_json_key(b, &first, "gate");
        if (!d->gate_x) vg_buf_puts(b, "null");
        else {
            vg_buf_puts(b, "{\"p\":");
            vg_buf_printf(b, "%.4f", d->gate_p);
            vg_buf_puts(b, ",\"x\":\"");
            vg_gate_x_print(b, d->gate_x);
            vg_buf_puts(b, "\"}");
        }
    }
    vg_buf_putc(b, '}');
    if (b->failed) return VG_ERR_NOMEM;
    *out = b->data;
    *len = b->len;
    return VG_OK;
}
