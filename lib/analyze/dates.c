/* dates.c - date expressions: day month [year], month day year, weekdays and relative words against the publication date. */
#include "dates.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/tsv.h"
#include "../core/utf8.h"

long vg_days_from_civil(int y, int m, int d)
{
    /* Howard Hinnant's algorithm. */
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long)doe - 719468;
}

void vg_civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long yy = (long)yoe + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yy + (*m <= 2));
}

static int weekday_of(int y, int m, int d)
{
    long z = vg_days_from_civil(y, m, d);
    long w = (z + 3) % 7; /* 1970-01-01 was a Thursday: Monday = 0 */
    if (w < 0) w += 7;
    return (int)w + 1;
}

int vg_date_parse_iso(const char *s, size_t n, vg_date *out)
{
    if (!s || n < 10) return 0;
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7) { if (s[i] != '-') return 0; }
        else if (s[i] < '0' || s[i] > '9') return 0;
    }
    memset(out, 0, sizeof *out);
    out->y = atoi(s);
    out->m = (s[5] - '0') * 10 + (s[6] - '0');
    out->d = (s[8] - '0') * 10 + (s[9] - '0');
    out->precision = 1;
    return out->m >= 1 && out->m <= 12 && out->d >= 1 && out->d <= 31 && out->y > 0;
}

int vg_date_iso_hour(const char *s, size_t n)
{
    if (n < 16 || s[10] != 'T' || s[13] != ':') return -1;
    for (int i = 11; i < 16; i++)
        if (i != 13 && (s[i] < '0' || s[i] > '9')) return -1;
    int h = (s[11] - '0') * 10 + (s[12] - '0');
    return h < 24 ? h : -1;
}

void vg_date_format(const vg_date *dt, char out[11])
{
    int m = dt->m ? dt->m : 1, d = dt->d ? dt->d : 1;
    if (dt->y > 0 && dt->y < 10000) snprintf(out, 11, "%04d-%02d-%02d", dt->y, m, d);
    else snprintf(out, 11, "XXXX-%02d-%02d", m, d);
}

/* Copies the folded word into the next free slot of list; 0 past the list's size or a slot's. */
static int add_word(vg_tsv *t, const char *word, char list[][VG_DATE_WORD], unsigned *n)
{
    size_t fl;
    char *f = vg_fold_heap(word, vg_utf8_valid_prefix(word, strlen(word)), &fl);
    if (!f) { vg_tsv_fail(t, VG_ERR_NOMEM, "%s", vg_strerror(VG_ERR_NOMEM)); return 0; }
    int ok = fl > 0 && fl < VG_DATE_WORD && *n < VG_DATE_MAX_WORDS;
    if (ok) memcpy(list[(*n)++], f, fl + 1);
    else vg_tsv_fail(t, VG_ERR_RESOURCE, "'%s': empty, longer than %d bytes or more than %d such rows", word,
                     VG_DATE_WORD - 1, VG_DATE_MAX_WORDS);
    free(f);
    return ok;
}

vg_status vg_date_words_load(const char *path, vg_date_words *w, char *err, size_t errlen)
{
    static const char *const keys[] = {"numeric", "day-suffix", "after-weekday", "joiner", "time-am", "time-pm"};
    static const char *const orders[] = {"day-first", "month-first"};
    memset(w, 0, sizeof *w);
    vg_tsv t;
    if (vg_tsv_open(&t, path, 0, err, errlen) != VG_OK) {
        if (err && errlen) err[0] = 0;
        return VG_OK;
    }
    while (vg_tsv_next(&t) == 1) {
        int k = vg_tsv_enum(&t, 0, "setting", keys, sizeof keys / sizeof *keys);
        if (k < 0) break;
        if (vg_tsv_nfields(&t) < 2) { vg_tsv_fail(&t, VG_ERR_RESOURCE, "expected SETTING<TAB>VALUE"); break; }
        const char *v = vg_tsv_field(&t, 1);
        if (k == 0) {
            int o = vg_tsv_enum(&t, 1, "numeric order", orders, 2);
            if (o < 0) break;
            w->numeric = o == 0 ? VG_NUMERIC_DAY_FIRST : VG_NUMERIC_MONTH_FIRST;
        } else {
            char(*list)[VG_DATE_WORD] = k == 1 ? w->suffix : k == 2 ? w->after_weekday : k == 3 ? w->joiner
                                      : k == 4 ? w->am : w->pm;
            unsigned *n = k == 1 ? &w->n_suffix : k == 2 ? &w->n_after_weekday : k == 3 ? &w->n_joiner
                        : k == 4 ? &w->n_am : &w->n_pm;
            if (!add_word(&t, v, list, n)) break;
        }
    }
    return vg_tsv_close(&t);
}

static int in_list(const char *s, size_t n, const char list[][VG_DATE_WORD], unsigned count)
{
    for (unsigned i = 0; i < count; i++)
        if (strlen(list[i]) == n && !memcmp(list[i], s, n)) return 1;
    return 0;
}

/* Figures only, 1..digits long: their value, else -1. */
static int figures(const char *s, size_t n, size_t digits)
{
    if (n == 0 || n > digits) return -1;
    int v = 0;
    for (size_t k = 0; k < n; k++) {
        if (s[k] < '0' || s[k] > '9') return -1;
        v = v * 10 + (s[k] - '0');
    }
    return v;
}

int vg_time_at(const vg_date_words *w, const vg_tok *t, size_t end, size_t i, int *hour, int *minute, size_t *next)
{
    if (i + 2 >= end || t[i + 1].kind != VG_TOK_PUNCT || t[i + 1].fold[0] != ':' || t[i + 1].flen != 1) return 0;
    int h = figures(t[i].fold, t[i].flen, 2);
    /* the minutes, maybe with the half of the day glued on ("3: 00pm") */
    const char *m = t[i + 2].fold;
    size_t ml = t[i + 2].flen;
    int mi = ml >= 2 ? figures(m, 2, 2) : -1;
    if (h < 0 || h > 23 || mi < 0 || mi > 59) return 0;
    size_t j = i + 3;
    const char *half = ml > 2 ? m + 2 : NULL;
    size_t hl = ml > 2 ? ml - 2 : 0;
    if (!half && j < end && t[j].kind == VG_TOK_WORD) { half = t[j].fold; hl = t[j].flen; }
    int am = w && half && in_list(half, hl, w->am, w->n_am), pm = w && half && in_list(half, hl, w->pm, w->n_pm);
    if (ml > 2 && !am && !pm) return 0; /* "12: 30th"? not a time */
    if (ml == 2 && (am || pm)) j++;
    if (am || pm) {
        if (h < 1 || h > 12) return 0;
        h = h % 12 + (pm ? 12 : 0);
        if (j < end && t[j].flen == 1 && t[j].fold[0] == '.') j++; /* "p. m." */
        if (j + 1 < end && t[j].kind == VG_TOK_WORD && t[j].flen == 1 && t[j + 1].flen == 1 && t[j + 1].fold[0] == '.')
            j += 2;
    }
    *hour = h;
    *minute = mi;
    *next = j;
    return 1;
}

/* vg_lex_match of l, through its memo when there is one. */
static const vg_lex_entry *date_match(const vg_lexicon *l, vg_lex_memo *m, const vg_tok *t, size_t end, size_t i,
                                      size_t *len)
{
    return m ? vg_lex_memo_match(m, t, end, i, len) : vg_lex_match(l, t, end, i, len);
}

static int lex_int(const vg_lexicon *l, vg_lex_memo *m, const vg_tok *t, size_t end, size_t i, size_t *len, int col)
{
    const vg_lex_entry *e = date_match(l, m, t, end, i, len);
    if (!e) return 0;
    return atoi(e->cols[col]);
}

/* A day of month: "8", or with a suffix of dates.tsv: "1er", "1st", "22nd", "9th". */
static int day_at(const vg_date_lex *lx, const vg_tok *t, size_t end, size_t i)
{
    if (i >= end || t[i].flen > 4) return 0;
    const char *f = t[i].fold;
    int v = 0, k = 0;
    while (k < (int)t[i].flen && f[k] >= '0' && f[k] <= '9') v = v * 10 + (f[k++] - '0');
    if (k == 0 || k > 2) return 0;
    const char *suf = f + k;
    size_t sl = t[i].flen - (size_t)k;
    if (sl && !(lx->words && in_list(suf, sl, lx->words->suffix, lx->words->n_suffix))) return 0;
    return v >= 1 && v <= 31 ? v : 0;
}

static int year_at(const vg_tok *t, size_t end, size_t i)
{
    if (i >= end || t[i].kind != VG_TOK_NUM || t[i].flen != 4) return 0;
    int y = atoi(t[i].fold);
    return y >= 1900 && y <= 2100 ? y : 0;
}

static size_t skip_word(const vg_tok *t, size_t end, size_t i, const char *w)
{
    return i < end && t[i].flen == strlen(w) && memcmp(t[i].fold, w, t[i].flen) == 0 ? i + 1 : i;
}

/* Past one word of a dates.tsv list at i ("de" in "5 de mayo"), or i. */
static size_t skip_listed(const vg_tok *t, size_t end, size_t i, const char list[][VG_DATE_WORD], unsigned count)
{
    return i < end && in_list(t[i].fold, t[i].flen, list, count) ? i + 1 : i;
}

static size_t skip_joiner(const vg_date_lex *lx, const vg_tok *t, size_t end, size_t i)
{
    return lx->words ? skip_listed(t, end, i, lx->words->joiner, lx->words->n_joiner) : i;
}

/* A publication date known to the day but not the year ("ATHENS, May 5 (Reuters) -"): days are
 * counted in a common year and the year stays unknown (a leap day is then off by one at most). */
#define UNKNOWN_YEAR 2001

static void shift(const vg_date *pub, long days, vg_date *out)
{
    int y = pub->y ? pub->y : UNKNOWN_YEAR;
    vg_civil_from_days(vg_days_from_civil(y, pub->m, pub->d) + days, &out->y, &out->m, &out->d);
    if (!pub->y) out->y = 0;
}

/* Fills day/month/year from "D Month [Year]" or "Month D[,] Year" at i. */
/* The same month named a second way right after the first, "آب/أغسطس", "آب (أغسطس)"
 * (Arabic papers pair the Levantine and the Egyptian names): the token after it, else j. */
static size_t skip_twin_month(const vg_date_lex *lx, const vg_tok *t, size_t end, size_t j, int m)
{
    size_t len;
    if (j + 1 >= end || t[j].kind != VG_TOK_PUNCT || t[j].flen != 1 || (t[j].fold[0] != '/' && t[j].fold[0] != '('))
        return j;
    if (lex_int(lx->months, lx->months_memo, t, end, j + 1, &len, 0) != m) return j;
    size_t k = j + 1 + len;
    if (t[j].fold[0] == '(') {
        if (k >= end || t[k].flen != 1 || t[k].fold[0] != ')') return j;
        k++;
    }
    return k;
}

static int absolute_at(const vg_date_lex *lx, const vg_tok *t, size_t end, size_t i, vg_date *out)
{
    size_t len;
    int d = day_at(lx, t, end, i), m;
    size_t mi = d ? skip_joiner(lx, t, end, i + 1) : i + 1; /* "5 de mayo" */
    if (d && (m = lex_int(lx->months, lx->months_memo, t, end, mi, &len, 0)) > 0) {
        size_t j = skip_twin_month(lx, t, end, mi + len, m);
        /* "8 nov. 2017", "29 April, 2020" */
        j = j < end && t[j].flen == 1 && (t[j].fold[0] == '.' || t[j].fold[0] == ',') && year_at(t, end, j + 1) ? j + 1 : j;
        size_t jy = skip_joiner(lx, t, end, j); /* "mayo de 2024" */
        if (jy != j && year_at(t, end, jy)) j = jy;
        int y = year_at(t, end, j);
        out->y = y; out->m = m; out->d = d; out->precision = 1;
        out->t0 = i; out->t1 = y ? j + 1 : j;
        return 1;
    }
    if ((m = lex_int(lx->months, lx->months_memo, t, end, i, &len, 0)) > 0) {
        size_t j = skip_twin_month(lx, t, end, i + len, m);
        /* "MAR. 14, 2013", "Nov. 10": an abbreviated month's period */
        if (j + 1 < end && t[j].flen == 1 && t[j].fold[0] == '.' && day_at(lx, t, end, j + 1)) j++;
        if ((d = day_at(lx, t, end, j)) > 0) {
            size_t k = j + 1;
            k = k < end && t[k].flen == 1 && t[k].fold[0] == ',' ? k + 1 : k;
            int y = year_at(t, end, k);
            out->y = y; out->m = m; out->d = d; out->precision = 1;
            out->t0 = i; out->t1 = y ? k + 1 : j + 1;
            return 1;
        }
        size_t jy = skip_joiner(lx, t, end, j); /* "marzo de 2020" */
        if (jy != j && year_at(t, end, jy)) j = jy;
        int y = year_at(t, end, j);
        if (y && (t[i].upper || t[i].caseless)) {
            /* "March 2020", "mars 2020", "آذار 2020": month precision (no capitals in Arabic) */
            out->y = y; out->m = m; out->d = 15; out->precision = 3;
            out->t0 = i; out->t1 = j + 1;
            return 1;
        }
    }
    return 0;
}

/* A date written without its year: the publication's, or the one before if that puts the date in the future. */
static void year_from_pub(const vg_date *pub, vg_date *out)
{
    if (out->y || !pub || !pub->y) return;
    out->y = pub->y;
    if (out->m > pub->m + 1) out->y--;
}

int vg_date_at(const vg_date_lex *lx, const vg_tok *t, size_t end, size_t i, const vg_date *pub, vg_date *out)
{
    memset(out, 0, sizeof *out);
    size_t len;
    /* A date starts with a day's figures, a month, a weekday or a relative date (absolute_at, then
     * the tables below): most words start none, and say so in four look-ups (the analyser asks at
     * every word of a text, 810 times an English dev text, at 380 instructions a word before). */
    if (i >= end) return 0;
    int digit = t[i].fold[0] >= '0' && t[i].fold[0] <= '9';
    /* the text's words are asked about again and again (mentions.c reads the dates of every
     * sentence three times): those the memos already know start no row end here, without the
     * three calls (which cost 30M of the 606M instructions of 200 English dev texts) */
    if (!digit && vg_lex_memo_none(lx->months_memo, t, i) && vg_lex_memo_none(lx->weekdays_memo, t, i) &&
        vg_lex_memo_none(lx->relative_memo, t, i))
        return 0;
    if (!digit && !date_match(lx->months, lx->months_memo, t, end, i, &len) &&
        !date_match(lx->weekdays, lx->weekdays_memo, t, end, i, &len) &&
        !date_match(lx->relative, lx->relative_memo, t, end, i, &len))
        return 0;
    if (absolute_at(lx, t, end, i, out)) {
        year_from_pub(pub, out);
        return 1;
    }
    int w = lex_int(lx->weekdays, lx->weekdays_memo, t, end, i, &len, 0);
    if (w >= 1 && w <= 7) {
        size_t j = skip_word(t, end, i + len, ","); /* "Thu, 10 Nov 2011", "Monday, March 11, 2013" */
        if (lx->words) j = skip_listed(t, end, j, lx->words->after_weekday, lx->words->n_after_weekday);
        if (absolute_at(lx, t, end, j, out)) {
            out->t0 = i;
            year_from_pub(pub, out);
            return 1;
        }
        if (!pub || !pub->y) return 0;
        int pw = weekday_of(pub->y, pub->m, pub->d);
        shift(pub, -(long)((pw - w + 7) % 7), out);
        out->precision = 1;
        out->relative = 1;
        out->t0 = i; out->t1 = i + len;
        return 1;
    }
    const vg_lex_entry *e = date_match(lx->relative, lx->relative_memo, t, end, i, &len);
    if (e) {
        /* "вчера, 8 сентября 2017 года", "ayer, 5 de mayo": the calendar day set beside the relative
         * word names it, read as written (as "Monday, March 11, 2013" is), with no publication date */
        if (absolute_at(lx, t, end, skip_word(t, end, i + len, ","), out) && out->d && out->m) {
            out->t0 = i;
            year_from_pub(pub, out);
            return 1;
        }
        memset(out, 0, sizeof *out);
        if (!pub || !pub->m || !pub->d) return 0;
        long off = strtol(e->cols[0], NULL, 10);
        /* "tonight" in a piece published at 02:03 is the evening before */
        if (pub->small_hours && !strcmp(e->cols[2], "evening")) off--;
        shift(pub, off, out);
        out->precision = atoi(e->cols[1]);
        if (out->precision < 1 || out->precision > 3) out->precision = 1;
        out->relative = 1;
        out->t0 = i; out->t1 = i + len;
        return 1;
    }
    return 0;
}
