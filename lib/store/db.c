/* db.c - opening the SQLite store, batched transactions, vg_db_put / reject / articles. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "../core/alloc.h"
#include "internal.h"

#define DEFAULT_BATCH 500
#define MAX_COLUMNS 64

sqlite3 *vg_db_sqlite(vg_db *db) { return db->sql; }

const char *vg_db_error(const vg_db *db)
{
    return db ? db->err : "no database";
}

vg_status vg_db_fail(vg_db *db, int rc, const char *what)
{
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

vg_status vg_db_step_done(vg_db *db, sqlite3_stmt *st, const char *what)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) return vg_db_fail(db, rc, what);
    return VG_OK;
}

sqlite3_stmt *vg_db_stmt(vg_db *db, const char *sql)
{
    for (size_t i = 0; i < db->n_cache; i++)
        if (db->cache[i].sql == sql) {
            sqlite3_reset(db->cache[i].st);
            sqlite3_clear_bindings(db->cache[i].st);
            return db->cache[i].st;
        }
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v3(db->sql, sql, -1,
                                db->n_cache < VG_DB_STMT_CACHE ? SQLITE_PREPARE_PERSISTENT : 0, &st, NULL);
    if (rc != SQLITE_OK) {
        vg_db_fail(db, rc, "preparing a statement");
        return NULL;
    }
    /* A full cache is a programming error (too many distinct statements);
     * keep working by evicting the oldest rather than leaking. */
    if (db->n_cache == VG_DB_STMT_CACHE) {
        sqlite3_finalize(db->cache[0].st);
        memmove(db->cache, db->cache + 1, sizeof db->cache[0] * (VG_DB_STMT_CACHE - 1));
        db->n_cache--;
    }
    db->cache[db->n_cache].sql = sql;
    db->cache[db->n_cache].st = st;
    db->n_cache++;
    return st;
}

vg_status vg_db_exec(vg_db *db, const char *sql)
{
    char *msg = NULL;
    int rc = sqlite3_exec(db->sql, sql, NULL, NULL, &msg);
    sqlite3_free(msg);
    if (rc != SQLITE_OK) return vg_db_fail(db, rc, "executing SQL");
    return VG_OK;
}

vg_status vg_db_data_version(vg_db *db, int64_t *v)
{
    sqlite3_stmt *st = vg_db_stmt(db, "PRAGMA data_version");
    if (!st) return VG_ERR_DB;
    int rc = sqlite3_step(st);
    *v = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_reset(st);
    if (rc != SQLITE_ROW) return vg_db_fail(db, rc, "reading data version");
    return VG_OK;
}

static void rollback(vg_db *db);

vg_status vg_db_begin(vg_db *db)
{
    if (db->in_tx) return VG_OK;
    if (db->flags & VG_DB_READONLY) {
        snprintf(db->err, sizeof db->err, "%s was opened read-only", db->path);
        return VG_ERR_DB_READONLY;
    }
    sqlite3_stmt *st = vg_db_stmt(db, "BEGIN IMMEDIATE");
    if (!st) return vg_db_fail(db, sqlite3_errcode(db->sql), "starting a transaction");
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
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
    if (db->in_tx && !sqlite3_get_autocommit(db->sql)) sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
    vg_stories_forget(db);
    vg_dups_forget(db);
    db->in_tx = 0;
    db->pending = 0;
}

vg_status vg_db_commit(vg_db *db)
{
    if (!db) return VG_ERR_ARG;
    if (!db->in_tx) return VG_OK;
    vg_status fs = vg_stories_flush(db); /* clustering state, in the batch's transaction */
    if (fs != VG_OK) { rollback(db); return fs; }
    sqlite3_stmt *st = vg_db_stmt(db, "COMMIT");
    int rc = st ? sqlite3_step(st) : sqlite3_errcode(db->sql);
    if (st) sqlite3_reset(st);
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

vg_status vg_db_open(const char *path, unsigned flags, vg_db **out)
{
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
    vg_stories_free(db);
    vg_dups_free(db);
    for (size_t i = 0; i < db->n_cache; i++) sqlite3_finalize(db->cache[i].st);
    if (db->sql) sqlite3_close_v2(db->sql);
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

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
    if (s) sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
    else sqlite3_bind_null(st, i);
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

static vg_status put_doc(vg_db *db, vg_doc *doc, vg_prepared *prep, vg_put_result *result)
{
    const char *text = doc->fields[VG_F_TEXT];
    char when[32];
    now_iso(when);
    sqlite3_stmt *st = vg_db_stmt(db, put_article_sql);
    if (!st) return VG_ERR_DB;
    bind_text(st, 1, doc->fields[VG_F_SOURCE]);
    /* never NULL: NULLs would all differ in the unique (hash, ext_id) index */
    sqlite3_bind_text(st, 2, identity(doc), -1, SQLITE_STATIC);
    bind_text(st, 3, doc->fields[VG_F_FORMAT]);
    bind_text(st, 4, doc->fields[VG_F_OUTLET]);
    bind_text(st, 5, doc->fields[VG_F_URL]);
    bind_text(st, 6, doc->fields[VG_F_TITLE]);
    sqlite3_bind_text(st, 7, text, (int)doc->text_len, SQLITE_STATIC);
    bind_text(st, 8, doc->fields[VG_F_LANG]);
    bind_text(st, 9, doc->fields[VG_F_PUBLISHED]);
    bind_text(st, 10, doc->fields[VG_F_AUTHORS]);
    sqlite3_bind_int64(st, 11, (sqlite3_int64)doc->content_hash);
    sqlite3_bind_text(st, 12, when, -1, SQLITE_STATIC); /* no copy (a copy can fail): lives past the step */
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) return vg_db_fail(db, rc, "storing an article");
    if (sqlite3_changes(db->sql) == 0) { *result = VG_PUT_PRESENT; return VG_OK; }
    int64_t id = sqlite3_last_insert_rowid(db->sql);

    if (!(st = vg_db_stmt(db, put_fts_sql))) return VG_ERR_DB;
    sqlite3_bind_int64(st, 1, id);
    bind_text(st, 2, doc->fields[VG_F_LANG]);
    bind_text(st, 3, doc->fields[VG_F_TITLE]);
    sqlite3_bind_text(st, 4, text, (int)doc->text_len, SQLITE_STATIC);
    rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) return vg_db_fail(db, rc, "indexing an article");

    vg_status s = vg_events_put(db, doc, id);
    if (s != VG_OK) return s;
    *result = VG_PUT_STORED;
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
    sqlite3_stmt *st = vg_db_stmt(db, "SELECT 1 FROM articles WHERE hash = ?1 AND ext_id = ?2");
    if (!st) return VG_ERR_DB;
    sqlite3_bind_int64(st, 1, (sqlite3_int64)doc->content_hash);
    sqlite3_bind_text(st, 2, identity(doc), -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
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
    sqlite3_stmt *st = vg_db_stmt(db,
        "INSERT INTO rejects(source, reason, time) VALUES(?1, ?2, ?3) ON CONFLICT DO NOTHING");
    if (!st) { rollback(db); return VG_ERR_DB; }
    sqlite3_bind_text(st, 1, source, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, reason, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, when, -1, SQLITE_STATIC); /* no copy (a copy can fail): lives past the step */
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) { s = vg_db_fail(db, rc, "recording a rejected input"); rollback(db); return s; }
    if (++db->pending >= db->batch) return vg_db_commit(db);
    return VG_OK;
}

int vg_db_emit_row(vg_db *db, sqlite3_stmt *st, const vg_col_type *types, vg_row_cb cb, void *ud)
{
    int n = sqlite3_column_count(st);
    if (n > MAX_COLUMNS) n = MAX_COLUMNS;
    const char *names[MAX_COLUMNS], *values[MAX_COLUMNS];
    vg_col_type t[MAX_COLUMNS];
    for (int i = 0; i < n; i++) {
        names[i] = sqlite3_column_name(st, i);
        values[i] = (const char *)sqlite3_column_text(st, i);
        t[i] = types ? types[i] : VG_COL_TEXT;
    }
    vg_row row = {(size_t)n, names, values, t};
    double t0 = vg_query_clock();
    int stop = cb(&row, ud);
    vg_query_pause(db, vg_query_clock() - t0);
    return stop;
}

vg_status vg_db_emit_rows(vg_db *db, sqlite3_stmt *st, const vg_col_type *types, vg_row_cb cb, void *ud,
                          const char *what)
{
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        if (vg_db_emit_row(db, st, types, cb, ud)) break;
    sqlite3_reset(st);
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
static const vg_col_type articles_types[] = {
    VG_COL_INT, VG_COL_TEXT, VG_COL_TEXT, VG_COL_TEXT, VG_COL_TEXT, VG_COL_TEXT, VG_COL_TEXT,
    VG_COL_TEXT, VG_COL_TEXT, VG_COL_TEXT, VG_COL_TEXT, VG_COL_INT, VG_COL_INT};

static vg_status list_articles(vg_db *db, const vg_query *q, vg_row_cb cb, void *ud)
{
    sqlite3_stmt *st = vg_db_stmt(db, articles_sql);
    if (!st) return VG_ERR_DB;
    bind_text(st, 1, q->since);
    bind_text(st, 2, q->until);
    bind_text(st, 3, q->lang);
    sqlite3_bind_int64(st, 4, q->limit > 0 ? q->limit : -1);
    return vg_db_emit_rows(db, st, articles_types, cb, ud, "listing articles");
}

vg_status vg_db_articles(vg_db *db, const vg_query *q, vg_row_cb cb, void *ud)
{
    if (!db || !q || !cb) return VG_ERR_ARG;
    vg_status s = vg_query_start(db, q);
    return s != VG_OK ? s : vg_query_end(db, list_articles(db, q, cb, ud));
}
