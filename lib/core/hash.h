/* hash.h - 64-bit non-cryptographic hashing for content identity and shingles. */
#ifndef VG_HASH_H
#define VG_HASH_H
#include <stddef.h>
#include <stdint.h>

/* FNV-1a 64 followed by a murmur finaliser: stable across runs and machines. */
uint64_t vg_hash64(const void *p, size_t n, uint64_t seed);
/* 16 lowercase hex digits + NUL into out[17]. */
void vg_hash_hex(uint64_t h, char out[17]);

#endif
