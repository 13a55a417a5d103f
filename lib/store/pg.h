/* pg.h - the PostgreSQL side of the store (pg.c): connection, schema, errors.
 * The statements themselves go through sql.h like SQLite's. */
#ifndef VG_STORE_PG_H
#define VG_STORE_PG_H
#include <libpq-fe.h>

#include "vigie.h"

typedef struct vg_db vg_db;

/* Does the --db value name a PostgreSQL database (postgresql:// or postgres://)? */
int vg_pg_is_url(const char *path);
/* Connect db (db->path: the URL) and bring its schema up to date (or, read-only,
 * check it). A missing server, a refused login, a schema newer than this
 * vigie: an error status with db->err saying which. */
vg_status vg_pg_open(vg_db *db);
void vg_pg_close(vg_db *db);
PGconn *vg_pg_conn(vg_db *db);
/* A new name for a prepared statement on this connection. */
unsigned vg_pg_next_name(vg_db *db);
/* Record a failed result's message and SQLSTATE in db (what: context, may
 * be NULL); returns the SQLite-style code vg_step returns for it. */
int vg_pg_error(vg_db *db, const PGresult *r, const char *what);
/* The last error recorded was a write's sent ahead (sql.c), its message
 * already naming it: vg_pg_fail then does not put its own `what` before. */
void vg_pg_error_ahead(vg_db *db);
/* The status and db->err message for the last error recorded. */
vg_status vg_pg_fail(vg_db *db, const char *what);
/* Run SQL with no parameters and no rows wanted (may hold several statements). */
vg_status vg_pg_exec(vg_db *db, const char *sql);
/* The connection dropped: connect again, with back-off (at most
 * VG_PG_RECONNECT_S seconds in all); statements are prepared again. */
vg_status vg_pg_reconnect(vg_db *db);
/* A reader's connection that dropped (a server restart, an idle link cut)
 * opened again, once, at once (no back-off: a reader answers or fails
 * now); VG_OK when it is up. Statements are prepared again. */
vg_status vg_pg_ensure(vg_db *db);
/* Did the last error come from a lost connection? */
int vg_pg_lost(const vg_db *db);

/* Advisory lock keys (pg_advisory_lock): the story writer, schema migrations. */
#define VG_PG_LOCK_STORIES 0x76696701LL
#define VG_PG_LOCK_MIGRATE 0x76696702LL

#endif
