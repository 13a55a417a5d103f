/* fuzz_warc.c - libFuzzer target for the WARC reader (plain and gzip input through an fd). */
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

#include "../../lib/formats/formats.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FILE *f = tmpfile();
    if (!f) return 0;
    if (size && fwrite(data, 1, size, f) != size) { fclose(f); return 0; }
    fflush(f);
    rewind(f);
    int fd = dup(fileno(f));
    fclose(f);
    if (fd < 0) return 0;
    vg_warc *w = NULL;
    /* a small record cap so the size-limit paths get exercised too */
    if (vg_warc_open(fd, "fuzz", 1 << 16, &w) != VG_OK) return 0;
    vg_warc_record rec;
    char err[256];
    for (int i = 0; i < 10000; i++) {
        vg_status st = vg_warc_next(w, &rec, err, sizeof err);
        if (st == VG_END) break;
        if (st == VG_OK) {
            /* touch every byte so ASan sees bad pointers */
            volatile unsigned sum = 0;
            for (size_t j = 0; j < rec.body_len; j++) sum += (unsigned char)rec.body[j];
            (void)sum;
        }
    }
    vg_warc_close(w);
    return 0;
}
