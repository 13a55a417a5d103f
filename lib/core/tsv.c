/* tsv.c - the one reader of data/ files: read a line whole (or refuse it), split it on tabs. */
#include "tsv.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"

static void init(vg_tsv *t, const char *name, size_t max_line, char *err, size_t errlen)
{
    memset(t, 0, sizeof *t);
    snprintf(t->path, sizeof t->path, "%s", name ? name : "(memory)");
    t->max_line = max_line ? max_line : VG_TSV_LINE_MAX;
    t->err = err;
    t->errlen = err ? errlen : 0;
    if (t->errlen) t->err[0] = 0;
}

vg_status vg_tsv_open(vg_tsv *t, const char *path, size_t max_line, char *err, size_t errlen)
{
    init(t, path, max_line, err, errlen);
    t->f = fopen(path, "rb");
    if (!t->f) {
        if (t->errlen) snprintf(t->err, t->errlen, "cannot open %s", path);
        t->status = VG_ERR_IO;
        return VG_ERR_IO;
    }
    return VG_OK;
}

void vg_tsv_open_mem(vg_tsv *t, const char *name, const char *s, size_t n, size_t max_line, char *err,
                     size_t errlen)
{
    init(t, name, max_line, err, errlen);
    t->mem = s ? s : "";
    t->mem_len = s ? n : 0;
}

vg_status vg_tsv_fail(vg_tsv *t, vg_status st, const char *fmt, ...)
{
    if (st == VG_OK) st = VG_ERR_RESOURCE;
    if (t->status != VG_OK) return st; /* the first error stays */
    t->status = st;
    if (t->errlen) {
        int k = snprintf(t->err, t->errlen, "%s:%zu: ", t->path, t->lineno);
        if (k >= 0 && (size_t)k < t->errlen) {
            va_list ap;
            va_start(ap, fmt);
            vsnprintf(t->err + k, t->errlen - (size_t)k, fmt, ap);
            va_end(ap);
        }
    }
    return st;
}

/* The unread bytes of the input at *p (*avail of them), the file's next chunk read when the
 * last is used up: 0 at the end. */
static int unread(vg_tsv *t, const char **p, size_t *avail)
{
    if (!t->f) {
        *p = t->mem + t->mem_pos;
        *avail = t->mem_len - t->mem_pos;
        return *avail > 0;
    }
    if (t->chunk_pos == t->chunk_len) {
        t->chunk_len = fread(t->chunk, 1, sizeof t->chunk, t->f);
        t->chunk_pos = 0;
    }
    *p = t->chunk + t->chunk_pos;
    *avail = t->chunk_len - t->chunk_pos;
    return *avail > 0;
}

static void consume(vg_tsv *t, size_t k)
{
    if (t->f) t->chunk_pos += k;
    else t->mem_pos += k;
}

/* Reads one line into t->line (without "\n"): its length, or -1 at the end
 * of input, or -2 after an error (recorded). The line is copied a run of bytes at a time up
 * to its newline (byte by byte through getc, reading the data files was a third of
 * `vigie analyze`'s start-up instructions). */
static long read_line(vg_tsv *t)
{
    size_t n = 0, avail;
    int any = 0;
    const char *p;
    while (unread(t, &p, &avail)) {
        any = 1;
        const char *nl = memchr(p, '\n', avail);
        size_t take = nl ? (size_t)(nl - p) : avail;
        if (take > t->max_line - n) {
            t->lineno++;
            vg_tsv_fail(t, VG_ERR_RESOURCE, "line longer than %zu bytes", t->max_line);
            return -2;
        }
        if (vg_grow(&t->line, &t->cap, n + take + 2, 1) < 0) {
            t->lineno++;
            vg_tsv_fail(t, VG_ERR_NOMEM, "%s", vg_strerror(VG_ERR_NOMEM));
            return -2;
        }
        memcpy(t->line + n, p, take);
        n += take;
        consume(t, take + (nl != NULL));
        if (nl) break;
    }
    if (t->f && ferror(t->f)) {
        t->lineno++;
        vg_tsv_fail(t, VG_ERR_IO, "read error");
        return -2;
    }
    if (!any) return -1;
    t->lineno++;
    if (vg_grow(&t->line, &t->cap, n + 1, 1) < 0) {
        vg_tsv_fail(t, VG_ERR_NOMEM, "%s", vg_strerror(VG_ERR_NOMEM));
        return -2;
    }
    t->line[n] = 0;
    return (long)n;
}

int vg_tsv_next(vg_tsv *t)
{
    t->nfield = 0;
    for (;;) {
        if (t->status != VG_OK) return -1;
        long r = read_line(t);
        if (r == -1) return 0;
        if (r < 0) return -1;
        size_t n = (size_t)r;
        if (n && t->line[n - 1] == '\r') t->line[--n] = 0;
        if (!n || t->line[0] == '#') continue;
        if (memchr(t->line, 0, n)) {
            vg_tsv_fail(t, VG_ERR_RESOURCE, "NUL byte in line");
            return -1;
        }
        t->field[t->nfield++] = t->line;
        for (char *p = t->line; (p = strchr(p, '\t'));) {
            if (t->nfield == VG_TSV_MAX_FIELDS) {
                t->nfield = 0;
                vg_tsv_fail(t, VG_ERR_RESOURCE, "more than %d tab-separated fields", VG_TSV_MAX_FIELDS);
                return -1;
            }
            *p++ = 0;
            t->field[t->nfield++] = p;
        }
        return 1;
    }
}

size_t vg_tsv_nfields(const vg_tsv *t) { return t->nfield; }

char *vg_tsv_field(vg_tsv *t, size_t i)
{
    if (i < t->nfield) return t->field[i];
    t->empty[0] = 0; /* its own "" (a caller may have written into it), so readers share nothing */
    return t->empty;
}

size_t vg_tsv_lineno(const vg_tsv *t) { return t->lineno; }

int vg_tsv_enum(vg_tsv *t, size_t i, const char *what, const char *const *names, size_t n)
{
    const char *s = vg_tsv_field(t, i);
    for (size_t k = 0; k < n; k++)
        if (names[k] && !strcmp(s, names[k])) return (int)k;
    char list[512];
    size_t len = 0;
    list[0] = 0;
    for (size_t k = 0; k < n && len < sizeof list; k++) {
        if (!names[k]) continue;
        int w = snprintf(list + len, sizeof list - len, "%s%s", len ? ", " : "", names[k]);
        if (w < 0) break;
        len += (size_t)w;
    }
    vg_tsv_fail(t, VG_ERR_RESOURCE, "unknown %s '%.64s' (one of: %s)", what, s, list);
    return -1;
}

vg_status vg_tsv_close(vg_tsv *t)
{
    if (t->f) fclose(t->f);
    t->f = NULL;
    free(t->line);
    t->line = NULL;
    t->cap = 0;
    t->nfield = 0;
    return t->status;
}
