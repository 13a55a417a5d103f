/* stem.c - thin wrapper over libstemmer so callers pass ISO codes and (pointer, length). */
#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>

#include "stem.h"

struct vg_stemmer {
    struct sb_stemmer *sb;
};

vg_stemmer *vg_stemmer_new(const char *lang, size_t n)
{
    char code[32];
    size_t k = 0;
    /* libstemmer knows ISO 639-1/-2 codes and English names: no table here. */
    for (; k < n && k < sizeof code - 1 && lang[k] != '-' && lang[k] != '_'; k++) {
        char c = lang[k];
        code[k] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
    }
    code[k] = 0;
    if (k == 0) return NULL;
    struct sb_stemmer *sb = sb_stemmer_new(code, "UTF_8");
    if (!sb) return NULL;
    vg_stemmer *s = malloc(sizeof *s);
    if (!s) { sb_stemmer_delete(sb); return NULL; }
    s->sb = sb;
    return s;
}

void vg_stemmer_free(vg_stemmer *s)
{
    if (!s) return;
    sb_stemmer_delete(s->sb);
    free(s);
}

const char *vg_stem(vg_stemmer *s, const char *w, size_t n, size_t *out_len)
{
    if (n > 1000) n = 1000; /* Snowball words are short; bound the work */
    const sb_symbol *r = sb_stemmer_stem(s->sb, (const sb_symbol *)w, (int)n);
    if (!r) return NULL;
    *out_len = (size_t)sb_stemmer_length(s->sb);
    return (const char *)r;
}
