/* db.c - PLACEHOLDER until the store lands. */
#include <stdlib.h>

#include "vigie.h"

struct vg_db { int unused; };

vg_status vg_db_open(const char *path, unsigned flags, vg_db **out) { (void)path; (void)flags; *out = NULL; return VG_ERR_DB; }
void vg_db_close(vg_db *db) { free(db); }
const char *vg_db_error(const vg_db *db) { (void)db; return "store not built yet"; }
vg_status vg_db_put(vg_db *db, vg_doc *doc, vg_put_result *result) { (void)db; (void)doc; (void)result; return VG_ERR_DB; }
vg_status vg_db_reject(vg_db *db, const char *source, const char *reason) { (void)db; (void)source; (void)reason; return VG_ERR_DB; }
vg_status vg_db_commit(vg_db *db) { (void)db; return VG_ERR_DB; }
void vg_db_set_batch(vg_db *db, unsigned batch) { (void)db; (void)batch; }
vg_status vg_db_articles(vg_db *db, const vg_query *q, vg_row_cb cb, void *ud) { (void)db; (void)q; (void)cb; (void)ud; return VG_ERR_DB; }
vg_status vg_db_search(vg_db *db, const vg_query *q, vg_row_cb cb, void *ud) { (void)db; (void)q; (void)cb; (void)ud; return VG_ERR_DB; }
vg_status vg_db_events(vg_db *db, const vg_query *q, vg_row_cb cb, void *ud) { (void)db; (void)q; (void)cb; (void)ud; return VG_ERR_DB; }
vg_status vg_db_stories(vg_db *db, const vg_query *q, vg_row_cb cb, void *ud) { (void)db; (void)q; (void)cb; (void)ud; return VG_ERR_DB; }
vg_status vg_db_story_json(vg_db *db, const char *id, const char **json, size_t *len) { (void)db; (void)id; (void)json; (void)len; return VG_ERR_DB; }
