/* analyze.h - events from a document's clean text (internal). */
#ifndef VG_ANALYZE_H
#define VG_ANALYZE_H
#include <stddef.h>

#include "vigie.h"
#include "../doc/doc.h"

typedef struct vg_analyzer vg_analyzer;

/* Loads lexicons, actors, month names from data_dir/<lang>/ and the compiled
 * gazetteer. A missing gazetteer is not fatal: a note goes into warn. */
vg_status vg_analyzer_load(const char *data_dir, vg_analyzer **out, char *err, size_t errlen,
                           char *warn, size_t warnlen);
void vg_analyzer_free(vg_analyzer *a);
/* Appends events to doc (vg_doc_add_event). Thread-safe on a shared analyzer. */
vg_status vg_analyze(const vg_analyzer *a, vg_doc *doc);

#endif
