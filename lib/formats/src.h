/* src.h - a byte source over a file descriptor, gunzipped on the fly when it starts with the gzip magic (internal). */
#ifndef VG_SRC_H
#define VG_SRC_H
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "vigie.h"

typedef struct vg_src vg_src;

/* Takes an open fd (closed by vg_src_close unless keep_fd). Reads the first
 * raw bytes to recognise gzip. On failure *out is NULL and the fd is closed
 * unless keep_fd. */
vg_status vg_src_open(int fd, int keep_fd, vg_src **out);
/* 1 when the bytes are being decompressed. */
int vg_src_is_gzip(const vg_src *s);
/* Make at least `want` bytes (fewer at end of input) available for peeking
 * without consuming them; returns what is available and sets *p. */
size_t vg_src_peek(vg_src *s, size_t want, const char **p);
/* Read up to n (decompressed) bytes. Returns the count, 0 at the end, -1 on
 * an error (see vg_src_why). The end of a gzip stream that stops in the
 * middle sets vg_src_truncated() and returns 0. */
ssize_t vg_src_read(vg_src *s, char *dst, size_t n);
int vg_src_truncated(const vg_src *s);
/* Junk met between gzip members (skipped: reading went on at the next
 * member) or after the last one: 1 and the message in out, once; else 0. */
int vg_src_take_note(vg_src *s, char *out, size_t n);
/* The compressed bytes of a gzip stream as a reader holds them: buf[pos..len)
 * unread, buf[0] at file offset off; read() (-1 on an error, errno set)
 * refills it, eof once it returned 0. */
typedef struct vg_gz_window {
    unsigned char *buf;
    size_t cap, pos, len;
    uint64_t off;
    int eof;
    ssize_t (*read)(void *ud, void *dst, size_t n);
    void *ud;
} vg_gz_window;
/* After a whole gzip member: skips to the next gzip magic (1f 8b), reading
 * more as needed (a lone last byte is kept at buf[0]). Junk skipped on the
 * way is added to note[note_cap] ("; " between notes); zero bytes padding the
 * end are not junk (gzip(1) ignores them too). 1: a member starts at pos;
 * 0: the input ended; -1: read() failed. Shared by vg_src and the WARC reader. */
int vg_gz_next_member(vg_gz_window *g, char *note, size_t note_cap);
/* Reason for the last -1 ("read error: ...", "corrupt gzip data ..."). */
const char *vg_src_why(const vg_src *s);
/* Sniffing is over: stop keeping a pipe's bytes for vg_src_release_fd. */
void vg_src_end_sniff(vg_src *s);
/* An fd positioned at the start of the raw input, for a reader that takes
 * it over (the caller owns it). A file is rewound; a pipe (before
 * vg_src_end_sniff) is copied whole to a temporary file, which is what
 * comes back. Returns -1 if neither works. */
int vg_src_release_fd(vg_src *s);
void vg_src_close(vg_src *s); /* accepts NULL */

#endif
