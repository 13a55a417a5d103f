/* env.h - the read-only resources of vg_env, one pointer per module (internal). */
#ifndef VG_ENV_H
#define VG_ENV_H
#include "vigie.h"

struct vg_langid;
struct vg_chrome;
struct vg_analyzer;
struct vg_html_hints;

struct vg_env {
    char *data_dir;
    struct vg_langid *langid;     /* lib/text/langid.c */
    struct vg_chrome *chrome;     /* lib/extract/chrome.c */
    struct vg_analyzer *analyzer; /* lib/analyze/analyze.c */
    struct vg_html_hints *html_hints; /* lib/extract/html_hints.c */
    char warning[512];            /* a resource that is missing but not required */
};

/* Default data folder when neither the caller nor $VIGIE_DATA says. */
#ifndef VG_DATA_DIR
#define VG_DATA_DIR "data"
#endif

#endif
