/* hash.h - 64-bit non-cryptographic hashing for content identity and shingles. */
#ifndef VG_HASH_H
#define VG_HASH_H
#include <stddef.h>
#include <stdint.h>

/* FNV-1a 64 followed by a murmur finaliser: stable across runs and machines. */
uint64_t vg_hash64(const void *p, size_t n, uint64_t seed);

/* vg_hash64 in steps, so that every prefix of a string is hashed in one pass:
 * vg_hash64(p, n, seed) == vg_hash64_end(vg_hash64_add(vg_hash64_start(seed), p, n)),
 * and adding p[0..k) then p[k..n) is adding p[0..n). */
static inline uint64_t vg_hash64_start(uint64_t seed) { return 0xcbf29ce484222325ULL ^ seed; }

static inline uint64_t vg_hash64_add(uint64_t h, const void *p, size_t n)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

static inline uint64_t vg_hash64_end(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}
/* 16 lowercase hex digits + NUL into out[17]. */
void vg_hash_hex(uint64_t h, char out[17]);

#endif
