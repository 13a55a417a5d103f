/* queue.c - the work queue on PostgreSQL (stub, filled by the queue piece). */
#include "internal.h"

vg_status vg_queue_keep_prepared(vg_db *db, vg_doc *doc, vg_prepared *prep, int64_t id)
{
    (void)db; (void)doc; (void)prep; (void)id;
    return VG_ERR_ARG;
}
