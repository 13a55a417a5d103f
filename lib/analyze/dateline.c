/* dateline.c - a publication date read from a dateline that chrome removal set aside
 * ("Publié le 8 novembre 2023 à 10h05", "Updated: May 9, 2020", "22/10/2024"): plain-text
 * articles carry no metadata, and without a publication date "hier" or "Thursday" cannot be
 * resolved. Month names come from data/<lang>/months.tsv, as for dates in the text. */
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

/* Numeric forms: an ISO date, and a/b/yyyy or a.b.yyyy read in the language's order
 * (data/<lang>/dates.tsv: day-first, month-first, or, by default, only when the
 * figures leave no doubt: US and UK sites disagree). */
static int numeric_at(const vg_tok *t, size_t nt, size_t i, const char *text, size_t n, vg_numeric_order order,
                      vg_date *out)
{
    if (i < nt && vg_date_parse_iso(text + t[i].start, n - t[i].start, out)) return valid(out->y, out->m, out->d);
    int a = num_at(t, nt, i, 1, 2);
    if (a < 0) return 0;
    char sep = i + 1 < nt && t[i + 1].kind == VG_TOK_PUNCT ? text[t[i + 1].start] : 0;
    if (sep != '/' && sep != '.') return 0;
    int b = num_at(t, nt, i + 2, 1, 2);
    if (b < 0 || !punct_is(t, nt, i + 3, text, sep)) return 0;
    int y = num_at(t, nt, i + 4, 4, 4);
    int d = a, m = b;
    if (order == VG_NUMERIC_MONTH_FIRST || (order == VG_NUMERIC_UNAMBIGUOUS && a <= 12 && b > 12)) { m = a; d = b; }
    else if (order == VG_NUMERIC_UNAMBIGUOUS && a <= 12 && b <= 12 && a != b) return 0;
    if (!valid(y, m, d)) return 0;
    *out = (vg_date){.y = y, .m = m, .d = d, .precision = 1};
    return 1;
}

int vg_analyze_dateline(const vg_analyzer *a, vg_arena *arena, const char *lang, const char *s, size_t n,
                        char out[11])
{
    if (!a || !lang || !s || !n) return 0;
    const lang_res *L = vg_an_lang(a, lang);
    if (!L) return 0;
    vg_tok *t;
    size_t nt;
    if (vg_tokenize(arena, s, n, &t, &nt) != VG_OK) return 0;
    vg_date_lex dl = {L->lex[L_MONTHS], L->lex[L_WEEKDAYS], L->lex[L_RELDATES]};
    for (size_t i = 0; i < nt; i++) {
        vg_date d;
        /* No publication date to lean on: only a full day, month and year will do. */
        if ((numeric_at(t, nt, i, s, n, L->numeric_order, &d) || vg_date_at(&dl, t, nt, i, NULL, &d)) && !d.relative &&
            valid(d.y, d.m, d.d)) {
            vg_date_format(&d, out);
            return 1;
        }
    }
    return 0;
}
