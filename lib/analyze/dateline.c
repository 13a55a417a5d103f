/* dateline.c - a publication date read from a dateline that chrome removal set aside
 * ("Publié le 8 novembre 2023 à 10h05", "Updated: May 9, 2020", "22/10/2024"): plain-text
 * articles carry no metadata, and without a publication date "hier" or "Thursday" cannot be
 * resolved. Month names come from data/<lang>/months.tsv, as for dates in the text. */
#include <stdint.h>
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

/* Is what stands between tokens i and i + 1 one hyphen, maybe with spaces around it? */
static int hyphen_between(const vg_tok *t, size_t i, const char *text)
{
    int n = 0;
    for (size_t k = t[i].end; k < t[i + 1].start; k++) {
        if (text[k] == '-') n++;
        else if (text[k] != ' ') return 0;
    }
    return n == 1;
}

/* Numeric forms: an ISO date, and a/b/yyyy or a.b.yyyy read in the language's order
 * (data/<lang>/dates.tsv: day-first, month-first, or, by default, only when the
 * figures leave no doubt: US and UK sites disagree). */
static int numeric_at(const vg_tok *t, size_t nt, size_t i, const char *text, size_t n, vg_numeric_order order,
                      vg_date *out)
{
    if (i < nt && vg_date_parse_iso(text + t[i].start, n - t[i].start, out)) {
        out->t0 = i;
        out->t1 = i + 3 < nt ? i + 3 : nt;
        return valid(out->y, out->m, out->d);
    }
    /* "2011/11/10" (a URL's path, "/ 2011 / 11 / 10 /" once spaced out): year first leaves no doubt */
    int yf = num_at(t, nt, i, 4, 4);
    if (yf > 0 && i + 4 < nt && t[i + 1].kind == VG_TOK_PUNCT && text[t[i + 1].start] == '/' &&
        t[i + 3].kind == VG_TOK_PUNCT && text[t[i + 3].start] == '/') {
        int mo = num_at(t, nt, i + 2, 1, 2), dd = num_at(t, nt, i + 4, 1, 2);
        if (mo < 0 || dd < 0 || !valid(yf, mo, dd)) return 0;
        *out = (vg_date){.y = yf, .m = mo, .d = dd, .precision = 1, .t0 = i, .t1 = i + 5};
        return 1;
    }
    /* "2011 - 11 - 10" (a URL's ISO date spaced out; the tokeniser drops hyphens) */
    if (yf > 0 && i + 2 < nt && hyphen_between(t, i, text) && hyphen_between(t, i + 1, text)) {
        int mo = num_at(t, nt, i + 1, 1, 2), dd = num_at(t, nt, i + 2, 1, 2);
        if (mo < 0 || dd < 0 || !valid(yf, mo, dd)) return 0;
        *out = (vg_date){.y = yf, .m = mo, .d = dd, .precision = 1, .t0 = i, .t1 = i + 3};
        return 1;
    }
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
    *out = (vg_date){.y = y, .m = m, .d = d, .precision = 1, .t0 = i, .t1 = i + 5};
    return 1;
}

/* A line set apart from the text, tokenised, with its language's date words: the resources,
 * or NULL when there are none or tokenising fails. */
static const lang_res *line_tokens(const vg_analyzer *a, vg_arena *arena, const char *lang, const char *s, size_t n,
                                   vg_tok **t, size_t *nt, vg_date_lex *dl)
{
    if (!a || !lang || !s || !n) return NULL;
    const lang_res *L = vg_an_lang(a, lang);
    if (!L || vg_tokenize(arena, s, n, t, nt) != VG_OK) return NULL;
    *dl = (vg_date_lex){L->lex[L_MONTHS], L->lex[L_WEEKDAYS], L->lex[L_RELDATES], &L->dates, NULL, NULL, NULL};
    return L;
}

/* How many tokens from its date a dateline's time of day may stand (not "Last updated at 12: 42"): "March 12, 2013 02: 03",
 * "PUBLISHED: 02: 31 GMT, 12 March 2013" (the zone word and a comma between). */
#define DATELINE_TIME_REACH 2

/* The time of day nearest the date at tokens [d0, d1) of a dateline, within DATELINE_TIME_REACH. */
static int line_time(const vg_date_words *w, const vg_tok *t, size_t nt, size_t d0, size_t d1, int *hour, int *minute)
{
    size_t best = SIZE_MAX;
    for (size_t i = d0 > DATELINE_TIME_REACH + 3 ? d0 - DATELINE_TIME_REACH - 3 : 0; i < nt && i <= d1 + DATELINE_TIME_REACH; i++) {
        int h, mi;
        size_t next;
        if (i >= d0 && i < d1) continue;
        if (!vg_time_at(w, t, nt, i, &h, &mi, &next)) continue;
        size_t dist = i >= d1 ? i - d1 : next <= d0 ? d0 - next : SIZE_MAX;
        if (dist <= DATELINE_TIME_REACH && dist < best) { best = dist; *hour = h; *minute = mi; }
    }
    return best != SIZE_MAX;
}

int vg_analyze_dateline(const vg_analyzer *a, vg_arena *arena, const char *lang, const char *s, size_t n,
                        char out[17])
{
    vg_tok *t;
    size_t nt;
    vg_date_lex dl;
    const lang_res *L = line_tokens(a, arena, lang, s, n, &t, &nt, &dl);
    if (!L) return 0;
    for (size_t i = 0; i < nt; i++) {
        vg_date d;
        /* No publication date to lean on: only a full day, month and year will do. */
        if ((numeric_at(t, nt, i, s, n, L->dates.numeric, &d) || vg_date_at(&dl, t, nt, i, NULL, &d)) && !d.relative &&
            valid(d.y, d.m, d.d)) {
            vg_date_format(&d, out);
            int h, mi;
            if (line_time(&L->dates, t, nt, i, d.t1, &h, &mi)) snprintf(out + 10, 7, "T%02d:%02d", h, mi);
            return 1;
        }
    }
    return 0;
}

/* Are tokens [k, nt) only a time of day ("3: 00pm EST", "12: 41 GMT"): figures, punctuation
 * and short words? */
static int only_time_after(const vg_tok *t, size_t nt, size_t k)
{
    for (; k < nt; k++)
        if (t[k].kind == VG_TOK_WORD && t[k].flen > 3) return 0;
    return 1;
}

int vg_analyze_title_date(const vg_analyzer *a, vg_arena *arena, const char *lang, const char *s, size_t n,
                          char out[17])
{
    vg_tok *t;
    size_t nt;
    vg_date_lex dl;
    const lang_res *L = line_tokens(a, arena, lang, s, n, &t, &nt, &dl);
    if (!L) return 0;
    for (size_t i = 0; i < nt; i++) {
        vg_date d;
        if (!vg_date_at(&dl, t, nt, i, NULL, &d) || d.relative || !valid(d.y, d.m, d.d)) continue;
        if (i > 1 && !only_time_after(t, nt, d.t1)) return 0; /* the first full date decides */
        vg_date_format(&d, out);
        int h, mi;
        if (line_time(&L->dates, t, nt, i, d.t1, &h, &mi)) snprintf(out + 10, 7, "T%02d:%02d", h, mi);
        return 1;
    }
    return 0;
}

/* Does a dash set apart by spaces ("-", "--", "\u2013", "\u2014"; the tokeniser drops
 * them) stand between token k - 1 and token k, as after a dateline? */
static int dash_before(const ctx *c, size_t k)
{
    if (k == 0 || k >= c->nt) return 0;
    const char *s = c->text + c->t[k - 1].end, *e = c->text + c->t[k].start;
    for (; s < e; s++)
        if (*s == '-' || (e - s >= 3 && (!memcmp(s, "\xe2\x80\x93", 3) || !memcmp(s, "\xe2\x80\x94", 3))))
            return s > c->text + c->t[k - 1].end && s[-1] == ' ';
    return 0;
}

/* How far a dateline may run into its line: a place in capitals and a
 * comma ("NEW YORK CITY,"), then the date; after the date, an agency in
 * parentheses ("(Reuters)") or a period before the dash. */
#define DATELINE_LEAD 8
#define DATELINE_TAIL 5

int vg_an_text_dateline(const ctx *c, vg_date *out, size_t *end)
{
    if (!c->ns) return 0;
    /* the first lines: a title may come first */
    for (size_t k = 0; k < c->ns && k < 3; k++) {
        size_t t0 = c->s[k].t0, t1 = c->s[k].t1;
        if (t0 > 0 && memchr(c->text + c->t[t0 - 1].end, '\n', c->t[t0].start - c->t[t0 - 1].end) == NULL) continue;
        for (size_t i = t0; i < t1 && i <= t0 + DATELINE_LEAD; i++) {
            vg_date d;
            if (!vg_date_at(&c->dl, c->t, c->nt, i, NULL, &d) || d.relative || !d.m || !d.d) continue;
            size_t j = d.t1, depth = 0;
            for (; j < c->nt && j <= d.t1 + DATELINE_TAIL && !(dash_before(c, j) && !depth); j++) {
                const vg_tok *tk = &c->t[j];
                if (tk->kind == VG_TOK_PUNCT && tk->fold[0] == '(') depth++;
                else if (tk->kind == VG_TOK_PUNCT && tk->fold[0] == ')') { if (depth) depth--; }
                else if (!depth && !(tk->kind == VG_TOK_PUNCT && (tk->fold[0] == '.' || tk->fold[0] == ','))) break;
            }
            if (j >= c->nt || !dash_before(c, j) || depth) break;
            /* "ATHENS, May 5 (Reuters) -": no year written; the month and day are what is known */
            if (d.y && !valid(d.y, d.m, d.d)) break;
            *out = d;
            *end = j;
            out->relative = 0;
            out->t0 = out->t1 = 0;
            return 1;
        }
    }
    return 0;
}
