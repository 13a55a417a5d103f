/* query.c - what every read query shares: its arguments checked before any SQL runs, and a
 * budget of time and work enforced by SQLite's progress handler. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "internal.h"
#include "pg.h"

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

static vg_status query_check(vg_db *db, const vg_query *q)
{
    vg_status s;
    if ((s = check_date(db, "since", q->since)) != VG_OK) return s;
    return check_date(db, "until", q->until);
}

/* The progress handler runs every PROGRESS_OPS virtual-machine instructions,
 * FTS5's index reads included (they step SQLite's blob statements): on a
 * 242-prefix search of 2 s the longest gap between two calls was 0.25 s, so
 * a query stops within about that of its budget. The clock read costs ~20 ns
 * per 1,000 instructions. */
#define PROGRESS_OPS 1000

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int over_budget(void *ud)
{
    vg_db *db = ud;
    db->budget.steps += PROGRESS_OPS;
    if (db->budget.max_steps && db->budget.steps > db->budget.max_steps) db->budget.exceeded = 1;
    if (db->budget.max_ms && (now_s() - db->budget.start - db->budget.paused) * 1000.0 > (double)db->budget.max_ms)
        db->budget.exceeded = 1;
    return db->budget.exceeded; /* non-zero: SQLite interrupts the statement */
}

void vg_db_set_query_budget(vg_db *db, long max_ms, unsigned long long max_steps)
{
    if (!db) return;
    db->budget.max_ms = max_ms > 0 ? max_ms : 0;
    db->budget.max_steps = max_steps;
}

vg_status vg_query_start(vg_db *db, const vg_query *q)
{
    vg_status s = q ? query_check(db, q) : VG_OK;
    if (s != VG_OK) return s;
    db->budget.steps = 0;
    db->budget.paused = 0;
    db->budget.exceeded = 0;
    db->budget.start = now_s();
    db->budget.active = 1;
    if (db->pg) { /* PostgreSQL counts time only: statement_timeout */
        char set[64];
        snprintf(set, sizeof set, "SET statement_timeout = %ld", db->budget.max_ms);
        /* a read-only connection lost since its last read (the server
         * restarted) is opened again first, and once more if it drops here */
        if (db->flags & VG_DB_READONLY) {
            if ((s = vg_pg_ensure(db)) != VG_OK) return s;
            if ((s = vg_pg_exec(db, set)) == VG_OK || !vg_pg_lost(db) || vg_pg_ensure(db) != VG_OK) return s;
        }
        return vg_pg_exec(db, set);
    }
    if (db->budget.max_ms || db->budget.max_steps) sqlite3_progress_handler(db->sql, PROGRESS_OPS, over_budget, db);
    return VG_OK;
}

vg_status vg_query_end(vg_db *db, vg_status s)
{
    if (db->pg && db->budget.active && vg_pg_exec(db, "SET statement_timeout = 0") != VG_OK && s == VG_OK)
        s = VG_ERR_DB;
    else if (db->sql) sqlite3_progress_handler(db->sql, 0, NULL, NULL);
    db->budget.active = 0;
    return s;
}

int vg_query_exceeded(const vg_db *db) { return db->budget.active && db->budget.exceeded; }

void vg_query_pause(vg_db *db, double seconds)
{
    if (db->budget.active) db->budget.paused += seconds;
}

double vg_query_clock(void) { return now_s(); }
