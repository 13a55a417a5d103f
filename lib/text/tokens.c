/* tokens.c - word iteration over UTF-8 text and per-word folding. */
#include <stdlib.h>
#include <string.h>

#include "tokens.h"
#include "../core/utf8.h"

void vg_tokens_init(vg_tokens *t, const char *s, size_t n)
{
    t->s = s;
    t->n = s ? n : 0;
    t->pos = 0;
}

static int is_word_ascii(unsigned char c)
{
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* Is the code point at p a word character? Sets *len. */
static int word_char(const char *p, size_t n, size_t *len)
{
    unsigned char c = (unsigned char)*p;
    if (c < 0x80) { *len = 1; return is_word_ascii(c); }
    int32_t cp = vg_utf8_decode(p, n, len);
    if (cp == 0xFFFD && *len == 1) return 0; /* invalid byte */
    return vg_is_alnum(cp);
}

int vg_tokens_next(vg_tokens *t, size_t *start, size_t *end)
{
    size_t len;
    while (t->pos < t->n && !word_char(t->s + t->pos, t->n - t->pos, &len)) t->pos += len;
    if (t->pos >= t->n) return 0;
    *start = t->pos;
    while (t->pos < t->n && word_char(t->s + t->pos, t->n - t->pos, &len)) t->pos += len;
    *end = t->pos;
    return 1;
}

size_t vg_token_fold(const char *w, size_t n, char *out, size_t cap)
{
    size_t i;
    for (i = 0; i < n && !((unsigned char)w[i] & 0x80); i++) {}
    if (i == n) {
        if (n >= cap) return 0;
        for (i = 0; i < n; i++) {
            char c = w[i];
            out[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
        }
        out[n] = 0;
        return n;
    }
    /* Non-ASCII: the same fold as vg_fold, without a heap round trip; words
     * too long for its buffer take vg_fold_heap. */
    size_t k = vg_fold_into(w, n, out, cap);
    if (k != (size_t)-1) return k;
    size_t len;
    char *f = vg_fold_heap(w, n, &len);
    if (!f) return 0;
    if (len >= cap || len == 0) { free(f); return 0; }
    memcpy(out, f, len + 1);
    free(f);
    return len;
}
