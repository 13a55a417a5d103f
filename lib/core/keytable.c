/* keytable.c - linear probing at load <= 1/2, Fibonacci hashing of the key. */
#include "keytable.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"

struct vg_keytable {
    unsigned char *rec;  /* cap records of size bytes */
    unsigned char *used; /* cap flags */
    size_t size, cap, n; /* cap: a power of two */
};

static size_t home(int64_t key, size_t cap)
{
    return (size_t)(((uint64_t)key * 0x9e3779b97f4a7c15ULL) >> 32) & (cap - 1);
}

static int64_t key_at(const vg_keytable *t, size_t i)
{
    int64_t k;
    memcpy(&k, t->rec + i * t->size, sizeof k);
    return k;
}

static int alloc_slots(vg_keytable *t, size_t cap)
{
    assert(cap && (cap & (cap - 1)) == 0); /* home() and find() mask with cap - 1 */
    unsigned char *rec = vg_calloc(cap, t->size), *used = vg_calloc(cap, 1);
    if (!rec || !used) { free(rec); free(used); return -1; }
    t->rec = rec;
    t->used = used;
    t->cap = cap;
    return 0;
}

vg_keytable *vg_keytable_new(size_t record_size)
{
    vg_keytable *t = vg_calloc(1, sizeof *t);
    if (!t) return NULL;
    t->size = record_size < sizeof(int64_t) ? sizeof(int64_t) : record_size;
    if (alloc_slots(t, 1024) != 0) { free(t); return NULL; }
    return t;
}

void vg_keytable_free(vg_keytable *t)
{
    if (!t) return;
    free(t->rec);
    free(t->used);
    free(t);
}

static size_t find(const vg_keytable *t, int64_t key)
{
    assert(t->n < t->cap); /* a free slot ends the probe: the table grows at half full */
    size_t h = home(key, t->cap);
    while (t->used[h] && key_at(t, h) != key) h = (h + 1) & (t->cap - 1);
    return h;
}

void *vg_keytable_get(const vg_keytable *t, int64_t key)
{
    size_t h = find(t, key);
    return t->used[h] ? t->rec + h * t->size : NULL;
}

static int grow(vg_keytable *t)
{
    vg_keytable old = *t;
    if (alloc_slots(t, old.cap * 2) != 0) return -1;
    for (size_t i = 0; i < old.cap; i++) {
        if (!old.used[i]) continue;
        size_t h = find(t, key_at(&old, i));
        memcpy(t->rec + h * t->size, old.rec + i * old.size, t->size);
        t->used[h] = 1;
    }
    free(old.rec);
    free(old.used);
    return 0;
}

void *vg_keytable_put(vg_keytable *t, int64_t key, int *added)
{
    size_t h = find(t, key);
    if (!t->used[h]) {
        if ((t->n + 1) * 2 > t->cap) {
            if (grow(t) != 0) return NULL;
            h = find(t, key);
        }
        memset(t->rec + h * t->size, 0, t->size);
        memcpy(t->rec + h * t->size, &key, sizeof key);
        t->used[h] = 1;
        t->n++;
        if (added) *added = 1;
    } else if (added) *added = 0;
    return t->rec + h * t->size;
}

size_t vg_keytable_count(const vg_keytable *t) { return t->n; }

void *vg_keytable_next(const vg_keytable *t, size_t *pos)
{
    while (*pos < t->cap) {
        size_t i = (*pos)++;
        if (t->used[i]) return t->rec + i * t->size;
    }
    return NULL;
}

void vg_keytable_clear(vg_keytable *t)
{
    memset(t->used, 0, t->cap);
    t->n = 0;
}
