/* fuzz_prepared.c - a vg_prepared read back from bytes (lib/cluster/prepare.c,
 * what the queue's story writer reads from the database): any bytes give
 * VG_ERR_FORMAT or a value that packs back to the same bytes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "vigie.h"
#include "../../lib/cluster/prepare.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    vg_arena *a = vg_arena_new(0);
    if (!a) return 0;
    vg_prepared p;
    if (vg_prepared_unpack(data, size, a, &p) == VG_OK) {
        vg_buf b = VG_BUF_INIT;
        vg_prepared_pack(&p, &b);
        /* strings are cut at their first NUL on the way in: compare lengths only */
        if (!b.failed && b.len != size) abort();
        vg_buf_free(&b);
    }
    vg_arena_free(a);
    return 0;
}
