/* attribution.c - who says so: "selon l'OSDH", "according to police", "X said". */
#include "analyze_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* attribution.tsv classes: "next" (the source follows: "selon", "according
 * to"), "prev" (it comes before: "said"), "none" ("selon lui": no source
 * named), "stop" (a word that ends a source's name: a clause or a
 * circumstance begins, "au cours", "during", "after", "que"), "nosource" (a
 * span opening with it names no one: "que", "avoir", "that", a pronoun), "aux" (an
 * auxiliary: a source before "said" or "reported" that ends with it is none: "was
 * reported", "as he has said"). */
static int class_at(const ctx *c, size_t end, size_t k, vg_attr_class cls, size_t *len)
{
    return vg_an_match_class(c, L_ATTRIBUTION, end, k, (int)cls, len);
}

/* A weekday, a month or a relative day ("jeudi", "Thursday", "yesterday"):
 * when a source is said, not who said it. Its length in tokens, or 0. */
static size_t time_word(const ctx *c, size_t end, size_t k)
{
    size_t len;
    if (k >= end) return 0;
    if (vg_an_match(c, L_WEEKDAYS, end, k, &len) || vg_an_match(c, L_RELDATES, end, k, &len) ||
        vg_an_match(c, L_MONTHS, end, k, &len))
        return len;
    return 0;
}

static int clause_punct(const vg_tok *tk)
{
    return tk->kind == VG_TOK_PUNCT && (strchr(",.;:()\"[]", tk->fold[0]) || tk->flen > 1); /* quotes « » too */
}

/* Does a paragraph break or a dash ("\u2014", " - ") stand between tokens k - 1 and k? */
static int break_before(const ctx *c, size_t k)
{
    for (uint32_t p = c->t[k - 1].end; p < c->t[k].start; p++) {
        unsigned char ch = (unsigned char)c->text[p];
        if (ch == '\n' || (ch == '-' && c->text[p - 1] == ' ') || (ch == 0xe2 && (unsigned char)c->text[p + 1] == 0x80 &&
                                                                     ((unsigned char)c->text[p + 2] == 0x93 || (unsigned char)c->text[p + 2] == 0x94)))
            return 1;
    }
    return 0;
}

/* Is the phrase ending at token k glued by a hyphen to the next word ("d'après-midi")? */
static int hyphen_compound(const ctx *c, size_t k, size_t t1)
{
    size_t e = c->t[k].end;
    return k + 1 < t1 && c->t[k + 1].start == e + 1 && c->text[e] == '-';
}

/* The source after a "next" phrase ending at token a: time words skipped,
 * up to clause punctuation or a "stop" word, at most 10 tokens. */
static void span_after(const ctx *c, size_t t1, size_t *a, size_t *b)
{
    size_t tl, sl;
    while (*a < t1 && (tl = time_word(c, t1, *a)) > 0) *a += tl;
    *b = *a;
    while (*b < t1 && *b - *a < 10 && !clause_punct(&c->t[*b]) &&
           !(*b > *a && (class_at(c, t1, *b, VG_ATTR_STOP, &sl) || break_before(c, *b)))) {
        if ((tl = time_word(c, t1, *b)) > 0 && *b > *a) break; /* "le ministère ... jeudi" */
        (*b)++;
    }
}

/* The source before a "prev" phrase at token b: back to clause punctuation,
 * a "stop" word or a time word ("Thursday officials said"), at most 8 tokens. */
static void span_before(const ctx *c, size_t t0, size_t b, size_t *a)
{
    *a = b;
    while (*a > t0 && b - *a < 8) {
        size_t len;
        const vg_tok *tk = &c->t[*a - 1];
        if (tk->kind == VG_TOK_PUNCT || (*a < b && break_before(c, *a))) break;
        if (class_at(c, b, *a - 1, VG_ATTR_STOP, &len) && *a - 1 + len <= b) break;
        if (time_word(c, b, *a - 1)) break;
        (*a)--;
    }
}

/* "selon l'OSDH", "according to police", "X said": the source as written. */
int vg_an_find_attribution(ctx *c, size_t t0, size_t t1, uint32_t *bs, uint32_t *be)
{
    for (size_t i = t0; i < t1;) {
        size_t len;
        const vg_lex_entry *e = vg_an_match(c, L_ATTRIBUTION, t1, i, &len);
        if (!e) { i++; continue; }
        int next = e->cls == VG_ATTR_NEXT, prev = e->cls == VG_ATTR_PREV;
        if ((!next && !prev) || hyphen_compound(c, i + len - 1, t1)) { i += len; continue; } /* "selon lui": no source named */
        size_t a, b;
        if (next) {
            a = i + len;
            span_after(c, t1, &a, &b);
        } else {
            b = i;
            span_before(c, t0, b, &a);
        }
        size_t nl;
        int content = 0; /* "as reported": no source named */
        for (size_t k = a; k < b; k++)
            if (c->t[k].flen >= 3 || c->t[k].upper) content = 1;
        /* "a déclaré que...", "said he": a clause or a pronoun, nobody named */
        if (b > a && (class_at(c, b, a, VG_ATTR_NOSOURCE, &nl) || class_at(c, b, a, VG_ATTR_STOP, &nl))) content = 0;
        /* "the recommendation was reported", "as Feldman has said", "... to and said": a
         * passive or an auxiliary before the verb, or a dangling word, names no source */
        if (prev && b > a && (class_at(c, b, b - 1, VG_ATTR_AUX, &nl) || class_at(c, b, b - 1, VG_ATTR_NOSOURCE, &nl))) content = 0;
        if (b > a && content) { *bs = c->t[a].start; *be = c->t[b - 1].end; return 1; }
        i += len;
    }
    return 0;
}
