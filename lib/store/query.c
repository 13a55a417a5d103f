/* query.c - what every read query shares: its arguments checked before any SQL runs. */
#include <stdio.h>
#include <string.h>

#include "internal.h"

static int leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

/* YYYY-MM-DD naming a day of the calendar. */
static int valid_date(const char *s)
{
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-') return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return 0;
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int m = (s[5] - '0') * 10 + (s[6] - '0'), d = (s[8] - '0') * 10 + (s[9] - '0');
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1) return 0;
    return d <= days[m - 1] + (m == 2 && leap(y));
}

static vg_status check_date(vg_db *db, const char *what, const char *v)
{
    if (!v || valid_date(v)) return VG_OK;
    snprintf(db->err, sizeof db->err, "%s date '%.200s' is not a date: YYYY-MM-DD wanted", what, v);
    return VG_ERR_ARG;
}

vg_status vg_query_check(vg_db *db, const vg_query *q)
{
    vg_status s;
    if ((s = check_date(db, "since", q->since)) != VG_OK) return s;
    return check_date(db, "until", q->until);
}
