/* lsh.h - in-memory LSH band index over the newest articles: near-duplicate candidates in bounded time. */
#ifndef VG_LSH_H
#define VG_LSH_H
#include <stddef.h>
#include <stdint.h>

#include "minhash.h"

/* Why in memory and not a table: band keys are random, so a B-tree of
 * (band, hash, article) takes 32 random inserts per article; once it
 * outgrows SQLite's page cache every batch dirties most of its pages and
 * every lookup misses, and the cost per article grew with the archive
 * (3x from 1,000 to 30,000 articles). The keys are derived from the
 * MinHash values stored in dedup_sig, so this index is rebuilt from there
 * and never written.
 *
 * Window: articles are grouped in generations of VG_LSH_GENERATION
 * consecutive ids (id / VG_LSH_GENERATION); the index holds the current
 * generation and the one before it, so an article is compared with at
 * least the VG_LSH_GENERATION articles stored before it and at most twice
 * that. Republished copies and re-scrapes arrive close together in ingest
 * order; an exact copy of an older article is still found through
 * dedup_sig's token hash, which has no window. Generations depend only on
 * ids, so an archive ingested in one run or in many finds the same pairs. */
enum { VG_LSH_GENERATION = 32768 };

typedef struct vg_lsh vg_lsh;

vg_lsh *vg_lsh_new(void); /* NULL on no memory */
void vg_lsh_free(vg_lsh *x); /* accepts NULL */
/* Forget everything (memory kept for the current tables). */
void vg_lsh_clear(vg_lsh *x);

/* The lowest id the index must hold to answer for article `id` (the first
 * id of the generation before id's): what a caller loads after a clear. */
int64_t vg_lsh_window_start(int64_t id);

/* Index the bands of article `id` (sig->n_shingles > 0). Ids must not
 * decrease from one call to the next except after a clear; an id past the
 * window drops the generations that left it. Ids above UINT32_MAX are not
 * indexed. A band key already held by `per_band` articles of the current
 * generation is not added again: lookups return the oldest per_band only.
 * 0, or -1 on no memory (the index is then cleared: never half an article). */
int vg_lsh_add(vg_lsh *x, const vg_dedup_sig *sig, int64_t id, size_t per_band);

/* Articles sharing at least one band with sig, within the window of
 * article `self` (self excluded): for each band in order, the oldest
 * per_band articles holding its key, each id once, at most cap in all.
 * Returns how many were written to out. A key match may be a collision of
 * the 32-bit keys kept: callers compare the full signatures. */
size_t vg_lsh_candidates(const vg_lsh *x, const vg_dedup_sig *sig, int64_t self, size_t per_band, int64_t *out,
                         size_t cap);

/* Articles indexed (both generations), and the highest id added (0: none). */
size_t vg_lsh_count(const vg_lsh *x);
int64_t vg_lsh_last(const vg_lsh *x);

#endif
