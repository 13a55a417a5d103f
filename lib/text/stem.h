/* stem.h - Snowball stemming by language (libstemmer), for folded words. */
#ifndef VG_STEM_H
#define VG_STEM_H
#include <stddef.h>

typedef struct vg_stemmer vg_stemmer;

/* A stemmer for a language given as an ISO 639 code ("fr", "en", "fra") or
 * Snowball name ("french"); a region suffix ("fr-FR") is ignored. NULL when
 * Snowball has no stemmer for it (or no memory). One stemmer per thread. */
vg_stemmer *vg_stemmer_new(const char *lang, size_t n);
/* The same with a cache of `slots` recent words (a power of two, at least 16) instead of
 * the default 4,096: for a stemmer made for one document, which stems a few dozen words
 * (zeroing the default cache, 200 KB, was most of the cost of making one). */
vg_stemmer *vg_stemmer_new_cached(const char *lang, size_t n, size_t slots);
void vg_stemmer_free(vg_stemmer *s); /* accepts NULL */
/* The code a stemmer is asked for: lang[0..n) lower-cased, up to a region
 * suffix ("fr-FR" -> "fr"), into code[cap]. 0 when empty or too long. */
int vg_stem_code(const char *lang, size_t n, char *code, size_t cap);
/* 1 when Snowball has a stemmer for lang (nothing is kept). */
int vg_stem_known(const char *lang, size_t n);
/* Stem of w[0..n) (a folded word, UTF-8). The result belongs to s and is
 * valid until the next call; NULL on no memory. */
const char *vg_stem(vg_stemmer *s, const char *w, size_t n, size_t *out_len);

#endif
