/* alloc.h - the library's heap: allocations go through vg_malloc, vg_calloc
 * and vg_realloc (released with free), so a test can make the Nth one fail;
 * and vg_grow, the one way an array grows. */
#ifndef VG_ALLOC_H
#define VG_ALLOC_H
#include <stddef.h>

void *vg_malloc(size_t n);                    /* NULL on no memory */
void *vg_calloc(size_t count, size_t size);   /* NULL on no memory or overflow */
void *vg_realloc(void *p, size_t n);          /* NULL on no memory, p left as it was */
char *vg_strdup(const char *s);               /* NULL on no memory */
char *vg_strndup(const char *s, size_t n);    /* at most n bytes of s, NUL added */

/* The capacity an array of cap items grows to so that it holds need items
 * of elem bytes: doubled, from VG_GROW_MIN, until it does. 0 when need
 * items would not fit in a size_t's worth of bytes. */
enum { VG_GROW_MIN = 16 };
size_t vg_grow_cap(size_t cap, size_t need, size_t elem);

/* Makes room for need items of elem bytes in a heap array: arrp is the
 * address of the array pointer (T **), *cap its capacity in items. Does
 * nothing when *cap >= need. 0 on success; -1 on overflow or no memory, with
 * the array and *cap left as they were (the caller still frees it). */
int vg_grow(void *arrp, size_t *cap, size_t need, size_t elem);

/* Test hook, not for production use: the nth allocation from now (1: the
 * next one) through vg_malloc, vg_calloc, vg_realloc or the arena fails,
 * and later ones succeed again; 0 fails none. Either way allocations are
 * counted from then on: vg_alloc_count() is their number. */
void vg_alloc_fail_at(unsigned long n);
unsigned long vg_alloc_count(void);
/* For another allocator a test routes through the hook (SQLite's, with
 * SQLITE_CONFIG_MALLOC): counts one allocation; 1 when it is to fail. */
int vg_alloc_should_fail(void);

#endif
