/* fuzz_text.c - libFuzzer target for vg_reader on whole files: sniffing, gzip, text/HTML/feed/WARC dispatch, size caps. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "vigie.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char path[256];

/* One temporary file per process, rewritten for every input. */
static int write_input(const uint8_t *data, size_t size)
{
    if (!path[0]) {
        const char *t = getenv("TMPDIR");
        snprintf(path, sizeof path, "%s/vg-fuzz-text-%ld.txt", t && *t ? t : "/tmp", (long)getpid());
    }
    FILE *f = fopen(path, "wb");
    if (!f) return -1;
    int ok = size == 0 || fwrite(data, 1, size, f) == size;
    return fclose(f) == 0 && ok ? 0 : -1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (write_input(data, size)) return 0;
    /* A small cap so the too-large paths run as often as the normal ones. */
    vg_reader_options o = {.max_doc_bytes = 4096};
    const char *p[1] = {path};
    vg_reader *r = NULL;
    if (vg_reader_open(p, 1, &o, &r) != VG_OK) return 0;
    vg_input in;
    vg_status st;
    for (int i = 0; i < 100000 && (st = vg_reader_next(r, &in)) != VG_END; i++) {
        if (st != VG_OK) {
            volatile size_t n = 0; /* error strings must be readable */
            for (const char *e = vg_reader_error(r); *e; e++) n++;
            for (const char *e = vg_reader_error_source(r); *e; e++) n++;
            (void)n;
            continue;
        }
        volatile unsigned sum = 0; /* touch every byte so ASan sees bad pointers */
        for (size_t j = 0; j < in.len; j++) sum += (unsigned char)in.data[j];
        if (in.ext_id) for (const char *e = in.ext_id; *e; e++) sum += (unsigned char)*e;
        (void)sum;
    }
    vg_reader_close(r);
    unlink(path);
    return 0;
}
