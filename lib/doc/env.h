/* env.h - the read-only resources of vg_env, one pointer per module (internal). */
#ifndef VG_ENV_H
#define VG_ENV_H
#include "vigie.h"

struct vg_langid;
struct vg_chrome;
struct vg_analyzer;

struct vg_env {
    char *data_dir;
    struct vg_langid *langid;     /* lib/text/langid.c */
    struct vg_chrome *chrome;     /* lib/extract/chrome.c */
    struct vg_analyzer *analyzer; /* lib/analyze/analyze.c */
    char warning[512];            /* a resource that is missing but not required */
};

/* Default data folder when neither the caller nor $VIGIE_DATA says. */
#ifndef VG_DATA_DIR
#define VG_DATA_DIR "data"
#endif

#endif
