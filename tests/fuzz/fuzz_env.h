/* fuzz_env.h - the one environment and document context a fuzz target keeps for its whole run. */
#ifndef VG_FUZZ_ENV_H
#define VG_FUZZ_ENV_H
#include <stdlib.h>

#include "vigie.h"

/* Opened at the first input ($VIGIE_DATA, else ./data); aborts if the
 * resources cannot load, since every later input would be meaningless. One
 * document context for the run, as ingest does, so state kept across
 * documents (the per-outlet line memory) is exercised too. */
static vg_doc *fuzz_doc(void)
{
    static vg_env *env;
    static vg_doc *doc;
    if (doc) return doc;
    const char *d = getenv("VIGIE_DATA");
    char err[256];
    if (vg_env_open(d && *d ? d : "data", &env, err, sizeof err) != VG_OK) abort();
    if (vg_doc_create(env, &doc) != VG_OK) abort();
    return doc;
}

#endif
