/* db.c - opening the SQLite store, batched transactions, vg_db_put / reject / articles. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "../core/alloc.h"
#include "internal.h"
#include "pg.h"

#define DEFAULT_BATCH 500
#define MAX_COLUMNS 64

sqlite3 *vg_db_sqlite(vg_db *db) { return db->sql; }

const char *vg_db_error(const vg_db *db)
{
    return db ? db->err : "no database";
}

const char *vg_db_name(const vg_db *db, const char *path)
{
    return db ? db->shown : path;
}

vg_status vg_db_fail(vg_db *db, int rc, const char *what)
{
    if (db->pg) return vg_pg_fail(db, what);
    vg_status s;
    switch (rc & 0xff) {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT: s = VG_ERR_DB_CORRUPT; break;
    case SQLITE_READONLY:
    case SQLITE_PERM: s = VG_ERR_DB_READONLY; break;
    case SQLITE_FULL: s = VG_ERR_DB_FULL; break;
    case SQLITE_NOMEM: s = VG_ERR_NOMEM; break;
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR: s = VG_ERR_IO; break;
    default: s = VG_ERR_DB; break;
    }
    const char *msg = db->sql ? sqlite3_errmsg(db->sql) : sqlite3_errstr(rc);
    if (vg_query_exceeded(db)) { /* our progress handler interrupted it, whatever the code says */
        if (db->budget.max_steps && db->budget.steps > db->budget.max_steps)
            snprintf(db->err, sizeof db->err, "%s: stopped after %llu instructions, its budget: narrow the query", what,
                     db->budget.max_steps);
        else
            snprintf(db->err, sizeof db->err, "%s: stopped after %ld ms, its time budget: narrow the query", what,
                     db->budget.max_ms);
        return VG_ERR_TIMEOUT;
    }
    if ((rc & 0xff) == SQLITE_CORRUPT) /* a database, damaged: not someone else's file */
        snprintf(db->err, sizeof db->err, "%s: %s is a damaged database (%s): restore a copy, or try sqlite3's .recover",
                 what, db->path, msg);
    else if (s == VG_ERR_DB_CORRUPT)
        snprintf(db->err, sizeof db->err, "%s: %s is not a vigie database (%s)", what, db->path, msg);
    else
        snprintf(db->err, sizeof db->err, "%s: %s", what, msg);
    return s;
}

vg_status vg_db_step_done(vg_db *db, vg_stmt *st, const char *what)
{
    int rc = vg_step(st);
    vg_reset(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) return vg_db_fail(db, rc, what);
    return VG_OK;
}

vg_status vg_db_step_later(vg_db *db, vg_stmt *st, const char *what)
{
    int rc = vg_step_later(st, what);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) return vg_db_fail(db, rc, what);
    return VG_OK;
}

vg_status vg_db_exec(vg_db *db, const char *sql)
{
    if (db->pg) return vg_pg_exec(db, sql);
    char *msg = NULL;
    int rc = sqlite3_exec(db->sql, sql, NULL, NULL, &msg);
    sqlite3_free(msg);
    if (rc != SQLITE_OK) return vg_db_fail(db, rc, "executing SQL");
    return VG_OK;
}

vg_status vg_db_data_version(vg_db *db, int64_t *v)
{
    vg_stmt *st = vg_db_stmt(db, "PRAGMA data_version");
    if (!st) return VG_ERR_DB;
    int rc = vg_step(st);
    *v = rc == SQLITE_ROW ? vg_column_int64(st, 0) : -1;
    vg_reset(st);
    if (rc != SQLITE_ROW) return vg_db_fail(db, rc, "reading data version");
    return VG_OK;
}

static void rollback(vg_db *db);

/* PostgreSQL has no data_version: the clustering's writer counts its
 * commits in cluster_meta ('gen'), in the transaction that commits, under
 * the advisory lock that makes it the one writer of stories at a time.
 * A count that is not the one we wrote last: someone else wrote. */
static const char gen_read_sql[] = "SELECT value FROM cluster_meta WHERE key = 'gen'";
static const char gen_write_sql[] = "INSERT INTO cluster_meta(key, value) VALUES('gen', ?1)"
                                    " ON CONFLICT(key) DO UPDATE SET value = excluded.value";

static vg_status pg_begin(vg_db *db)
{
    vg_status s = vg_db_exec(db, "BEGIN");
    if (s != VG_OK) return s;
    db->in_tx = 1;
    db->pending = 0;
    if (db->no_stories) return VG_OK; /* a queue worker's claim: stories are the writer's (queue.c) */
    vg_stmt *st = vg_db_stmt(db, "SELECT pg_advisory_xact_lock(?1::bigint)");
    if (!st) { rollback(db); return VG_ERR_DB; }
    vg_bind_int64(st, 1, VG_PG_LOCK_STORIES);
    if ((s = vg_db_step_done(db, st, "waiting for the story writer's lock")) != VG_OK) { rollback(db); return s; }
    if (!(st = vg_db_stmt(db, gen_read_sql))) { rollback(db); return VG_ERR_DB; }
    int rc = vg_step(st);
    int64_t v = rc == SQLITE_ROW ? vg_column_int64(st, 0) : 0;
    vg_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) { s = vg_db_fail(db, rc, "reading the writers' count"); rollback(db); return s; }
    if (v != db->data_version) {
        vg_stories_forget(db);
        vg_dups_forget(db);
        db->data_version = v;
    }
    return VG_OK;
}

vg_status vg_db_begin(vg_db *db)
{
    if (db->in_tx) return VG_OK;
    if (db->flags & VG_DB_READONLY) {
        snprintf(db->err, sizeof db->err, "%s was opened read-only", db->shown);
        return VG_ERR_DB_READONLY;
    }
    if (db->pg) return pg_begin(db);
    vg_stmt *st = vg_db_stmt(db, "BEGIN IMMEDIATE");
    if (!st) return vg_db_fail(db, sqlite3_errcode(db->sql), "starting a transaction");
    int rc = vg_step(st);
    vg_reset(st);
    if (rc != SQLITE_DONE) return vg_db_fail(db, rc, "starting a transaction");
    db->in_tx = 1;
    db->pending = 0;
    /* Another connection may have written between our transactions (PRAGMA
     * data_version moves only when another connection commits): the state
     * kept in memory between puts (story counts, band index) then starts again. */
    int64_t v;
    vg_status vs = vg_db_data_version(db, &v);
    if (vs != VG_OK) { rollback(db); return vs; }
    if (v != db->data_version) {
        vg_stories_forget(db);
        vg_dups_forget(db);
        db->data_version = v;
    }
    return VG_OK;
}

/* After a failed write the whole open batch is dropped: never half a document. */
static void rollback(vg_db *db)
{
    if (db->pg) {
        vg_pipe_drain(db); /* their failure is why we roll back, or gone with it */
        if (db->in_tx) PQclear(PQexec(vg_pg_conn(db), "ROLLBACK"));
    } else if (db->in_tx && !sqlite3_get_autocommit(db->sql)) {
        sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
    }
    vg_stories_forget(db);
    vg_dups_forget(db);
    db->in_tx = 0;
    db->pending = 0;
}

void vg_db_rollback(vg_db *db) { rollback(db); }

vg_status vg_db_reconnect(vg_db *db)
{
    if (!db) return VG_ERR_ARG;
    if (!db->pg) return VG_OK; /* a file does not go away */
    db->in_tx = 0; /* lost with the connection */
    db->pending = 0;
    vg_stories_forget(db);
    vg_dups_forget(db);
    db->story_writer = 0; /* its session lock went with the connection */
    db->data_version = -1;
    vg_status s = vg_pg_reconnect(db);
    return s == VG_OK ? vg_queue_relock(db) : s;
}

vg_status vg_db_commit(vg_db *db)
{
    if (!db) return VG_ERR_ARG;
    if (!db->in_tx) return VG_OK;
    vg_status fs = vg_stories_flush(db); /* clustering state, in the batch's transaction */
    if (fs != VG_OK) { rollback(db); return fs; }
    if (db->pg) {
        vg_stmt *g = db->no_stories ? NULL : vg_db_stmt(db, gen_write_sql);
        if (!db->no_stories) {
            if (!g) { rollback(db); return VG_ERR_DB; }
            vg_bind_int64(g, 1, db->data_version + 1);
            if ((fs = vg_db_step_done(db, g, "counting writers")) != VG_OK) { rollback(db); return fs; }
        }
        if ((fs = vg_db_exec(db, "COMMIT")) != VG_OK) { rollback(db); return fs; }
        if (!db->no_stories) db->data_version++;
        db->in_tx = 0;
        db->pending = 0;
        return VG_OK;
    }
    vg_stmt *st = vg_db_stmt(db, "COMMIT");
    int rc = st ? vg_step(st) : sqlite3_errcode(db->sql);
    if (st) vg_reset(st);
    if (rc != SQLITE_DONE) {
        vg_status s = vg_db_fail(db, rc, "committing");
        rollback(db);
        return s;
    }
    db->in_tx = 0;
    db->pending = 0;
    return VG_OK;
}

void vg_db_set_batch(vg_db *db, unsigned batch)
{
    if (db) db->batch = batch ? batch : 1;
}

unsigned vg_db_pending(const vg_db *db) { return db && db->in_tx ? db->pending : 0; }

/* Folder part of path exists? Gives "no such folder" instead of SQLite's
 * generic "unable to open database file". */
static int parent_missing(const char *path, char *dir, size_t cap)
{
    const char *slash = strrchr(path, '/');
    if (!slash || slash == path) return 0;
    size_t n = (size_t)(slash - path);
    if (n >= cap) return 0;
    memcpy(dir, path, n);
    dir[n] = 0;
    struct stat sb;
    return stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode);
}

/* SQLite counts its allocations (sqlite3_memory_used, which vigie never
 * reads) under one process-wide mutex taken on every allocation: the
 * answering threads of `vigie serve` took turns at it (server CPU per
 * uncached page of events 0.97 -> 0.81 ms without it). Off before SQLite
 * starts; once started (a program that opened SQLite itself first) the
 * call is refused, and nothing else changes. */
static pthread_once_t sqlite_once = PTHREAD_ONCE_INIT;
static void sqlite_setup(void) { (void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); }

vg_status vg_db_open(const char *path, unsigned flags, vg_db **out)
{
    pthread_once(&sqlite_once, sqlite_setup);
    if (!path || !*path || !out) return VG_ERR_ARG;
    *out = NULL;
    vg_db *db = vg_calloc(1, sizeof *db);
    if (!db) return VG_ERR_NOMEM;
    db->path = vg_strdup(path);
    if (!db->path) { free(db); return VG_ERR_NOMEM; }
    db->flags = flags;
    db->data_version = -1;
    db->batch = DEFAULT_BATCH;
    db->budget.max_ms = VG_QUERY_DEFAULT_MS;
    *out = db; /* even on failure, so the caller can read vg_db_error() */
    snprintf(db->shown, sizeof db->shown, "%s", path);
    if (vg_pg_is_url(path)) {
        vg_status s = vg_pg_open(db);
        if (s == VG_OK) db->err[0] = 0;
        return s;
    }

    /* "file:" paths are SQLite URIs (e.g. file:x.db?mode=ro to open read-only). */
    int is_uri = !strncmp(path, "file:", 5);
    struct stat sb;
    char dir[4096];
    if (!is_uri) {
        if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
            snprintf(db->err, sizeof db->err, "%s is a folder, not a database file", path);
            return VG_ERR_IO;
        }
        if ((flags & VG_DB_READONLY) && stat(path, &sb) != 0) {
            snprintf(db->err, sizeof db->err, "no database at %s (run `vigie ingest` first)", path);
            return VG_ERR_NOT_FOUND;
        }
        if (parent_missing(path, dir, sizeof dir)) {
            snprintf(db->err, sizeof db->err, "folder %.1000s does not exist", dir);
            return VG_ERR_IO;
        }
    }
    int oflags = (flags & VG_DB_READONLY) ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (is_uri) oflags |= SQLITE_OPEN_URI;
    int rc = sqlite3_open_v2(path, &db->sql, oflags | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc != SQLITE_OK) return vg_db_fail(db, rc, "opening");
    sqlite3_extended_result_codes(db->sql, 0);
    sqlite3_busy_timeout(db->sql, 10000);
    vg_status s;
    if ((s = vg_search_register(db)) != VG_OK) return s;
    /* The first read tells a database from any other file. */
    if ((s = vg_db_exec(db, "SELECT count(*) FROM sqlite_schema")) != VG_OK) return s;
    if (!(flags & VG_DB_READONLY)) {
        if (sqlite3_db_readonly(db->sql, "main") == 1) {
            snprintf(db->err, sizeof db->err, "%s cannot be written (read-only file, folder or open mode)", path);
            return VG_ERR_DB_READONLY;
        }
        /* WAL: readers never block the ingest; NORMAL sync: a crash may lose
         * the last commits but never corrupts (fsync at checkpoints). */
        if ((s = vg_db_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;")) != VG_OK) return s;
        /* Checkpoint every 8,192 WAL pages (32 MiB), not SQLite's 1,000: a
         * batch of 500 articles dirties more than 1,000 pages of a large
         * archive, most of them the same pages of hash-keyed indexes
         * (articles_identity, dedup_sig_token, cluster_df, story_terms)
         * batch after batch. Checkpointing after every batch wrote each
         * back and synced the file every time; now once per several
         * batches. The WAL file stays below ~40 MB. */
        if ((s = vg_db_exec(db, "PRAGMA wal_autocheckpoint=8192;")) != VG_OK) return s;
    }
    if ((s = vg_db_exec(db, "PRAGMA cache_size=-32000; PRAGMA temp_store=MEMORY;")) != VG_OK) return s;
    if ((s = vg_schema_migrate(db)) != VG_OK) return s;
    if (db->needs_upgrade && !is_uri) {
        /* Queries on a database from an older vigie: migrate it through a
         * writable connection when the file allows; otherwise read it as it
         * is (older tables answer, newer ones are missing). */
        vg_db *rw = NULL;
        if (vg_db_open(path, 0, &rw) == VG_OK) db->needs_upgrade = 0;
        vg_db_close(rw);
    }
    db->err[0] = 0;
    return VG_OK;
}

void vg_db_close(vg_db *db)
{
    if (!db) return;
    if (db->sql && db->in_tx) {
        if (vg_db_commit(db) != VG_OK) rollback(db);
    }
    if (db->pg && db->in_tx && vg_db_commit(db) != VG_OK) rollback(db);
    vg_stories_free(db);
    vg_dups_free(db);
    vg_db_stmts_free(db);
    if (db->sql) sqlite3_close_v2(db->sql);
    vg_pg_close(db);
    vg_pg_search_free(db);
    vg_buf_free(&db->out);
    free(db->path);
    free(db);
}

static void now_iso(char out[32])
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static void bind_text(vg_stmt *st, int i, const char *s)
{
    if (s) vg_bind_text(st, i, s, -1);
    else vg_bind_null(st, i);
}

/* What makes a document the same one again: its external id, else its source. */
static const char *identity(const vg_doc *doc)
{
    const char *id = doc->fields[VG_F_EXT_ID];
    if (!id) id = doc->fields[VG_F_SOURCE];
    return id ? id : "";
}

static const char put_article_sql[] =
    "INSERT INTO articles(source, ext_id, format, outlet, url, title, text, lang, published,"
    " authors, hash, ingested) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
    " ON CONFLICT(hash, ext_id) DO NOTHING";
/* Must build exactly what the articles_src view yields (schema.c). */
static const char put_fts_sql[] =
    "INSERT INTO articles_fts(rowid, title, text) VALUES(?1,"
    " char(31) || coalesce(?2, '') || char(31) || coalesce(?3, ''),"
    " char(31) || coalesce(?2, '') || char(31) || ?4)";

/* PostgreSQL: the search vector in the same row (pg_search.c); the id
 * taken from the sequence only when the row goes in (a conflict would
 * spend one: ids stay those of a SQLite store of the same input), or
 * given (?14: a queue worker stores the queue row's id). */
static const char put_article_pg_sql[] =
    "INSERT INTO articles(id, source, ext_id, format, outlet, url, title, text, lang, published,"
    " authors, hash, ingested, search) SELECT coalesce(?14::bigint, nextval('vigie_ids')), ?1::text, ?2::text,"
    " ?3::text, ?4::text, ?5::text, ?6::text, ?7::text, ?8::text, ?9::text, ?10::text, ?11::bigint, ?12::text,"
    " ?13::tsvector WHERE NOT EXISTS (SELECT 1 FROM articles WHERE ext_id = ?2 AND hash = ?11)"
    " ON CONFLICT(ext_id, hash) DO NOTHING RETURNING id";

/* The day the analysis dated an article with no publication day by, read from its text
 * (vg_doc.own_date), for the story view (schema.c migration 11); nothing when it found none. */
static vg_status put_text_date(vg_db *db, const vg_doc *doc, int64_t id)
{
    if (!doc->own_date[0]) return VG_OK;
    vg_stmt *st = vg_db_stmt2(db, "INSERT INTO text_dates(article_id, day) VALUES(?1, ?2)",
                              "INSERT INTO text_dates(article_id, day) VALUES(?1::bigint, ?2::text)");
    if (!st) return VG_ERR_DB;
    vg_bind_int64(st, 1, id);
    vg_bind_text(st, 2, doc->own_date, -1);
    return vg_db_step_later(db, st, "storing an article's date");
}

/* The article row; *id 0 when the same content is stored already. */
static vg_status put_article(vg_db *db, vg_doc *doc, int64_t *id)
{
    const char *text = doc->fields[VG_F_TEXT];
    char when[32];
    now_iso(when);
    *id = 0;
    vg_stmt *st = vg_db_stmt2(db, put_article_sql, put_article_pg_sql);
    if (!st) return VG_ERR_DB;
    bind_text(st, 1, doc->fields[VG_F_SOURCE]);
    /* never NULL: NULLs would all differ in the unique (hash, ext_id) index */
    vg_bind_text(st, 2, identity(doc), -1);
    bind_text(st, 3, doc->fields[VG_F_FORMAT]);
    bind_text(st, 4, doc->fields[VG_F_OUTLET]);
    bind_text(st, 5, doc->fields[VG_F_URL]);
    bind_text(st, 6, doc->fields[VG_F_TITLE]);
    vg_bind_text(st, 7, text, (int)doc->text_len);
    bind_text(st, 8, doc->fields[VG_F_LANG]);
    bind_text(st, 9, doc->fields[VG_F_PUBLISHED]);
    bind_text(st, 10, doc->fields[VG_F_AUTHORS]);
    vg_bind_int64(st, 11, (int64_t)doc->content_hash);
    vg_bind_text(st, 12, when, -1); /* no copy (a copy can fail): lives past the step */
    if (db->pg) {
        vg_buf *v = &db->out;
        vg_buf_clear(v);
        vg_pg_search_vector(db, v, doc);
        if (v->failed) { vg_reset(st); return VG_ERR_NOMEM; }
        vg_bind_text(st, 13, v->data ? v->data : "", (int)v->len);
        if (db->put_id) vg_bind_int64(st, 14, db->put_id);
        int rc = vg_step(st);
        if (rc == SQLITE_ROW) *id = vg_column_int64(st, 0);
        vg_reset(st);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) return vg_db_fail(db, rc, "storing an article");
        return *id ? put_text_date(db, doc, *id) : VG_OK;
    }
    int rc = vg_step(st);
    vg_reset(st);
    if (rc != SQLITE_DONE) return vg_db_fail(db, rc, "storing an article");
    if (sqlite3_changes(db->sql) == 0) return VG_OK;
    *id = sqlite3_last_insert_rowid(db->sql);

    if (!(st = vg_db_stmt(db, put_fts_sql))) return VG_ERR_DB;
    vg_bind_int64(st, 1, *id);
    bind_text(st, 2, doc->fields[VG_F_LANG]);
    bind_text(st, 3, doc->fields[VG_F_TITLE]);
    vg_bind_text(st, 4, text, (int)doc->text_len);
    rc = vg_step(st);
    vg_reset(st);
    if (rc != SQLITE_DONE) return vg_db_fail(db, rc, "indexing an article");
    return put_text_date(db, doc, *id);
}

static vg_status put_doc(vg_db *db, vg_doc *doc, vg_prepared *prep, vg_put_result *result)
{
    int64_t id;
    vg_status s = vg_stories_data(db, doc->data_dir);
    if (s == VG_OK) s = put_article(db, doc, &id);
    if (s != VG_OK) return s;
    if (!id) { *result = VG_PUT_PRESENT; return VG_OK; }
    if ((s = vg_events_put(db, doc, id)) != VG_OK) return s;
    *result = VG_PUT_STORED;
    if (db->no_stories) return vg_queue_keep_prepared(db, doc, prep, id);
    return vg_stories_on_put(db, doc, prep, id, result);
}

vg_status vg_db_put(vg_db *db, vg_doc *doc, vg_put_result *result)
{
    return vg_db_put_prepared(db, doc, NULL, result);
}

vg_status vg_db_put_prepared(vg_db *db, vg_doc *doc, vg_prepared *prep, vg_put_result *result)
{
    if (!db || !doc || !result) return VG_ERR_ARG;
    if (!doc->fields[VG_F_TEXT]) {
        snprintf(db->err, sizeof db->err, "document has no text (not loaded?)");
        return VG_ERR_ARG;
    }
    if (doc->text_len > (size_t)1 << 30) {
        snprintf(db->err, sizeof db->err, "document text too large to store");
        return VG_ERR_TOO_LARGE;
    }
    vg_status s = vg_db_begin(db);
    if (s != VG_OK) return s;
    s = put_doc(db, doc, prep, result);
    if (s != VG_OK) { rollback(db); return s; }
    if (++db->pending >= db->batch) return vg_db_commit(db);
    return VG_OK;
}

vg_status vg_db_contains(vg_db *db, const vg_doc *doc, int *present)
{
    if (!db || !doc || !present) return VG_ERR_ARG;
    *present = 0;
    if (!doc->fields[VG_F_TEXT]) return VG_ERR_ARG;
    vg_stmt *st = vg_db_stmt(db, "SELECT 1 FROM articles WHERE hash = ?1 AND ext_id = ?2");
    if (!st) return VG_ERR_DB;
    vg_bind_int64(st, 1, (int64_t)doc->content_hash);
    vg_bind_text(st, 2, identity(doc), -1);
    int rc = vg_step(st);
    vg_reset(st);
    if (rc == SQLITE_ROW) *present = 1;
    else if (rc != SQLITE_DONE) return vg_db_fail(db, rc, "looking up an article");
    return VG_OK;
}

vg_status vg_db_reject(vg_db *db, const char *source, const char *reason)
{
    if (!db || !source || !reason) return VG_ERR_ARG;
    vg_status s = vg_db_begin(db);
    if (s != VG_OK) return s;
    char when[32];
    now_iso(when);
    vg_stmt *st = vg_db_stmt(db,
        "INSERT INTO rejects(source, reason, time) VALUES(?1, ?2, ?3) ON CONFLICT DO NOTHING");
    if (!st) { rollback(db); return VG_ERR_DB; }
    vg_bind_text(st, 1, source, -1);
    vg_bind_text(st, 2, reason, -1);
    vg_bind_text(st, 3, when, -1); /* no copy (a copy can fail): lives past the step */
    int rc = vg_step(st);
    vg_reset(st);
    if (rc != SQLITE_DONE) { s = vg_db_fail(db, rc, "recording a rejected input"); rollback(db); return s; }
    if (++db->pending >= db->batch) return vg_db_commit(db);
    return VG_OK;
}

int vg_db_emit_row(vg_db *db, vg_stmt *st, const vg_col_type *types, vg_row_cb cb, void *ud)
{
    int n = vg_column_count(st);
    if (n > MAX_COLUMNS) n = MAX_COLUMNS;
    const char *names[MAX_COLUMNS], *values[MAX_COLUMNS];
    vg_col_type t[MAX_COLUMNS];
    for (int i = 0; i < n; i++) { /* REAL values printed as SQLite does, whichever the store */
        names[i] = vg_column_name(st, i);
        t[i] = types ? types[i] : VG_COL_TEXT;
        values[i] = vg_column_print(st, i, t[i] == VG_COL_REAL);
    }
    vg_row row = {(size_t)n, names, values, t};
    double t0 = vg_query_clock();
    int stop = cb(&row, ud);
    vg_query_pause(db, vg_query_clock() - t0);
    return stop;
}

vg_status vg_db_emit_rows(vg_db *db, vg_stmt *st, const vg_col_type *types, vg_row_cb cb, void *ud,
                          const char *what)
{
    int rc;
    while ((rc = vg_step(st)) == SQLITE_ROW)
        if (vg_db_emit_row(db, st, types, cb, ud)) break;
    vg_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return vg_db_fail(db, rc, what);
    return VG_OK;
}

static const char articles_sql[] =
    "SELECT id, ext_id AS doc, published, lang, outlet, title, url, source, format,"
    " printf('%016x', hash) AS hash, ingested, story_id AS story, dup_of FROM articles"
    " WHERE (?1 IS NULL OR substr(published, 1, 10) >= ?1)"
    "   AND (?2 IS NULL OR substr(published, 1, 10) <= ?2)"
    "   AND (?3 IS NULL OR lang = ?3)"
    " ORDER BY published IS NULL, published DESC, id DESC LIMIT ?4";
static const char articles_pg_sql[] =
    "SELECT id, ext_id AS doc, published, lang, outlet, title, url, source, format,"
    " lpad(to_hex(hash), 16, '0') AS hash, ingested, story_id AS story, dup_of FROM articles"
    " WHERE (?1::text IS NULL OR substr(published, 1, 10) >= ?1)"
    "   AND (?2::text IS NULL OR substr(published, 1, 10) <= ?2)"
    "   AND (?3::text IS NULL OR lang = ?3)"
    " ORDER BY published IS NULL, published DESC, id DESC LIMIT ?4::bigint";
static const vg_col_type articles_types[] = {
    VG_COL_INT, VG_COL_TEXT, VG_COL_TEXT, VG_COL_TEXT, VG_COL_TEXT, VG_COL_TEXT, VG_COL_TEXT,
    VG_COL_TEXT, VG_COL_TEXT, VG_COL_TEXT, VG_COL_TEXT, VG_COL_INT, VG_COL_INT};

static vg_status list_articles(vg_db *db, const vg_query *q, vg_row_cb cb, void *ud)
{
    vg_stmt *st = vg_db_stmt2(db, articles_sql, articles_pg_sql);
    if (!st) return VG_ERR_DB;
    bind_text(st, 1, q->since);
    bind_text(st, 2, q->until);
    bind_text(st, 3, q->lang);
    vg_bind_int64(st, 4, q->limit > 0 ? q->limit : -1);
    return vg_db_emit_rows(db, st, articles_types, cb, ud, "listing articles");
}

vg_status vg_db_articles(vg_db *db, const vg_query *q, vg_row_cb cb, void *ud)
{
    if (!db || !q || !cb) return VG_ERR_ARG;
    vg_status s = vg_query_start(db, q);
    return s != VG_OK ? s : vg_query_end(db, list_articles(db, q, cb, ud));
}
