/* tokens.h - word/number/punctuation tokens with byte offsets and folded forms, for lexicon matching and
 * place finding (internal): lib/text/tokens.h's words, with the analyzer's flags on top. */
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
    uint8_t caps;         /* a word written in capitals (vg_word_facts.caps: "NATO") */
    uint8_t gap;          /* a word or number: what separates it from the previous one (VG_GAP_*) */
    uint8_t n_bare;       /* forms of the word without an attached prefix (vg_tok_clitic_forms) */
    const char *const *bare; /* ... their folded text, in the order of the language's rules */
    const uint32_t *bare_len;
    const uint64_t *bare_hash; /* ... vg_hash64(form, len, 0), as lexicons key their first words */
    uint64_t hash;        /* vg_hash64(fold, flen, 0): made once, read by every lexicon look-up */
} vg_tok;

/* vg_tok.gap: the characters between a word or number and the word or number before it,
 * punctuation tokens included (the place finder's reading of names across them). */
enum {
    VG_GAP_STOP = 1,  /* a '.', '!', '?', ':', '"' or line break, or none before it: a sentence may start */
    VG_GAP_GLUED = 2, /* a previous word, and only spaces, hyphens (- U+2010 U+2011), apostrophes
                         (' U+2019) or '&' ("J&K") since it: the two may be one name */
    VG_GAP_APOS = 4   /* glued by one apostrophe and nothing else ("Dar'a", "Ma'arrat") */
};

/* Most tokens a document may have; longer texts are analysed up to here. */
#define VG_MAX_TOKENS 200000u

/* Splits text[0..n) (valid UTF-8) into tokens. Letters/digits make words
 * (lib/text/tokens.h's word rule; digits only, ASCII or Arabic-Indic: VG_TOK_NUM, folded to ASCII digits);
 * apostrophes, hyphens and spaces separate;
 * other visible symbols are one-character punctuation tokens. VG_ERR_ENCODING when text holds
 * a byte that is not UTF-8 after all, VG_ERR_NOMEM when the arena is full. */
vg_status vg_tokenize(vg_arena *a, const char *text, size_t n, vg_tok **out, size_t *n_out);
/* The same with at most max tokens instead of VG_MAX_TOKENS. */
vg_status vg_tokenize_max(vg_arena *a, const char *text, size_t n, size_t max, vg_tok **out, size_t *n_out);

/* For a language that writes prefixes joined to words (lib/text/clitics.h): each word's
 * forms without them (bare, n_bare), made once per text so that every lexicon look-up
 * reads them (vg_lex_match). At most VG_TOK_MAX_BARE forms a word. */
#define VG_TOK_MAX_BARE 8
struct vg_clitics;
vg_status vg_tok_clitic_forms(vg_arena *a, const struct vg_clitics *c, vg_tok *t, size_t nt);

#endif
