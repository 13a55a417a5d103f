/* arena.h - bump allocator reset between documents: no frees in analysis code. */
#ifndef VG_ARENA_H
#define VG_ARENA_H
#include <stddef.h>

typedef struct vg_arena vg_arena;

vg_arena *vg_arena_new(size_t block_size);  /* NULL on no memory */
void vg_arena_free(vg_arena *a);            /* accepts NULL */
/* Forget every allocation; keeps the first block for reuse. */
void vg_arena_reset(vg_arena *a);
/* Aligned to max_align_t; NULL on no memory. Never returns NULL for n == 0. */
void *vg_arena_alloc(vg_arena *a, size_t n);
void *vg_arena_calloc(vg_arena *a, size_t count, size_t size);
/* Copies s[0..n) and adds a NUL. */
char *vg_arena_strndup(vg_arena *a, const char *s, size_t n);
char *vg_arena_strdup(vg_arena *a, const char *s); /* NULL in, NULL out */
/* Grow an array allocated from the arena (old contents copied). */
void *vg_arena_grow(vg_arena *a, void *old, size_t old_bytes, size_t new_bytes);
/* vg_grow (alloc.h) for an array in the arena: room for need items of elem
 * bytes in *arrp (a T **) of *cap items, same growth; 0, or -1 on overflow
 * or no memory with the array and *cap left as they were. */
int vg_arena_grow_array(vg_arena *a, void *arrp, size_t *cap, size_t need, size_t elem);
size_t vg_arena_used(const vg_arena *a);

#endif
