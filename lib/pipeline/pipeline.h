/* pipeline.h - what the pipeline keeps per document beside the model (internal).
 * The pipeline (load.c: one document through extract, language and analyze;
 * batch.c: many on threads; env.c: the resources) sits above the stages it
 * calls; the model (lib/doc) knows this struct only by name. */
#ifndef VG_PIPELINE_H
#define VG_PIPELINE_H
#include "vigie.h"
#include "../doc/doc.h"
#include "../extract/chrome.h"

struct vg_doc_pipe {
    const vg_env *env;        /* what vg_doc_create was given */
    vg_chrome_memory chrome;  /* lines seen per outlet, across loads */
};

#endif
