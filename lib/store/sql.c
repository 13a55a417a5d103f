/* sql.c - the statement interface of sql.h on SQLite (a thin pass-through)
 * and on PostgreSQL (libpq prepared statements, text values). */
#include <inttypes.h>
#include <math.h>
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/alloc.h"
#include "internal.h"
#include "pg.h"

#define PG_MAX_PARAMS 32
#define PG_MAX_COLUMNS 64

struct vg_stmt {
    vg_db *db;
    sqlite3_stmt *sq; /* SQLite; NULL on PostgreSQL */
    /* PostgreSQL: a named prepared statement, its parameters as text (or
     * binary for blobs), the result of the last execution and the row read. */
    char name[24];
    int prepared, n_params, executed, row, n_rows;
    char *pg_sql; /* ?N rendered as $N */
    const char *val[PG_MAX_PARAMS];
    int len[PG_MAX_PARAMS], fmt[PG_MAX_PARAMS];
    char num[PG_MAX_PARAMS][32];
    char *copy[PG_MAX_PARAMS]; /* text given with a length, copied to end in a NUL */
    PGresult *res;
    unsigned char *blob[PG_MAX_COLUMNS]; /* bytea decoded, per column, freed at reset */
    char print[PG_MAX_COLUMNS][32]; /* REAL values printed as SQLite does, per column */
};

/* ?N outside quotes becomes $N; the highest N is the parameter count. */
static char *render_pg(const char *sql, int *n_params)
{
    size_t n = strlen(sql);
    char *out = vg_malloc(2 * n + 64); /* each "LIMIT ?N" grows by 10 bytes at most */
    if (!out) return NULL;
    size_t k = 0;
    char quote = 0;
    int max = 0;
    for (size_t i = 0; i < n; i++) {
        char c = sql[i];
        if (quote) { if (c == quote) quote = 0; out[k++] = c; continue; }
        if (c == '\'' || c == '"') { quote = c; out[k++] = c; continue; }
        /* SQLite's LIMIT -1 (no limit) is an error in PostgreSQL, LIMIT NULL is none */
        if (!strncmp(sql + i, "LIMIT ?", 7)) {
            static const char lim[] = "LIMIT nullif(";
            memcpy(out + k, lim, sizeof lim - 1);
            k += sizeof lim - 1;
            size_t j = i + 7;
            int v = 0;
            out[k++] = '$';
            while (j < n && sql[j] >= '0' && sql[j] <= '9') { v = v * 10 + (sql[j] - '0'); out[k++] = sql[j++]; }
            if (v > max) max = v;
            memcpy(out + k, ", -1)", 5);
            k += 5;
            i = j - 1;
            continue;
        }
        if (c == '?' && i + 1 < n && sql[i + 1] >= '0' && sql[i + 1] <= '9') {
            out[k++] = '$';
            int v = 0;
            for (size_t j = i + 1; j < n && sql[j] >= '0' && sql[j] <= '9'; j++) v = v * 10 + (sql[j] - '0');
            if (v > max) max = v;
            continue;
        }
        out[k++] = c;
    }
    out[k] = 0;
    *n_params = max;
    return out;
}

static vg_stmt *stmt_new(vg_db *db, const char *sql, const char *pg_sql, int persistent)
{
    vg_stmt *st = vg_calloc(1, sizeof *st);
    if (!st) return NULL;
    st->db = db;
    if (!db->pg) {
        int rc = sqlite3_prepare_v3(db->sql, sql, -1, persistent ? SQLITE_PREPARE_PERSISTENT : 0, &st->sq, NULL);
        if (rc != SQLITE_OK) {
            vg_db_fail(db, rc, "preparing a statement");
            free(st);
            return NULL;
        }
        return st;
    }
    if (!(st->pg_sql = render_pg(pg_sql ? pg_sql : sql, &st->n_params))) { free(st); return NULL; }
    if (st->n_params > PG_MAX_PARAMS) {
        snprintf(db->err, sizeof db->err, "statement with %d parameters, at most %d", st->n_params, PG_MAX_PARAMS);
        free(st->pg_sql);
        free(st);
        return NULL;
    }
    snprintf(st->name, sizeof st->name, "vg%u", vg_pg_next_name(db));
    return st;
}

static void clear_result(vg_stmt *st)
{
    if (st->res) PQclear(st->res);
    st->res = NULL;
    for (int i = 0; i < PG_MAX_COLUMNS; i++)
        if (st->blob[i]) { PQfreemem(st->blob[i]); st->blob[i] = NULL; }
    st->executed = 0;
    st->row = -1;
    st->n_rows = 0;
}

void vg_stmt_free(vg_stmt *st)
{
    if (!st) return;
    for (int k = 0; k < PG_MAX_PARAMS; k++) free(st->copy[k]);
    if (st->sq) sqlite3_finalize(st->sq);
    clear_result(st);
    free(st->pg_sql);
    free(st);
}

void vg_stmt_forget_prepared(vg_stmt *st) { st->prepared = 0; }

/* A cached statement made ready again: reset, every parameter NULL. */
static vg_stmt *reuse(vg_stmt *st)
{
    if (st->sq) {
        sqlite3_reset(st->sq);
        sqlite3_clear_bindings(st->sq);
    } else {
        clear_result(st);
        for (int k = 0; k < st->n_params; k++) st->val[k] = NULL;
    }
    return st;
}

vg_stmt *vg_db_stmt2(vg_db *db, const char *sql, const char *pg_sql)
{
    for (size_t i = 0; i < db->n_cache; i++)
        if (db->cache[i].sql == sql) return reuse(db->cache[i].st);
    vg_stmt *st = stmt_new(db, sql, pg_sql, db->n_cache < VG_DB_STMT_CACHE);
    if (!st) return NULL;
    /* A full cache is a programming error (too many distinct statements);
     * keep working by evicting the oldest rather than leaking. */
    if (db->n_cache == VG_DB_STMT_CACHE) {
        vg_stmt_free(db->cache[0].st);
        memmove(db->cache, db->cache + 1, sizeof db->cache[0] * (VG_DB_STMT_CACHE - 1));
        db->n_cache--;
    }
    db->cache[db->n_cache].sql = sql;
    db->cache[db->n_cache].st = st;
    db->n_cache++;
    return st;
}

vg_stmt *vg_db_stmt(vg_db *db, const char *sql) { return vg_db_stmt2(db, sql, NULL); }

vg_stmt *vg_db_shaped(vg_db *db, uint64_t key)
{
    for (size_t i = 0; i < db->n_shaped; i++)
        if (db->shaped[i].key == key) {
            db->shaped[i].used = ++db->shaped_clock;
            return reuse(db->shaped[i].st);
        }
    return NULL;
}

vg_stmt *vg_db_shaped_add(vg_db *db, uint64_t key, const char *sql)
{
    vg_stmt *st = stmt_new(db, sql, NULL, 1);
    if (!st) return NULL;
    size_t slot = db->n_shaped;
    if (slot == VG_DB_SHAPES) { /* the least recently used goes (never the one just used) */
        slot = 0;
        for (size_t i = 1; i < VG_DB_SHAPES; i++)
            if (db->shaped[i].used < db->shaped[slot].used) slot = i;
        vg_stmt *old = db->shaped[slot].st;
        if (db->pg && old->prepared) { /* the server keeps a prepared statement until told */
            char sql_dealloc[48];
            snprintf(sql_dealloc, sizeof sql_dealloc, "DEALLOCATE %s", old->name);
            if (vg_pg_exec(db, sql_dealloc) != VG_OK) db->err[0] = 0; /* lost: it went with the session */
        }
        vg_stmt_free(old);
    } else db->n_shaped++;
    db->shaped[slot].key = key;
    db->shaped[slot].st = st;
    db->shaped[slot].used = ++db->shaped_clock;
    return st;
}

void vg_db_stmts_forget_prepared(vg_db *db)
{
    for (size_t i = 0; i < db->n_cache; i++) vg_stmt_forget_prepared(db->cache[i].st);
    for (size_t i = 0; i < db->n_shaped; i++) vg_stmt_forget_prepared(db->shaped[i].st);
}

void vg_db_stmts_free(vg_db *db)
{
    for (size_t i = 0; i < db->n_cache; i++) vg_stmt_free(db->cache[i].st);
    for (size_t i = 0; i < db->n_shaped; i++) vg_stmt_free(db->shaped[i].st);
    db->n_cache = db->n_shaped = 0;
}

/* ---------------------------------------------------------------- parameters */

void vg_sql_id_array(vg_buf *b, const int64_t *v, size_t n)
{
    vg_buf_clear(b);
    vg_buf_putc(b, '{');
    for (size_t i = 0; i < n; i++) vg_buf_printf(b, "%s%lld", i ? "," : "", (long long)v[i]);
    vg_buf_putc(b, '}');
}

static int pg_slot(vg_stmt *st, int i)
{
    return i >= 1 && i <= st->n_params ? i - 1 : -1;
}

void vg_bind_int64(vg_stmt *st, int i, int64_t v)
{
    if (st->sq) { sqlite3_bind_int64(st->sq, i, v); return; }
    int k = pg_slot(st, i);
    if (k < 0) return;
    snprintf(st->num[k], sizeof st->num[k], "%" PRId64, v);
    st->val[k] = st->num[k];
    st->len[k] = 0;
    st->fmt[k] = 0;
}

void vg_bind_double(vg_stmt *st, int i, double v)
{
    if (st->sq) { sqlite3_bind_double(st->sq, i, v); return; }
    int k = pg_slot(st, i);
    if (k < 0) return;
    snprintf(st->num[k], sizeof st->num[k], "%.17g", v); /* round-trips exactly */
    st->val[k] = st->num[k];
    st->len[k] = 0;
    st->fmt[k] = 0;
}

void vg_bind_null(vg_stmt *st, int i)
{
    if (st->sq) { sqlite3_bind_null(st->sq, i); return; }
    int k = pg_slot(st, i);
    if (k >= 0) st->val[k] = NULL;
}

void vg_bind_text(vg_stmt *st, int i, const char *s, int len)
{
    if (!s) { vg_bind_null(st, i); return; }
    if (st->sq) { sqlite3_bind_text(st->sq, i, s, len, SQLITE_STATIC); return; }
    int k = pg_slot(st, i);
    if (k < 0) return;
    /* Sent in text format, which the server parses into whatever type the
     * statement gives the parameter (a story id compared with a bigint):
     * NUL-terminated, so a slice given with its length is copied. */
    free(st->copy[k]);
    st->copy[k] = NULL;
    if (len >= 0) {
        if (!(st->copy[k] = vg_malloc((size_t)len + 1))) { st->val[k] = NULL; st->db->nomem = 1; return; }
        memcpy(st->copy[k], s, (size_t)len);
        st->copy[k][len] = 0;
        s = st->copy[k];
    }
    st->val[k] = s;
    st->len[k] = 0;
    st->fmt[k] = 0;
}

void vg_bind_blob(vg_stmt *st, int i, const void *p, int len)
{
    if (!p) { vg_bind_null(st, i); return; }
    if (st->sq) { sqlite3_bind_blob(st->sq, i, p, len, SQLITE_STATIC); return; }
    int k = pg_slot(st, i);
    if (k < 0) return;
    st->val[k] = p;
    st->len[k] = len;
    st->fmt[k] = 1;
}

/* ---------------------------------------------------------------- execution */

static int prepare(vg_stmt *st)
{
    if (st->prepared) return SQLITE_OK;
    vg_db *db = st->db;
    int rc = vg_pipe_drain(db); /* PQprepare waits for its answer: not in a pipeline */
    if (rc != SQLITE_OK) return rc;
    /* Every parameter's type is left to the server, except those sent binary (text, bytea). */
    PGresult *r = PQprepare(vg_pg_conn(db), st->name, st->pg_sql, 0, NULL);
    int ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    if (!ok) vg_pg_error(db, r, "preparing a statement");
    PQclear(r);
    if (!ok) return SQLITE_ERROR;
    st->prepared = 1;
    return SQLITE_OK;
}

/* ---------------------------------------------------------------- writes sent ahead (PostgreSQL)
 * A statement waits a round trip for its answer; the story writer's writes
 * (a story's row, an article's story: ~4 an article, 4,800 of the 8,481
 * statements of an ECB+ dev ingest) need none, only to fail the batch
 * when they fail. They go out in libpq's pipeline mode and their results
 * are read together with the next statement that returns rows, which is
 * sent in the same pipeline: one round trip for both. */

/* Sync the pipeline and read its results: the writes sent ahead, then
 * `last` if given (already sent; its result kept in last->res). */
static int drain(vg_db *db, vg_stmt *last)
{
    PGconn *c = vg_pg_conn(db);
    int rc = SQLITE_OK;
    size_t n = db->n_piped + (last != NULL);
    if (!PQpipelineSync(c)) {
        rc = vg_pg_error(db, NULL, "sending writes");
        n = 0; /* nothing will come back: the connection is gone */
    }
    for (size_t i = 0; i < n; i++) {
        int is_last = last && i == db->n_piped;
        const char *what = is_last ? NULL : db->piped[i];
        PGresult *r;
        int got = 0;
        while ((r = PQgetResult(c))) { /* a command's results end with NULL */
            got = 1;
            ExecStatusType t = PQresultStatus(r);
            if (t == PGRES_FATAL_ERROR && rc == SQLITE_OK) {
                rc = vg_pg_error(db, r, what);
                if (what) vg_pg_error_ahead(db);
            }
            if (is_last && rc == SQLITE_OK && (t == PGRES_TUPLES_OK || t == PGRES_COMMAND_OK) && !last->res) {
                last->res = r;
                continue;
            }
            PQclear(r);
        }
        if (!got && rc == SQLITE_OK) rc = vg_pg_error(db, NULL, what);
    }
    PGresult *r = n ? PQgetResult(c) : NULL; /* the sync's own */
    if (n && PQresultStatus(r) != PGRES_PIPELINE_SYNC && rc == SQLITE_OK) rc = vg_pg_error(db, r, "ending writes");
    PQclear(r);
    if (!PQexitPipelineMode(c) && rc == SQLITE_OK) rc = vg_pg_error(db, NULL, "ending writes");
    db->n_piped = 0;
    if (rc != SQLITE_OK && last && last->res) {
        PQclear(last->res);
        last->res = NULL;
    }
    return rc;
}

int vg_pipe_drain(vg_db *db)
{
    return db->pg && db->n_piped ? drain(db, NULL) : SQLITE_OK;
}

void vg_pipe_forget(vg_db *db) { db->n_piped = 0; }

int vg_step_later(vg_stmt *st, const char *what)
{
    if (st->sq) {
        int rc = sqlite3_step(st->sq);
        sqlite3_reset(st->sq);
        return rc == SQLITE_ROW ? SQLITE_DONE : rc;
    }
    vg_db *db = st->db;
    clear_result(st);
    if (db->nomem) { db->nomem = 0; return SQLITE_NOMEM; }
    int rc = prepare(st);
    if (rc != SQLITE_OK) return rc;
    PGconn *c = vg_pg_conn(db);
    if (!db->n_piped && !PQenterPipelineMode(c)) return vg_pg_error(db, NULL, what);
    if (!PQsendQueryPrepared(c, st->name, st->n_params, st->val, st->len, st->fmt, 0)) {
        rc = vg_pg_error(db, NULL, what);
        if (!db->n_piped) PQexitPipelineMode(c);
        return rc;
    }
    db->piped[db->n_piped++] = what;
    if (db->n_piped == VG_PIPE_MAX && (rc = drain(db, NULL)) != SQLITE_OK) return rc;
    return SQLITE_DONE;
}

int vg_step(vg_stmt *st)
{
    if (st->sq) return sqlite3_step(st->sq);
    if (!st->executed) {
        vg_db *db = st->db;
        if (db->nomem) { db->nomem = 0; return SQLITE_NOMEM; }
        PGconn *c = vg_pg_conn(db);
        int rc = prepare(st);
        if (rc != SQLITE_OK) return rc;
        if (db->n_piped) { /* the writes sent ahead and this statement: one round trip */
            if (!PQsendQueryPrepared(c, st->name, st->n_params, st->val, st->len, st->fmt, 0)) {
                rc = vg_pg_error(db, NULL, NULL);
                vg_pipe_drain(db);
                return rc;
            }
            if ((rc = drain(db, st)) != SQLITE_OK) return rc;
        } else {
            st->res = PQexecPrepared(c, st->name, st->n_params, st->val, st->len, st->fmt, 0);
        }
        ExecStatusType s = PQresultStatus(st->res);
        if (s != PGRES_TUPLES_OK && s != PGRES_COMMAND_OK) {
            rc = vg_pg_error(db, st->res, NULL);
            PQclear(st->res);
            st->res = NULL;
            return rc;
        }
        st->executed = 1;
        st->n_rows = PQntuples(st->res);
        st->row = -1;
    }
    if (st->row + 1 < st->n_rows) {
        st->row++;
        for (int i = 0; i < PG_MAX_COLUMNS; i++)
            if (st->blob[i]) { PQfreemem(st->blob[i]); st->blob[i] = NULL; }
        return SQLITE_ROW;
    }
    st->row = st->n_rows;
    return SQLITE_DONE;
}

void vg_reset(vg_stmt *st)
{
    if (st->sq) sqlite3_reset(st->sq);
    else clear_result(st);
}

/* ---------------------------------------------------------------- columns */

static int pg_has(vg_stmt *st, int i)
{
    return st->res && st->row >= 0 && st->row < st->n_rows && i >= 0 && i < PQnfields(st->res);
}

int vg_column_count(vg_stmt *st)
{
    if (st->sq) return sqlite3_column_count(st->sq);
    return st->res ? PQnfields(st->res) : 0;
}

const char *vg_column_name(vg_stmt *st, int i)
{
    if (st->sq) return sqlite3_column_name(st->sq, i);
    return st->res ? PQfname(st->res, i) : NULL;
}

int vg_column_null(vg_stmt *st, int i)
{
    if (st->sq) return sqlite3_column_type(st->sq, i) == SQLITE_NULL;
    return !pg_has(st, i) || PQgetisnull(st->res, st->row, i);
}

const char *vg_column_text(vg_stmt *st, int i)
{
    if (st->sq) return (const char *)sqlite3_column_text(st->sq, i);
    return vg_column_null(st, i) ? NULL : PQgetvalue(st->res, st->row, i);
}

int64_t vg_column_int64(vg_stmt *st, int i)
{
    if (st->sq) return sqlite3_column_int64(st->sq, i);
    const char *v = vg_column_text(st, i);
    return v ? (int64_t)strtoll(v, NULL, 10) : 0;
}

double vg_column_double(vg_stmt *st, int i)
{
    if (st->sq) return sqlite3_column_double(st->sq, i);
    const char *v = vg_column_text(st, i);
    return v ? strtod(v, NULL) : 0;
}

/* The decimal with at most 6 places and 15 digits whose closest double is d, as "%!.15g" prints
 * it (no trailing zero, ".0" when whole): what a store's coordinates and confidences are. The
 * division is correctly rounded, so (double)m / 10^k == |d| proves |d| is the closest double to
 * m / 10^k, and 15 significant digits of it are those of m / 10^k. 0 when d is none (zero, NaN,
 * past 1e9 or below 1e-4, more places): the caller prints it the slow way. */
static size_t real_short(double d, char *out)
{
    static const double p10[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};
    double a = d < 0 ? -d : d;
    if (!(a >= 1e-4 && a < 1e9)) return 0;
    for (int k = 0; k < 7; k++) {
        double m = nearbyint(a * p10[k]);
        if (m / p10[k] != a) continue;
        char digits[24];
        int n = 0, o = 0;
        for (uint64_t u = (uint64_t)m; u || !n; u /= 10) digits[n++] = (char)('0' + u % 10);
        for (int j = 0; j < n / 2; j++) { char c = digits[j]; digits[j] = digits[n - 1 - j]; digits[n - 1 - j] = c; }
        if (d < 0) out[o++] = '-';
        int whole = n - k;
        if (whole <= 0) out[o++] = '0';
        else { memcpy(out + o, digits, (size_t)whole); o += whole; }
        out[o++] = '.';
        if (k == 0) out[o++] = '0';
        for (int z = whole; z < 0; z++) out[o++] = '0';
        for (int j = whole > 0 ? whole : 0; j < n; j++) out[o++] = digits[j];
        out[o] = 0;
        return (size_t)o;
    }
    return 0;
}

void vg_real_print(double d, char out[32])
{
    if (!real_short(d, out)) sqlite3_snprintf(32, out, "%!.15g", d);
}

const char *vg_column_print(vg_stmt *st, int i, int is_real)
{
    if (st->sq) {
        /* sqlite3_column_text would print the REAL with SQLite's printf, a tenth of a page of
         * events' time under `vigie serve` (perf): the short form is the same text */
        if (is_real && i >= 0 && i < PG_MAX_COLUMNS && sqlite3_column_type(st->sq, i) == SQLITE_FLOAT &&
            real_short(sqlite3_column_double(st->sq, i), st->print[i]))
            return st->print[i];
        return (const char *)sqlite3_column_text(st->sq, i);
    }
    const char *v = vg_column_text(st, i);
    if (!is_real || !v || i < 0 || i >= PG_MAX_COLUMNS) return v;
    /* SQLite prints a REAL with 15 significant digits and at least one
     * decimal, with its own printf (which rounds a tie like ...1875 down
     * where glibc's rounds it to even: -145.758666992187, not ...188);
     * PostgreSQL with the shortest exact form. The same text: SQLite's. */
    char *end;
    double d = strtod(v, &end);
    if (end == v || *end) return v; /* NaN, Infinity: as the server wrote them */
    vg_real_print(d, st->print[i]);
    return st->print[i];
}

const void *vg_column_blob(vg_stmt *st, int i, int *len)
{
    if (st->sq) {
        const void *p = sqlite3_column_blob(st->sq, i);
        *len = sqlite3_column_bytes(st->sq, i);
        return p;
    }
    *len = 0;
    if (vg_column_null(st, i) || i >= PG_MAX_COLUMNS) return NULL;
    if (!st->blob[i]) {
        size_t n = 0;
        st->blob[i] = PQunescapeBytea((const unsigned char *)PQgetvalue(st->res, st->row, i), &n);
        if (!st->blob[i]) return NULL;
        *len = (int)n;
        return st->blob[i];
    }
    size_t n = 0; /* decoded before: decode the length again (rare: read twice) */
    unsigned char *again = PQunescapeBytea((const unsigned char *)PQgetvalue(st->res, st->row, i), &n);
    if (again) PQfreemem(again);
    *len = (int)n;
    return st->blob[i];
}
