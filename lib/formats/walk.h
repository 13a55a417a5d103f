/* walk.h - expands input paths into files: folders recursively in sorted order, symlink loops caught (internal). */
#ifndef VG_WALK_H
#define VG_WALK_H
#include <stddef.h>

#include "vigie.h"

typedef struct vg_walk vg_walk;

/* Copies the paths. "-" is passed through as is (stdin). Files found inside
 * folders that are one of skip[0..n_skip) (same device and inode when the walk
 * opens; missing ones ignored) are passed over silently. */
vg_status vg_walk_open(const char *const *paths, size_t n, const char *const *skip, size_t n_skip,
                       vg_walk **out);
/* VG_OK: *path is a file to read (valid until the next call). VG_END: done.
 * Anything else: *path could not be walked and err says why (VG_ERR_LOOP for
 * a directory loop, VG_ERR_IO for what cannot be opened); the next call goes
 * on. Hidden entries (".name") inside folders are skipped. */
vg_status vg_walk_next(vg_walk *w, const char **path, char *err, size_t errlen);
void vg_walk_close(vg_walk *w); /* accepts NULL */

#endif
