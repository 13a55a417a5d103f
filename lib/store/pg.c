/* pg.c - the store on PostgreSQL: connecting (with back-off when the
 * connection drops), the schema as ordered migrations in a version table,
 * and errors turned into vg_status with the server's own message.
 *
 * The tables are SQLite's (schema.c), in PostgreSQL's types, so the same
 * statements (sql.h) read and write both. Text columns compare and sort
 * byte-wise (COLLATE "C"), as SQLite's do, whatever the database's locale:
 * the same query lists rows in the same order on both. Search is a
 * tsvector column filled with vigie's own folded, stemmed tokens
 * (pg_search.c), not PostgreSQL's dictionaries, so both stores find the
 * same documents. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/alloc.h"
#include "internal.h"
#include "pg.h"
#include "sql.h"

#define VG_PG_RECONNECT_S 60 /* a worker waits this long for the server to come back */

struct vg_pg {
    PGconn *conn;
    unsigned next_name;
    char state[6];  /* SQLSTATE of the last error */
    char msg[768];  /* its message, one line */
    int lost;       /* the last error was the connection's */
    int ahead;      /* it was a write's sent ahead (sql.c): msg names it already */
};

int vg_pg_is_url(const char *path)
{
    return path && (!strncmp(path, "postgresql://", 13) || !strncmp(path, "postgres://", 11));
}

PGconn *vg_pg_conn(vg_db *db) { return db->pg->conn; }
unsigned vg_pg_next_name(vg_db *db) { return ++db->pg->next_name; }
int vg_pg_lost(const vg_db *db) { return db->pg && db->pg->lost; }

/* libpq's messages end in newlines and may hold several lines: one line. */
static void one_line(char *dst, size_t cap, const char *src)
{
    size_t k = 0;
    for (const char *p = src ? src : ""; *p && k + 1 < cap; p++) {
        char c = *p == '\n' || *p == '\t' ? ' ' : *p;
        if (c == ' ' && (k == 0 || dst[k - 1] == ' ')) continue;
        dst[k++] = c;
    }
    while (k && dst[k - 1] == ' ') k--;
    dst[k] = 0;
}

int vg_pg_error(vg_db *db, const PGresult *r, const char *what)
{
    vg_pg *p = db->pg;
    p->ahead = 0;
    const char *state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
    snprintf(p->state, sizeof p->state, "%s", state ? state : "");
    const char *m = r ? PQresultErrorMessage(r) : NULL;
    if (!m || !*m) m = PQerrorMessage(p->conn);
    char line[640];
    one_line(line, sizeof line, m);
    if (what) snprintf(p->msg, sizeof p->msg, "%s: %s", what, line);
    else snprintf(p->msg, sizeof p->msg, "%s", line);
    p->lost = PQstatus(p->conn) != CONNECTION_OK || !strncmp(p->state, "08", 2) || !strncmp(p->state, "57P", 3);
    if (!strcmp(p->state, "53200")) return SQLITE_NOMEM;
    if (!strcmp(p->state, "53100")) return SQLITE_FULL;
    if (!strcmp(p->state, "25006") || !strcmp(p->state, "42501")) return SQLITE_READONLY;
    if (!strcmp(p->state, "57014")) return SQLITE_INTERRUPT;
    return p->lost ? SQLITE_IOERR : SQLITE_ERROR;
}

void vg_pg_error_ahead(vg_db *db) { db->pg->ahead = 1; }

vg_status vg_pg_fail(vg_db *db, const char *what)
{
    vg_pg *p = db->pg;
    vg_status s = VG_ERR_DB;
    if (!strcmp(p->state, "53200")) s = VG_ERR_NOMEM;
    else if (!strcmp(p->state, "53100")) s = VG_ERR_DB_FULL;
    else if (!strcmp(p->state, "25006") || !strcmp(p->state, "42501")) s = VG_ERR_DB_READONLY;
    else if (p->lost) s = VG_ERR_NETWORK;
    if (!strcmp(p->state, "57014") && db->budget.active) {
        snprintf(db->err, sizeof db->err, "%s: stopped after %ld ms, its time budget: narrow the query", what,
                 db->budget.max_ms);
        return VG_ERR_TIMEOUT;
    }
    /* a write sent ahead failed: its own name, not the statement's that read its result */
    if (p->ahead) snprintf(db->err, sizeof db->err, "%s", p->msg);
    else snprintf(db->err, sizeof db->err, "%s: %s", what, p->msg);
    return s;
}

vg_status vg_pg_exec(vg_db *db, const char *sql)
{
    if (vg_pipe_drain(db) != SQLITE_OK) return vg_pg_fail(db, "executing SQL");
    PGresult *r = PQexec(db->pg->conn, sql);
    ExecStatusType st = PQresultStatus(r);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
        vg_pg_error(db, r, NULL);
        PQclear(r);
        return vg_pg_fail(db, "executing SQL");
    }
    PQclear(r);
    return VG_OK;
}

/* The URL as shown in messages: its password left out. */
static void shown_url(vg_db *db)
{
    char *err = NULL;
    PQconninfoOption *o = PQconninfoParse(db->path, &err);
    if (err) PQfreemem(err);
    const char *host = NULL, *port = NULL, *dbname = NULL, *user = NULL;
    for (PQconninfoOption *k = o; k && k->keyword; k++) {
        if (!k->val || !*k->val) continue;
        if (!strcmp(k->keyword, "host")) host = k->val;
        else if (!strcmp(k->keyword, "port")) port = k->val;
        else if (!strcmp(k->keyword, "dbname")) dbname = k->val;
        else if (!strcmp(k->keyword, "user")) user = k->val;
    }
    snprintf(db->shown, sizeof db->shown, "postgresql://%s%s%s%s%s/%s", user ? user : "", user ? "@" : "",
             host ? host : "", port ? ":" : "", port ? port : "", dbname ? dbname : "");
    if (o) PQconninfoFree(o);
}

static void no_notices(void *arg, const char *message) { (void)arg; (void)message; }

/* ---------------------------------------------------------------- schema */

/* Migration i takes the schema from version i to i+1, in one transaction
 * with the version bump, under an advisory lock (workers starting together
 * migrate once). NEVER edit one that has shipped: append. */
static const char *const migrations[] = {
    /* 1: schema.c's migrations 1-6 as they leave a SQLite database */
    "CREATE SEQUENCE vigie_ids;"
    /* ids from one sequence: articles stored directly and documents queued
     * (whose article takes the queue row's id) never collide */
    "CREATE TABLE articles("
    "  id bigint PRIMARY KEY DEFAULT nextval('vigie_ids'),"
    "  source text COLLATE \"C\", ext_id text COLLATE \"C\", format text COLLATE \"C\","
    "  outlet text COLLATE \"C\", url text COLLATE \"C\", title text COLLATE \"C\","
    "  lang text COLLATE \"C\", published text COLLATE \"C\", authors text COLLATE \"C\","
    "  hash bigint NOT NULL, ingested text COLLATE \"C\" NOT NULL,"
    "  story_id bigint, dup_of bigint REFERENCES articles(id),"
    "  text text COLLATE \"C\" NOT NULL, search tsvector);"
    "CREATE UNIQUE INDEX articles_identity ON articles(ext_id, hash);"
    "CREATE INDEX articles_published ON articles(published);"
    "CREATE INDEX articles_story ON articles(story_id);"
    "CREATE INDEX articles_lang ON articles(lang);"
    "CREATE INDEX articles_dup ON articles(dup_of) WHERE dup_of IS NOT NULL;"
    "CREATE INDEX articles_search ON articles USING gin(search);"
    "CREATE TABLE rejects(id bigserial PRIMARY KEY, source text COLLATE \"C\" NOT NULL,"
    "  reason text COLLATE \"C\" NOT NULL, time text NOT NULL, UNIQUE(source, reason));"
    "CREATE TABLE events("
    "  id bigserial PRIMARY KEY,"
    "  article_id bigint NOT NULL REFERENCES articles(id),"
    "  event_date text COLLATE \"C\", year integer, time_precision integer,"
    "  event_type text COLLATE \"C\", sub_event_type text COLLATE \"C\","
    "  actor1 text COLLATE \"C\", inter1 integer, actor2 text COLLATE \"C\", inter2 integer, interaction integer,"
    "  country text COLLATE \"C\", iso text COLLATE \"C\", admin1 text COLLATE \"C\", location text COLLATE \"C\","
    "  latitude double precision, longitude double precision, geo_precision integer,"
    "  fatalities integer, injured integer, arrests integer,"
    "  attribution text COLLATE \"C\", confidence double precision, sent_start integer, sent_end integer,"
    "  notes text COLLATE \"C\", evidence text NOT NULL DEFAULT '[]');"
    "CREATE INDEX events_article ON events(article_id);"
    "CREATE INDEX events_date ON events(event_date);"
    "CREATE TABLE dedup_sig(article_id bigint PRIMARY KEY, token_hash bigint NOT NULL, minhash bytea);"
    "CREATE INDEX dedup_sig_token ON dedup_sig(token_hash);"
    "CREATE TABLE cluster_df(term bigint PRIMARY KEY, n bigint NOT NULL);"
    "CREATE TABLE cluster_meta(key text COLLATE \"C\" PRIMARY KEY, value bigint NOT NULL);"
    "CREATE TABLE stories(id bigserial PRIMARY KEY, first_article bigint, n_articles bigint NOT NULL,"
    "  norm2 double precision NOT NULL, years text, event_date text COLLATE \"C\","
    "  latitude double precision, longitude double precision, first_day bigint, last_day bigint, lead text);"
    "CREATE TABLE story_terms(term bigint NOT NULL, story_id bigint NOT NULL, w double precision NOT NULL,"
    "  PRIMARY KEY(term, story_id));",
    /* 2: the work queue (queue.c): documents, what waits for the story writer, workers */
    "CREATE TABLE queue(id bigint PRIMARY KEY DEFAULT nextval('vigie_ids'),"
    "  ext_id text COLLATE \"C\" NOT NULL, hash bigint NOT NULL,"
    "  source text, format text, content_type text, title text, url text, outlet text, published text,"
    "  lang text, charset text, record bigint, data bytea,"
    "  state text NOT NULL DEFAULT 'queued', attempts integer NOT NULL DEFAULT 0, worker bigint,"
    "  reason text, enqueued timestamptz NOT NULL DEFAULT now(), claimed_at timestamptz, done_at timestamptz,"
    "  UNIQUE(ext_id, hash));"
    "CREATE INDEX queue_todo ON queue(id) WHERE state IN ('queued', 'claimed');"
    "CREATE INDEX queue_worker ON queue(worker) WHERE state = 'claimed';"
    "CREATE INDEX queue_done ON queue(done_at) WHERE done_at IS NOT NULL;"
    "CREATE TABLE queue_stories(id bigint PRIMARY KEY, lang text, prepared bytea);"
    "CREATE SEQUENCE events_provisional;"
    "CREATE TABLE workers(id bigserial PRIMARY KEY, name text, host text, pid integer,"
    "  started timestamptz NOT NULL DEFAULT now());",
    /* 3: how many of a story's members have a date of their own (as SQLite's 9) */
    "ALTER TABLE stories ADD COLUMN n_dated bigint;",
    /* 4: the events reads' indexes (as SQLite's 10): a page walks (event_date, id) newest
     * first, for every event or a country's (the API's case-blind filters compare lower()
     * of both sides); the stats read the columns included */
    "DROP INDEX IF EXISTS events_date;"
    "CREATE INDEX events_date ON events(event_date, id)"
    "  INCLUDE (event_type, sub_event_type, iso, country, year, confidence, article_id);"
    "CREATE INDEX IF NOT EXISTS events_iso_date ON events(lower(iso), event_date, id)"
    "  INCLUDE (event_type, sub_event_type, country, year, confidence, article_id);"
    "CREATE INDEX IF NOT EXISTS events_iso_type_date ON events(lower(iso), lower(event_type), event_date, id);",
    /* 5: the day an undated article's text dates it by (as SQLite's 11) */
    "CREATE TABLE text_dates(article_id bigint PRIMARY KEY, day text COLLATE \"C\" NOT NULL);",
    /* append new migrations here */
};

#define N_MIGRATIONS (int)(sizeof migrations / sizeof migrations[0])

/* -1: no version table. */
static vg_status schema_version(vg_db *db, int *v)
{
    PGresult *r = PQexec(db->pg->conn, "SELECT to_regclass('vigie_schema') IS NULL,"
                                       " (SELECT count(*) FROM pg_tables WHERE schemaname = current_schema())");
    if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) != 1) {
        vg_pg_error(db, r, NULL);
        PQclear(r);
        return vg_pg_fail(db, "reading schema version");
    }
    int absent = PQgetvalue(r, 0, 0)[0] == 't';
    long tables = atol(PQgetvalue(r, 0, 1));
    PQclear(r);
    *v = -1;
    if (!absent) {
        r = PQexec(db->pg->conn, "SELECT coalesce(max(version), 0) FROM vigie_schema");
        if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) != 1) {
            vg_pg_error(db, r, NULL);
            PQclear(r);
            return vg_pg_fail(db, "reading schema version");
        }
        *v = atoi(PQgetvalue(r, 0, 0));
        PQclear(r);
    }
    if (*v < 0 && tables > 0) {
        snprintf(db->err, sizeof db->err, "%s holds tables but is not a vigie database (no vigie_schema table)",
                 db->shown);
        return VG_ERR_DB_CORRUPT;
    }
    return VG_OK;
}

/* The version table is created in the first migration's transaction. */
static vg_status migrate(vg_db *db)
{
    int v;
    vg_status s = schema_version(db, &v);
    if (s != VG_OK) return s;
    if (v > N_MIGRATIONS) {
        snprintf(db->err, sizeof db->err, "%s has schema version %d, newer than this vigie (%d): upgrade vigie",
                 db->shown, v, N_MIGRATIONS);
        return VG_ERR_DB;
    }
    if (v == N_MIGRATIONS) return VG_OK;
    if (db->flags & VG_DB_READONLY) {
        if (v <= 0) {
            snprintf(db->err, sizeof db->err, "%s is empty: run `vigie ingest` on it first", db->shown);
            return VG_ERR_NOT_FOUND;
        }
        return VG_OK; /* older tables answer; a writer upgrades them */
    }
    char sql[160];
    for (;;) {
        if ((s = vg_pg_exec(db, "BEGIN")) != VG_OK) return s;
        snprintf(sql, sizeof sql, "SELECT pg_advisory_xact_lock(%lld)", VG_PG_LOCK_MIGRATE);
        if ((s = vg_pg_exec(db, sql)) != VG_OK || (s = schema_version(db, &v)) != VG_OK) break;
        if (v >= N_MIGRATIONS) { s = vg_pg_exec(db, "COMMIT"); return s; }
        if (v < 0) {
            if ((s = vg_pg_exec(db, "CREATE TABLE vigie_schema(version integer NOT NULL)")) != VG_OK) break;
            if ((s = vg_pg_exec(db, "INSERT INTO vigie_schema VALUES(0)")) != VG_OK) break;
            v = 0;
        }
        if ((s = vg_pg_exec(db, migrations[v])) != VG_OK) break;
        snprintf(sql, sizeof sql, "UPDATE vigie_schema SET version = %d", v + 1);
        if ((s = vg_pg_exec(db, sql)) != VG_OK) break;
        if ((s = vg_pg_exec(db, "COMMIT")) != VG_OK) return s;
        if (v + 1 == N_MIGRATIONS) return VG_OK;
    }
    char keep[sizeof db->err];
    snprintf(keep, sizeof keep, "%s", db->err);
    PQclear(PQexec(db->pg->conn, "ROLLBACK"));
    snprintf(db->err, sizeof db->err, "migration %d: %.900s", v + 1, keep);
    return s;
}

/* ---------------------------------------------------------------- connection */

static vg_status connect_once(vg_db *db)
{
    vg_pg *p = db->pg;
    vg_pipe_forget(db);
    if (p->conn) PQfinish(p->conn);
    p->conn = PQconnectdb(db->path);
    if (!p->conn) return VG_ERR_NOMEM;
    if (PQstatus(p->conn) != CONNECTION_OK) {
        char line[700];
        one_line(line, sizeof line, PQerrorMessage(p->conn));
        snprintf(db->err, sizeof db->err, "cannot connect to %.300s: %.680s", db->shown, line);
        p->lost = 1;
        return VG_ERR_NETWORK;
    }
    p->lost = 0;
    PQsetNoticeProcessor(p->conn, no_notices, NULL);
    /* Plans made for each execution: a plan cached while the tables were
     * empty (a sequential scan) stays when they have grown, and a statement
     * read in microseconds took milliseconds per article 600 articles on. */
    vg_status s = vg_pg_exec(db, "SET client_min_messages = warning; SET extra_float_digits = 1;"
                                 " SET plan_cache_mode = force_custom_plan");
    if (s == VG_OK && (db->flags & VG_DB_READONLY)) s = vg_pg_exec(db, "SET default_transaction_read_only = on");
    return s;
}

vg_status vg_pg_open(vg_db *db)
{
    if (!(db->pg = vg_calloc(1, sizeof *db->pg))) return VG_ERR_NOMEM;
    shown_url(db);
    char *err = NULL;
    PQconninfoOption *o = PQconninfoParse(db->path, &err);
    if (!o) {
        char line[600];
        one_line(line, sizeof line, err ? err : "out of memory");
        snprintf(db->err, sizeof db->err, "not a PostgreSQL URL: %s", line);
        if (err) PQfreemem(err);
        return VG_ERR_ARG;
    }
    PQconninfoFree(o);
    vg_status s = connect_once(db);
    if (s != VG_OK) return s;
    return migrate(db);
}

vg_status vg_pg_reconnect(vg_db *db)
{
    double wait = 0.1, waited = 0;
    for (;;) {
        vg_status s = connect_once(db);
        if (s == VG_OK) {
            vg_db_stmts_forget_prepared(db);
            return VG_OK;
        }
        if (waited >= VG_PG_RECONNECT_S) return s;
        struct timespec t = {(time_t)wait, (long)((wait - (long)wait) * 1e9)};
        nanosleep(&t, NULL);
        waited += wait;
        wait = wait * 2 > 5 ? 5 : wait * 2;
    }
}

vg_status vg_pg_ensure(vg_db *db)
{
    if (PQstatus(db->pg->conn) == CONNECTION_OK && !db->pg->lost) return VG_OK;
    vg_status s = connect_once(db);
    if (s == VG_OK) vg_db_stmts_forget_prepared(db);
    return s;
}

void vg_pg_close(vg_db *db)
{
    if (!db->pg) return;
    if (db->pg->conn) PQfinish(db->pg->conn);
    free(db->pg);
    db->pg = NULL;
}
