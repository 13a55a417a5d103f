/* minhash.c - MinHash over 5-word shingles of folded words; one 64-bit shingle
 * hash re-mixed with K seeds stands in for K independent hash functions. */
#include "minhash.h"

#include <string.h>

#include "../core/hash.h"
#include "words.h"

/* Bounded work: a 32 MiB document is not compared word by word in full. */
#define MAX_WORDS 200000

static uint64_t mix64(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

/* Band keys from the MinHash values: a stored signature gets the same keys
 * back (vg_dedup_unpack), so the band index can be rebuilt from dedup_sig. */
static void bands(vg_dedup_sig *s)
{
    for (size_t b = 0; b < VG_MH_BANDS; b++) {
        uint64_t h = 0xa0761d6478bd642fULL + b;
        for (size_t r = 0; r < VG_MH_ROWS; r++) h = mix64(h ^ s->mh[b * VG_MH_ROWS + r]);
        s->band[b] = (int64_t)(h >> 1);
    }
}

vg_status vg_dedup_sign(vg_arena *a, const char *text, size_t len, vg_dedup_sig *out)
{
    memset(out, 0, sizeof *out);
    vg_word *w;
    size_t n;
    if (vg_words(a, text, len, MAX_WORDS, &w, &n) != 0) return VG_ERR_NOMEM;
    out->n_words = (uint32_t)n;
    uint64_t th = 0x9e3779b97f4a7c15ULL;
    uint64_t *wh = vg_arena_alloc(a, (n ? n : 1) * sizeof *wh);
    if (!wh) return VG_ERR_NOMEM;
    for (size_t i = 0; i < n; i++) {
        wh[i] = vg_hash64(w[i].fold, w[i].fold_len, 0);
        th = mix64(th ^ wh[i]);
    }
    out->token_hash = th;
    for (size_t k = 0; k < VG_MH_K; k++) out->mh[k] = UINT32_MAX;
    if (n < VG_MH_SHINGLE) return VG_OK;
    uint64_t seeds[VG_MH_K];
    for (size_t k = 0; k < VG_MH_K; k++) seeds[k] = mix64(0x243f6a8885a308d3ULL + k);
    for (size_t i = 0; i + VG_MH_SHINGLE <= n; i++) {
        uint64_t sh = 0;
        for (size_t j = 0; j < VG_MH_SHINGLE; j++) sh = mix64(sh ^ wh[i + j]) + j;
        for (size_t k = 0; k < VG_MH_K; k++) {
            uint32_t v = (uint32_t)(mix64(sh ^ seeds[k]) >> 32);
            if (v < out->mh[k]) out->mh[k] = v;
        }
        out->n_shingles++;
    }
    bands(out);
    return VG_OK;
}

double vg_dedup_similarity(const vg_dedup_sig *a, const vg_dedup_sig *b)
{
    if (!a->n_shingles || !b->n_shingles) return 0;
    size_t same = 0;
    for (size_t k = 0; k < VG_MH_K; k++) same += a->mh[k] == b->mh[k];
    return (double)same / VG_MH_K;
}

void vg_dedup_pack(const vg_dedup_sig *s, unsigned char out[VG_MH_K * 4])
{
    for (size_t k = 0; k < VG_MH_K; k++) {
        uint32_t v = s->mh[k];
        out[4 * k] = (unsigned char)v;
        out[4 * k + 1] = (unsigned char)(v >> 8);
        out[4 * k + 2] = (unsigned char)(v >> 16);
        out[4 * k + 3] = (unsigned char)(v >> 24);
    }
}

int vg_dedup_unpack(const void *p, size_t len, vg_dedup_sig *s)
{
    if (len != VG_MH_K * 4) return -1;
    const unsigned char *b = p;
    for (size_t k = 0; k < VG_MH_K; k++)
        s->mh[k] = (uint32_t)b[4 * k] | (uint32_t)b[4 * k + 1] << 8 | (uint32_t)b[4 * k + 2] << 16 |
                   (uint32_t)b[4 * k + 3] << 24;
    s->n_shingles = 1; /* stored signatures always had shingles */
    bands(s);
    return 0;
}
