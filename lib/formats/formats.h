/* formats.h - container formats read by reader.c: WARC archives and RSS/Atom feeds (internal). */
#ifndef VG_FORMATS_H
#define VG_FORMATS_H
#include <stddef.h>
#include <stdint.h>

#include "vigie.h"
#include "../core/arena.h"

/* ---- WARC / WARC.gz, streamed record by record ---- */
typedef struct vg_warc vg_warc;

typedef struct vg_warc_record {
    const char *target_uri;   /* WARC-Target-URI */
    const char *date;         /* WARC-Date */
    const char *content_type; /* of the HTTP body, e.g. "text/html" */
    const char *charset;      /* from the HTTP Content-Type header, or NULL */
    const char *body;         /* HTTP body (after the HTTP headers), de-chunked */
    size_t body_len;
    uint64_t offset;          /* byte offset of the record in the (uncompressed) stream */
    uint64_t number;          /* 1-based */
} vg_warc_record;

/* fd: an open file positioned at the start (the WARC reader owns and closes
 * it). Works on plain and gzip (one member per record or one for all). */
vg_status vg_warc_open(int fd, const char *name, size_t max_record, vg_warc **out);
/* VG_OK: a response record with an HTML or text body. VG_END: done. Other
 * statuses: a bad or truncated record, with err naming the offset; after
 * VG_ERR_TRUNCATED the next call returns VG_END. Pointers valid until the
 * next call. Non-response records are skipped. */
vg_status vg_warc_next(vg_warc *w, vg_warc_record *rec, char *err, size_t errlen);
void vg_warc_close(vg_warc *w);

/* ---- RSS 2.0 / Atom ---- */
typedef struct vg_feed_item {
    const char *title, *link, *published, *author, *id;
    const char *content;      /* content:encoded / content / description / summary */
    size_t content_len;
    int content_is_html;
} vg_feed_item;

/* Parse a whole feed document (bounded by the caller). Items and strings are
 * allocated from a. On failure err says why. */
vg_status vg_feed_parse(vg_arena *a, const char *data, size_t n, vg_feed_item **items, size_t *n_items,
                        char *feed_title_out[1], char *err, size_t errlen);

#endif
