/* tokens.h - the library's word rule: words of UTF-8 text with byte offsets, their facts and folded form.
 * Every tokenizer reads words through it: this iterator (search, dedup), the analyzer's
 * vg_tokenize (lib/analyze/tokens.h) and, through vg_tokenize's array, the place finder. */
#ifndef VG_TEXT_TOKENS_H
#define VG_TEXT_TOKENS_H
#include <stddef.h>
#include <stdint.h>

#include "../core/arena.h"
#include "../core/utf8.h"

/* A word is a maximal run of letters, digits and combining marks (Unicode
 * L*, N*, Mn, Mc); everything else (spaces, punctuation, apostrophes,
 * hyphens, '&') separates words, so "l'armée" gives "l", "armée", "al-Qaïda"
 * gives "al", "Qaïda" and "J&K" "J", "K". Invalid UTF-8 bytes are separators
 * (they decode as U+FFFD, no letter). */
static inline int vg_word_cp(int32_t cp)
{
    return vg_is_alnum(cp);
}

/* One word, as vg_word_read reads it. */
typedef struct vg_word_facts {
    size_t end;     /* byte after its last character */
    uint8_t ascii;  /* only ASCII: its fold is its lower case */
    uint8_t digits; /* only digits (vg_is_digit: ASCII, Arabic-Indic or Persian) */
    uint8_t caps;   /* written in capitals: two or more characters besides ASCII digits, every
                       one upper case ("NATO", "3RD"; an Arabic-Indic digit is no capital) */
} vg_word_facts;

/* Reads the word that starts at s[i] in s[0..n), whose first code point is cp (vg_word_cp holds),
 * len bytes long (vg_utf8_decode). */
void vg_word_read(const char *s, size_t n, size_t i, int32_t cp, size_t len, vg_word_facts *w);

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
/* The same fold into the arena, NUL-terminated, its length (0 for an empty fold) in *len:
 * lower case for an ASCII word (ascii: vg_word_facts.ascii), else vg_fold. NULL on no memory. */
char *vg_token_fold_arena(vg_arena *a, const char *w, size_t n, int ascii, size_t *len);

#endif
