/* dateline.c - a publication date read from a dateline that chrome removal set aside
 * ("Publié le 8 novembre 2023 à 10h05", "Updated: May 9, 2020", "22/10/2024"): plain-text
 * articles carry no metadata, and without a publication date "hier" or "Thursday" cannot be
 * resolved. Month names come from data/<lang>/months.tsv, as for dates in the text. */
#include <stdio.h>
#include <string.h>

#include "analyze_int.h"

static int valid(int y, int m, int d)
{
    static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return y >= 1900 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 && d <= mdays[m - 1];
}

static int num_at(const vg_tok *t, size_t nt, size_t i, int digits_min, int digits_max)
{
    if (i >= nt || t[i].kind != VG_TOK_NUM) return -1;
    int len = (int)(t[i].end - t[i].start);
    if (len < digits_min || len > digits_max) return -1;
    int v = 0;
    for (uint32_t k = 0; k < t[i].flen; k++) v = v * 10 + (t[i].fold[k] - '0');
    return v;
}

static int punct_is(const vg_tok *t, size_t nt, size_t i, const char *text, char ch)
{
    return i < nt && t[i].kind == VG_TOK_PUNCT && text[t[i].start] == ch && !t[i].space_before;
}

/* The tokenizer drops hyphens: "2023-11-08" is three numbers one hyphen apart. */
static int hyphen_joined(const vg_tok *t, size_t nt, size_t i, const char *text)
{
    return i + 1 < nt && t[i + 1].start == t[i].end + 1 && text[t[i].end] == '-';
}

/* Numeric forms: 2023-11-08, and a/b/yyyy or a.b.yyyy where French is day first and English is
 * read day first only when the first figure cannot be a month (US and UK sites disagree). */
static int numeric_at(const vg_tok *t, size_t nt, size_t i, const char *text, const char *lang, vg_date *out)
{
    int a = num_at(t, nt, i, 1, 4);
    if (a < 0) return 0;
    if (a >= 1900 && hyphen_joined(t, nt, i, text) && hyphen_joined(t, nt, i + 1, text)) {
        int m = num_at(t, nt, i + 1, 1, 2), d = num_at(t, nt, i + 2, 1, 2);
        if (!valid(a, m, d)) return 0;
        *out = (vg_date){.y = a, .m = m, .d = d, .precision = 1};
        return 1;
    }
    char sep = i + 1 < nt && t[i + 1].kind == VG_TOK_PUNCT ? text[t[i + 1].start] : 0;
    if (sep != '/' && sep != '.') return 0;
    int b = num_at(t, nt, i + 2, 1, 2);
    if (b < 0 || !punct_is(t, nt, i + 3, text, sep)) return 0;
    int y = num_at(t, nt, i + 4, 4, 4);
    int d = a, m = b;
    if (strcmp(lang, "fr") != 0) {
        if (a <= 12 && b <= 12 && a != b) return 0; /* ambiguous */
        if (a <= 12 && b > 12) { m = a; d = b; }
    }
    if (!valid(y, m, d)) return 0;
    *out = (vg_date){.y = y, .m = m, .d = d, .precision = 1};
    return 1;
}

int vg_analyze_dateline(const vg_analyzer *a, vg_arena *arena, const char *lang, const char *s, size_t n,
                        char out[11])
{
    if (!a || !lang || !s || !n) return 0;
    const lang_res *L = NULL;
    for (size_t i = 0; i < a->n_langs; i++)
        if (strcmp(a->langs[i].code, lang) == 0) L = &a->langs[i];
    if (!L) return 0;
    vg_tok *t;
    size_t nt;
    if (vg_tokenize(arena, s, n, &t, &nt) != VG_OK) return 0;
    vg_date_lex dl = {L->lex[L_MONTHS], L->lex[L_WEEKDAYS], L->lex[L_RELDATES]};
    for (size_t i = 0; i < nt; i++) {
        vg_date d;
        /* No publication date to lean on: only a full day, month and year will do. */
        if ((numeric_at(t, nt, i, s, lang, &d) || vg_date_at(&dl, t, nt, i, NULL, &d)) && !d.relative &&
            valid(d.y, d.m, d.d)) {
            vg_date_format(&d, out);
            return 1;
        }
    }
    return 0;
}
