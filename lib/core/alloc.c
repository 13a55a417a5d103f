/* alloc.c - the library's heap, with a counter tests use to fail one
 * allocation in turn (out-of-memory paths are otherwise never run). */
#include "alloc.h"

#include <assert.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Armed only by tests: the production cost is one relaxed load. */
static atomic_int armed;
static atomic_ulong count, fail_at;

void vg_alloc_fail_at(unsigned long n)
{
    atomic_store(&count, 0);
    atomic_store(&fail_at, n);
    atomic_store(&armed, 1);
}

unsigned long vg_alloc_count(void) { return atomic_load(&count); }

int vg_alloc_should_fail(void)
{
    if (!atomic_load_explicit(&armed, memory_order_relaxed)) return 0;
    unsigned long k = atomic_fetch_add(&count, 1) + 1;
    return k == atomic_load(&fail_at);
}

void *vg_malloc(size_t n) { return vg_alloc_should_fail() ? NULL : malloc(n); }

void *vg_calloc(size_t count_, size_t size) { return vg_alloc_should_fail() ? NULL : calloc(count_, size); }

void *vg_realloc(void *p, size_t n) { return vg_alloc_should_fail() ? NULL : realloc(p, n); }

char *vg_strndup(const char *s, size_t n)
{
    size_t len = strnlen(s, n);
    char *d = vg_malloc(len + 1);
    if (!d) return NULL;
    memcpy(d, s, len);
    d[len] = 0;
    return d;
}

char *vg_strdup(const char *s) { return vg_strndup(s, SIZE_MAX); }

size_t vg_grow_cap(size_t cap, size_t need, size_t elem)
{
    if (!elem || need > SIZE_MAX / elem) return 0;
    size_t nc = cap > VG_GROW_MIN ? cap : VG_GROW_MIN;
    while (nc < need) {
        if (nc > SIZE_MAX / 2 / elem) return need; /* doubling would overflow: exactly need */
        nc *= 2;
    }
    return nc <= SIZE_MAX / elem ? nc : need;
}

int vg_grow(void *arrp, size_t *cap, size_t need, size_t elem)
{
    assert(arrp && cap && elem > 0);
    if (need <= *cap) return 0;
    size_t nc = vg_grow_cap(*cap, need, elem);
    if (!nc) return -1;
    void *old;
    memcpy(&old, arrp, sizeof old); /* arrp is a T **: read the pointer without type-punning */
    void *p = vg_realloc(old, nc * elem);
    if (!p) return -1;
    memcpy(arrp, &p, sizeof p);
    *cap = nc;
    return 0;
}
