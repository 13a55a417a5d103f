/* state.h - what the fetcher remembers between runs: validators (ETag, Last-Modified) and URLs done. */
#ifndef VG_FETCH_STATE_H
#define VG_FETCH_STATE_H
#include <stddef.h>

#include "vigie.h"

typedef struct vg_fetch_state vg_fetch_state;

/* A small SQLite file of its own (NULL or ":memory:": kept in memory for
 * this run only), so the fetcher does not depend on the article store. */
vg_status vg_fetch_state_open(const char *path, vg_fetch_state **out, char *err, size_t errlen);
void vg_fetch_state_close(vg_fetch_state *s); /* accepts NULL */

/* Validators last seen for url, copied into etag/lm ("" when none). */
vg_status vg_fetch_state_validators(vg_fetch_state *s, const char *url, char *etag, size_t etag_len, char *lm,
                                    size_t lm_len);
vg_status vg_fetch_state_set_validators(vg_fetch_state *s, const char *url, const char *etag, const char *lm);
/* 1 when url was fetched successfully before, else 0. */
int vg_fetch_state_seen(vg_fetch_state *s, const char *url);
vg_status vg_fetch_state_mark_seen(vg_fetch_state *s, const char *url);

#endif
