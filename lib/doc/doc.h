/* doc.h - the document model every stage reads and writes (internal).
 * Depends on lib/core alone: the stages (extract, analyze, ...) include it,
 * the pipeline that calls them (lib/pipeline) sits above. */
#ifndef VG_DOC_H
#define VG_DOC_H
#include <stddef.h>
#include <stdint.h>

#include "vigie.h"
#include "../core/arena.h"
#include "../core/buf.h"

/* A line dropped as page chrome: kept so `extract` can show what went. */
typedef struct vg_removed {
    const char *text;
    size_t len;
    const char *reason; /* static string: "pattern", "short-no-punct", "link-list", ... */
} vg_removed;

/* Dropped lines that date the page itself: a dateline ("pattern:fr:dateline",
 * "html-dateline"); with the page's URL and short unpunctuated lines, those whose
 * years are the page's own (teasers and footers dropped with them name other years). */
int vg_removed_is_dateline(const vg_removed *r);
int vg_removed_dates_page(const vg_removed *r);

/* Where a field of an event came from: byte offsets into doc->text. */
typedef struct vg_evidence {
    const char *field;  /* "event_type", "location", "fatalities", ... */
    uint32_t start, end;
    float confidence;
} vg_evidence;

/* One event, ACLED's field names. Strings are arena-owned or static. */
typedef struct vg_event {
    char event_date[11];      /* YYYY-MM-DD; "" if unknown */
    int time_precision;       /* ACLED 1-3; 0 unknown */
    const char *event_type, *sub_event_type;
    const char *actor1, *actor2;
    int inter1, inter2;       /* ACLED actor type 1-8; 0 unknown */
    const char *country;      /* English short name, as ACLED */
    const char *iso;          /* ISO 3166-1 alpha-2 */
    const char *admin1, *location;
    double latitude, longitude;
    int has_coords;
    int geo_precision;        /* ACLED 1-3; 0 unknown */
    int fatalities, injured, arrests; /* -1 unknown */
    const char *attribution;  /* who says so, as written */
    float confidence;         /* 0..1; the main event has the highest */
    uint32_t sent_start, sent_end; /* the sentence the event was read from */
    vg_evidence *evidence;
    size_t n_evidence;
} vg_event;

struct vg_doc {
    vg_arena *arena;          /* everything below lives here; reset per load */
    vg_buf out;               /* JSON output of vg_doc_json */
    char error[512];

    const char *fields[VG_F_COUNT]; /* VG_F_TEXT etc.; NULL when unknown */
    size_t text_len;

    vg_removed *removed;
    size_t n_removed, cap_removed;

    vg_event *events;
    size_t n_events, cap_events;

    /* The document gate (lib/analyze/gate.c): the probability that the text
     * reports political violence or protest, -1 when the text never reached
     * it (no trigger) or no model is loaded; its features (arena, opaque),
     * printed by `vigie analyze --gate-features` for training. */
    float gate_p;
    const struct vg_gate_x *gate_x;

    uint64_t content_hash;    /* of the normalised text */
    int analyzed;
    /* A text with no publication date: the day it dates itself by, as the
     * analysis reads it (its own dateline, else the first full date it
     * names: what its relative dates are read against), YYYY-MM-DD; "" none
     * or a publication date known. */
    char own_date[11];
    /* What the pipeline keeps for this document across loads (its vg_env, the
     * chrome memory of the extract stage): lib/pipeline/pipeline.h, opaque
     * here. NULL for a document filled by hand (tests, benches). */
    struct vg_doc_pipe *pipe;
    /* The data folder of the vg_env the document was made with (vg_doc_create), as it
     * resolved it: what the store reads story weights' reference corpora from
     * (lib/cluster/reference.h). NULL for a document filled by hand. */
    const char *data_dir;
};

/* Empties the document for the next one (what vg_doc_load starts with):
 * arena, fields, removed lines, events. What the pipeline keeps across
 * loads (doc->pipe) stays. */
void vg_doc_reset(vg_doc *d);

/* Helpers the stages use. */
#define VG_DOC_TEXT(d) ((d)->fields[VG_F_TEXT])
void vg_doc_set(vg_doc *d, vg_field f, const char *s, size_t n); /* copies into arena; NULL clears */
int vg_doc_add_removed(vg_doc *d, const char *s, size_t n, const char *reason);
vg_event *vg_doc_add_event(vg_doc *d); /* zeroed, counts set to -1; NULL on no memory */
int vg_event_add_evidence(vg_doc *d, vg_event *e, const char *field, uint32_t start, uint32_t end, float conf);
void vg_doc_fail(vg_doc *d, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

#endif
