/* words.c - the text's words as lib/text/tokens splits and folds them, plus what dedup and clustering ask of each. */
#include "words.h"

#include <string.h>

#include "../core/utf8.h"
#include "../text/tokens.h"

#define MAX_WORD_BYTES 64

/* Did a sentence end in text[from..to)? Sentence ends are ASCII: a byte scan will do. */
static int sentence_end_in(const char *text, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (text[i] == '.' || text[i] == '!' || text[i] == '?' || text[i] == '\n') return 1;
    return 0;
}

int vg_words(vg_arena *a, const char *text, size_t len, size_t max_words, vg_word **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    size_t cap = 256, cnt = 0;
    vg_word *w = vg_arena_alloc(a, cap * sizeof *w);
    if (!w) return -1;
    vg_tokens tk;
    vg_tokens_init(&tk, text, len);
    size_t start, end, prev_end = 0;
    int boundary = 1; /* the text's first word starts a sentence */
    char fold[MAX_WORD_BYTES * 4 + 1];
    while (cnt < max_words && vg_tokens_next(&tk, &start, &end)) {
        int was_boundary = boundary || sentence_end_in(text, prev_end, start);
        boundary = 0;
        prev_end = end;
        size_t wl = end - start;
        if (wl > MAX_WORD_BYTES) continue;
        size_t fl = vg_token_fold(text + start, wl, fold, sizeof fold);
        if (fl == 0) continue; /* folds to nothing (ignorable marks only) */
        char *f = vg_arena_strndup(a, fold, fl);
        if (!f) return -1;
        size_t cl;
        int upper = vg_is_upper(vg_utf8_decode(text + start, wl, &cl));
        int digits = 1;
        for (size_t k = start; k < end && digits; k++) digits = text[k] >= '0' && text[k] <= '9';
        if (vg_arena_grow_array(a, &w, &cap, cnt + 1, sizeof *w)) return -1;
        w[cnt++] = (vg_word){f, fl, (uint32_t)start, (uint32_t)end, upper, was_boundary, digits};
    }
    *out = w;
    *n = cnt;
    return 0;
}
