/* doc.c - the document model: fields, dropped lines and events of one document,
 * in its arena. What the stages write into; no stage lives here. */
#include "doc.h"

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

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
    d->own_date[0] = 0;
    d->error[0] = 0;
    vg_buf_clear(&d->out);
}

