/* buf.c - growable byte buffer. Errors are sticky so callers check once. */
#include "buf.h"

#include <assert.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"

void vg_buf_free(vg_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
    b->failed = 0;
}

void vg_buf_clear(vg_buf *b)
{
    b->len = 0;
    b->failed = 0;
    if (b->data) b->data[0] = 0;
}

int vg_buf_reserve(vg_buf *b, size_t extra)
{
    if (b->failed) return -1;
    if (extra < b->cap - b->len) return 0; /* room already (cap > len whenever cap > 0) */
    if (extra > SIZE_MAX - b->len - 1 || vg_grow(&b->data, &b->cap, b->len + extra + 1, 1)) {
        b->failed = 1;
        return -1;
    }
    assert(b->len + extra < b->cap); /* room for the bytes and the NUL */
    return 0;
}

void vg_buf_append(vg_buf *b, const void *p, size_t n)
{
    if (vg_buf_reserve(b, n)) return;
    if (n) memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = 0;
}

void vg_buf_puts(vg_buf *b, const char *s) { vg_buf_append(b, s, strlen(s)); }

void vg_buf_putc(vg_buf *b, char c) { vg_buf_append(b, &c, 1); }

void vg_buf_printf(vg_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) { b->failed = 1; return; }
    if ((size_t)n < sizeof small) { vg_buf_append(b, small, (size_t)n); return; }
    if (vg_buf_reserve(b, (size_t)n)) return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

