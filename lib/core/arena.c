/* arena.c - bump allocator: blocks chained, big requests get their own block. */
#include "arena.h"

#include <assert.h>
#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"

typedef struct block {
    struct block *next;
    size_t size, used;
    alignas(max_align_t) unsigned char data[];
} block;

struct vg_arena {
    block *head;
    size_t block_size;
    size_t total;
};

/* Test and fuzz builds (-DVG_ARENA_POISON) fill every allocation with 0xBE:
 * reading memory the previous document left behind, which no sanitizer sees
 * (it is initialised, just stale), then gives the same garbage every run. */
static void *poison(void *p, size_t n)
{
#ifdef VG_ARENA_POISON
    memset(p, 0xBE, n);
#else
    (void)n;
#endif
    return p;
}

static block *block_new(size_t size)
{
    block *b = vg_malloc(sizeof *b + size);
    if (!b) return NULL;
    b->next = NULL;
    b->size = size;
    b->used = 0;
    return b;
}

vg_arena *vg_arena_new(size_t block_size)
{
    vg_arena *a = vg_calloc(1, sizeof *a);
    if (!a) return NULL;
    a->block_size = block_size ? block_size : 64 * 1024;
    a->head = block_new(a->block_size);
    if (!a->head) { free(a); return NULL; }
    return a;
}

void vg_arena_free(vg_arena *a)
{
    if (!a) return;
    for (block *b = a->head, *n; b; b = n) { n = b->next; free(b); }
    free(a);
}

void vg_arena_reset(vg_arena *a)
{
    /* Keep the last block in the chain (the first allocated, of default size). */
    block *b = a->head;
    while (b && b->next) { block *n = b->next; free(b); b = n; }
    a->head = b;
    if (b) b->used = 0;
    a->total = 0;
}

void *vg_arena_alloc(vg_arena *a, size_t n)
{
    const size_t align = alignof(max_align_t);
    if (n == 0) n = 1;
    if (n > SIZE_MAX - align) return NULL;
    n = (n + align - 1) & ~(align - 1);
    block *b = a->head;
    if (!b || b->size - b->used < n) {
        size_t size = n > a->block_size / 4 ? n : a->block_size;
        block *nb = block_new(size);
        if (!nb) return NULL;
        if (size == n && b) {
            /* A large one-off: put it behind the current block so the current
             * block's free space stays usable. */
            nb->next = b->next;
            b->next = nb;
            nb->used = n;
            a->total += n;
            return poison(nb->data, n);
        }
        nb->next = b;
        a->head = b = nb;
    }
    void *p = b->data + b->used;
    b->used += n;
    a->total += n;
    assert(b->used <= b->size && ((uintptr_t)p & (align - 1)) == 0);
    return poison(p, n);
}

void *vg_arena_calloc(vg_arena *a, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size) return NULL;
    void *p = vg_arena_alloc(a, count * size);
    if (p) memset(p, 0, count * size);
    return p;
}

char *vg_arena_strndup(vg_arena *a, const char *s, size_t n)
{
    char *p = vg_arena_alloc(a, n + 1);
    if (!p) return NULL;
    if (n) memcpy(p, s, n);
    p[n] = 0;
    return p;
}

char *vg_arena_strdup(vg_arena *a, const char *s)
{
    return s ? vg_arena_strndup(a, s, strlen(s)) : NULL;
}

void *vg_arena_grow(vg_arena *a, void *old, size_t old_bytes, size_t new_bytes)
{
    if (new_bytes <= old_bytes && old) return old;
    void *p = vg_arena_alloc(a, new_bytes);
    if (p && old && old_bytes) memcpy(p, old, old_bytes);
    return p;
}

int vg_arena_grow_array(vg_arena *a, void *arrp, size_t *cap, size_t need, size_t elem)
{
    assert(arrp && cap && elem > 0);
    if (need <= *cap) return 0;
    size_t nc = vg_grow_cap(*cap, need, elem);
    if (!nc) return -1;
    void *old;
    memcpy(&old, arrp, sizeof old); /* arrp is a T **: read the pointer without type-punning */
    void *p = vg_arena_grow(a, old, *cap * elem, nc * elem);
    if (!p) return -1;
    memcpy(arrp, &p, sizeof p);
    *cap = nc;
    return 0;
}

size_t vg_arena_used(const vg_arena *a) { return a->total; }
