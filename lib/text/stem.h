/* stem.h - Snowball stemming by language (libstemmer), for folded words. */
#ifndef VG_STEM_H
#define VG_STEM_H
#include <stddef.h>

typedef struct vg_stemmer vg_stemmer;

/* A stemmer for a language given as an ISO 639 code ("fr", "en", "fra") or
 * Snowball name ("french"); a region suffix ("fr-FR") is ignored. NULL when
 * Snowball has no stemmer for it (or no memory). One stemmer per thread. */
vg_stemmer *vg_stemmer_new(const char *lang, size_t n);
void vg_stemmer_free(vg_stemmer *s); /* accepts NULL */
/* Stem of w[0..n) (a folded word, UTF-8). The result belongs to s and is
 * valid until the next call; NULL on no memory. */
const char *vg_stem(vg_stemmer *s, const char *w, size_t n, size_t *out_len);

#endif
