/* sniff.h - tells a document's format from its first bytes (internal). */
#ifndef VG_SNIFF_H
#define VG_SNIFF_H
#include <stddef.h>

/* VG_KIND_JSON: one JSON document (a pretty-printed object, or an array of
 * article objects), read whole. */
typedef enum vg_kind { VG_KIND_TEXT, VG_KIND_HTML, VG_KIND_JSONL, VG_KIND_WARC, VG_KIND_FEED, VG_KIND_JSON } vg_kind;

/* p[0..n): the start of the (decompressed) content, at_end: n is all of it.
 * name: file name, used only to break a tie (".jsonl" whose first line is
 * damaged still reads as JSONL). */
vg_kind vg_sniff(const char *p, size_t n, int at_end, const char *name);

#endif
