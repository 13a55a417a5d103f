/* buf.h - growable byte buffer (heap), always NUL-terminated. */
#ifndef VG_BUF_H
#define VG_BUF_H
#include <stdarg.h>
#include <stddef.h>

typedef struct vg_buf {
    char *data;   /* NUL-terminated when cap > 0 */
    size_t len, cap;
    int failed;   /* set once an append ran out of memory; later appends do nothing */
} vg_buf;

#define VG_BUF_INIT {NULL, 0, 0, 0}

void vg_buf_free(vg_buf *b);
void vg_buf_clear(vg_buf *b); /* len = 0, keeps memory */
int vg_buf_reserve(vg_buf *b, size_t extra); /* 0 ok, -1 no memory */
void vg_buf_append(vg_buf *b, const void *p, size_t n);
void vg_buf_puts(vg_buf *b, const char *s);
void vg_buf_putc(vg_buf *b, char c);
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
void vg_buf_printf(vg_buf *b, const char *fmt, ...);

#endif
