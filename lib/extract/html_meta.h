/* html_meta.h - page metadata from <meta>, <link>, JSON-LD, <time> and the URL (internal). */
#ifndef VG_HTML_META_H
#define VG_HTML_META_H
#include <stddef.h>

#include "../core/arena.h"
#include "../doc/doc.h"

/* Candidates gathered while the page streams past; strings arena-owned. */
enum { VG_MC_OG = 0, VG_MC_LD, VG_MC_META, VG_MC_TAG, VG_MC_N }; /* trust, best first */
typedef struct vg_html_meta {
    const char *title[VG_MC_N];     /* og:title, ld headline, twitter:title, <title> */
    const char *h1;
    const char *published[VG_MC_N]; /* meta article:published_time, ld, other meta, <time> */
    const char *outlet[VG_MC_N];
    const char *url[VG_MC_N];       /* canonical / og:url, ld, -, - */
    const char *authors[VG_MC_N];
    const char *lang[VG_MC_N];      /* <html lang>, -, content-language, og:locale */
    const char *ld_body;            /* JSON-LD articleBody, for cross-checks */
} vg_html_meta;

/* One <meta> tag: key is property/name/itemprop/http-equiv, value its content. */
void vg_html_meta_tag(vg_arena *a, vg_html_meta *m, const char *key, const char *value);
/* The text of one <script type="application/ld+json">. */
void vg_html_meta_jsonld(vg_arena *a, vg_html_meta *m, const char *s, size_t n);

/* Write the best candidates into doc fields that are still unset. */
void vg_html_meta_finish(vg_doc *doc, vg_html_meta *m);

/* "2020-05-09T10:00:00+02:00", "2020/05/09", "Sat, 09 May 2020 10:00:00 GMT",
 * "20200509" ... to ISO 8601 in out (>= 32 bytes): "YYYY-MM-DD" or
 * "YYYY-MM-DDTHH:MM:SS[Z|+hh:mm]". 0 when no date is found. */
int vg_html_norm_date(const char *s, size_t n, char *out);
/* A date in a URL path: /2020/05/09/, /2020-05-09, /20200509/. */
int vg_html_url_date(const char *url, char *out);
/* Title without a " - Site" / " | Site" part naming the outlet (or, for a
 * <title>, a short trailing part). Returns the kept length. */
size_t vg_html_strip_title(const char *t, size_t n, const char *outlet, int from_title_tag);

#endif
