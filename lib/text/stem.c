/* stem.c - thin wrapper over libstemmer so callers pass ISO codes and (pointer, length). */
#include <assert.h>
#include <libstemmer.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../core/alloc.h"
#include "stem.h"

/* Snowball costs ~100 ns a word, and news text repeats a small vocabulary
 * (Zipf): a direct-mapped cache of recent words makes stemming at index time
 * mostly a hash and a memcmp. Short words only; longer ones go straight to
 * Snowball. */
#define CACHE_SLOTS 4096
#define CACHE_WORD 24

typedef struct cache_slot {
    unsigned char wlen, slen; /* wlen 0: empty */
    char word[CACHE_WORD];
    char stem[CACHE_WORD];
} cache_slot;

struct vg_stemmer {
    struct sb_stemmer *sb;
    cache_slot *cache;
    unsigned mask; /* cache slots - 1 */
};

int vg_stem_code(const char *lang, size_t n, char *code, size_t cap)
{
    size_t k = 0;
    for (; k < n && lang[k] != '-' && lang[k] != '_'; k++) {
        if (k + 1 >= cap) return 0;
        char c = lang[k];
        code[k] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
    }
    if (cap) code[k] = 0;
    return k > 0;
}

int vg_stem_known(const char *lang, size_t n)
{
    char code[32];
    if (!vg_stem_code(lang, n, code, sizeof code)) return 0;
    struct sb_stemmer *sb = sb_stemmer_new(code, "UTF_8");
    sb_stemmer_delete(sb);
    return sb != NULL;
}

vg_stemmer *vg_stemmer_new(const char *lang, size_t n)
{
    return vg_stemmer_new_cached(lang, n, CACHE_SLOTS);
}

vg_stemmer *vg_stemmer_new_cached(const char *lang, size_t n, size_t slots)
{
    assert(slots >= 16 && slots <= CACHE_SLOTS && (slots & (slots - 1)) == 0);
    char code[32];
    /* libstemmer knows ISO 639-1/-2 codes and English names: no table here. */
    if (!vg_stem_code(lang, n, code, sizeof code)) return NULL;
    struct sb_stemmer *sb = sb_stemmer_new(code, "UTF_8");
    if (!sb) return NULL;
    vg_stemmer *s = vg_malloc(sizeof *s);
    cache_slot *c = vg_calloc(slots, sizeof *c);
    if (!s || !c) { free(s); free(c); sb_stemmer_delete(sb); return NULL; }
    s->sb = sb;
    s->cache = c;
    s->mask = (unsigned)slots - 1;
    return s;
}

void vg_stemmer_free(vg_stemmer *s)
{
    if (!s) return;
    sb_stemmer_delete(s->sb);
    free(s->cache);
    free(s);
}

static unsigned slot_of(const vg_stemmer *s, const char *w, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)w[i]) * 16777619u;
    return (h ^ (h >> 15)) & s->mask;
}

const char *vg_stem(vg_stemmer *s, const char *w, size_t n, size_t *out_len)
{
    if (n > 1000) n = 1000; /* Snowball words are short; bound the work */
    cache_slot *c = NULL;
    if (n > 0 && n < CACHE_WORD) {
        c = &s->cache[slot_of(s, w, n)];
        if (c->wlen == n && !memcmp(c->word, w, n)) {
            *out_len = c->slen;
            return c->stem;
        }
    }
    const sb_symbol *r = sb_stemmer_stem(s->sb, (const sb_symbol *)w, (int)n);
    if (!r) return NULL;
    size_t len = (size_t)sb_stemmer_length(s->sb);
    *out_len = len;
    if (c && len < CACHE_WORD) {
        c->wlen = (unsigned char)n;
        memcpy(c->word, w, n);
        c->slen = (unsigned char)len;
        memcpy(c->stem, r, len);
        c->stem[len] = 0;
    }
    return (const char *)r;
}
