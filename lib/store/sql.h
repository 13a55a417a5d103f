/* sql.h - one statement interface over the store's two engines, SQLite
 * (a file) and PostgreSQL (libpq, pg.c): the store's modules write each
 * statement once and run it on either.
 *
 * The calls follow SQLite's own (bind, step, column, reset) and step
 * returns SQLite's codes (SQLITE_ROW, SQLITE_DONE, else an error code), so
 * a module reads the same on both. SQL is written with numbered parameters
 * (?1, ?2 ...), which pg.c renders as $1, $2; where the dialects differ a
 * statement gives both texts (vg_db_stmt2). Values are always bound, never
 * pasted into SQL text. */
#ifndef VG_STORE_SQL_H
#define VG_STORE_SQL_H
#include <sqlite3.h>
#include <stdint.h>

typedef struct vg_db vg_db;
typedef struct vg_stmt vg_stmt;

/* A cached statement, reset and with its parameters cleared (NULL), or
 * NULL on a compile error (vg_db_error() says why). Cached by the pointer
 * `sql`: pass a string literal or anything that outlives db. pg_sql: the
 * PostgreSQL text when it differs (NULL: the same text). */
vg_stmt *vg_db_stmt(vg_db *db, const char *sql);
vg_stmt *vg_db_stmt2(vg_db *db, const char *sql, const char *pg_sql);

/* Parameters, 1-based. Text and blobs are not copied: they must stay
 * valid until the statement is reset. len < 0: up to the NUL. A NULL text
 * binds SQL NULL; a parameter never bound is NULL. */
void vg_bind_int64(vg_stmt *st, int i, int64_t v);
void vg_bind_double(vg_stmt *st, int i, double v);
void vg_bind_text(vg_stmt *st, int i, const char *s, int len);
void vg_bind_blob(vg_stmt *st, int i, const void *p, int len);
void vg_bind_null(vg_stmt *st, int i);

/* SQLITE_ROW (a row to read), SQLITE_DONE, or an error code for vg_db_fail. */
int vg_step(vg_stmt *st);
/* A write whose rows are not read and whose failure fails the whole
 * transaction (the caller then rolls back): on PostgreSQL it is sent without
 * waiting for its result (libpq's pipeline mode), and its result is read
 * with the next statement that returns rows, the next vg_db_exec (COMMIT)
 * or at VG_PIPE_MAX writes, whichever comes first: a round trip saved per
 * write. SQLITE_DONE, or an error code for vg_db_fail, then or later: a
 * failure of a write sent ahead is the failure of the statement that read
 * its result, with `what` (a string that lives as long as db) naming the
 * write. On SQLite: vg_step. The statement is reset after either way. */
int vg_step_later(vg_stmt *st, const char *what);
/* Read the results of the writes sent ahead: SQLITE_OK or the first one's
 * error code (recorded for vg_db_fail). */
int vg_pipe_drain(vg_db *db);
/* The connection was lost or replaced: what was sent ahead is gone with it. */
void vg_pipe_forget(vg_db *db);

/* Back to unexecuted, parameters kept; rows read are gone. */
void vg_reset(vg_stmt *st);

/* The current row's columns, 0-based. Text is NUL-terminated and valid
 * until the next step or reset; NULL for SQL NULL. */
int vg_column_count(vg_stmt *st);
const char *vg_column_name(vg_stmt *st, int i);
int vg_column_null(vg_stmt *st, int i);
int64_t vg_column_int64(vg_stmt *st, int i);
double vg_column_double(vg_stmt *st, int i);
const char *vg_column_text(vg_stmt *st, int i);
/* The value as SQLite would print it: a REAL column (type) with 15 significant digits. */
const char *vg_column_print(vg_stmt *st, int i, int is_real);
/* d as SQLite prints a REAL ("%!.15g"): 15 significant digits, at least one decimal. */
void vg_real_print(double d, char out[32]);
const void *vg_column_blob(vg_stmt *st, int i, int *len);

#endif
