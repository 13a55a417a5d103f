/* hash.c - FNV-1a with a final avalanche step; the output is stored, so never change it. */
#include "hash.h"

uint64_t vg_hash64(const void *p, size_t n, uint64_t seed)
{
    return vg_hash64_end(vg_hash64_add(vg_hash64_start(seed), p, n));
}

void vg_hash_hex(uint64_t h, char out[17])
{
    static const char hex[] = "0123456789abcdef";
    for (int i = 15; i >= 0; i--) { out[i] = hex[h & 15]; h >>= 4; }
    out[16] = 0;
}
