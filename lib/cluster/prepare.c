/* prepare.c - vg_prepare: a document's near-duplicate signature and story
 * features, made from the document alone, so that loading threads can make
 * them ahead of the one thread that stores (vg_batch_set_prepare). Moved
 * from lib/store/stories.c (vg_db_prepare), which took no database; the
 * result is no longer kept in vg_doc but handed to vg_db_put_prepared. */
#include "prepare.h"

vg_status vg_prepare(vg_doc *doc, vg_prepared **out)
{
    if (!doc || !out || !doc->fields[VG_F_TEXT]) return VG_ERR_ARG;
    *out = NULL;
    vg_prepared *p = vg_arena_calloc(doc->arena, 1, sizeof *p);
    if (!p) return VG_ERR_NOMEM;
    vg_status s = vg_dedup_sign(doc->arena, doc->fields[VG_F_TEXT], doc->text_len, &p->sig);
    if (s == VG_OK) s = vg_cl_extract(doc, &p->features);
    if (s != VG_OK) return s;
    *out = p;
    return VG_OK;
}
