/* tokens.c - tokenizer: folds each token on its own so offsets into the original text stay exact. */
#include "tokens.h"

#include <string.h>

#include "../core/hash.h"
#include "../core/utf8.h"
#include "../text/clitics.h"

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
     * what it needs, not a text's slots (Russian's declined rows cost megabytes so). A text
     * gets room for a token every TEXT_BYTES_PER_TOKEN bytes at once: growing from 64 slots
     * copied the array five times for a 3 KB article, and a copy over 64 KB took a block
     * of its own from the heap, freed again after the document (vg_arena_grow and the page
     * faults it caused were 6.4% of analyze's time on the English dev texts, perf). */
    enum { TEXT_BYTES_PER_TOKEN = 4 }; /* dev texts: 4.6 (en) to 9.5 (ru) bytes a token at least */
    size_t cap = n < 64 ? n + 1 : n / TEXT_BYTES_PER_TOKEN + 16, cnt = 0;
    if (cap > VG_MAX_TOKENS) cap = VG_MAX_TOKENS;
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
        k->n_bare = 0;
        k->bare = NULL;
        k->bare_len = NULL;
        k->bare_hash = NULL;
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
        k->hash = vg_hash64(f, fl, 0);
    }
    *out = t;
    *n_out = cnt;
    return VG_OK;
}

vg_status vg_tok_clitic_forms(vg_arena *a, const vg_clitics *c, vg_tok *t, size_t nt)
{
    size_t nr = vg_clitics_count(c);
    for (size_t i = 0; nr && i < nt; i++) {
        if (t[i].kind != VG_TOK_WORD || !vg_clitics_may_strip(c, t[i].fold, t[i].flen)) continue;
        const char *forms[VG_TOK_MAX_BARE];
        uint32_t lens[VG_TOK_MAX_BARE];
        size_t nf = 0;
        for (size_t r = 0; r < nr && nf < VG_TOK_MAX_BARE; r++) {
            char w[256];
            size_t wn = vg_clitics_apply(c, r, t[i].fold, t[i].flen, w, sizeof w, NULL);
            if (!wn) continue;
            int dup = 0; /* "وال" -> "ال..." by two rules */
            for (size_t k = 0; k < nf && !dup; k++) dup = lens[k] == wn && !memcmp(forms[k], w, wn);
            if (dup) continue;
            char *f = vg_arena_strndup(a, w, wn);
            if (!f) return VG_ERR_NOMEM;
            forms[nf] = f;
            lens[nf++] = (uint32_t)wn;
        }
        if (!nf) continue;
        const char **fs = vg_arena_alloc(a, nf * sizeof *fs);
        uint32_t *ls = vg_arena_alloc(a, nf * sizeof *ls);
        uint64_t *hs = vg_arena_alloc(a, nf * sizeof *hs);
        if (!fs || !ls || !hs) return VG_ERR_NOMEM;
        memcpy(fs, forms, nf * sizeof *fs);
        memcpy(ls, lens, nf * sizeof *ls);
        for (size_t k = 0; k < nf; k++) hs[k] = vg_hash64(forms[k], lens[k], 0);
        t[i].bare = fs;
        t[i].bare_len = ls;
        t[i].bare_hash = hs;
        t[i].n_bare = (uint8_t)nf;
    }
    return VG_OK;
}
