/* sentences.c - sentence splitting on the token stream; a period ends a sentence only before a capital (or a letter of a caseless script), digit or quote. */
#include "sentences.h"

#include <string.h>

static int has_newline(const char *text, uint32_t from, uint32_t to)
{
    for (uint32_t i = from; i < to; i++)
        if (text[i] == '\n') return 1;
    return 0;
}

static int is_end_punct(const vg_tok *t)
{
    if (t->kind != VG_TOK_PUNCT) return 0;
    if (t->flen == 1) return t->fold[0] == '.' || t->fold[0] == '!' || t->fold[0] == '?';
    return t->flen == 3 && memcmp(t->fold, "\xE2\x80\xA6", 3) == 0; /* ellipsis */
}

static int is_closer(const vg_tok *t)
{
    if (t->kind != VG_TOK_PUNCT) return 0;
    if (t->flen == 1) return t->fold[0] == '"' || t->fold[0] == ')' || t->fold[0] == ']';
    /* » ” */
    return (t->flen == 2 && memcmp(t->fold, "\xC2\xBB", 2) == 0) || (t->flen == 3 && memcmp(t->fold, "\xE2\x80\x9D", 3) == 0);
}

/* Is the period after toks[i-1] part of an abbreviation, an initial or a number? */
static int period_binds(const vg_tok *t, size_t nt, size_t p, const vg_lexicon *abbrev)
{
    if (p == 0) return 0;
    const vg_tok *prev = &t[p - 1];
    if (prev->end != t[p].start) return 0; /* "word ." with a space: a real stop */
    if (prev->kind == VG_TOK_WORD) {
        size_t len;
        const vg_lex_entry *e = abbrev ? vg_lex_match(abbrev, t, p, p - 1, &len) : NULL;
        /* "Dec. 6": a row marked "number" binds only before a figure ("in Dec. The next day" ends) */
        if (e && len == 1) return strcmp(e->cols[0], "number") != 0 || (p + 1 < nt && t[p + 1].kind == VG_TOK_NUM);
        /* One capital letter: an initial ("J. Smith"), not a sentence end. */
        if (prev->flen == 1 && prev->upper) return 1;
    }
    if (prev->kind == VG_TOK_NUM && p + 1 < nt && t[p + 1].kind == VG_TOK_NUM && t[p + 1].start == t[p].end)
        return 1; /* 1.5 */
    return 0;
}

vg_status vg_sentences(vg_arena *a, const char *text, const vg_tok *t, size_t nt, const vg_lexicon *abbrev,
                       vg_sent **out, size_t *n_out)
{
    size_t cap = 16, n = 0;
    vg_sent *s = vg_arena_alloc(a, cap * sizeof *s);
    if (!s) return VG_ERR_NOMEM;
    size_t start = 0;
    for (size_t i = 0; i <= nt; i++) {
        int cut = 0;
        size_t end = i; /* sentence is [start, end) */
        if (i == nt) cut = 1;
        else if (i > start && has_newline(text, t[i - 1].end, t[i].start)) cut = 1;
        else if (i > start && is_end_punct(&t[i - 1]) && !period_binds(t, nt, i - 1, abbrev)) {
            size_t j = i;
            while (j < nt && is_closer(&t[j]) && !has_newline(text, t[j - 1].end, t[j].start)) j++;
            if (j == nt) { i = j; end = j; cut = 1; }
            else if (t[j].space_before && (t[j].upper || t[j].caseless || t[j].kind == VG_TOK_NUM || t[j].kind == VG_TOK_PUNCT)) {
                end = j;
                cut = 1;
                i = j;
            }
        }
        if (!cut) continue;
        if (end > start) {
            if (n == cap) {
                vg_sent *ns = vg_arena_grow(a, s, cap * sizeof *s, 2 * cap * sizeof *s);
                if (!ns) return VG_ERR_NOMEM;
                s = ns;
                cap *= 2;
            }
            s[n].t0 = start;
            s[n].t1 = end;
            s[n].start = t[start].start;
            s[n].end = t[end - 1].end;
            n++;
        }
        start = end;
    }
    *out = s;
    *n_out = n;
    return VG_OK;
}
