/* tokens.h - word/number/punctuation tokens with byte offsets and folded forms, for lexicon matching (internal). */
#ifndef VG_AN_TOKENS_H
#define VG_AN_TOKENS_H
#include <stddef.h>
#include <stdint.h>

#include "vigie.h"
#include "../core/arena.h"

enum { VG_TOK_WORD = 1, VG_TOK_NUM, VG_TOK_PUNCT };

typedef struct vg_tok {
    uint32_t start, end;  /* bytes in the text */
    const char *fold;     /* case- and accent-folded, NUL-terminated */
    uint32_t flen;
    uint8_t kind;
    uint8_t upper;        /* first letter is upper case (names, sentence starts) */
    uint8_t space_before; /* whitespace between this token and the previous one */
    uint8_t caseless;     /* first letter is of a script with no case (Arabic): may start a sentence */
} vg_tok;

/* Most tokens a document may have; longer texts are analysed up to here. */
#define VG_MAX_TOKENS 200000u

/* Splits text[0..n) (valid UTF-8) into tokens. Letters/digits make words
 * (digits only, ASCII or Arabic-Indic: VG_TOK_NUM, folded to ASCII digits); apostrophes, hyphens and spaces separate;
 * other visible symbols are one-character punctuation tokens. */
vg_status vg_tokenize(vg_arena *a, const char *text, size_t n, vg_tok **out, size_t *n_out);

#endif
