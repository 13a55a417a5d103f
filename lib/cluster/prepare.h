/* prepare.h - what storing a document derives from it alone: its near-duplicate signature and its story features (vg_prepare). */
#ifndef VG_CL_PREPARE_H
#define VG_CL_PREPARE_H

#include "vigie.h"
#include "features.h"
#include "../dedup/minhash.h"

/* vigie.h's opaque vg_prepared: made by vg_prepare in the document's arena,
 * read by the store's put (lib/store/stories_sql.c). The put weighs a copy
 * of `features` whose terms array it shares: it reorders the terms and
 * rewrites their weights, never their counts, so the same vg_prepared
 * gives the same result to another put. */
struct vg_prepared {
    vg_dedup_sig sig;   /* exact and near copies (lib/dedup) */
    vg_cl_doc features; /* raw term counts and anchors for story clustering */
};

#endif
