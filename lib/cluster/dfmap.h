/* dfmap.h - in-memory term -> document frequency map: the write-back cache of cluster_df. */
#ifndef VG_CL_DFMAP_H
#define VG_CL_DFMAP_H
#include <stddef.h>
#include <stdint.h>

/* Why: an upsert per distinct term per article was most of the store's
 * time. The map keeps what was read or counted; the store writes the dirty
 * entries back in bulk inside the transaction that counted them. */
typedef struct vg_cl_dfent {
    int64_t term;
    uint32_t n;
    uint8_t dirty; /* changed since the last write-back */
} vg_cl_dfent;

typedef struct vg_cl_dfmap vg_cl_dfmap;

vg_cl_dfmap *vg_cl_dfmap_new(void);
void vg_cl_dfmap_free(vg_cl_dfmap *m);
/* The entry of a term, or NULL if the map does not hold it. The pointer
 * stays valid until the next vg_cl_dfmap_put or clear. */
vg_cl_dfent *vg_cl_dfmap_get(vg_cl_dfmap *m, int64_t term);
/* Add (or overwrite) a clean entry; NULL on no memory. */
vg_cl_dfent *vg_cl_dfmap_put(vg_cl_dfmap *m, int64_t term, uint32_t n);
size_t vg_cl_dfmap_count(const vg_cl_dfmap *m);
/* Iterate: *pos starts at 0; NULL at the end. */
vg_cl_dfent *vg_cl_dfmap_next(vg_cl_dfmap *m, size_t *pos);
void vg_cl_dfmap_clear(vg_cl_dfmap *m);

#endif
