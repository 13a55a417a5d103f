/* dfmap.c - open-addressing hash map term -> document frequency (see dfmap.h). */
#include "dfmap.h"

#include <stdlib.h>
#include <string.h>

struct vg_cl_dfmap {
    vg_cl_dfent *slot;
    size_t cap; /* power of two */
    size_t n;
};

static size_t home(int64_t term, size_t cap)
{
    return (size_t)(((uint64_t)term * 0x9e3779b97f4a7c15ULL) >> 32) & (cap - 1);
}

vg_cl_dfmap *vg_cl_dfmap_new(void)
{
    vg_cl_dfmap *m = calloc(1, sizeof *m);
    if (!m) return NULL;
    m->cap = 1024;
    m->slot = calloc(m->cap, sizeof *m->slot);
    if (!m->slot) { free(m); return NULL; }
    return m;
}

void vg_cl_dfmap_free(vg_cl_dfmap *m)
{
    if (!m) return;
    free(m->slot);
    free(m);
}

vg_cl_dfent *vg_cl_dfmap_get(vg_cl_dfmap *m, int64_t term)
{
    for (size_t h = home(term, m->cap);; h = (h + 1) & (m->cap - 1)) {
        if (!m->slot[h].used) return NULL;
        if (m->slot[h].term == term) return &m->slot[h];
    }
}

static int grow(vg_cl_dfmap *m)
{
    size_t cap = m->cap * 2;
    vg_cl_dfent *s = calloc(cap, sizeof *s);
    if (!s) return -1;
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->slot[i].used) continue;
        size_t h = home(m->slot[i].term, cap);
        while (s[h].used) h = (h + 1) & (cap - 1);
        s[h] = m->slot[i];
    }
    free(m->slot);
    m->slot = s;
    m->cap = cap;
    return 0;
}

vg_cl_dfent *vg_cl_dfmap_put(vg_cl_dfmap *m, int64_t term, uint32_t n)
{
    if ((m->n + 1) * 2 > m->cap && grow(m) != 0) return NULL; /* load <= 1/2: short probes */
    size_t h = home(term, m->cap);
    while (m->slot[h].used && m->slot[h].term != term) h = (h + 1) & (m->cap - 1);
    if (!m->slot[h].used) m->n++;
    m->slot[h] = (vg_cl_dfent){term, n, 1, 0};
    return &m->slot[h];
}

size_t vg_cl_dfmap_count(const vg_cl_dfmap *m) { return m->n; }

vg_cl_dfent *vg_cl_dfmap_next(vg_cl_dfmap *m, size_t *pos)
{
    while (*pos < m->cap) {
        vg_cl_dfent *e = &m->slot[(*pos)++];
        if (e->used) return e;
    }
    return NULL;
}

void vg_cl_dfmap_clear(vg_cl_dfmap *m)
{
    memset(m->slot, 0, m->cap * sizeof *m->slot);
    m->n = 0;
}
