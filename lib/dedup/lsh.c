/* lsh.c - the band index of lsh.h: two generations, each an open-addressing
 * multimap of 32-bit band keys to 32-bit article ids (8 bytes a slot). */
#include "lsh.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "../core/alloc.h"

/* Slots per generation start small (a small archive keeps a small index)
 * and double up to what a full generation needs at this load. */
#define INITIAL_SLOTS 4096
#define MAX_LOAD 0.7
/* Matches read per band and generation: keys are capped at per_band per
 * generation on insert, this only bounds a lookup against a larger cap. */
#define MAX_MATCHES 64

typedef struct slot {
    uint32_t key;
    uint32_t id; /* 0: empty (article ids start at 1) */
} slot;

typedef struct gen {
    int64_t number; /* id / VG_LSH_GENERATION; -1: empty */
    slot *s;
    size_t cap, used, articles;
} gen;

struct vg_lsh {
    gen g[2]; /* g[0] the older generation, g[1] the current one */
    int64_t last;
};

/* 32 bits of the band hash; the start slot is a remix of the key alone, so
 * a table can be rehashed from its slots when it grows. */
static uint32_t key_of(int64_t band) { return (uint32_t)((uint64_t)band ^ ((uint64_t)band >> 32)); }
static size_t start_of(uint32_t key, size_t cap)
{
    uint32_t h = key * 0x9e3779b1u;
    h ^= h >> 15;
    return (size_t)((uint64_t)h * cap >> 32);
}

static void gen_reset(gen *g)
{
    if (g->s) memset(g->s, 0, g->cap * sizeof *g->s);
    g->number = -1;
    g->used = g->articles = 0;
}

vg_lsh *vg_lsh_new(void)
{
    vg_lsh *x = vg_calloc(1, sizeof *x);
    if (!x) return NULL;
    x->g[0].number = x->g[1].number = -1;
    return x;
}

void vg_lsh_free(vg_lsh *x)
{
    if (!x) return;
    free(x->g[0].s);
    free(x->g[1].s);
    free(x);
}

void vg_lsh_clear(vg_lsh *x)
{
    gen_reset(&x->g[0]);
    gen_reset(&x->g[1]);
    x->last = 0;
}

int64_t vg_lsh_window_start(int64_t id)
{
    int64_t g = id / VG_LSH_GENERATION;
    return g > 0 ? (g - 1) * VG_LSH_GENERATION : 0;
}

size_t vg_lsh_count(const vg_lsh *x) { return x->g[0].articles + x->g[1].articles; }
int64_t vg_lsh_last(const vg_lsh *x) { return x->last; }

/* Place (key, id) at the end of its probe run. The table has room. */
static void place(slot *s, size_t cap, uint32_t key, uint32_t id)
{
    size_t at = start_of(key, cap);
    while (s[at].id) at = at + 1 == cap ? 0 : at + 1;
    s[at] = (slot){key, id};
}

/* Room for `need` more slots within the load limit. */
static int reserve(gen *g, size_t need)
{
    if (g->s && (double)(g->used + need) <= MAX_LOAD * (double)g->cap) return 0;
    size_t cap = g->cap ? g->cap * 2 : INITIAL_SLOTS;
    while ((double)(g->used + need) > MAX_LOAD * (double)cap) cap *= 2;
    /* no more than a full generation needs (start_of takes any size) */
    size_t full = (size_t)((double)VG_LSH_GENERATION * VG_MH_BANDS / MAX_LOAD) + 1;
    if (cap > full && (double)(g->used + need) <= MAX_LOAD * (double)full) cap = full;
    slot *s = vg_calloc(cap, sizeof *s);
    if (!s) return -1;
    for (size_t i = 0; i < g->cap; i++)
        if (g->s[i].id) place(s, cap, g->s[i].key, g->s[i].id);
    free(g->s);
    g->s = s;
    g->cap = cap;
    return 0;
}

/* How many slots of the run starting at key's slot hold key. */
static size_t holders(const gen *g, uint32_t key, size_t stop_at)
{
    size_t n = 0;
    for (size_t at = start_of(key, g->cap); g->s[at].id && n < stop_at; at = at + 1 == g->cap ? 0 : at + 1)
        n += g->s[at].key == key;
    return n;
}

/* The 32 bands of an article land on 32 random cache lines of a table of
 * up to 12 MB: asking for all of them before reading any lets the misses
 * overlap instead of paying them one after the other (a lookup and an add
 * cost 4-6 us at 100,000 articles, about 1.5 us less than without). */
static void prefetch_bands(const gen *g, const vg_dedup_sig *sig)
{
    if (!g->s || g->number < 0) return;
    for (size_t b = 0; b < VG_MH_BANDS; b++) __builtin_prefetch(&g->s[start_of(key_of(sig->band[b]), g->cap)]);
}

int vg_lsh_add(vg_lsh *x, const vg_dedup_sig *sig, int64_t id, size_t per_band)
{
    if (id <= 0 || id > (int64_t)UINT32_MAX || !sig->n_shingles) return 0;
    int64_t number = id / VG_LSH_GENERATION;
    gen *cur = &x->g[1];
    if (number != cur->number) {
        if (cur->number >= 0 && number == cur->number + 1) {
            /* the older generation leaves the window; its memory serves the new one */
            gen old = x->g[0];
            x->g[0] = *cur;
            *cur = old;
            gen_reset(cur);
        } else {
            vg_lsh_clear(x); /* a gap of a whole generation, or ids went back (after a clear) */
        }
        cur->number = number;
    }
    if (reserve(cur, VG_MH_BANDS) != 0) {
        vg_lsh_clear(x);
        return -1;
    }
    prefetch_bands(cur, sig);
    for (size_t b = 0; b < VG_MH_BANDS; b++) {
        uint32_t key = key_of(sig->band[b]);
        if (holders(cur, key, per_band) >= per_band) continue; /* lookups would never return it */
        assert(cur->used < cur->cap); /* reserve() kept the load under MAX_LOAD: place() ends */
        place(cur->s, cur->cap, key, (uint32_t)id);
        cur->used++;
    }
    cur->articles++;
    x->last = id;
    return 0;
}

static int by_id(const void *pa, const void *pb)
{
    uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
    return (a > b) - (a < b);
}

/* Ids holding key in one generation, ascending, at most MAX_MATCHES. */
static size_t matches(const gen *g, uint32_t key, uint32_t *out)
{
    size_t n = 0;
    if (!g->s || g->number < 0) return 0;
    for (size_t at = start_of(key, g->cap); g->s[at].id && n < MAX_MATCHES; at = at + 1 == g->cap ? 0 : at + 1)
        if (g->s[at].key == key) out[n++] = g->s[at].id;
    qsort(out, n, sizeof *out, by_id);
    return n;
}

size_t vg_lsh_candidates(const vg_lsh *x, const vg_dedup_sig *sig, int64_t self, size_t per_band, int64_t *out,
                         size_t cap)
{
    if (!sig->n_shingles) return 0;
    int64_t first = vg_lsh_window_start(self);
    size_t n = 0;
    prefetch_bands(&x->g[0], sig);
    prefetch_bands(&x->g[1], sig);
    for (size_t b = 0; b < VG_MH_BANDS; b++) {
        uint32_t key = key_of(sig->band[b]);
        size_t taken = 0;
        for (int k = 0; k < 2 && taken < per_band; k++) { /* older generation first: oldest ids first */
            const gen *g = &x->g[k];
            if (g->number < 0 || (g->number + 1) * VG_LSH_GENERATION <= first) continue;
            uint32_t ids[MAX_MATCHES];
            size_t m = matches(g, key, ids);
            for (size_t i = 0; i < m && taken < per_band; i++) {
                int64_t id = ids[i];
                if (id == self || id < first) continue;
                taken++;
                size_t j = 0;
                while (j < n && out[j] != id) j++;
                if (j == n && n < cap) out[n++] = id;
            }
        }
    }
    return n;
}
