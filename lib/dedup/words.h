/* words.h - walk the words of a text as folded tokens (shared by dedup and clustering). */
#ifndef VG_WORDS_H
#define VG_WORDS_H
#include <stddef.h>
#include <stdint.h>

#include "../core/arena.h"

/* One word: a run of letters/digits (apostrophes and hyphens split words). */
typedef struct vg_word {
    const char *fold;   /* case/accent-folded, NUL-terminated, arena-owned */
    size_t fold_len;
    uint32_t start, end; /* byte offsets of the original word in the text */
    int capitalised;    /* starts with an upper-case letter */
    int sentence_start; /* first word of the text, or after . ! ? or a line break */
    int numeric;        /* all digits */
} vg_word;

/* Split text[0..len) (valid UTF-8) into words, at most max_words (longer
 * texts are cut: bounded work per document). Words longer than 64 bytes are
 * skipped. *out is arena-owned; on no memory returns -1 and *n is 0. */
int vg_words(vg_arena *a, const char *text, size_t len, size_t max_words, vg_word **out, size_t *n);

#endif
