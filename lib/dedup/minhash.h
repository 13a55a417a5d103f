/* minhash.h - duplicate signatures: folded-token hash (exact) and MinHash with LSH bands (near). */
#ifndef VG_MINHASH_H
#define VG_MINHASH_H
#include <stddef.h>
#include <stdint.h>

#include "vigie.h"
#include "../core/arena.h"

enum {
    VG_MH_SHINGLE = 5, /* words per shingle */
    VG_MH_K = 128,     /* hash functions */
    VG_MH_ROWS = 4,    /* rows per LSH band: 32 bands, candidates from Jaccard ~0.4 up */
    VG_MH_BANDS = VG_MH_K / VG_MH_ROWS
};

/* Jaccard estimate at or above which a document is a near-duplicate. */
#define VG_MH_THRESHOLD 0.6

typedef struct vg_dedup_sig {
    uint64_t token_hash;  /* hash of the folded word stream: same words, any spacing/case */
    uint32_t n_words;
    uint32_t n_shingles;  /* 0: too short for a MinHash; only token_hash is meaningful */
    uint32_t mh[VG_MH_K];
    int64_t band[VG_MH_BANDS]; /* one key per band, signed so SQLite stores it as is */
} vg_dedup_sig;

/* Signature of text[0..len) (valid UTF-8). Scratch memory comes from `a`.
 * Returns VG_OK or VG_ERR_NOMEM (then *out is unspecified). */
vg_status vg_dedup_sign(vg_arena *a, const char *text, size_t len, vg_dedup_sig *out);

/* Estimated Jaccard similarity of the two shingle sets, 0..1 (0 if either
 * has no MinHash). */
double vg_dedup_similarity(const vg_dedup_sig *a, const vg_dedup_sig *b);

/* The MinHash values as bytes (little-endian), for storage: VG_MH_K * 4 bytes. */
void vg_dedup_pack(const vg_dedup_sig *s, unsigned char out[VG_MH_K * 4]);
/* Back from bytes, band keys included; returns -1 if len is wrong (token_hash
 * and n_words are not stored there: left as they were). */
int vg_dedup_unpack(const void *p, size_t len, vg_dedup_sig *s);

#endif
