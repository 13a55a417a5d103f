/* tokens.c - tokenizer: folds each token on its own so offsets into the original text stay exact. */
#include "tokens.h"

#include <string.h>

#include "../core/utf8.h"

static int is_sep(int32_t cp)
{
    /* Apostrophes and hyphens separate so that "l'armée" -> l armee and
     * "al-Nosra" -> al nosra, the same way lexicon phrases are tokenized. */
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' || cp == 0xA0 ||
           cp == 0x202F || cp == 0x2009 || cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == '-' ||
           cp == 0x2010 || cp == 0x2011 || cp == 0x2013 || cp == 0x2014 || cp == 0x2032 || cp == '`' ||
           cp == 0xAD || cp == 0x200B;
}

static int is_space(int32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || cp == 0x202F || cp == 0x2009;
}

vg_status vg_tokenize(vg_arena *a, const char *text, size_t n, vg_tok **out, size_t *n_out)
{
    /* No more tokens than bytes: a lexicon's phrase (tokenised once per row at load) takes
     * what it needs, not a text's 64 slots (Russian's declined rows cost megabytes so). */
    size_t cap = n < 64 ? n + 1 : 64, cnt = 0;
    vg_tok *t = vg_arena_alloc(a, cap * sizeof *t);
    if (!t) return VG_ERR_NOMEM;
    size_t i = 0;
    int space = 1;
    while (i < n && cnt < VG_MAX_TOKENS) {
        size_t l;
        int32_t cp = vg_utf8_decode(text + i, n - i, &l);
        if (is_sep(cp) || cp < 32) { if (is_space(cp) || cp < 32) space = 1; i += l; continue; }
        size_t s = i;
        uint8_t kind;
        int ascii = 1, digits = 1;
        if (vg_is_alnum(cp)) {
            size_t j = i;
            while (j < n) {
                size_t l2;
                int32_t c2 = vg_utf8_decode(text + j, n - j, &l2);
                if (!vg_is_alnum(c2)) break;
                if (c2 >= 128) ascii = 0;
                if (!vg_is_digit(c2)) digits = 0;
                j += l2;
            }
            i = j;
            kind = digits ? VG_TOK_NUM : VG_TOK_WORD;
        } else {
            i += l;
            kind = VG_TOK_PUNCT;
            ascii = cp < 128;
        }
        if (cnt == cap) {
            vg_tok *nt = vg_arena_grow(a, t, cap * sizeof *t, 2 * cap * sizeof *t);
            if (!nt) return VG_ERR_NOMEM;
            t = nt;
            cap *= 2;
        }
        vg_tok *k = &t[cnt++];
        k->start = (uint32_t)s;
        k->end = (uint32_t)i;
        k->kind = kind;
        k->space_before = (uint8_t)space;
        k->upper = (uint8_t)vg_is_upper(cp);
        k->caseless = (uint8_t)vg_is_caseless(cp);
        space = 0;
        size_t fl;
        char *f;
        if (ascii) {
            /* Fast path: most tokens are ASCII; folding is lower-casing. */
            fl = i - s;
            f = vg_arena_alloc(a, fl + 1);
            if (!f) return VG_ERR_NOMEM;
            for (size_t m = 0; m < fl; m++) {
                char c = text[s + m];
                f[m] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
            }
            f[fl] = 0;
        } else {
            f = vg_fold(a, text + s, i - s, &fl);
            if (!f) return VG_ERR_NOMEM;
        }
        k->fold = f;
        k->flen = (uint32_t)fl;
    }
    *out = t;
    *n_out = cnt;
    return VG_OK;
}
