/* words.c - word splitting with an ASCII fast path; vg_fold only for non-ASCII words. */
#include "words.h"

#include <string.h>

#include "../core/utf8.h"

#define MAX_WORD_BYTES 64

static int is_sentence_end(int32_t cp) { return cp == '.' || cp == '!' || cp == '?' || cp == '\n'; }

int vg_words(vg_arena *a, const char *text, size_t len, size_t max_words, vg_word **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    size_t cap = 256, cnt = 0;
    vg_word *w = vg_arena_alloc(a, cap * sizeof *w);
    if (!w) return -1;
    int boundary = 1; /* a sentence end was seen since the previous word */
    size_t i = 0;
    while (i < len && cnt < max_words) {
        size_t cl;
        int32_t cp = vg_utf8_decode(text + i, len - i, &cl);
        if (!vg_is_alnum(cp)) {
            if (is_sentence_end(cp)) boundary = 1;
            i += cl;
            continue;
        }
        size_t start = i, ascii = 1, digits = 1;
        int upper = vg_is_upper(cp);
        while (i < len) {
            cp = vg_utf8_decode(text + i, len - i, &cl);
            if (!vg_is_alnum(cp)) break;
            if (cp >= 0x80) ascii = 0;
            if (cp < '0' || cp > '9') digits = 0;
            i += cl;
        }
        size_t wl = i - start;
        int was_boundary = boundary;
        boundary = 0;
        if (wl > MAX_WORD_BYTES) continue;
        char *f;
        size_t fl;
        if (ascii) {
            f = vg_arena_alloc(a, wl + 1);
            if (!f) return -1;
            for (size_t k = 0; k < wl; k++) {
                char c = text[start + k];
                f[k] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
            }
            f[wl] = 0;
            fl = wl;
        } else {
            f = vg_fold(a, text + start, wl, &fl);
            if (!f) return -1;
        }
        if (cnt == cap) {
            vg_word *nw = vg_arena_grow(a, w, cap * sizeof *w, cap * 2 * sizeof *w);
            if (!nw) return -1;
            w = nw;
            cap *= 2;
        }
        w[cnt++] = (vg_word){f, fl, (uint32_t)start, (uint32_t)i, upper, was_boundary, (int)digits};
    }
    *out = w;
    *n = cnt;
    return 0;
}
