/* postings.c - term -> newest stories lists (see postings.h): open addressing over terms. */
#include "postings.h"

#include <stdlib.h>
#include <string.h>

#include "../core/alloc.h"
#include "../core/keytable.h"

struct vg_cl_postings {
    vg_keytable *t; /* of vg_cl_plist, keyed by term */
    size_t entries;
};

vg_cl_postings *vg_cl_postings_new(void)
{
    vg_cl_postings *m = vg_calloc(1, sizeof *m);
    if (!m) return NULL;
    if (!(m->t = vg_keytable_new(sizeof(vg_cl_plist)))) { free(m); return NULL; }
    return m;
}

void vg_cl_postings_clear(vg_cl_postings *m)
{
    size_t pos = 0;
    for (vg_cl_plist *l; (l = vg_keytable_next(m->t, &pos));) free(l->p);
    vg_keytable_clear(m->t);
    m->entries = 0;
}

void vg_cl_postings_free(vg_cl_postings *m)
{
    if (!m) return;
    vg_cl_postings_clear(m);
    vg_keytable_free(m->t);
    free(m);
}

vg_cl_plist *vg_cl_postings_get(vg_cl_postings *m, int64_t term) { return vg_keytable_get(m->t, term); }

vg_cl_plist *vg_cl_postings_add(vg_cl_postings *m, int64_t term)
{
    return vg_keytable_put(m->t, term, NULL);
}

static int reserve(vg_cl_plist *l, uint32_t need)
{
    if (need <= l->cap) return 0;
    uint32_t cap = l->cap ? l->cap * 2 : 2;
    while (cap < need) cap *= 2;
    if (cap > VG_CL_POSTINGS_TOP + 1) cap = VG_CL_POSTINGS_TOP + 1;
    vg_cl_post *p = vg_realloc(l->p, cap * sizeof *p);
    if (!p) return -1;
    l->p = p;
    l->cap = cap;
    return 0;
}

int vg_cl_plist_append(vg_cl_postings *m, vg_cl_plist *l, int64_t story, double w)
{
    if (l->n >= VG_CL_POSTINGS_TOP) return 0;
    if (reserve(l, l->n + 1) != 0) return -1;
    l->p[l->n++] = (vg_cl_post){story, w, 0};
    m->entries++;
    return 0;
}

int vg_cl_plist_insert(vg_cl_postings *m, vg_cl_plist *l, int64_t story, double w, vg_cl_post *evicted)
{
    if (reserve(l, l->n + 1) != 0) return -1;
    uint32_t at = 0;
    while (at < l->n && l->p[at].story > story) at++;
    memmove(&l->p[at + 1], &l->p[at], (l->n - at) * sizeof *l->p);
    l->p[at] = (vg_cl_post){story, w, 1};
    l->n++;
    m->entries++;
    if (l->n > VG_CL_POSTINGS_TOP) {
        *evicted = l->p[--l->n];
        m->entries--;
        return 1;
    }
    return 0;
}

long vg_cl_plist_find(const vg_cl_plist *l, int64_t story)
{
    for (uint32_t i = 0; i < l->n; i++)
        if (l->p[i].story == story) return (long)i;
    return -1;
}

size_t vg_cl_postings_entries(const vg_cl_postings *m) { return m->entries; }
