/* reader.c - vg_reader: walks the paths, sniffs each file's format and yields documents one at a time in bounded memory. */
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../core/alloc.h"
#include "vigie.h"
#include "../core/arena.h"
#include "../core/buf.h"
#include "../core/json.h"
#include "formats.h"
#include "jsonl.h"
#include "sniff.h"
#include "src.h"
#include "walk.h"

#define DEFAULT_MAX_DOC ((size_t)32 << 20)
#define SNIFF_BYTES     ((size_t)64 << 10)
#define CHUNK           ((size_t)64 << 10)

/* M_HELD: a whole file read, its junk between gzip members reported first */
typedef enum { M_NONE, M_JSONL, M_FEED, M_WARC, M_JSON, M_HELD } mode;

struct vg_reader {
    vg_walk *walk;
    size_t cap;
    mode mode;
    char *path;          /* current file (copy), "-" for stdin */
    const char *name;    /* its base name, inside path */
    vg_src *src;
    vg_arena *arena;     /* per document: reset on every call */
    vg_buf doc;          /* whole-document bytes, reused */
    /* JSONL: a window [start, end) over `win`, reused for every line */
    char *win;
    size_t win_cap, start, end, scan;
    uint64_t line;
    int src_done;
    /* feeds */
    vg_arena *feed_arena;
    vg_feed_item *items;
    size_t n_items, item;
    char *feed_title;
    /* one JSON document: its article objects */
    const vg_jval *const *objs;
    size_t n_objs, obj;
    /* WARC */
    vg_warc *warc;
    int held_kind;       /* M_HELD: the file's sniffed kind */
    char ext[64 + 4096];
    char err[8192];
    char err_src[4200];
};

static vg_status reject(vg_reader *r, vg_status st, const char *source, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
static vg_status reject(vg_reader *r, vg_status st, const char *source, const char *fmt, ...)
{
    snprintf(r->err_src, sizeof r->err_src, "%s", source);
    int k = snprintf(r->err, sizeof r->err, "%s: ", source);
    if (k < 0 || (size_t)k >= sizeof r->err) k = 0;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->err + k, sizeof r->err - (size_t)k, fmt, ap);
    va_end(ap);
    return st;
}

vg_status vg_reader_open(const char *const *paths, size_t n, const vg_reader_options *opts, vg_reader **out)
{
    *out = NULL;
    vg_reader *r = vg_calloc(1, sizeof *r);
    if (!r) return VG_ERR_NOMEM;
    r->cap = opts && opts->max_doc_bytes ? opts->max_doc_bytes : DEFAULT_MAX_DOC;
    vg_status st = vg_walk_open(paths, n, opts ? opts->skip_paths : NULL, opts ? opts->n_skip_paths : 0, &r->walk);
    if (st == VG_OK && !(r->arena = vg_arena_new(64 * 1024))) st = VG_ERR_NOMEM;
    if (st != VG_OK) { vg_reader_close(r); return st; }
    *out = r;
    return VG_OK;
}

const char *vg_reader_error(const vg_reader *r) { return r->err; }
const char *vg_reader_error_source(const vg_reader *r) { return r->err_src; }

static void end_file(vg_reader *r)
{
    vg_src_close(r->src);
    r->src = NULL;
    vg_warc_close(r->warc);
    r->warc = NULL;
    vg_arena_free(r->feed_arena);
    r->feed_arena = NULL;
    r->items = NULL;
    r->n_items = r->item = 0;
    r->feed_title = NULL;
    r->objs = NULL;
    r->n_objs = r->obj = 0;
    r->mode = M_NONE;
    r->start = r->end = r->scan = 0;
    r->line = 0;
    r->src_done = 0;
}

/* "2.1 GB": sizes in messages read better rounded. */
static void human(char *out, size_t n, uint64_t bytes)
{
    if (bytes >= 1000000000ull) snprintf(out, n, "%.1f GB", (double)bytes / 1e9);
    else if (bytes >= 1000000ull) snprintf(out, n, "%.1f MB", (double)bytes / 1e6);
    else if (bytes >= 1000ull) snprintf(out, n, "%.1f KB", (double)bytes / 1e3);
    else snprintf(out, n, "%llu bytes", (unsigned long long)bytes);
}

static void limit_str(char *out, size_t n, size_t cap)
{
    if (cap % (1u << 20) == 0) snprintf(out, n, "%zu MiB", cap >> 20);
    else if (cap % 1024 == 0) snprintf(out, n, "%zu KiB", cap >> 10);
    else snprintf(out, n, "%zu-byte", cap);
}

static void base_input(vg_reader *r, vg_input *in)
{
    memset(in, 0, sizeof *in);
    in->source = r->path;
    in->ext_id = r->name;
}

/* Read the rest of the source into r->doc, at most cap bytes. */
static vg_status slurp(vg_reader *r)
{
    vg_buf_clear(&r->doc);
    for (;;) {
        if (vg_buf_reserve(&r->doc, CHUNK) != 0)
            return reject(r, VG_ERR_NOMEM, r->path, "out of memory");
        ssize_t k = vg_src_read(r->src, r->doc.data + r->doc.len, CHUNK);
        if (k < 0) return reject(r, VG_ERR_IO, r->path, "%s", vg_src_why(r->src));
        if (k == 0) break;
        r->doc.len += (size_t)k;
        r->doc.data[r->doc.len] = 0;
        if (r->doc.len > r->cap) {
            char lim[32];
            limit_str(lim, sizeof lim, r->cap);
            return reject(r, VG_ERR_TOO_LARGE, r->path, "larger than the %s limit%s", lim,
                          vg_src_is_gzip(r->src) ? " once decompressed" : "");
        }
    }
    if (vg_src_truncated(r->src)) {
        char sz[32];
        human(sz, sizeof sz, r->doc.len);
        return reject(r, VG_ERR_TRUNCATED, r->path, "truncated gzip data (ends after %s decompressed)", sz);
    }
    return VG_OK;
}

/* ---- JSONL ---- */

/* Next complete line in the window, reading more as needed. VG_OK: *line,*n
 * set. VG_END: no more lines. VG_ERR_TOO_LARGE: a line past the cap was
 * skipped up to its newline without being held. Others: read errors. */
static vg_status next_line(vg_reader *r, const char **line, size_t *n)
{
    for (;;) {
        assert(r->start <= r->scan && r->scan <= r->end && r->end <= r->win_cap);
        char *nl = r->scan < r->end ? memchr(r->win + r->scan, '\n', r->end - r->scan) : NULL;
        if (nl) {
            *line = r->win + r->start;
            *n = (size_t)(nl - *line);
            r->start = r->scan = (size_t)(nl - r->win) + 1;
            r->line++;
            if (*n > r->cap) { /* whole in the window, but still past the cap */
                char src[4200], sz[32], lim[32];
                snprintf(src, sizeof src, "%s:%llu", r->path, (unsigned long long)r->line);
                human(sz, sizeof sz, *n);
                limit_str(lim, sizeof lim, r->cap);
                return reject(r, VG_ERR_TOO_LARGE, src, "line of %s, larger than the %s limit", sz, lim);
            }
            return VG_OK;
        }
        r->scan = r->end;
        if (r->src_done) {
            if (r->start < r->end && !vg_src_truncated(r->src)) { /* last line, no newline */
                *line = r->win + r->start;
                *n = r->end - r->start;
                r->start = r->scan = r->end;
                r->line++;
                return VG_OK;
            }
            return VG_END; /* a partial last line of a truncated gzip is dropped */
        }
        if (r->end - r->start > r->cap) {
            /* Too long: forget it and discard input up to the next newline. */
            r->line++;
            uint64_t skipped = r->end - r->start;
            r->start = r->end = r->scan = 0;
            for (;;) {
                ssize_t k = vg_src_read(r->src, r->win, r->win_cap);
                if (k < 0) return reject(r, VG_ERR_IO, r->path, "%s", vg_src_why(r->src));
                if (k == 0) { r->src_done = 1; break; }
                char *e = memchr(r->win, '\n', (size_t)k);
                if (e) {
                    size_t used = (size_t)(e - r->win) + 1;
                    skipped += used - 1;
                    r->start = r->scan = used;
                    r->end = (size_t)k;
                    break;
                }
                skipped += (size_t)k;
            }
            char src[4200], sz[32], lim[32];
            snprintf(src, sizeof src, "%s:%llu", r->path, (unsigned long long)r->line);
            human(sz, sizeof sz, skipped);
            limit_str(lim, sizeof lim, r->cap);
            return reject(r, VG_ERR_TOO_LARGE, src, "line of %s, larger than the %s limit", sz, lim);
        }
        /* Make room: slide the partial line to the front, grow up to cap + CHUNK. */
        if (r->start > 0) {
            memmove(r->win, r->win + r->start, r->end - r->start);
            r->end -= r->start;
            r->scan -= r->start;
            r->start = 0;
        }
        if (r->win_cap - r->end < CHUNK / 2) {
            size_t nc = r->win_cap ? r->win_cap * 2 : CHUNK;
            if (nc > r->cap + CHUNK) nc = r->cap + CHUNK;
            if (nc < r->end + CHUNK / 2) nc = r->end + CHUNK / 2;
            char *nw = vg_realloc(r->win, nc);
            if (!nw) return reject(r, VG_ERR_NOMEM, r->path, "out of memory");
            r->win = nw;
            r->win_cap = nc;
        }
        ssize_t k = vg_src_read(r->src, r->win + r->end, r->win_cap - r->end);
        if (k < 0) return reject(r, VG_ERR_IO, r->path, "%s", vg_src_why(r->src));
        if (k == 0) r->src_done = 1;
        else r->end += (size_t)k;
    }
}

/* Junk skipped between gzip members, reported as a rejection of its own
 * while reading goes on. VG_OK when there is none. */
static vg_status src_note(vg_reader *r)
{
    char note[400];
    if (!r->src || !vg_src_take_note(r->src, note, sizeof note)) return VG_OK;
    return reject(r, VG_ERR_FORMAT, r->path, "%s", note);
}

static vg_status jsonl_next(vg_reader *r, vg_input *in)
{
    for (;;) {
        const char *line = NULL;
        size_t n = 0;
        vg_status st = src_note(r);
        if (st != VG_OK) return st;
        st = next_line(r, &line, &n);
        if (st == VG_END) {
            vg_status ns = src_note(r); /* the next call meets the end again */
            if (ns != VG_OK) return ns;
            if (vg_src_truncated(r->src)) {
                vg_src_close(r->src); /* report once */
                r->src = NULL;
                r->mode = M_NONE;
                return reject(r, VG_ERR_TRUNCATED, r->path, "truncated gzip data after line %llu",
                              (unsigned long long)r->line);
            }
            return VG_END;
        }
        if (st != VG_OK) {
            if (st != VG_ERR_TOO_LARGE) { /* a read error (corrupt gzip...) ends the file */
                r->src_done = 1;
                r->start = r->scan = r->end;
            }
            return st;
        }
        vg_arena_reset(r->arena);
        base_input(r, in);
        in->format = "jsonl";
        in->record = r->line;
        char why[512];
        st = vg_jsonl_line(r->arena, line, n, in, why, sizeof why);
        if (st == VG_END) continue;
        if (st != VG_OK) {
            char src[4200];
            snprintf(src, sizeof src, "%s:%llu", r->path, (unsigned long long)r->line);
            return reject(r, st, src, "%s", why);
        }
        if (!in->ext_id) {
            /* No id: name:line keeps lines of one file apart. */
            snprintf(r->ext, sizeof r->ext, "%s:%llu", r->name, (unsigned long long)r->line);
            in->ext_id = r->ext;
        }
        return VG_OK;
    }
}

/* ---- feeds and WARC ---- */

static vg_status feed_next(vg_reader *r, vg_input *in)
{
    if (r->item >= r->n_items) return VG_END;
    const vg_feed_item *it = &r->items[r->item++];
    base_input(r, in);
    in->format = "feed";
    in->content_type = it->content_is_html ? "html" : "text";
    in->data = it->content ? it->content : "";
    in->len = it->content ? it->content_len : 0;
    in->title = it->title;
    in->url = it->link;
    in->published = it->published;
    in->outlet = r->feed_title;
    in->record = r->item;
    if (it->id && *it->id) in->ext_id = it->id;
    else if (it->link && *it->link) in->ext_id = it->link;
    else {
        snprintf(r->ext, sizeof r->ext, "%s#%zu", r->name, r->item);
        in->ext_id = r->ext;
    }
    return VG_OK;
}

/* Articles of one JSON document (parsed into feed_arena), one per call. */
static vg_status json_next(vg_reader *r, vg_input *in)
{
    if (r->obj >= r->n_objs) return VG_END;
    const vg_jval *v = r->objs[r->obj++];
    base_input(r, in);
    in->format = "json";
    in->record = r->n_objs > 1 ? r->obj : 0;
    char why[512];
    vg_status st = vg_jsonl_object(v, in, why, sizeof why);
    if (st != VG_OK) {
        char src[4200];
        if (in->record) snprintf(src, sizeof src, "%s#%llu", r->path, (unsigned long long)in->record);
        else snprintf(src, sizeof src, "%s", r->path);
        return reject(r, st, src, "%s", why);
    }
    if (!in->ext_id) {
        if (in->record) {
            snprintf(r->ext, sizeof r->ext, "%s#%llu", r->name, (unsigned long long)in->record);
            in->ext_id = r->ext;
        } else {
            in->ext_id = r->name;
        }
    }
    return VG_OK;
}

static vg_status warc_next(vg_reader *r, vg_input *in)
{
    vg_warc_record rec;
    char why[512] = "";
    vg_status st = vg_warc_next(r->warc, &rec, why, sizeof why);
    if (st == VG_END) return VG_END;
    if (st != VG_OK) return reject(r, st, r->path, "%s", why[0] ? why : vg_strerror(st));
    base_input(r, in);
    in->format = "warc";
    in->content_type = rec.content_type && strstr(rec.content_type, "html") ? "html" : "text";
    in->data = rec.body ? rec.body : "";
    in->len = rec.body ? rec.body_len : 0;
    in->url = rec.target_uri;
    in->charset = rec.charset;
    in->record = rec.number;
    if (rec.target_uri && *rec.target_uri) in->ext_id = rec.target_uri;
    else {
        snprintf(r->ext, sizeof r->ext, "%s#%llu", r->name, (unsigned long long)rec.number);
        in->ext_id = r->ext;
    }
    return VG_OK;
}

/* ---- opening one file ---- */

static vg_status whole_file(vg_reader *r, vg_kind kind, vg_input *in);

/* VG_OK with *in set (a whole-file document), VG_END when the file switched
 * to a record mode (JSONL, feed, WARC) to be read by the caller, or a rejection. */
static vg_status open_file(vg_reader *r, const char *path, vg_input *in)
{
    free(r->path);
    if (!(r->path = vg_strdup(path))) return reject(r, VG_ERR_NOMEM, path, "out of memory");
    const char *slash = strrchr(r->path, '/');
    r->name = slash && slash[1] ? slash + 1 : r->path;
    int is_stdin = strcmp(path, "-") == 0;
    int fd = is_stdin ? dup(0) : open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return reject(r, VG_ERR_IO, path, "cannot open: %s", strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int e = errno;
        close(fd);
        return reject(r, VG_ERR_IO, path, "cannot read: %s", strerror(e));
    }
    if (S_ISDIR(st.st_mode)) { close(fd); return reject(r, VG_ERR_IO, path, "is a folder"); }
    /* a size of 0 is not trusted: /proc and some FUSE files say 0 and have
     * content; the file is read to its end (bounded by the cap) and called
     * empty only if nothing comes */
    int regular = S_ISREG(st.st_mode);
    vg_status s = vg_src_open(fd, 0, &r->src);
    if (s != VG_OK) return reject(r, s, path, "%s", vg_strerror(s));
    const char *p;
    size_t n = vg_src_peek(r->src, SNIFF_BYTES, &p);
    if (n == 0) {
        if (vg_src_truncated(r->src)) return reject(r, VG_ERR_TRUNCATED, path, "truncated gzip data (nothing readable)");
        if (vg_src_why(r->src)[0]) return reject(r, VG_ERR_IO, path, "%s", vg_src_why(r->src));
        return reject(r, VG_ERR_EMPTY, path, "empty%s", vg_src_is_gzip(r->src) ? " once decompressed" : " file");
    }
    vg_kind kind = vg_sniff(p, n, n < SNIFF_BYTES, r->name);
    if (kind != VG_KIND_WARC) vg_src_end_sniff(r->src);
    switch (kind) {
    case VG_KIND_JSONL:
        r->mode = M_JSONL;
        return VG_END;
    case VG_KIND_WARC: {
        int wfd = vg_src_release_fd(r->src);
        if (wfd < 0)
            return reject(r, VG_ERR_IO, path, "cannot restart the WARC archive from its beginning");
        vg_src_close(r->src);
        r->src = NULL;
        s = vg_warc_open(wfd, path, r->cap, &r->warc); /* takes wfd */
        if (s != VG_OK) return reject(r, s, path, "cannot read as WARC: %s", vg_strerror(s));
        r->mode = M_WARC;
        return VG_END;
    }
    default:
        break;
    }
    /* Whole-file documents: refuse an oversized plain file without reading it. */
    if (regular && !vg_src_is_gzip(r->src) && (uint64_t)st.st_size > r->cap) {
        char sz[32], lim[32];
        human(sz, sizeof sz, (uint64_t)st.st_size);
        limit_str(lim, sizeof lim, r->cap);
        return reject(r, VG_ERR_TOO_LARGE, path, "%s, larger than the %s limit", sz, lim);
    }
    if ((s = slurp(r)) != VG_OK) return s;
    char note[400];
    if (vg_src_take_note(r->src, note, sizeof note)) {
        /* said first; the file's document(s) come with the next call */
        r->held_kind = (int)kind;
        r->mode = M_HELD;
        return reject(r, VG_ERR_FORMAT, path, "%s", note);
    }
    return whole_file(r, kind, in);
}

/* A whole file read into r->doc: a feed or JSON document switches to its
 * record mode (VG_END), anything else is one document (VG_OK). */
static vg_status whole_file(vg_reader *r, vg_kind kind, vg_input *in)
{
    const char *path = r->path;
    vg_status s;
    if (kind == VG_KIND_FEED) {
        if (!(r->feed_arena = vg_arena_new(64 * 1024))) return reject(r, VG_ERR_NOMEM, path, "out of memory");
        char why[512] = "";
        char *title[1] = {NULL};
        s = vg_feed_parse(r->feed_arena, r->doc.data, r->doc.len, &r->items, &r->n_items, title, why, sizeof why);
        if (s != VG_OK) return reject(r, s, path, "bad feed: %s", why[0] ? why : vg_strerror(s));
        r->feed_title = title[0];
        r->mode = M_FEED;
        return VG_END;
    }
    if (kind == VG_KIND_JSON) {
        if (!(r->feed_arena = vg_arena_new(64 * 1024))) return reject(r, VG_ERR_NOMEM, path, "out of memory");
        char why[160] = "";
        vg_jval *v = vg_json_parse(r->feed_arena, r->doc.data, r->doc.len, why, sizeof why);
        if (!v) return reject(r, VG_ERR_JSON, path, "not JSON: %s", why[0] ? why : "parse error");
        if (v->type == VG_JARR) {
            r->objs = (const vg_jval *const *)v->items;
            r->n_objs = v->len;
        } else {
            r->objs = (const vg_jval *const *)vg_arena_alloc(r->feed_arena, sizeof *r->objs);
            if (!r->objs) return reject(r, VG_ERR_NOMEM, path, "out of memory");
            ((const vg_jval **)r->objs)[0] = v;
            r->n_objs = 1;
        }
        if (r->n_objs == 0) return reject(r, VG_ERR_EMPTY, path, "an empty JSON array");
        r->mode = M_JSON;
        return VG_END;
    }
    base_input(r, in);
    in->format = kind == VG_KIND_HTML ? "html" : "text";
    in->content_type = in->format;
    in->data = r->doc.data;
    in->len = r->doc.len;
    vg_src_close(r->src);
    r->src = NULL;
    return VG_OK;
}

vg_status vg_reader_next(vg_reader *r, vg_input *in)
{
    r->err[0] = r->err_src[0] = 0;
    vg_arena_reset(r->arena);
    for (;;) {
        vg_status st = VG_END;
        switch (r->mode) {
        case M_JSONL: st = jsonl_next(r, in); break;
        case M_FEED: st = feed_next(r, in); break;
        case M_WARC: st = warc_next(r, in); break;
        case M_JSON: st = json_next(r, in); break;
        case M_HELD:
            r->mode = M_NONE;
            st = whole_file(r, (vg_kind)r->held_kind, in);
            if (st == VG_END) continue; /* a record mode started */
            return st;
        case M_NONE: break;
        }
        if (st != VG_END) return st;
        end_file(r);
        const char *path;
        char why[4400];
        st = vg_walk_next(r->walk, &path, why, sizeof why);
        if (st == VG_END) return VG_END;
        if (st != VG_OK) {
            snprintf(r->err_src, sizeof r->err_src, "%s", path ? path : "?");
            snprintf(r->err, sizeof r->err, "%s", why);
            return st;
        }
        st = open_file(r, path, in);
        if (st == VG_END) continue;   /* a record mode started */
        if (st != VG_OK && r->mode != M_HELD) end_file(r); /* the rest of a rejected file is not read */
        return st;
    }
}

void vg_reader_close(vg_reader *r)
{
    if (!r) return;
    end_file(r);
    vg_walk_close(r->walk);
    vg_arena_free(r->arena);
    vg_buf_free(&r->doc);
    free(r->win);
    free(r->path);
    free(r);
}
