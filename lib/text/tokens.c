/* tokens.c - the word rule: word reading and iteration over UTF-8 text, and per-word folding. */
#include <stdlib.h>
#include <string.h>

#include "tokens.h"

/* ASCII characters' classes for vg_word_read: a word character (vg_word_cp), a digit,
 * a letter, a capital or digit (what a word in capitals holds). */
enum { C_WORD = 1, C_DIGIT = 2, C_LETTER = 4, C_CAPS = 8 };
#define K(c) ((c) >= '0' && (c) <= '9'   ? C_WORD | C_DIGIT | C_CAPS                                              \
              : (c) >= 'A' && (c) <= 'Z' ? C_WORD | C_LETTER | C_CAPS                                             \
              : (c) >= 'a' && (c) <= 'z' ? C_WORD | C_LETTER                                                      \
                                         : 0)
#define K4(c) K(c), K((c) + 1), K((c) + 2), K((c) + 3)
#define K16(c) K4(c), K4((c) + 4), K4((c) + 8), K4((c) + 12)
static const uint8_t ascii_class[128] = {K16(0),  K16(16), K16(32), K16(48),
                                         K16(64), K16(80), K16(96), K16(112)};
#undef K16
#undef K4
#undef K

void vg_word_read(const char *s, size_t n, size_t i, int32_t cp, size_t len, vg_word_facts *w)
{
    const unsigned char *p = (const unsigned char *)s;
    unsigned ascii = 1, digits = C_DIGIT, caps = C_CAPS, letters = 0;
    for (;;) {
        if (cp < 0x80) { /* most words: a table for vg_word_cp, vg_is_digit and vg_is_upper */
            unsigned k = ascii_class[cp];
            if (!(k & C_WORD)) break;
            digits &= k;
            caps &= k;
            letters += (k & C_LETTER) != 0;
            i++;
        } else {
            if (!vg_word_cp(cp)) break;
            ascii = 0;
            if (!vg_is_digit(cp)) digits = 0;
            letters++; /* an Arabic-Indic digit too: no capital */
            if (caps && !vg_is_upper(cp)) caps = 0;
            i += len;
        }
        if (i >= n) break;
        if (p[i] < 0x80) {
            cp = p[i];
            continue;
        }
        size_t l;
        cp = vg_utf8_decode(s + i, n - i, &l);
        len = l;
    }
    w->end = i;
    w->ascii = (uint8_t)ascii;
    w->digits = digits != 0;
    w->caps = caps && letters > 1;
}

void vg_tokens_init(vg_tokens *t, const char *s, size_t n)
{
    t->s = s;
    t->n = s ? n : 0;
    t->pos = 0;
}

int vg_tokens_next(vg_tokens *t, size_t *start, size_t *end)
{
    size_t len = 0;
    int32_t cp = 0;
    while (t->pos < t->n && !vg_word_cp(cp = vg_utf8_decode(t->s + t->pos, t->n - t->pos, &len))) t->pos += len;
    if (t->pos >= t->n) return 0;
    vg_word_facts w;
    vg_word_read(t->s, t->n, t->pos, cp, len, &w);
    *start = t->pos;
    *end = t->pos = w.end;
    return 1;
}

/* An ASCII word's fold: its lower case. */
static void lower_ascii(const char *w, size_t n, char *out)
{
    for (size_t i = 0; i < n; i++) {
        char c = w[i];
        out[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
    }
    out[n] = 0;
}

size_t vg_token_fold(const char *w, size_t n, char *out, size_t cap)
{
    size_t i;
    for (i = 0; i < n && !((unsigned char)w[i] & 0x80); i++) {}
    if (i == n) {
        if (n >= cap) return 0;
        lower_ascii(w, n, out);
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

char *vg_token_fold_arena(vg_arena *a, const char *w, size_t n, int ascii, size_t *len)
{
    if (!ascii) return vg_fold(a, w, n, len);
    char *f = vg_arena_alloc(a, n + 1);
    if (!f) return NULL;
    lower_ascii(w, n, f);
    *len = n;
    return f;
}
