/* keytable.h - open-addressing hash table of fixed-size records keyed by an int64. */
#ifndef VG_KEYTABLE_H
#define VG_KEYTABLE_H
#include <stddef.h>
#include <stdint.h>

/* Records are `record_size` bytes and begin with their int64_t key. Pointers
 * to records stay valid until the next put that adds a key, or a clear. */
typedef struct vg_keytable vg_keytable;

vg_keytable *vg_keytable_new(size_t record_size); /* NULL on no memory */
void vg_keytable_free(vg_keytable *t);             /* accepts NULL */
/* The record of key, or NULL. */
void *vg_keytable_get(const vg_keytable *t, int64_t key);
/* The record of key, added zeroed (but for its key) when absent; *added says
 * which (may be NULL). NULL on no memory. */
void *vg_keytable_put(vg_keytable *t, int64_t key, int *added);
size_t vg_keytable_count(const vg_keytable *t);
/* Iterate: *pos starts at 0; NULL at the end. */
void *vg_keytable_next(const vg_keytable *t, size_t *pos);
/* Forget every record (memory kept). */
void vg_keytable_clear(vg_keytable *t);

#endif
