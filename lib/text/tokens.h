/* tokens.h - word tokens of UTF-8 text with byte offsets, and their folded form. */
#ifndef VG_TOKENS_H
#define VG_TOKENS_H
#include <stddef.h>

/* A word is a maximal run of letters, digits and combining marks (Unicode
 * L*, N*, Mn, Mc); everything else (spaces, punctuation, apostrophes,
 * hyphens) separates words, so "l'armée" gives "l", "armée" and "al-Qaïda"
 * gives "al", "Qaïda". Invalid UTF-8 bytes are separators. */
typedef struct vg_tokens {
    const char *s;
    size_t n, pos;
} vg_tokens;

void vg_tokens_init(vg_tokens *t, const char *s, size_t n);
/* Next word: 1 and its byte range [*start, *end) in s, or 0 at the end. */
int vg_tokens_next(vg_tokens *t, size_t *start, size_t *end);

/* Fold a word for matching (vg_fold: case, accents, compatibility forms)
 * into out[0..cap); returns the length, or 0 when it does not fit or on no
 * memory. ASCII words take a fast path with no allocation. out is not
 * NUL-terminated unless room remains (then it is). */
size_t vg_token_fold(const char *w, size_t n, char *out, size_t cap);

#endif
