/* dfmap.c - open-addressing hash map term -> document frequency (see dfmap.h). */
#include "dfmap.h"

#include <stdlib.h>
#include <string.h>

#include "../core/alloc.h"
#include "../core/keytable.h"

struct vg_cl_dfmap {
    vg_keytable *t; /* of vg_cl_dfent, keyed by term */
};

vg_cl_dfmap *vg_cl_dfmap_new(void)
{
    vg_cl_dfmap *m = vg_calloc(1, sizeof *m);
    if (!m) return NULL;
    if (!(m->t = vg_keytable_new(sizeof(vg_cl_dfent)))) { free(m); return NULL; }
    return m;
}

void vg_cl_dfmap_free(vg_cl_dfmap *m)
{
    if (!m) return;
    vg_keytable_free(m->t);
    free(m);
}

vg_cl_dfent *vg_cl_dfmap_get(vg_cl_dfmap *m, int64_t term) { return vg_keytable_get(m->t, term); }

vg_cl_dfent *vg_cl_dfmap_put(vg_cl_dfmap *m, int64_t term, uint32_t n)
{
    vg_cl_dfent *e = vg_keytable_put(m->t, term, NULL);
    if (e) *e = (vg_cl_dfent){term, n, 0};
    return e;
}

size_t vg_cl_dfmap_count(const vg_cl_dfmap *m) { return vg_keytable_count(m->t); }

vg_cl_dfent *vg_cl_dfmap_next(vg_cl_dfmap *m, size_t *pos) { return vg_keytable_next(m->t, pos); }

void vg_cl_dfmap_clear(vg_cl_dfmap *m) { vg_keytable_clear(m->t); }
