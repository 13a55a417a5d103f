/* postings.c - term -> newest stories lists (see postings.h): open addressing over terms. */
#include "postings.h"

#include <stdlib.h>
#include <string.h>

struct vg_cl_postings {
    vg_cl_plist *slot;
    size_t cap; /* power of two */
    size_t n;   /* lists */
    size_t entries;
};

static size_t home(int64_t term, size_t cap)
{
    return (size_t)(((uint64_t)term * 0x9e3779b97f4a7c15ULL) >> 32) & (cap - 1);
}

vg_cl_postings *vg_cl_postings_new(void)
{
    vg_cl_postings *m = calloc(1, sizeof *m);
    if (!m) return NULL;
    m->cap = 1024;
    if (!(m->slot = calloc(m->cap, sizeof *m->slot))) { free(m); return NULL; }
    return m;
}

void vg_cl_postings_clear(vg_cl_postings *m)
{
    for (size_t i = 0; i < m->cap; i++) free(m->slot[i].p);
    memset(m->slot, 0, m->cap * sizeof *m->slot);
    m->n = m->entries = 0;
}

void vg_cl_postings_free(vg_cl_postings *m)
{
    if (!m) return;
    vg_cl_postings_clear(m);
    free(m->slot);
    free(m);
}

vg_cl_plist *vg_cl_postings_get(vg_cl_postings *m, int64_t term)
{
    for (size_t h = home(term, m->cap);; h = (h + 1) & (m->cap - 1)) {
        if (!m->slot[h].used) return NULL;
        if (m->slot[h].term == term) return &m->slot[h];
    }
}

static int grow(vg_cl_postings *m)
{
    size_t cap = m->cap * 2;
    vg_cl_plist *s = calloc(cap, sizeof *s);
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

vg_cl_plist *vg_cl_postings_add(vg_cl_postings *m, int64_t term)
{
    if ((m->n + 1) * 2 > m->cap && grow(m) != 0) return NULL;
    size_t h = home(term, m->cap);
    while (m->slot[h].used) h = (h + 1) & (m->cap - 1);
    m->slot[h] = (vg_cl_plist){.term = term, .used = 1};
    m->n++;
    return &m->slot[h];
}

static int reserve(vg_cl_plist *l, uint32_t need)
{
    if (need <= l->cap) return 0;
    uint32_t cap = l->cap ? l->cap * 2 : 2;
    while (cap < need) cap *= 2;
    if (cap > VG_CL_POSTINGS_TOP + 1) cap = VG_CL_POSTINGS_TOP + 1;
    vg_cl_post *p = realloc(l->p, cap * sizeof *p);
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
