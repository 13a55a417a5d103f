/* warc.c - WARC / WARC.gz reader: streams records from an fd, yields HTTP response bodies. */
#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <zlib.h>

#include "../core/alloc.h"
#include "formats.h"
#include "src.h"

enum {
    IN_CHUNK = 64 * 1024,
    MAX_HEADER = 64 * 1024,     /* WARC or HTTP header block */
    MAX_FIELD = 4096,           /* one kept header value (URI, date, type) */
    DEFAULT_MAX_RECORD = 32 * 1024 * 1024,
    MAX_RESYNC_SCAN = 64 * 1024 * 1024, /* bytes scanned for the next record after a bad one */
    MEMBER_RING = 4096                  /* gzip member starts remembered for error messages */
};

struct vg_warc {
    int fd;
    int gz;            /* input is gzip (one or many members) */
    int src_eof;       /* no more decompressed bytes will come */
    int src_broken;    /* stream ended badly (truncated/corrupt gzip, read error) */
    char src_err[160];
    char note[400];    /* junk skipped between gzip members, said by the next vg_warc_next */
    z_stream zs;
    int zs_live;
    /* where gzip members start, compressed and uncompressed: an error can then
     * name the member to cut at (CC-NEWS indexes use member offsets) */
    uint64_t in_total;
    struct { uint64_t u, c; } members[MEMBER_RING];
    uint64_t n_members;
    unsigned char *in;  /* compressed input */
    size_t max_record;
    /* decompressed window: bytes [pos, end) are unread; buf_off is the stream
     * offset of buf[0] */
    char *buf;
    size_t cap, pos, end;
    uint64_t buf_off;
    uint64_t number;
    int done;
    /* per record results */
    char uri[MAX_FIELD], date[MAX_FIELD], ctype[256], charset[64];
    char *dec;          /* de-chunked / inflated body */
    size_t dec_cap;
};

/* ---- byte source: plain or gzip, read on demand ---- */

static void src_fail(vg_warc *w, const char *msg)
{
    w->src_eof = 1;
    w->src_broken = 1;
    snprintf(w->src_err, sizeof w->src_err, "%s", msg);
}

static ssize_t read_in(void *w, void *dst, size_t n)
{
    ssize_t r;
    do r = read(((vg_warc *)w)->fd, dst, n); while (r < 0 && errno == EINTR);
    return r;
}

/* After a whole gzip member: on to the next one (junk noted in w->note). 1: a
 * member starts at next_in; 0: the input ended; -1: a read error. */
static int next_member(vg_warc *w)
{
    size_t pos = w->zs.avail_in ? (size_t)(w->zs.next_in - w->in) : 0, len = pos + w->zs.avail_in;
    vg_gz_window g = {w->in, IN_CHUNK, pos, len, w->in_total - len, 0, read_in, w};
    int m = vg_gz_next_member(&g, w->note, sizeof w->note);
    w->zs.next_in = w->in + g.pos;
    w->zs.avail_in = (uInt)(g.len - g.pos);
    w->in_total = g.off + g.len;
    if (m < 0) src_fail(w, "read error");
    return m;
}

/* Make room and append up to `want` more decompressed bytes at buf[end].
 * Returns bytes added (0 at end of stream). */
static size_t src_fill(vg_warc *w, size_t want)
{
    if (w->src_eof) return 0;
    if (w->cap - w->end < want) {
        /* slide unread bytes to the front before growing */
        if (w->pos > 0) {
            memmove(w->buf, w->buf + w->pos, w->end - w->pos);
            w->buf_off += w->pos;
            w->end -= w->pos;
            w->pos = 0;
        }
        if (w->cap - w->end < want) {
            size_t ncap = w->cap ? w->cap : IN_CHUNK;
            while (ncap - w->end < want) ncap *= 2;
            char *nb = vg_realloc(w->buf, ncap);
            if (!nb) { src_fail(w, "out of memory"); return 0; }
            w->buf = nb;
            w->cap = ncap;
        }
    }
    char *dst = w->buf + w->end;
    size_t room = w->cap - w->end;
    if (!w->gz) {
        ssize_t r;
        do r = read(w->fd, dst, room); while (r < 0 && errno == EINTR);
        if (r < 0) { src_fail(w, "read error"); return 0; }
        if (r == 0) { w->src_eof = 1; return 0; }
        w->end += (size_t)r;
        return (size_t)r;
    }
    w->zs.next_out = (Bytef *)dst;
    w->zs.avail_out = (uInt)(room > (1u << 30) ? (1u << 30) : room);
    while (w->zs.avail_out > 0) {
        if (w->zs.avail_in == 0) {
            ssize_t r;
            do r = read(w->fd, w->in, IN_CHUNK); while (r < 0 && errno == EINTR);
            if (r < 0) { src_fail(w, "read error"); break; }
            if (r == 0) {
                if (w->zs_live) src_fail(w, "gzip stream truncated");
                else w->src_eof = 1;
                break;
            }
            w->zs.next_in = w->in;
            w->zs.avail_in = (uInt)r;
            w->in_total += (uint64_t)r;
        }
        if (!w->zs_live) {
            int m = next_member(w);
            if (m < 0) break;
            if (m == 0) { w->src_eof = 1; break; }
            if (inflateReset(&w->zs) != Z_OK) { src_fail(w, "gzip reset failed"); break; }
            w->zs_live = 1;
            uint64_t k = w->n_members++ % MEMBER_RING;
            w->members[k].c = w->in_total - w->zs.avail_in;
            w->members[k].u = w->buf_off + w->end + (room - w->zs.avail_out);
        }
        int zr = inflate(&w->zs, Z_NO_FLUSH);
        if (zr == Z_STREAM_END) { w->zs_live = 0; continue; }
        if (zr == Z_BUF_ERROR) continue; /* needs more input */
        if (zr != Z_OK) { src_fail(w, "corrupt gzip data"); break; }
    }
    size_t got = room - w->zs.avail_out;
    w->end += got;
    return got;
}

/* At least n unread bytes, unless the stream ends first. Returns available. */
static size_t need(vg_warc *w, size_t n)
{
    assert(w->pos <= w->end && w->end <= w->cap);
    while (w->end - w->pos < n) {
        size_t want = n - (w->end - w->pos);
        if (want < IN_CHUNK) want = IN_CHUNK;
        if (src_fill(w, want) == 0) break;
    }
    return w->end - w->pos;
}

static uint64_t cur_off(const vg_warc *w) { return w->buf_off + w->pos; }

/* Drop n bytes without keeping them (records past max_record). Returns dropped. */
static uint64_t skip(vg_warc *w, uint64_t n)
{
    uint64_t done = 0;
    while (done < n) {
        size_t have = need(w, 1);
        if (have == 0) break;
        size_t take = (uint64_t)have < n - done ? have : (size_t)(n - done);
        w->pos += take;
        done += take;
        if (w->pos == w->end) { w->buf_off += w->pos; w->pos = w->end = 0; }
    }
    return done;
}

/* Position of "\r\n\r\n" (or "\n\n") ending a header block starting at p, or
 * NULL; *hdr_len gets the length including the blank line. */
static const char *header_end(const char *p, size_t n, size_t *hdr_len)
{
    for (size_t i = 0; i + 1 < n; i++) {
        if (p[i] != '\n') continue;
        if (p[i + 1] == '\n') { *hdr_len = i + 2; return p + i; }
        if (i + 2 < n && p[i + 1] == '\r' && p[i + 2] == '\n') { *hdr_len = i + 3; return p + i; }
    }
    return NULL;
}

/* Value of header `name` in the block [p, p+n), trimmed, copied to out. */
static int header_get(const char *p, size_t n, const char *name, char *out, size_t outlen)
{
    size_t nl = strlen(name);
    const char *end = p + n;
    for (const char *line = p; line < end;) {
        const char *eol = memchr(line, '\n', (size_t)(end - line));
        if (!eol) eol = end;
        if ((size_t)(eol - line) > nl && line[nl] == ':' && strncasecmp(line, name, nl) == 0) {
            const char *v = line + nl + 1, *ve = eol;
            while (v < ve && (*v == ' ' || *v == '\t')) v++;
            while (ve > v && (ve[-1] == '\r' || ve[-1] == ' ' || ve[-1] == '\t')) ve--;
            size_t l = (size_t)(ve - v);
            if (l >= outlen) l = outlen - 1;
            memcpy(out, v, l);
            out[l] = 0;
            return 1;
        }
        line = eol + 1;
    }
    if (outlen) out[0] = 0;
    return 0;
}

/* Case-insensitive substring search (strcasestr is a GNU extension). */
static const char *ci_find(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; *hay; hay++)
        if (strncasecmp(hay, needle, n) == 0) return hay;
    return NULL;
}

static int parse_u64(const char *s, uint64_t *out)
{
    if (!*s) return 0;
    uint64_t v = 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9') return 0;
        if (v > (UINT64_MAX - 9) / 10) return 0;
        v = v * 10 + (uint64_t)(*s - '0');
    }
    *out = v;
    return 1;
}

/* Splits "text/html; charset=UTF-8" into lower-case mime and charset. */
static void split_ctype(const char *v, char *mime, size_t mlen, char *cs, size_t clen)
{
    size_t i = 0;
    while (v[i] && v[i] != ';' && v[i] != ' ' && i + 1 < mlen) {
        mime[i] = (char)((v[i] >= 'A' && v[i] <= 'Z') ? v[i] + 32 : v[i]);
        i++;
    }
    mime[i] = 0;
    cs[0] = 0;
    const char *c = ci_find(v, "charset=");
    if (!c) return;
    c += 8;
    if (*c == '"' || *c == '\'') c++;
    size_t j = 0;
    while (c[j] && c[j] != ';' && c[j] != '"' && c[j] != '\'' && c[j] != ' ' && j + 1 < clen) { cs[j] = c[j]; j++; }
    cs[j] = 0;
}

static int dec_reserve(vg_warc *w, size_t n)
{
    return vg_grow(&w->dec, &w->dec_cap, n, 1);
}

/* Chunked transfer-encoding -> w->dec. 0 ok, -1 malformed. A body cut short
 * keeps what was whole (servers and crawlers do truncate). */
static int dechunk(vg_warc *w, const char *p, size_t n, size_t *out_len)
{
    size_t i = 0, o = 0;
    if (dec_reserve(w, n + 1)) return -1;
    while (i < n) {
        uint64_t sz = 0;
        int digits = 0;
        while (i < n && ((p[i] >= '0' && p[i] <= '9') || ((p[i] | 32) >= 'a' && (p[i] | 32) <= 'f'))) {
            int d = p[i] <= '9' ? p[i] - '0' : (p[i] | 32) - 'a' + 10;
            if (sz > (UINT64_MAX >> 4)) return -1;
            sz = sz * 16 + (uint64_t)d;
            i++;
            digits++;
        }
        if (!digits) return o ? (*out_len = o, 0) : -1;
        const char *eol = memchr(p + i, '\n', n - i);
        if (!eol) break;
        i = (size_t)(eol - p) + 1;
        if (sz == 0) break;
        size_t take = sz > n - i ? n - i : (size_t)sz;
        memcpy(w->dec + o, p + i, take);
        o += take;
        i += take;
        if (i < n && p[i] == '\r') i++;
        if (i < n && p[i] == '\n') i++;
    }
    *out_len = o;
    return 0;
}

/* gzip/deflate Content-Encoding -> w->dec, bounded by max_record. */
static int gunzip(vg_warc *w, const char *p, size_t n, size_t *out_len)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, 47) != Z_OK) return -1;
    /* the input may itself live in w->dec (chunked then gzip): copy it aside */
    char *src = vg_malloc(n ? n : 1);
    if (!src) { inflateEnd(&z); return -1; }
    memcpy(src, p, n);
    z.next_in = (Bytef *)src;
    z.avail_in = (uInt)n;
    size_t o = 0;
    int rc = -1;
    for (;;) {
        if (o + 65536 > w->max_record + 65536 || dec_reserve(w, o + 65536)) break;
        z.next_out = (Bytef *)(w->dec + o);
        z.avail_out = 65536;
        int zr = inflate(&z, Z_NO_FLUSH);
        o += 65536 - z.avail_out;
        if (zr == Z_STREAM_END || (zr == Z_BUF_ERROR && z.avail_in == 0)) { rc = 0; break; }
        if (zr != Z_OK) break;
    }
    inflateEnd(&z);
    free(src);
    *out_len = o;
    return rc;
}

/* Parse an HTTP response block into rec. 1: a document, 0: skip, -1: bad. */
static int parse_http(vg_warc *w, const char *p, size_t n, vg_warc_record *rec, char *why, size_t whylen)
{
    size_t hl;
    if (n < 12 || strncmp(p, "HTTP/", 5) != 0) { snprintf(why, whylen, "response record without an HTTP status line"); return -1; }
    if (!header_end(p, n > MAX_HEADER ? MAX_HEADER : n, &hl)) { snprintf(why, whylen, "HTTP headers do not end"); return -1; }
    const char *sp = memchr(p, ' ', hl);
    int status = sp ? atoi(sp + 1) : 0;
    if (status < 200 || status > 299) return 0; /* redirects, errors: not documents */
    char v[512], mime[128];
    header_get(p, hl, "Content-Type", v, sizeof v);
    split_ctype(v, mime, sizeof mime, w->charset, sizeof w->charset);
    if (mime[0] && strcmp(mime, "text/html") && strcmp(mime, "application/xhtml+xml") && strcmp(mime, "text/plain"))
        return 0;
    snprintf(w->ctype, sizeof w->ctype, "%s", mime[0] ? mime : "text/html");
    const char *body = p + hl;
    size_t blen = n - hl;
    header_get(p, hl, "Transfer-Encoding", v, sizeof v);
    if (ci_find(v, "chunked")) {
        size_t o;
        if (dechunk(w, body, blen, &o)) { snprintf(why, whylen, "bad chunked encoding"); return -1; }
        body = w->dec;
        blen = o;
    }
    header_get(p, hl, "Content-Encoding", v, sizeof v);
    /* crawlers often store the decoded body but keep the header: trust the magic */
    if ((ci_find(v, "gzip") || ci_find(v, "deflate")) && blen >= 2 &&
        (((unsigned char)body[0] == 0x1f && (unsigned char)body[1] == 0x8b) || body[0] == 0x78)) {
        size_t o;
        if (gunzip(w, body, blen, &o)) { snprintf(why, whylen, "bad or oversize gzip body"); return -1; }
        body = w->dec;
        blen = o;
    }
    rec->content_type = w->ctype;
    rec->charset = w->charset[0] ? w->charset : NULL;
    rec->body = body;
    rec->body_len = blen;
    return 1;
}

vg_status vg_warc_open(int fd, const char *name, size_t max_record, vg_warc **out)
{
    (void)name;
    *out = NULL;
    if (fd < 0) return VG_ERR_ARG;
    vg_warc *w = vg_calloc(1, sizeof *w);
    if (!w) { close(fd); return VG_ERR_NOMEM; }
    w->fd = fd;
    w->max_record = max_record ? max_record : DEFAULT_MAX_RECORD;
    w->in = vg_malloc(IN_CHUNK);
    if (!w->in) { vg_warc_close(w); return VG_ERR_NOMEM; }
    /* sniff: gzip magic or plain text */
    ssize_t r;
    do r = read(fd, w->in, IN_CHUNK); while (r < 0 && errno == EINTR);
    if (r < 0) { vg_warc_close(w); return VG_ERR_IO; }
    if (r >= 2 && w->in[0] == 0x1f && w->in[1] == 0x8b) {
        w->gz = 1;
        if (inflateInit2(&w->zs, 47) != Z_OK) { vg_warc_close(w); return VG_ERR_NOMEM; }
        w->zs.next_in = w->in;
        w->zs.avail_in = (uInt)r;
        w->zs_live = 1;
        w->in_total = (uint64_t)r;
        w->n_members = 1; /* members[0] = {0, 0} */
    } else {
        w->cap = IN_CHUNK > (size_t)r ? IN_CHUNK : (size_t)r;
        w->buf = vg_malloc(w->cap);
        if (!w->buf) { vg_warc_close(w); return VG_ERR_NOMEM; }
        memcpy(w->buf, w->in, (size_t)r);
        w->end = (size_t)r;
        if (r == 0) w->src_eof = 1;
    }
    /* must look like WARC, or it is some other format */
    size_t have = need(w, 8);
    if (have < 5 || memcmp(w->buf, "WARC/", 5) != 0) { vg_warc_close(w); return VG_ERR_FORMAT; }
    *out = w;
    return VG_OK;
}

/* Offset in p[0..n) of the first line at or after `from` that starts a WARC
 * record, or n when none does. */
static size_t find_record(const char *p, size_t n, size_t from)
{
    for (size_t i = from; i + 7 <= n; i++)
        if (p[i] == 'W' && (i == 0 || p[i - 1] == '\n') && memcmp(p + i, "WARC/1.", 7) == 0) return i;
    return n;
}

/* After a bad record: move to the next line that starts a WARC record.
 * `from` is an offset from pos to search from. 1 when one was found; 0 at
 * the end of the input (or past MAX_RESYNC_SCAN bytes), which ends reading. */
static int resync(vg_warc *w, size_t from)
{
    uint64_t scanned = 0;
    for (;;) {
        size_t have = w->end - w->pos;
        if (from + 7 <= have) {
            size_t i = find_record(w->buf + w->pos, have, from);
            if (i < have) {
                w->pos += i;
                return 1;
            }
            /* keep the last 7 bytes, drop the rest */
            size_t drop = have - 6;
            w->pos += drop;
            scanned += drop;
            from = 0;
        }
        if (scanned > MAX_RESYNC_SCAN || (src_fill(w, IN_CHUNK) == 0 && w->src_eof)) {
            w->pos = w->end;
            w->done = 1;
            return 0;
        }
    }
}

/* Read again from uncompressed offset `target`, restarting at the last gzip
 * member known to start at or before it (the file's start when the ring has
 * lost it): a record skipped unread whose length ran past the end of the
 * file hid the records after it. 0 done, -1 when the input cannot seek. */
static int rewind_to(vg_warc *w, uint64_t target)
{
    uint64_t u = 0, c = 0, k = 0;
    if (w->gz) {
        uint64_t first = w->n_members > MEMBER_RING ? w->n_members - MEMBER_RING : 0;
        for (uint64_t i = w->n_members; i-- > first;)
            if (w->members[i % MEMBER_RING].u <= target) {
                u = w->members[i % MEMBER_RING].u;
                c = w->members[i % MEMBER_RING].c;
                k = i;
                break;
            }
    } else {
        u = c = target;
    }
    if (lseek(w->fd, (off_t)c, SEEK_SET) != (off_t)c) return -1;
    w->pos = w->end = 0;
    w->buf_off = u;
    w->src_eof = w->src_broken = 0;
    w->src_err[0] = 0;
    if (w->gz) {
        w->zs.avail_in = 0;
        w->zs_live = 0;
        w->in_total = c;
        w->n_members = k; /* member k is met again and takes its place back */
    }
    return skip(w, target - u) == target - u ? 0 : -1;
}

/* "offset N", plus the gzip member holding it when the input is gzip; only
 * an error message asks (it walks the ring of members). Returns out. */
static const char *locate(const vg_warc *w, uint64_t off, char *out, size_t outlen)
{
    snprintf(out, outlen, "offset %llu", (unsigned long long)off);
    if (!w->gz) return out;
    uint64_t first = w->n_members > MEMBER_RING ? w->n_members - MEMBER_RING : 0;
    for (uint64_t i = w->n_members; i-- > first;) {
        uint64_t u = w->members[i % MEMBER_RING].u, c = w->members[i % MEMBER_RING].c;
        if (u > off) continue;
        snprintf(out, outlen, "offset %llu (%sgzip member at byte %llu)", (unsigned long long)off,
                 u == off ? "" : "in the ", (unsigned long long)c);
        return out;
    }
    return out;
}

/* Blank lines between records. */
static void skip_blank_lines(vg_warc *w)
{
    while (need(w, 1) > 0) {
        char c = w->buf[w->pos];
        if (c != '\r' && c != '\n') break;
        w->pos++;
    }
}

/* No byte left at off: the end, or a truncation the source reported. */
static vg_status at_end(vg_warc *w, uint64_t off, char *err, size_t errlen)
{
    char loc[128];
    w->done = 1;
    if (!w->src_broken) return VG_END;
    snprintf(err, errlen, "%s: %s", locate(w, off, loc, sizeof loc), w->src_err);
    return VG_ERR_TRUNCATED;
}

/* The WARC header block at w->pos, read in growing steps up to MAX_HEADER:
 * its end (*hl its length), NULL when not found; *have: bytes available. */
static const char *read_header(vg_warc *w, size_t *hl, size_t *have)
{
    const char *he = NULL;
    *hl = 0;
    for (size_t want = 4096;; want *= 2) {
        if (want > MAX_HEADER) want = MAX_HEADER;
        *have = need(w, want);
        he = header_end(w->buf + w->pos, *have, hl);
        if (he || *have < want || want == MAX_HEADER) return he;
    }
}

/* A header that does not start with WARC/ or does not end: the error, after
 * which reading goes on at the next record when it can. VG_OK if good. */
static vg_status check_header(vg_warc *w, uint64_t off, const char *h, size_t have, const char *he,
                              char *err, size_t errlen)
{
    char loc[128];
    if (have < 5 || memcmp(h, "WARC/", 5) != 0) {
        snprintf(err, errlen, "%s: record %llu does not start with WARC/", locate(w, off, loc, sizeof loc),
                 (unsigned long long)w->number);
        resync(w, 1);
        return VG_ERR_FORMAT;
    }
    if (he) return VG_OK;
    w->done = w->src_eof;
    snprintf(err, errlen, "%s: record %llu: %s", locate(w, off, loc, sizeof loc), (unsigned long long)w->number,
             w->src_eof ? (w->src_broken ? w->src_err : "archive ends inside the record header")
                        : "record header too long");
    if (w->src_eof) return VG_ERR_TRUNCATED;
    resync(w, 1);
    return VG_ERR_FORMAT;
}

/* The record's Content-Length into *clen; VG_ERR_FORMAT when missing or bad. */
static vg_status record_length(vg_warc *w, uint64_t off, const char *h, size_t hl, uint64_t *clen,
                               char *err, size_t errlen)
{
    char v[64], loc[128];
    if (header_get(h, hl, "Content-Length", v, sizeof v) && parse_u64(v, clen)) return VG_OK;
    snprintf(err, errlen, "%s: record %llu has no valid Content-Length", locate(w, off, loc, sizeof loc),
             (unsigned long long)w->number);
    resync(w, 1);
    return VG_ERR_FORMAT;
}

/* A record not read (another type, or a wanted one past max_record) is
 * skipped: VG_OK to go on, else why not (truncated, too large). */
static vg_status skip_record(vg_warc *w, uint64_t off, size_t hl, uint64_t clen, int wanted, char *err, size_t errlen)
{
    char loc[128];
    w->pos += hl;
    uint64_t got = skip(w, clen);
    if (got < clen && rewind_to(w, off + hl) == 0 && resync(w, 0)) {
        /* the length runs past the end of the file, and a record follows */
        snprintf(err, errlen, "%s: record %llu: Content-Length %llu runs past the end of the archive",
                 locate(w, off, loc, sizeof loc), (unsigned long long)w->number, (unsigned long long)clen);
        return VG_ERR_FORMAT;
    }
    if (got < clen) {
        w->done = 1;
        snprintf(err, errlen, "%s: record %llu truncated (Content-Length %llu, %llu bytes left)%s%s",
                 locate(w, off, loc, sizeof loc), (unsigned long long)w->number, (unsigned long long)clen,
                 (unsigned long long)got, w->src_broken ? ": " : "", w->src_broken ? w->src_err : "");
        return VG_ERR_TRUNCATED;
    }
    if (!wanted) return VG_OK;
    snprintf(err, errlen, "%s: record %llu too large (%llu bytes, limit %zu)", locate(w, off, loc, sizeof loc),
             (unsigned long long)w->number, (unsigned long long)clen, w->max_record);
    return VG_ERR_TOO_LARGE;
}

/* A record ends with CRLF CRLF (tail: the tl bytes after its body); anything
 * else means the length lied, but for a short newline at the end of file. */
static int record_ends(const vg_warc *w, const char *tail, size_t tl)
{
    if ((tl >= 4 && memcmp(tail, "\r\n\r\n", 4) == 0) || (tl >= 2 && memcmp(tail, "\n\n", 2) == 0)) return 1;
    if (!w->src_eof || w->src_broken || tl >= 4) return 0;
    int ok_end = 1;
    for (size_t i = 0; i < tl; i++) ok_end &= tail[i] == '\r' || tail[i] == '\n';
    return ok_end;
}

/* The whole record plus its closing blank line, contiguous in the buffer
 * (*hp: its header, as need() may move the buffer); else the error. */
static vg_status whole_record(vg_warc *w, uint64_t off, size_t hl, uint64_t clen, const char **hp,
                              char *err, size_t errlen)
{
    char loc[128];
    size_t total = hl + (size_t)clen;
    size_t have = need(w, total + 4);
    const char *h = *hp = w->buf + w->pos;
    size_t next = have < total ? find_record(h, have, hl) : have;
    if (next < have) {
        /* the length runs past the end of the file, and a record follows */
        snprintf(err, errlen, "%s: record %llu: Content-Length %llu runs past the end of the archive",
                 locate(w, off, loc, sizeof loc), (unsigned long long)w->number, (unsigned long long)clen);
        w->pos += next;
        return VG_ERR_FORMAT;
    }
    if (have < total) {
        w->done = 1;
        snprintf(err, errlen, "%s: record %llu truncated (Content-Length %llu, %zu bytes left)%s%s",
                 locate(w, off, loc, sizeof loc), (unsigned long long)w->number, (unsigned long long)clen,
                 have - hl, w->src_broken ? ": " : "", w->src_broken ? w->src_err : "");
        return VG_ERR_TRUNCATED;
    }
    if (record_ends(w, h + total, have - total)) return VG_OK;
    snprintf(err, errlen, "%s: record %llu: Content-Length %llu does not match the record",
             locate(w, off, loc, sizeof loc), (unsigned long long)w->number, (unsigned long long)clen);
    resync(w, 1);
    return VG_ERR_FORMAT;
}

/* WARC-Target-URI and WARC-Date into w; some writers wrap the URI in <>
 * (WARC/0.x style). */
static void record_meta(vg_warc *w, const char *h, size_t hl)
{
    header_get(h, hl, "WARC-Target-URI", w->uri, sizeof w->uri);
    if (w->uri[0] == '<') {
        size_t l = strlen(w->uri);
        memmove(w->uri, w->uri + 1, l);
        if (l >= 2 && w->uri[l - 2] == '>') w->uri[l - 2] = 0;
    }
    header_get(h, hl, "WARC-Date", w->date, sizeof w->date);
}

/* The document a record holds into rec: 1 kept, 0 not a page (skipped),
 * -1 an error said in why. A response is an HTTP message; a resource is
 * kept when its Content-Type is text or HTML. */
static int record_body(vg_warc *w, const char *type, const char *h, size_t hl, uint64_t clen, vg_warc_record *rec,
                       char *why, size_t whylen)
{
    if (!strcmp(type, "response")) return parse_http(w, h + hl, (size_t)clen, rec, why, whylen);
    char ct[512], mime[128];
    header_get(h, hl, "Content-Type", ct, sizeof ct);
    split_ctype(ct, mime, sizeof mime, w->charset, sizeof w->charset);
    if (strcmp(mime, "text/html") && strcmp(mime, "text/plain") && strcmp(mime, "application/xhtml+xml")) return 0;
    snprintf(w->ctype, sizeof w->ctype, "%s", mime);
    rec->content_type = w->ctype;
    rec->charset = w->charset[0] ? w->charset : NULL;
    rec->body = h + hl;
    rec->body_len = (size_t)clen;
    return 1;
}

vg_status vg_warc_next(vg_warc *w, vg_warc_record *rec, char *err, size_t errlen)
{
    memset(rec, 0, sizeof *rec);
    if (err && errlen) err[0] = 0;
    char why[256], loc[128];
    for (;;) {
        if (w->note[0]) {
            snprintf(err, errlen, "%s", w->note);
            w->note[0] = 0;
            return VG_ERR_FORMAT;
        }
        if (w->done) return VG_END;
        skip_blank_lines(w);
        uint64_t off = cur_off(w);
        size_t have = need(w, 1), hl;
        if (have == 0 && w->note[0]) continue; /* said first, then the end */
        if (have == 0) return at_end(w, off, err, errlen);
        const char *he = read_header(w, &hl, &have);
        w->number++;
        const char *h = w->buf + w->pos;
        uint64_t clen;
        vg_status st = check_header(w, off, h, have, he, err, errlen);
        if (st == VG_OK) st = record_length(w, off, h, hl, &clen, err, errlen);
        if (st != VG_OK) return st;
        char type[64];
        header_get(h, hl, "WARC-Type", type, sizeof type);
        int wanted = !strcmp(type, "response") || !strcmp(type, "resource");
        if (!wanted || clen > w->max_record) {
            if ((st = skip_record(w, off, hl, clen, wanted, err, errlen)) != VG_OK) return st;
            continue;
        }
        if ((st = whole_record(w, off, hl, clen, &h, err, errlen)) != VG_OK) return st;
        record_meta(w, h, hl);
        int r = record_body(w, type, h, hl, clen, rec, why, sizeof why);
        w->pos += hl + (size_t)clen;
        if (r == 0) continue;
        if (r < 0) {
            memset(rec, 0, sizeof *rec);
            snprintf(err, errlen, "%s: record %llu: %s", locate(w, off, loc, sizeof loc),
                     (unsigned long long)w->number, why);
            return VG_ERR_FORMAT;
        }
        rec->target_uri = w->uri[0] ? w->uri : NULL;
        rec->date = w->date[0] ? w->date : NULL;
        rec->offset = off;
        rec->number = w->number;
        return VG_OK;
    }
}

void vg_warc_close(vg_warc *w)
{
    if (!w) return;
    if (w->gz) inflateEnd(&w->zs);
    if (w->fd >= 0) close(w->fd);
    free(w->in);
    free(w->buf);
    free(w->dec);
    free(w);
}
