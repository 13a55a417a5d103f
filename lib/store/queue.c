/* queue.c - the work queue on PostgreSQL: documents enqueued once (by
 * identity and the hash of their bytes), claimed by workers in batches
 * (FOR UPDATE SKIP LOCKED), stored in the transaction that completes the
 * claim, and handed in queue order to the one story writer of the moment.
 *
 * A claim is committed (state 'claimed', attempts + 1, the worker's id)
 * before the work starts, so `vigie status` sees it and a worker that
 * dies is noticed: every worker holds a session advisory lock on its own
 * id, which PostgreSQL releases when its connection goes. Claims of a
 * worker whose lock is free go back to the queue (or are parked after
 * QUEUE_MAX_ATTEMPTS). Completing a claim checks that it is still ours;
 * articles take the queue row's id (a primary key): nothing is stored
 * twice, whoever dies when.
 *
 * Stories: an article's story depends on the stories of the articles
 * before it, so they are assigned by one connection at a time (the
 * holder of a session advisory lock), in queue order, in chunks of the
 * batch size a single `vigie ingest` commits, each chunk once every
 * document before its end is final: the stories are those of one process
 * ingesting the same input in the same order. What vg_prepare made of
 * each article waits in queue_stories (lib/cluster/prepare.h's bytes). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../core/alloc.h"
#include "../core/hash.h"
#include "../cluster/prepare.h"
#include "internal.h"
#include "pg.h"

/* A document whose worker died while it was claimed this many times is
 * parked, not claimed again: a document that kills workers (it should
 * not exist, but one would stop every worker in turn) costs five
 * workers' batches, not the fleet. */
#define QUEUE_MAX_ATTEMPTS 5
/* Advisory lock namespace of workers' liveness locks: (namespace, worker id). */
#define WORKER_LOCK_NS 0x7667

static vg_status need_pg(vg_db *db)
{
    if (db->pg) return VG_OK;
    snprintf(db->err, sizeof db->err, "the work queue needs a PostgreSQL store (--db postgresql://...)");
    return VG_ERR_ARG;
}

static const char *identity(const vg_input *in)
{
    return in->ext_id ? in->ext_id : in->source ? in->source : "";
}

vg_status vg_queue_add(vg_db *db, const vg_input *in, int *added)
{
    if (!db || !in || !added) return VG_ERR_ARG;
    *added = 0;
    vg_status s = need_pg(db);
    if (s != VG_OK) return s;
    db->no_stories = 1; /* enqueuing never waits for the story writer */
    if ((s = vg_db_begin(db)) != VG_OK) return s;
    vg_stmt *st = vg_db_stmt(db, "INSERT INTO queue(ext_id, hash, source, format, content_type, title, url, outlet,"
                                 " published, lang, charset, record, data) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
                                 " ?10, ?11, ?12, ?13) ON CONFLICT(ext_id, hash) DO NOTHING RETURNING id");
    if (!st) return VG_ERR_DB;
    vg_bind_text(st, 1, identity(in), -1);
    vg_bind_int64(st, 2, (int64_t)vg_hash64(in->data, in->len, 0));
    vg_bind_text(st, 3, in->source, -1);
    vg_bind_text(st, 4, in->format, -1);
    vg_bind_text(st, 5, in->content_type, -1);
    vg_bind_text(st, 6, in->title, -1);
    vg_bind_text(st, 7, in->url, -1);
    vg_bind_text(st, 8, in->outlet, -1);
    vg_bind_text(st, 9, in->published, -1);
    vg_bind_text(st, 10, in->lang, -1);
    vg_bind_text(st, 11, in->charset, -1);
    if (in->record) vg_bind_int64(st, 12, (int64_t)in->record);
    vg_bind_blob(st, 13, in->data ? in->data : "", (int)in->len);
    int rc = vg_step(st);
    *added = rc == SQLITE_ROW;
    vg_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return vg_db_fail(db, rc, "queueing a document");
    if (++db->pending >= db->batch) return vg_db_commit(db);
    return VG_OK;
}

/* ---------------------------------------------------------------- claims */

struct vg_claim {
    size_t n;
    int64_t *id;
    vg_input *in;
    char **owned; /* every string and data copy, freed with the claim */
    size_t n_owned;
};

void vg_claim_free(vg_claim *c)
{
    if (!c) return;
    for (size_t i = 0; i < c->n_owned; i++) free(c->owned[i]);
    free(c->owned);
    free(c->id);
    free(c->in);
    free(c);
}

size_t vg_claim_count(const vg_claim *c) { return c ? c->n : 0; }
const vg_input *vg_claim_input(const vg_claim *c, size_t i) { return c && i < c->n ? &c->in[i] : NULL; }

static const char *keep(vg_claim *c, const char *s, size_t n, int *nomem)
{
    if (!s) return NULL;
    char *k = vg_malloc(n + 1);
    if (!k) { *nomem = 1; return NULL; }
    memcpy(k, s, n);
    k[n] = 0;
    c->owned[c->n_owned++] = k;
    return k;
}

/* This connection's worker row and liveness lock, once. */
static vg_status register_worker(vg_db *db)
{
    if (db->worker_id) return VG_OK;
    char host[256] = "";
    gethostname(host, sizeof host - 1);
    vg_stmt *st = vg_db_stmt(db, "INSERT INTO workers(name, host, pid) VALUES(?1, ?2, ?3) RETURNING id");
    if (!st) return VG_ERR_DB;
    vg_bind_text(st, 1, db->worker_name[0] ? db->worker_name : host, -1);
    vg_bind_text(st, 2, host, -1);
    vg_bind_int64(st, 3, (int64_t)getpid());
    int rc = vg_step(st);
    int64_t id = rc == SQLITE_ROW ? vg_column_int64(st, 0) : 0;
    vg_reset(st);
    if (rc != SQLITE_ROW) return vg_db_fail(db, rc == SQLITE_DONE ? SQLITE_ERROR : rc, "registering the worker");
    db->worker_id = id;
    return vg_queue_relock(db);
}

vg_status vg_queue_relock(vg_db *db)
{
    if (!db->worker_id) return VG_OK;
    /* the connection named after the worker: `vigie status` tells which one writes stories */
    vg_stmt *st = vg_db_stmt(db, "SELECT pg_advisory_lock(?1::int, ?2::int),"
                                 " set_config('application_name', 'vigie worker ' || ?2, false)");
    if (!st) return VG_ERR_DB;
    vg_bind_int64(st, 1, WORKER_LOCK_NS);
    vg_bind_int64(st, 2, db->worker_id);
    vg_status s = vg_db_step_done(db, st, "taking the worker's lock");
    if (s != VG_OK) return s;
    /* Our claims of before a lost connection: their work went with it, and
     * nobody else takes them back while we hold our lock again. */
    if (!(st = vg_db_stmt(db, "UPDATE queue SET state = 'queued', worker = NULL, reason = 'its worker lost its connection'"
                              " WHERE worker = ?1 AND state = 'claimed'"))) return VG_ERR_DB;
    vg_bind_int64(st, 1, db->worker_id);
    return vg_db_step_done(db, st, "giving back claims of a lost connection");
}

/* Claims of workers that are gone (their lock is free) go back to the queue. */
static vg_status reclaim(vg_db *db)
{
    vg_stmt *st = vg_db_stmt(db,
        "UPDATE queue SET worker = NULL,"
        " state = CASE WHEN attempts >= ?1 THEN 'parked' ELSE 'queued' END,"
        " reason = CASE WHEN attempts >= ?1 THEN 'its worker stopped while working on it, ' || attempts || ' times'"
        "   ELSE 'its worker stopped' END"
        " WHERE state = 'claimed' AND worker NOT IN (SELECT objid::bigint FROM pg_locks WHERE locktype = 'advisory'"
        "   AND classid = ?2 AND objsubid = 2 AND granted"
        "   AND database = (SELECT oid FROM pg_database WHERE datname = current_database()))");
    if (!st) return VG_ERR_DB;
    vg_bind_int64(st, 1, QUEUE_MAX_ATTEMPTS);
    vg_bind_int64(st, 2, WORKER_LOCK_NS);
    return vg_db_step_done(db, st, "returning the claims of stopped workers");
}

static const char claim_sql[] =
    "UPDATE queue q SET state = 'claimed', attempts = q.attempts + 1, worker = ?1, claimed_at = now()"
    " FROM (SELECT id FROM queue WHERE state = 'queued' ORDER BY id LIMIT ?2 FOR UPDATE SKIP LOCKED) c"
    " WHERE q.id = c.id RETURNING q.id";

vg_status vg_queue_claim(vg_db *db, size_t max, vg_claim **out)
{
    if (!db || !out || !max) return VG_ERR_ARG;
    *out = NULL;
    vg_status s = need_pg(db);
    if (s != VG_OK) return s;
    db->no_stories = 1;
    if (db->in_tx && (s = vg_db_commit(db)) != VG_OK) return s;
    if ((s = register_worker(db)) != VG_OK || (s = reclaim(db)) != VG_OK) return s;
    vg_stmt *st = vg_db_stmt(db, claim_sql);
    if (!st) return VG_ERR_DB;
    vg_bind_int64(st, 1, db->worker_id);
    vg_bind_int64(st, 2, (int64_t)max);
    vg_claim *c = vg_calloc(1, sizeof *c);
    int rc = c ? vg_step(st) : SQLITE_NOMEM;
    size_t rows = 0;
    if (rc == SQLITE_ROW || rc == SQLITE_DONE) {
        /* the rows are all read by now (a result in memory): count them */
        while (rc == SQLITE_ROW) { rows++; rc = vg_step(st); }
    }
    vg_reset(st);
    if (rc != SQLITE_DONE) { vg_claim_free(c); return vg_db_fail(db, rc, "claiming documents"); }
    /* Read in id order (RETURNING gives none), with the bytes. */
    c->id = vg_calloc(rows ? rows : 1, sizeof *c->id);
    c->in = vg_calloc(rows ? rows : 1, sizeof *c->in);
    c->owned = vg_calloc(rows * 12 + 1, sizeof *c->owned);
    if (!c->id || !c->in || !c->owned) { vg_claim_free(c); return VG_ERR_NOMEM; }
    vg_stmt *rd = rows ? vg_db_stmt(db, "SELECT id, ext_id, source, format, content_type, title, url, outlet,"
                                        " published, lang, charset, record, data FROM queue"
                                        " WHERE worker = ?1 AND state = 'claimed' ORDER BY id") : NULL;
    if (rows && !rd) { vg_claim_free(c); return VG_ERR_DB; }
    int nomem = 0;
    if (rd) {
        vg_bind_int64(rd, 1, db->worker_id);
        while ((rc = vg_step(rd)) == SQLITE_ROW && c->n < rows && !nomem) {
            vg_input *in = &c->in[c->n];
            c->id[c->n] = vg_column_int64(rd, 0);
            const char *f[11];
            for (int k = 0; k < 11; k++) {
                const char *v = vg_column_text(rd, k + 1);
                f[k] = v ? keep(c, v, strlen(v), &nomem) : NULL;
            }
            in->ext_id = f[0];
            in->source = f[1] ? f[1] : f[0];
            in->format = f[2];
            in->content_type = f[3];
            in->title = f[4];
            in->url = f[5];
            in->outlet = f[6];
            in->published = f[7];
            in->lang = f[8];
            in->charset = f[9];
            in->record = f[10] ? strtoull(f[10], NULL, 10) : 0;
            int len = 0;
            const void *data = vg_column_blob(rd, 12, &len);
            in->data = keep(c, data ? data : "", (size_t)len, &nomem);
            in->len = (size_t)len;
            c->n++;
        }
        vg_reset(rd);
        if (rc != SQLITE_DONE && rc != SQLITE_ROW) { vg_claim_free(c); return vg_db_fail(db, rc, "reading claims"); }
    }
    if (nomem) { vg_claim_free(c); return VG_ERR_NOMEM; }
    *out = c;
    return VG_OK;
}

/* The claim's row done, in the open transaction, if it is still ours. */
static vg_status mark_done(vg_db *db, int64_t id, const char *reason)
{
    vg_stmt *st = vg_db_stmt(db, "UPDATE queue SET state = 'done', done_at = now(), data = NULL, reason = ?3"
                                 " WHERE id = ?1 AND worker = ?2 AND state = 'claimed' RETURNING id");
    if (!st) return VG_ERR_DB;
    vg_bind_int64(st, 1, id);
    vg_bind_int64(st, 2, db->worker_id);
    vg_bind_text(st, 3, reason, -1);
    int rc = vg_step(st);
    vg_reset(st);
    if (rc == SQLITE_DONE) {
        snprintf(db->err, sizeof db->err, "document %lld is no longer claimed by this worker (taken back after a lost connection)",
                 (long long)id);
        return VG_ERR_NOT_FOUND;
    }
    if (rc != SQLITE_ROW) return vg_db_fail(db, rc, "completing a claim");
    return VG_OK;
}

/* A place in the story writer's order (prep NULL: a reject, which only counts). */
static vg_status wait_for_story(vg_db *db, int64_t id, const char *lang, const vg_prepared *prep)
{
    vg_stmt *st = vg_db_stmt(db, "INSERT INTO queue_stories(id, lang, prepared) VALUES(?1, ?2, ?3)");
    if (!st) return VG_ERR_DB;
    vg_buf *b = &db->out;
    vg_buf_clear(b);
    if (prep) vg_prepared_pack(prep, b);
    if (b->failed) return VG_ERR_NOMEM;
    vg_bind_int64(st, 1, id);
    vg_bind_text(st, 2, lang, -1);
    if (prep) vg_bind_blob(st, 3, b->data, (int)b->len);
    return vg_db_step_done(db, st, "queueing for the story writer");
}

vg_status vg_queue_keep_prepared(vg_db *db, vg_doc *doc, vg_prepared *prep, int64_t id)
{
    vg_status s = prep ? VG_OK : vg_prepare(doc, &prep);
    return s == VG_OK ? wait_for_story(db, id, doc->fields[VG_F_LANG], prep) : s;
}

vg_status vg_queue_store(vg_db *db, const vg_claim *c, size_t i, vg_doc *doc, vg_prepared *prep, vg_put_result *res)
{
    if (!db || !c || i >= c->n || !doc || !res) return VG_ERR_ARG;
    vg_status s = need_pg(db);
    if (s != VG_OK) return s;
    db->put_id = c->id[i];
    s = vg_db_put_prepared(db, doc, prep, res);
    db->put_id = 0;
    if (s != VG_OK) return s;
    if (*res == VG_PUT_PRESENT && (s = wait_for_story(db, c->id[i], NULL, NULL)) != VG_OK) return s;
    return mark_done(db, c->id[i], *res == VG_PUT_PRESENT ? "already stored" : NULL);
}

vg_status vg_queue_skip(vg_db *db, const vg_claim *c, size_t i)
{
    if (!db || !c || i >= c->n) return VG_ERR_ARG;
    vg_status s = vg_db_begin(db);
    return s == VG_OK ? mark_done(db, c->id[i], "already stored") : s;
}

vg_status vg_queue_reject(vg_db *db, const vg_claim *c, size_t i, const char *source, const char *reason)
{
    if (!db || !c || i >= c->n || !source || !reason) return VG_ERR_ARG;
    vg_status s = vg_db_reject(db, source, reason);
    if (s == VG_OK) s = wait_for_story(db, c->id[i], NULL, NULL);
    return s == VG_OK ? mark_done(db, c->id[i], reason) : s;
}

vg_status vg_queue_release(vg_db *db, const vg_claim *c, const char *reason)
{
    if (!db || !c) return VG_ERR_ARG;
    if (db->in_tx) vg_db_rollback(db);
    vg_stmt *st = vg_db_stmt(db,
        "UPDATE queue SET worker = NULL, reason = ?3,"
        " state = CASE WHEN attempts >= ?2 THEN 'parked' ELSE 'queued' END"
        " WHERE worker = ?1 AND state = 'claimed'");
    if (!st) return VG_ERR_DB;
    vg_bind_int64(st, 1, db->worker_id);
    vg_bind_int64(st, 2, QUEUE_MAX_ATTEMPTS);
    vg_bind_text(st, 3, reason, -1);
    return vg_db_step_done(db, st, "giving claims back");
}

/* ---------------------------------------------------------------- the story writer */

static vg_status take_writer(vg_db *db, int *is)
{
    *is = db->story_writer;
    if (*is) return VG_OK;
    vg_stmt *st = vg_db_stmt(db, "SELECT pg_try_advisory_lock(?1::bigint)::int");
    if (!st) return VG_ERR_DB;
    vg_bind_int64(st, 1, VG_PG_LOCK_STORIES);
    int rc = vg_step(st);
    *is = rc == SQLITE_ROW && vg_column_int64(st, 0) == 1;
    vg_reset(st);
    if (rc != SQLITE_ROW) return vg_db_fail(db, rc, "asking for the story writer's lock");
    if (*is) { /* another wrote stories before us: nothing kept in memory holds */
        vg_stories_forget(db);
        vg_dups_forget(db);
        db->data_version = -1;
        db->story_writer = 1;
    }
    return VG_OK;
}

/* The article's events numbered after every event numbered before, in the
 * order they were stored (provisional ids count down). Only the writer
 * gives final (positive) ids. */
static vg_status number_events(vg_db *db, int64_t article)
{
    vg_stmt *st = vg_db_stmt(db, "UPDATE events e SET id = m.base + m.k FROM (SELECT id,"
                                 " row_number() OVER (ORDER BY id DESC) AS k,"
                                 " (SELECT coalesce(max(id), 0) FROM events WHERE id > 0) AS base"
                                 " FROM events WHERE article_id = ?1 AND id < 0) m WHERE e.id = m.id");
    if (!st) return VG_ERR_DB;
    vg_bind_int64(st, 1, article);
    return vg_db_step_done(db, st, "numbering events");
}

/* The first document not final yet (0: none): chunks end before it. */
static vg_status horizon(vg_db *db, int64_t *h)
{
    vg_stmt *st = vg_db_stmt(db, "SELECT coalesce(min(id), 0) FROM queue WHERE state IN ('queued', 'claimed')");
    if (!st) return VG_ERR_DB;
    int rc = vg_step(st);
    *h = rc == SQLITE_ROW ? vg_column_int64(st, 0) : 0;
    vg_reset(st);
    return rc == SQLITE_ROW ? VG_OK : vg_db_fail(db, rc, "reading the queue");
}

vg_status vg_queue_stories(vg_db *db, unsigned batch, long *assigned)
{
    if (!db || !assigned) return VG_ERR_ARG;
    *assigned = 0;
    vg_status s = need_pg(db);
    if (s != VG_OK) return s;
    if (!batch) batch = 500;
    if (db->in_tx && (s = vg_db_commit(db)) != VG_OK) return s;
    int writer;
    if ((s = take_writer(db, &writer)) != VG_OK || !writer) return s;
    int64_t h;
    if ((s = horizon(db, &h)) != VG_OK) return s;
    vg_stmt *st = vg_db_stmt(db, "SELECT id, lang, prepared FROM queue_stories WHERE (?1 = 0 OR id < ?1)"
                                 " ORDER BY id LIMIT ?2");
    if (!st) return VG_ERR_DB;
    vg_bind_int64(st, 1, h);
    vg_bind_int64(st, 2, batch);
    int rc = vg_step(st);
    size_t n = 0;
    while (rc == SQLITE_ROW) { n++; rc = vg_step(st); }
    if (rc != SQLITE_DONE) { vg_reset(st); return vg_db_fail(db, rc, "reading articles without a story"); }
    /* A chunk shorter than a batch waits while documents before its end
     * are still being worked on: single ingest commits every `batch`. */
    if (!n || (n < batch && h != 0)) { vg_reset(st); return VG_OK; }
    vg_reset(st); /* keeps parameters: run it again and walk the rows */
    db->no_stories = 0;
    vg_arena *a = vg_arena_new(1 << 16);
    if (!a) return VG_ERR_NOMEM;
    if ((s = vg_db_begin(db)) != VG_OK) { vg_arena_free(a); db->no_stories = 1; return s; }
    int64_t last = 0;
    rc = vg_step(st);
    /* the result is in memory: statements run between its rows do not disturb it */
    for (; rc == SQLITE_ROW && s == VG_OK; rc = vg_step(st)) {
        last = vg_column_int64(st, 0);
        int len = 0;
        const void *data = vg_column_blob(st, 2, &len);
        if (!data) continue; /* a reject or a copy already present: it only counted */
        s = number_events(db, last);
        if (s != VG_OK) break;
        vg_arena_reset(a);
        vg_prepared prep;
        s = vg_prepared_unpack(data, (size_t)len, a, &prep);
        if (s == VG_ERR_FORMAT) snprintf(db->err, sizeof db->err, "article %lld: its story features are damaged", (long long)last);
        if (s == VG_OK) s = vg_stories_assign(db, vg_column_text(st, 1), &prep, last, a);
        if (s == VG_OK) (*assigned)++;
    }
    vg_reset(st);
    if (s == VG_OK && rc != SQLITE_DONE) s = vg_db_fail(db, rc, "reading articles without a story");
    vg_arena_free(a);
    vg_stmt *del = s == VG_OK ? vg_db_stmt(db, "DELETE FROM queue_stories WHERE id <= ?1") : NULL;
    if (s == VG_OK && !del) s = VG_ERR_DB;
    if (s == VG_OK) {
        vg_bind_int64(del, 1, last);
        s = vg_db_step_done(db, del, "clearing assigned articles");
    }
    if (s == VG_OK) s = vg_db_commit(db);
    else vg_db_rollback(db);
    db->no_stories = 1;
    if (s != VG_OK) *assigned = 0;
    return s;
}

vg_status vg_queue_pending(vg_db *db, long *work, long *waiting)
{
    if (!db || !work || !waiting) return VG_ERR_ARG;
    *work = *waiting = 0;
    vg_status s = need_pg(db);
    if (s != VG_OK) return s;
    if (db->in_tx && (s = vg_db_commit(db)) != VG_OK) return s;
    vg_stmt *st = vg_db_stmt(db, "SELECT (SELECT count(*) FROM queue WHERE state IN ('queued', 'claimed')),"
                                 " (SELECT count(*) FROM queue_stories)");
    if (!st) return VG_ERR_DB;
    int rc = vg_step(st);
    if (rc == SQLITE_ROW) {
        *work = (long)vg_column_int64(st, 0);
        *waiting = (long)vg_column_int64(st, 1);
    }
    vg_reset(st);
    return rc == SQLITE_ROW ? VG_OK : vg_db_fail(db, rc, "reading the queue");
}

/* ---------------------------------------------------------------- status */

static const char status_sql[] =
    "SELECT 'queued' AS what, count(*) FILTER (WHERE state = 'queued') AS n, NULL::text AS detail FROM queue"
    " UNION ALL SELECT 'claimed', count(*) FILTER (WHERE state = 'claimed'), NULL FROM queue"
    " UNION ALL SELECT 'done', count(*) FILTER (WHERE state = 'done'), NULL FROM queue"
    " UNION ALL SELECT 'retrying', count(*) FILTER (WHERE state = 'queued' AND attempts > 0), NULL FROM queue"
    " UNION ALL SELECT 'parked', count(*) FILTER (WHERE state = 'parked'), NULL FROM queue"
    " UNION ALL SELECT 'waiting for a story', (SELECT count(*) FROM queue_stories), NULL"
    " UNION ALL (SELECT 'story writer', substr(a.application_name, 14)::bigint, 'worker ' || substr(a.application_name, 14)"
    "   FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted"
    "   AND l.classid = ?2 AND l.objid = ?3 AND l.objsubid = 1 AND a.application_name LIKE 'vigie worker %' LIMIT 1)"
    " UNION ALL SELECT 'done last minute', count(*) FILTER (WHERE done_at > now() - interval '1 minute'),"
    "   round(count(*) FILTER (WHERE done_at > now() - interval '1 minute') / 60.0, 1) || ' documents/s' FROM queue"
    " UNION ALL SELECT 'done last hour', count(*) FILTER (WHERE done_at > now() - interval '1 hour'),"
    "   round(count(*) FILTER (WHERE done_at > now() - interval '1 hour') / 3600.0, 1) || ' documents/s' FROM queue"
    " UNION ALL (SELECT 'failed', count(*), left(reason, 300) FROM queue WHERE state IN ('parked', 'queued')"
    "   AND reason IS NOT NULL GROUP BY reason ORDER BY count(*) DESC LIMIT 20)"
    " UNION ALL (SELECT 'worker', w.id, w.name || ' on ' || w.host || ' pid ' || w.pid"
    "   || CASE WHEN l.objid IS NULL THEN ', gone' ELSE ', alive' END"
    "   || ', started ' || to_char(w.started, 'YYYY-MM-DD HH24:MI:SS')"
    "   || ', claimed now ' || (SELECT count(*) FROM queue q WHERE q.worker = w.id AND q.state = 'claimed')"
    "   FROM workers w LEFT JOIN pg_locks l ON l.locktype = 'advisory' AND l.classid = ?1 AND l.objsubid = 2"
    "   AND l.objid::bigint = w.id AND l.granted"
    "   AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
    "   ORDER BY w.id DESC LIMIT 50)";

vg_status vg_db_status(vg_db *db, vg_row_cb cb, void *ud)
{
    if (!db || !cb) return VG_ERR_ARG;
    vg_status s = need_pg(db);
    if (s != VG_OK) return s;
    static const vg_col_type types[] = {VG_COL_TEXT, VG_COL_INT, VG_COL_TEXT};
    if ((s = vg_query_start(db, NULL)) != VG_OK) return s;
    vg_stmt *st = vg_db_stmt(db, status_sql);
    if (!st) return vg_query_end(db, VG_ERR_DB);
    vg_bind_int64(st, 1, WORKER_LOCK_NS);
    /* a bigint advisory key shows in pg_locks as its high and low 32 bits */
    vg_bind_int64(st, 2, (int64_t)((uint64_t)VG_PG_LOCK_STORIES >> 32));
    vg_bind_int64(st, 3, (int64_t)((uint64_t)VG_PG_LOCK_STORIES & 0xffffffffu));
    return vg_query_end(db, vg_db_emit_rows(db, st, types, cb, ud, "reading the queue's status"));
}
