/* dates.c - date expressions: day month [year], month day year, weekdays and relative words against the publication date. */
#include "dates.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

void vg_date_format(const vg_date *dt, char out[11])
{
    int m = dt->m ? dt->m : 1, d = dt->d ? dt->d : 1;
    if (dt->y > 0 && dt->y < 10000) snprintf(out, 11, "%04d-%02d-%02d", dt->y, m, d);
    else snprintf(out, 11, "XXXX-%02d-%02d", m, d);
}

static int lex_int(const vg_lexicon *l, const vg_tok *t, size_t end, size_t i, size_t *len, int col)
{
    const vg_lex_entry *e = vg_lex_match(l, t, end, i, len);
    if (!e) return 0;
    return atoi(e->cols[col]);
}

/* A day of month: "8", "1er", "1st", "22nd", "9th". */
static int day_at(const vg_tok *t, size_t end, size_t i)
{
    if (i >= end || t[i].flen > 4) return 0;
    const char *f = t[i].fold;
    int v = 0, k = 0;
    while (k < (int)t[i].flen && f[k] >= '0' && f[k] <= '9') v = v * 10 + (f[k++] - '0');
    if (k == 0 || k > 2) return 0;
    const char *suf = f + k;
    if (*suf && strcmp(suf, "er") && strcmp(suf, "re") && strcmp(suf, "st") && strcmp(suf, "nd") &&
        strcmp(suf, "rd") && strcmp(suf, "th") && strcmp(suf, "e")) return 0;
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
static int absolute_at(const vg_date_lex *lx, const vg_tok *t, size_t end, size_t i, vg_date *out)
{
    size_t len;
    int d = day_at(t, end, i), m;
    if (d && (m = lex_int(lx->months, t, end, i + 1, &len, 0)) > 0) {
        size_t j = i + 1 + len;
        /* "8 nov. 2017", "29 April, 2020" */
        j = j < end && t[j].flen == 1 && (t[j].fold[0] == '.' || t[j].fold[0] == ',') && year_at(t, end, j + 1) ? j + 1 : j;
        int y = year_at(t, end, j);
        out->y = y; out->m = m; out->d = d; out->precision = 1;
        out->t0 = i; out->t1 = y ? j + 1 : i + 1 + len;
        return 1;
    }
    if ((m = lex_int(lx->months, t, end, i, &len, 0)) > 0) {
        size_t j = i + len;
        /* "MAR. 14, 2013", "Nov. 10": an abbreviated month's period */
        if (j + 1 < end && t[j].flen == 1 && t[j].fold[0] == '.' && day_at(t, end, j + 1)) j++;
        if ((d = day_at(t, end, j)) > 0) {
            size_t k = j + 1;
            k = k < end && t[k].flen == 1 && t[k].fold[0] == ',' ? k + 1 : k;
            int y = year_at(t, end, k);
            out->y = y; out->m = m; out->d = d; out->precision = 1;
            out->t0 = i; out->t1 = y ? k + 1 : j + 1;
            return 1;
        }
        int y = year_at(t, end, j);
        if (y && t[i].upper) {
            /* "March 2020", "mars 2020": month precision */
            out->y = y; out->m = m; out->d = 15; out->precision = 3;
            out->t0 = i; out->t1 = j + 1;
            return 1;
        }
    }
    return 0;
}

int vg_date_at(const vg_date_lex *lx, const vg_tok *t, size_t end, size_t i, const vg_date *pub, vg_date *out)
{
    memset(out, 0, sizeof *out);
    size_t len;
    if (absolute_at(lx, t, end, i, out)) {
        if (!out->y && pub && pub->y) {
            /* No year: the publication year, or the one before if that puts the date in the future. */
            out->y = pub->y;
            if (out->m > pub->m + 1) out->y--;
        }
        return 1;
    }
    int w = lex_int(lx->weekdays, t, end, i, &len, 0);
    if (w >= 1 && w <= 7) {
        size_t j = skip_word(t, end, i + len, ","); /* "Thu, 10 Nov 2011", "Monday, March 11, 2013" */
        j = skip_word(t, end, j, "le");
        j = skip_word(t, end, j, "the");
        if (absolute_at(lx, t, end, j, out)) {
            out->t0 = i;
            if (!out->y && pub && pub->y) {
                out->y = pub->y;
                if (out->m > pub->m + 1) out->y--;
            }
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
    const vg_lex_entry *e = vg_lex_match(lx->relative, t, end, i, &len);
    if (e) {
        if (!pub || !pub->m || !pub->d) return 0;
        shift(pub, strtol(e->cols[0], NULL, 10), out);
        out->precision = atoi(e->cols[1]);
        if (out->precision < 1 || out->precision > 3) out->precision = 1;
        out->relative = 1;
        out->t0 = i; out->t1 = i + len;
        return 1;
    }
    return 0;
}
