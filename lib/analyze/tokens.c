/* tokens.c - tokenizer: folds each token on its own so offsets into the original text stay exact. */
#include "tokens.h"

#include <string.h>

#include "../core/hash.h"
#include "../core/utf8.h"
#include "../text/clitics.h"
#include "../text/tokens.h"

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

/* What the non-word characters since the last word or number make of the next one (vg_tok.gap):
 * the place finder's rules, once read with the words. */
typedef struct gap_state {
    uint8_t stop, glued, apos; /* apos: 0 nothing yet, 1 one glued apostrophe, 2 anything else */
} gap_state;

static void gap_char(gap_state *g, int32_t cp)
{
    if (cp == ' ') { /* most of them: what follows the rules below make of a space */
        g->apos = 2;
        return;
    }
    /* '»' (U+00BB) ends no sentence: the rule tested the byte 0xbb, which no UTF-8 character starts with */
    if (cp == '.' || cp == '!' || cp == '?' || cp == '\n' || cp == ':' || cp == '"') g->stop = 1;
    /* '&' joins the halves of abbreviations ("J&K") */
    if (!(cp == ' ' || cp == '-' || cp == '\'' || cp == '&' || cp == 0x2019 || cp == 0x2010 || cp == 0x2011)) g->glued = 0;
    g->apos = g->apos == 0 && (cp == '\'' || cp == 0x2019) && g->glued ? 1 : 2;
}

/* A word's gap bits, and the state after it. */
static uint8_t gap_word(gap_state *g)
{
    uint8_t b = (uint8_t)((g->stop ? VG_GAP_STOP : 0) | (g->glued ? VG_GAP_GLUED : 0) | (g->apos == 1 ? VG_GAP_APOS : 0));
    g->stop = 0;
    g->glued = 1;
    g->apos = 0;
    return b;
}

vg_status vg_tokenize(vg_arena *a, const char *text, size_t n, vg_tok **out, size_t *n_out)
{
    return vg_tokenize_max(a, text, n, VG_MAX_TOKENS, out, n_out);
}

vg_status vg_tokenize_max(vg_arena *a, const char *text, size_t n, size_t max, vg_tok **out, size_t *n_out)
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
    if (cap > max) cap = max ? max : 1;
    vg_tok *t = vg_arena_alloc(a, cap * sizeof *t);
    if (!t) return VG_ERR_NOMEM;
    size_t i = 0;
    int space = 1;
    gap_state g = {.stop = 1};
    while (i < n && cnt < max) {
        size_t l;
        int32_t cp = vg_utf8_decode(text + i, n - i, &l);
        int word = vg_word_cp(cp);
        if (!word) {
            gap_char(&g, cp);
            if (is_sep(cp) || cp < 32) { if (is_space(cp) || cp < 32) space = 1; i += l; continue; }
        }
        size_t s = i;
        uint8_t kind, caps = 0, gap = 0;
        int ascii;
        if (word) {
            vg_word_facts w;
            vg_word_read(text, n, i, cp, l, &w);
            i = w.end;
            kind = w.digits ? VG_TOK_NUM : VG_TOK_WORD;
            ascii = w.ascii;
            caps = w.caps;
            gap = gap_word(&g);
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
        k->caseless = (uint8_t)(cp >= 0x80 && vg_is_caseless(cp));
        k->caps = caps;
        k->gap = gap;
        k->n_bare = 0;
        k->bare = NULL;
        k->bare_len = NULL;
        k->bare_hash = NULL;
        space = 0;
        size_t fl;
        /* most tokens are ASCII: folding is lower-casing */
        char *f = vg_token_fold_arena(a, text + s, i - s, ascii, &fl);
        /* the fold fails on no memory, or on a byte that is not UTF-8 (the text breaks the
         * precondition): say which, a caller reports it */
        if (!f) return vg_utf8_valid_prefix(text + s, i - s) < i - s ? VG_ERR_ENCODING : VG_ERR_NOMEM;
        k->fold = f;
        k->flen = (uint32_t)fl;
        k->hash = vg_hash64(f, fl, 0);
    }
    *out = t;
    *n_out = cnt;
    return VG_OK;
}

/* The earlier token written as t[i] is (the forms of a word depend on its folded text only),
 * or none, through memo[FORMS_MEMO_SLOTS] (token index + 1; NULL: no memo); *slot: where t[i]
 * goes when it is the first. */
enum { FORMS_MEMO_SLOTS = 1024, FORMS_MEMO_PROBES = 8 };
static const vg_tok *same_word_before(const uint32_t *memo, const vg_tok *t, size_t i, uint32_t **slot)
{
    *slot = NULL;
    if (!memo) return NULL;
    size_t h = (size_t)t[i].hash & (FORMS_MEMO_SLOTS - 1);
    for (int p = 0; p < FORMS_MEMO_PROBES; p++, h = (h + 1) & (FORMS_MEMO_SLOTS - 1)) {
        if (!memo[h]) { *slot = (uint32_t *)&memo[h]; return NULL; }
        const vg_tok *o = &t[memo[h] - 1];
        if (o->hash == t[i].hash && o->flen == t[i].flen && !memcmp(o->fold, t[i].fold, t[i].flen)) return o;
    }
    return NULL;
}

/* A word written again takes the forms made at its first occurrence (an Arabic text repeats
 * its words: making them again was a tenth of `vigie analyze`'s instructions on the Arabic dev
 * texts, callgrind), and only the rules whose prefix the word starts with are applied. */
vg_status vg_tok_clitic_forms(vg_arena *a, const vg_clitics *c, vg_tok *t, size_t nt)
{
    size_t nr = vg_clitics_count(c);
    uint32_t *memo = nr ? vg_arena_calloc(a, FORMS_MEMO_SLOTS, sizeof *memo) : NULL; /* NULL: each made anew */
    for (size_t i = 0; nr && i < nt; i++) {
        if (t[i].kind != VG_TOK_WORD || !vg_clitics_may_strip(c, t[i].fold, t[i].flen)) continue;
        uint32_t *slot;
        const vg_tok *o = same_word_before(memo, t, i, &slot);
        if (o) {
            t[i].bare = o->bare;
            t[i].bare_len = o->bare_len;
            t[i].bare_hash = o->bare_hash;
            t[i].n_bare = o->n_bare;
            continue;
        }
        if (slot) *slot = (uint32_t)i + 1;
        const char *forms[VG_TOK_MAX_BARE];
        uint32_t lens[VG_TOK_MAX_BARE];
        size_t nf = 0;
        for (size_t r = vg_clitics_next(c, 0, t[i].fold, t[i].flen); r < nr && nf < VG_TOK_MAX_BARE;
             r = vg_clitics_next(c, r + 1, t[i].fold, t[i].flen)) {
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
