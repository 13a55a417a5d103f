/* analyze.c - PLACEHOLDER until the event analyser lands: finds no events. */
#include "analyze.h"

#include <stdlib.h>

struct vg_analyzer { int unused; };

vg_status vg_analyzer_load(const char *data_dir, vg_analyzer **out, char *err, size_t errlen,
                           char *warn, size_t warnlen)
{
    (void)data_dir; (void)err; (void)errlen; (void)warn; (void)warnlen;
    *out = calloc(1, sizeof **out);
    return *out ? VG_OK : VG_ERR_NOMEM;
}

void vg_analyzer_free(vg_analyzer *a) { free(a); }

vg_status vg_analyze(const vg_analyzer *a, vg_doc *doc)
{
    (void)a; (void)doc;
    return VG_OK;
}
