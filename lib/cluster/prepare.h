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

/* What vg_prepare made, as bytes (appended to b) and back: the queue's
 * workers make it, the story writer reads it (lib/store/queue.c).
 * Unpack takes any bytes: VG_ERR_FORMAT unless they are exactly what pack
 * wrote; the terms go in arena a. */
#include "../core/arena.h"
#include "../core/buf.h"
void vg_prepared_pack(const vg_prepared *p, vg_buf *b);
vg_status vg_prepared_unpack(const void *data, size_t len, vg_arena *a, vg_prepared *p);

#endif
