/* json.c - vg_doc_json: a document's fields, dropped lines and events as one JSON
 * line (and, for training, the document gate's features: hence here, above the
 * stages, rather than in the model). */
#include "pipeline.h"

#include "../core/json.h"
#include "../analyze/gate.h"

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
