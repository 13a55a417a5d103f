/* tsv.h - the one reader of data/ files: rows of tab-separated fields, every
 * error naming file:line (internal).
 *
 * Rules, the same for every file: lines end in "\n" (a "\r" before it is
 * dropped); a blank line or one whose first byte is '#' is skipped; fields are
 * split on every tab; a line longer than the reader's limit is an error, never
 * split; so are a NUL byte and more than VG_TSV_MAX_FIELDS fields.
 *
 *     vg_tsv t;
 *     if (vg_tsv_open(&t, path, 0, err, errlen) != VG_OK) ...;   // VG_ERR_IO: no file
 *     while (vg_tsv_next(&t) == 1) {
 *         if (vg_tsv_nfields(&t) < 2) { vg_tsv_fail(&t, VG_ERR_RESOURCE, "expected WORD<TAB>CLASS"); break; }
 *         int c = vg_tsv_enum(&t, 1, class_names, N_CLASSES);  // -1: error already set
 *         ...
 *     }
 *     vg_status st = vg_tsv_close(&t);   // the first error met, or VG_OK
 */
#ifndef VG_TSV_H
#define VG_TSV_H
#include <stddef.h>
#include <stdio.h>

#include "vigie.h"

enum {
    VG_TSV_MAX_FIELDS = 16,
    VG_TSV_LINE_MAX = 4096, /* default limit on a line's bytes, "\n" excluded */
};

typedef struct vg_tsv {
    /* private */
    FILE *f;                /* NULL when reading memory */
    char chunk[4096];       /* the file's bytes read and not all used yet: chunk[chunk_pos..chunk_len) */
    size_t chunk_pos, chunk_len;
    const char *mem;
    size_t mem_len, mem_pos;
    char path[512];
    size_t max_line;
    char *line;             /* the current row, fields NUL-split in place */
    size_t cap;
    char *field[VG_TSV_MAX_FIELDS];
    size_t nfield;
    char empty[1];
    size_t lineno;
    vg_status status;
    char *err;
    size_t errlen;
} vg_tsv;

/* Opens path for reading rows of at most max_line bytes (0: VG_TSV_LINE_MAX).
 * A file that cannot be opened is VG_ERR_IO with "cannot open PATH" in err
 * (callers decide whether a missing file is fatal); nothing to close then.
 * err may be NULL; it must outlive the reader. */
vg_status vg_tsv_open(vg_tsv *t, const char *path, size_t max_line, char *err, size_t errlen);
/* The same over n bytes of memory (not copied, need not end in "\n"); name
 * stands for the file in messages. Never fails. */
void vg_tsv_open_mem(vg_tsv *t, const char *name, const char *s, size_t n, size_t max_line, char *err,
                     size_t errlen);

/* Moves to the next row: 1 when there is one, 0 at the end, -1 after an error
 * (a read error, a line too long, a NUL byte, too many fields, no memory, or
 * one set by vg_tsv_fail/vg_tsv_enum; the message is in err). */
int vg_tsv_next(vg_tsv *t);

/* The current row's fields: a NUL-terminated string for i < nfields, ""
 * past them. Valid until the next vg_tsv_next; the caller may write into a
 * field in place (not past its NUL). */
size_t vg_tsv_nfields(const vg_tsv *t);
char *vg_tsv_field(vg_tsv *t, size_t i);
size_t vg_tsv_lineno(const vg_tsv *t);

/* Records an error at the current line: err gets "FILE:LINE: message" and
 * later vg_tsv_next calls return -1. Returns st (VG_OK is made
 * VG_ERR_RESOURCE). The first error is kept. */
vg_status vg_tsv_fail(vg_tsv *t, vg_status st, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Index in names[0..n) of field i (an exact match); otherwise -1 after
 * vg_tsv_fail(VG_ERR_RESOURCE, "unknown WHAT 'X' (one of: ...)"), what
 * naming the column ("class"). */
int vg_tsv_enum(vg_tsv *t, size_t i, const char *what, const char *const *names, size_t n);

/* Frees the reader; returns the first error met (VG_OK if none). */
vg_status vg_tsv_close(vg_tsv *t);

#endif
