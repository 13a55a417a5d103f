/* src.c - byte source over an fd: plain or gzip (multi-member), streamed so a 2 GB input never sits in memory. */
#include "src.h"

#include <assert.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "../core/alloc.h"

#define RAW_CHUNK (64 * 1024)

struct vg_src {
    int fd, keep_fd;
    int gz, z_ready;
    z_stream z;
    unsigned char *raw;  /* compressed (or not yet handed out) raw bytes */
    size_t raw_len, raw_pos;
    int raw_eof;
    int member_done;     /* gzip: a member ended, next one not started */
    int truncated, failed;
    uint64_t raw_off;    /* file offset of raw[0] */
    char note[400];      /* junk skipped between gzip members, until vg_src_take_note */
    char *peek;          /* decompressed bytes peeked but not consumed */
    size_t peek_len, peek_pos, peek_cap;
    FILE *tee;           /* a pipe's raw bytes, kept while sniffing so a WARC reader can start over */
    char why[160];
};

static ssize_t read_fd_raw(int fd, void *dst, size_t n)
{
    for (;;) {
        ssize_t k = read(fd, dst, n);
        if (k >= 0 || errno != EINTR) return k;
    }
}

/* Every raw read goes through here so that a pipe's bytes can be kept (tee). */
static ssize_t src_read_fd(vg_src *s, void *dst, size_t n)
{
    ssize_t k = read_fd_raw(s->fd, dst, n);
    if (k > 0 && s->tee && fwrite(dst, 1, (size_t)k, s->tee) != (size_t)k) {
        fclose(s->tee); /* cannot keep them: the input just cannot be restarted */
        s->tee = NULL;
    }
    return k;
}

/* Refill the raw buffer when it is drained; 0 at end of file, -1 on error. */
static int raw_fill(vg_src *s)
{
    if (s->raw_pos < s->raw_len) return 1;
    if (s->raw_eof) return 0;
    ssize_t k = src_read_fd(s, s->raw, RAW_CHUNK);
    if (k < 0) {
        snprintf(s->why, sizeof s->why, "read error: %s", strerror(errno));
        s->failed = 1;
        return -1;
    }
    s->raw_off += s->raw_len;
    s->raw_pos = 0;
    s->raw_len = (size_t)k;
    if (k == 0) s->raw_eof = 1;
    return k > 0;
}

/* Notes met before the reader took them are said together. */
static void add_note(char *note, size_t cap, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
static void add_note(char *note, size_t cap, const char *fmt, ...)
{
    size_t l = strlen(note);
    if (l && l + 2 < cap) { memcpy(note + l, "; ", 3); l += 2; }
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(note + l, cap - l, fmt, ap);
    va_end(ap);
}

int vg_gz_next_member(vg_gz_window *g, char *note, size_t note_cap)
{
    uint64_t at = g->off + g->pos, junk = 0;
    int nonzero = 0;
    for (;;) {
        if (g->len - g->pos < 2 && !g->eof) {
            /* keep a lone last byte (half a magic?) and read more after it */
            size_t keep = g->len - g->pos;
            if (keep) g->buf[0] = g->buf[g->pos];
            g->off += g->pos;
            g->pos = 0;
            g->len = keep;
            ssize_t k = g->read(g->ud, g->buf + keep, g->cap - keep);
            if (k < 0) return -1;
            if (k == 0) g->eof = 1;
            g->len += (size_t)k;
            continue;
        }
        if (g->pos >= g->len) break;
        if (g->len - g->pos >= 2 && g->buf[g->pos] == 0x1f && g->buf[g->pos + 1] == 0x8b) {
            if (junk)
                add_note(note, note_cap,
                         "%llu bytes of junk between gzip members at byte %llu skipped, reading goes on at byte %llu",
                         (unsigned long long)junk, (unsigned long long)at, (unsigned long long)(at + junk));
            return 1;
        }
        nonzero |= g->buf[g->pos] != 0;
        g->pos++;
        junk++;
    }
    if (nonzero)
        add_note(note, note_cap, "%llu bytes of junk after the last gzip member at byte %llu ignored",
                 (unsigned long long)junk, (unsigned long long)at);
    return 0;
}

static ssize_t read_raw(void *s, void *dst, size_t n) { return src_read_fd(s, dst, n); }

/* After a whole gzip member, at raw_pos: on to the next one. */
static int next_member(vg_src *s)
{
    vg_gz_window g = {s->raw, RAW_CHUNK, s->raw_pos, s->raw_len, s->raw_off, s->raw_eof, read_raw, s};
    int m = vg_gz_next_member(&g, s->note, sizeof s->note);
    s->raw_pos = g.pos;
    s->raw_len = g.len;
    s->raw_off = g.off;
    s->raw_eof = g.eof;
    if (m < 0) {
        snprintf(s->why, sizeof s->why, "read error: %s", strerror(errno));
        s->failed = 1;
    }
    return m;
}

int vg_src_take_note(vg_src *s, char *out, size_t n)
{
    if (!s || !s->note[0]) return 0;
    snprintf(out, n, "%s", s->note);
    s->note[0] = 0;
    return 1;
}

vg_status vg_src_open(int fd, int keep_fd, vg_src **out)
{
    *out = NULL;
    vg_src *s = vg_calloc(1, sizeof *s);
    if (s) s->raw = vg_malloc(RAW_CHUNK);
    if (!s || !s->raw) {
        free(s);
        if (!keep_fd) close(fd);
        return VG_ERR_NOMEM;
    }
    s->fd = fd;
    s->keep_fd = keep_fd;
    if (lseek(fd, 0, SEEK_CUR) < 0) s->tee = tmpfile(); /* a pipe: NULL just means no restart */
    /* Read until we have 2 bytes or the end, so the magic check is reliable on pipes. */
    while (s->raw_len < 2 && !s->raw_eof) {
        ssize_t k = src_read_fd(s, s->raw + s->raw_len, RAW_CHUNK - s->raw_len);
        if (k < 0) {
            snprintf(s->why, sizeof s->why, "read error: %s", strerror(errno));
            s->failed = 1;
            break;
        }
        if (k == 0) s->raw_eof = 1;
        s->raw_len += (size_t)k;
    }
    if (s->raw_len >= 2 && s->raw[0] == 0x1f && s->raw[1] == 0x8b) {
        s->gz = 1;
        /* 16 + MAX_WBITS: gzip wrapper only. */
        if (inflateInit2(&s->z, 16 + MAX_WBITS) != Z_OK) {
            vg_src_close(s);
            return VG_ERR_NOMEM;
        }
        s->z_ready = 1;
    }
    *out = s;
    return VG_OK;
}

int vg_src_is_gzip(const vg_src *s) { return s->gz; }
int vg_src_truncated(const vg_src *s) { return s->truncated; }
const char *vg_src_why(const vg_src *s) { return s->why; }

/* Read from the underlying stream, bypassing the peek buffer. */
static ssize_t read_stream(vg_src *s, char *dst, size_t n)
{
    if (s->failed) return -1;
    if (!s->gz) {
        if (s->raw_pos < s->raw_len) {
            size_t k = s->raw_len - s->raw_pos;
            if (k > n) k = n;
            memcpy(dst, s->raw + s->raw_pos, k);
            s->raw_pos += k;
            return (ssize_t)k;
        }
        if (s->raw_eof) return 0;
        ssize_t k = src_read_fd(s, dst, n);
        if (k < 0) {
            snprintf(s->why, sizeof s->why, "read error: %s", strerror(errno));
            s->failed = 1;
            return -1;
        }
        if (k == 0) s->raw_eof = 1;
        return k;
    }
    if (s->truncated) return 0;
    size_t produced = 0;
    while (produced == 0) {
        int f = raw_fill(s);
        if (f < 0) return -1;
        if (s->member_done) {
            if (f == 0) return 0;
            int m = next_member(s);
            if (m <= 0) return m;
            inflateReset(&s->z);
            s->member_done = 0;
        }
        if (f == 0) { s->truncated = 1; return 0; }
        s->z.next_in = s->raw + s->raw_pos;
        s->z.avail_in = (uInt)(s->raw_len - s->raw_pos);
        s->z.next_out = (unsigned char *)dst;
        s->z.avail_out = (uInt)(n > (1u << 30) ? (1u << 30) : n);
        uInt before = s->z.avail_out;
        int zr = inflate(&s->z, Z_NO_FLUSH);
        s->raw_pos = s->raw_len - s->z.avail_in;
        produced = before - s->z.avail_out;
        if (zr == Z_STREAM_END) {
            s->member_done = 1;
        } else if (zr == Z_DATA_ERROR || zr == Z_NEED_DICT || zr == Z_MEM_ERROR || zr == Z_STREAM_ERROR) {
            snprintf(s->why, sizeof s->why, "corrupt gzip data%s%s", s->z.msg ? ": " : "",
                     s->z.msg ? s->z.msg : "");
            s->failed = 1;
            if (produced) break; /* hand out what came before the damage */
            return -1;
        }
        /* Z_BUF_ERROR with input left cannot happen with avail_out > 0; with
         * no input left the loop refills. */
    }
    return (ssize_t)produced;
}

size_t vg_src_peek(vg_src *s, size_t want, const char **p)
{
    assert(s->peek_pos <= s->peek_len && s->peek_len <= s->peek_cap);
    if (s->peek_cap < want) {
        if (s->peek_pos) { /* compact first */
            memmove(s->peek, s->peek + s->peek_pos, s->peek_len - s->peek_pos);
            s->peek_len -= s->peek_pos;
            s->peek_pos = 0;
        }
        char *np = vg_realloc(s->peek, want);
        if (!np) { *p = s->peek + s->peek_pos; return s->peek_len - s->peek_pos; }
        s->peek = np;
        s->peek_cap = want;
    }
    if (s->peek_pos + want > s->peek_cap) {
        memmove(s->peek, s->peek + s->peek_pos, s->peek_len - s->peek_pos);
        s->peek_len -= s->peek_pos;
        s->peek_pos = 0;
    }
    while (s->peek_len - s->peek_pos < want) {
        ssize_t k = read_stream(s, s->peek + s->peek_len, want - (s->peek_len - s->peek_pos));
        if (k <= 0) break;
        s->peek_len += (size_t)k;
    }
    *p = s->peek + s->peek_pos;
    return s->peek_len - s->peek_pos;
}

ssize_t vg_src_read(vg_src *s, char *dst, size_t n)
{
    if (s->peek_pos < s->peek_len) {
        size_t k = s->peek_len - s->peek_pos;
        if (k > n) k = n;
        memcpy(dst, s->peek + s->peek_pos, k);
        s->peek_pos += k;
        return (ssize_t)k;
    }
    return read_stream(s, dst, n);
}

void vg_src_end_sniff(vg_src *s)
{
    if (s->tee) fclose(s->tee);
    s->tee = NULL;
}

int vg_src_release_fd(vg_src *s)
{
    if (lseek(s->fd, 0, SEEK_SET) == 0) {
        int fd = s->fd;
        s->fd = -1;
        return fd;
    }
    if (!s->tee) return -1;
    /* A pipe: what was read is in the tee file; copy the rest after it. */
    char buf[RAW_CHUNK];
    ssize_t k;
    while ((k = read_fd_raw(s->fd, buf, sizeof buf)) > 0)
        if (fwrite(buf, 1, (size_t)k, s->tee) != (size_t)k) return -1;
    if (k < 0 || fflush(s->tee) != 0) return -1;
    int fd = dup(fileno(s->tee));
    if (fd < 0 || lseek(fd, 0, SEEK_SET) != 0) {
        if (fd >= 0) close(fd);
        return -1;
    }
    return fd;
}

void vg_src_close(vg_src *s)
{
    if (!s) return;
    if (s->z_ready) inflateEnd(&s->z);
    if (s->tee) fclose(s->tee);
    if (s->fd >= 0 && !s->keep_fd) close(s->fd);
    free(s->raw);
    free(s->peek);
    free(s);
}
