/* fuzz_jsonl.c - libFuzzer target for the JSONL reader: line splitting, the long-line skip, per-line validation. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "vigie.h"
#include "../../lib/core/arena.h"
#include "../../lib/formats/jsonl.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char path[256];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* The line validator alone, on the whole input as one line. */
    vg_arena *a = vg_arena_new(4096);
    if (a) {
        vg_input in = {0};
        char err[256];
        if (vg_jsonl_line(a, (const char *)data, size, &in, err, sizeof err) == VG_OK) {
            volatile unsigned sum = 0;
            for (size_t j = 0; j < in.len; j++) sum += (unsigned char)in.data[j];
            (void)sum;
        }
        vg_arena_free(a);
    }
    /* The reader on a .jsonl file (the name forces JSONL even when line 1 is bad). */
    if (!path[0]) {
        const char *t = getenv("TMPDIR");
        snprintf(path, sizeof path, "%s/vg-fuzz-%ld.jsonl", t && *t ? t : "/tmp", (long)getpid());
    }
    FILE *f = fopen(path, "wb");
    if (!f) return 0;
    /* a leading '{' keeps most inputs on the JSONL path */
    fputc('{', f);
    if (size) fwrite(data, 1, size, f);
    if (fclose(f) != 0) return 0;
    vg_reader_options o = {.max_doc_bytes = 512}; /* small: long lines get skipped often */
    const char *p[1] = {path};
    vg_reader *r = NULL;
    if (vg_reader_open(p, 1, &o, &r) == VG_OK) {
        vg_input in;
        vg_status st;
        for (int i = 0; i < 100000 && (st = vg_reader_next(r, &in)) != VG_END; i++) {
            if (st != VG_OK) {
                volatile size_t n = 0;
                for (const char *e = vg_reader_error(r); *e; e++) n++;
                (void)n;
                continue;
            }
            volatile unsigned sum = 0;
            for (size_t j = 0; j < in.len; j++) sum += (unsigned char)in.data[j];
            if (in.title) for (const char *e = in.title; *e; e++) sum += (unsigned char)*e;
            (void)sum;
        }
        vg_reader_close(r);
    }
    unlink(path);
    return 0;
}
