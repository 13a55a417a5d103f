/* story_cache.c - what story clustering reads most, kept in memory between
 * puts and written back before each COMMIT: document frequencies
 * (cluster_df, cluster_meta) and the newest postings per term (story_terms).
 *
 * Moved from stories.c with the other store halves of clustering
 * (stories_sql.c answers the clustering's interface with these). Results are
 * the same as reading the tables every time: the caches are read from them
 * once per term, written back, in key order, inside the transaction that
 * changed them, and forgotten on rollback or when another connection wrote
 * (vg_db_begin). */
#include <stdlib.h>

#include "internal.h"
#include "../core/alloc.h"
#include "../cluster/dfmap.h"
#include "../cluster/postings.h"

/* Document frequencies live in memory between commits (dfmap.h): read from
 * cluster_df once per term, counted in memory, written back by
 * vg_story_cache_flush inside the transaction that counted them, so the
 * database never holds counts of articles it does not hold. A rollback
 * forgets the whole map (it may hold counts of dropped articles). */
#define DF_MAP_MAX (1u << 21)   /* entries kept across commits: bounded memory */
#define POSTINGS_MAX (1u << 21) /* postings kept across commits */

struct vg_story_cache {
    vg_cl_dfmap *df;
    /* The terms whose counts changed since the last flush: the flush reads
     * these, not the whole map (which grows with the vocabulary), so a
     * commit of a few articles costs a few articles' terms. */
    int64_t *dirty_terms;
    size_t n_dirty, cap_dirty;
    uint64_t n_docs; /* documents counted */
    int docs_loaded, docs_dirty;
    /* The newest postings per term (postings.h), same life cycle as df;
     * `log` lists the (term, story) pairs made dirty since the last flush. */
    vg_cl_postings *post;
    struct logged { int64_t term, story; } *log;
    size_t n_log, cap_log;
};

static vg_status cache_get(vg_db *db, struct vg_story_cache **out)
{
    if (!db->story_cache) {
        struct vg_story_cache *m = vg_calloc(1, sizeof *m);
        if (!m) return VG_ERR_NOMEM;
        if (!(m->df = vg_cl_dfmap_new())) { free(m); return VG_ERR_NOMEM; }
        if (!(m->post = vg_cl_postings_new())) { vg_cl_dfmap_free(m->df); free(m); return VG_ERR_NOMEM; }
        db->story_cache = m;
    }
    *out = db->story_cache;
    return VG_OK;
}

void vg_story_cache_forget(vg_db *db)
{
    struct vg_story_cache *m = db ? db->story_cache : NULL;
    if (!m) return;
    vg_cl_dfmap_clear(m->df);
    vg_cl_postings_clear(m->post);
    m->n_log = 0;
    m->n_dirty = 0;
    m->docs_loaded = m->docs_dirty = 0;
}

void vg_story_cache_free(vg_db *db)
{
    if (!db || !db->story_cache) return;
    vg_cl_dfmap_free(db->story_cache->df);
    vg_cl_postings_free(db->story_cache->post);
    free(db->story_cache->log);
    free(db->story_cache->dirty_terms);
    free(db->story_cache);
    db->story_cache = NULL;
}

/* ---------------------------------------------------------------- document frequencies */

/* A term's document frequency as stored (0 when it has none yet). */
static vg_status stored_df(vg_db *db, int64_t term, uint32_t *n)
{
    vg_stmt *st = vg_db_stmt(db, "SELECT n FROM cluster_df WHERE term = ?1");
    if (!st) return VG_ERR_DB;
    vg_bind_int64(st, 1, term);
    int rc = vg_step(st);
    *n = rc == SQLITE_ROW ? (uint32_t)vg_column_int64(st, 0) : 0;
    vg_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return vg_db_fail(db, rc, "reading term frequencies");
    return VG_OK;
}

static vg_status load_docs(vg_db *db, struct vg_story_cache *m)
{
    vg_stmt *st = vg_db_stmt(db, "SELECT value FROM cluster_meta WHERE key = 'docs'");
    if (!st) return VG_ERR_DB;
    int rc = vg_step(st);
    m->n_docs = rc == SQLITE_ROW ? (uint64_t)vg_column_int64(st, 0) : 0;
    vg_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return vg_db_fail(db, rc, "counting documents");
    m->docs_loaded = 1;
    return VG_OK;
}

/* ---------------------------------------------------------------- PostgreSQL: whole documents at once
 * Each statement is a round trip to the server there (in-process with
 * SQLite): reading a document's terms one by one cost ~100 ms an article.
 * The frequencies and postings of the terms not in memory are read in one
 * statement each, as PostgreSQL arrays; the same rows, so the same results. */

/* The terms of d not in memory, as a PostgreSQL array in *b (their count in *k). */
static vg_status missing_terms(const vg_cl_doc *d, int (*held)(struct vg_story_cache *, int64_t),
                               struct vg_story_cache *m, vg_buf *b, size_t *k)
{
    int64_t *t = vg_malloc(d->n * sizeof *t);
    if (!t) return VG_ERR_NOMEM;
    *k = 0;
    for (size_t i = 0; i < d->n; i++)
        if (!held(m, d->terms[i].id)) t[(*k)++] = d->terms[i].id;
    if (*k) vg_sql_id_array(b, t, *k);
    free(t);
    return b->failed ? VG_ERR_NOMEM : VG_OK;
}

static int df_held(struct vg_story_cache *m, int64_t term) { return vg_cl_dfmap_get(m->df, term) != NULL; }
static int postings_held(struct vg_story_cache *m, int64_t term) { return vg_cl_postings_get(m->post, term) != NULL; }

/* The stored frequencies of the document's terms not in memory, one statement. */
static vg_status prefetch_df(vg_db *db, struct vg_story_cache *m, const vg_cl_doc *f)
{
    if (!db->pg || !f->n) return VG_OK;
    vg_buf b = VG_BUF_INIT;
    size_t k;
    vg_status s = missing_terms(f, df_held, m, &b, &k);
    vg_stmt *st;
    if (s == VG_OK && k) {
        if (!(st = vg_db_stmt(db, "SELECT t, coalesce(d.n, 0) FROM unnest(?1::bigint[]) t"
                                  " LEFT JOIN cluster_df d ON d.term = t"))) s = VG_ERR_DB;
        if (s == VG_OK) {
            int rc;
            vg_bind_text(st, 1, b.data, (int)b.len);
            while ((rc = vg_step(st)) == SQLITE_ROW)
                if (!vg_cl_dfmap_put(m->df, vg_column_int64(st, 0), (uint32_t)vg_column_int64(st, 1))) { s = VG_ERR_NOMEM; break; }
            vg_reset(st);
            if (s == VG_OK && rc != SQLITE_DONE) s = vg_db_fail(db, rc, "reading term frequencies");
        }
    }
    vg_buf_free(&b);
    return s;
}

/* The newest postings of the document's terms not in memory, one statement:
 * the rows load_list reads term by term. (Frequencies are kept per language,
 * under other ids than the postings: each has its own prefetch. Until this
 * one, retrieval read postings one term at a time: ~23 statements an
 * article on ECB+ dev, 11,439 of the 19,919 of a PostgreSQL ingest.) */
vg_status vg_story_cache_prefetch_postings(vg_db *db, const vg_cl_doc *f)
{
    struct vg_story_cache *m;
    vg_status s = cache_get(db, &m);
    if (s != VG_OK || !db->pg || !f->n) return s;
    vg_buf b = VG_BUF_INIT;
    size_t k;
    s = missing_terms(f, postings_held, m, &b, &k);
    /* the lists exist from here (empty), so a term met twice is read once */
    for (size_t i = 0; i < f->n && s == VG_OK && k; i++)
        if (!postings_held(m, f->terms[i].id) && !vg_cl_postings_add(m->post, f->terms[i].id)) s = VG_ERR_NOMEM;
    vg_stmt *st;
    if (s == VG_OK && k) {
        if (!(st = vg_db_stmt(db, "SELECT term, story_id, w FROM story_terms WHERE term = ANY(?1::bigint[])"
                                  " ORDER BY term, story_id DESC"))) s = VG_ERR_DB;
        if (s == VG_OK) {
            int rc;
            vg_bind_text(st, 1, b.data, (int)b.len);
            vg_cl_plist *l = NULL;
            while ((rc = vg_step(st)) == SQLITE_ROW) {
                int64_t term = vg_column_int64(st, 0);
                if (!l || l->term != term) l = vg_cl_postings_get(m->post, term);
                if (!l || l->n >= VG_CL_POSTINGS_TOP) continue; /* as load_list's LIMIT: the newest only */
                if (vg_cl_plist_append(m->post, l, vg_column_int64(st, 1), vg_column_double(st, 2)) != 0) {
                    s = VG_ERR_NOMEM;
                    break;
                }
            }
            vg_reset(st);
            if (s == VG_OK && rc != SQLITE_DONE) s = vg_db_fail(db, rc, "reading story index");
        }
    }
    vg_buf_free(&b);
    return s;
}

vg_status vg_story_cache_count(vg_db *db, const vg_cl_doc *f, uint32_t *df, uint64_t *n_docs)
{
    struct vg_story_cache *m;
    vg_status s = cache_get(db, &m);
    if (s == VG_OK) s = prefetch_df(db, m, f);
    if (s != VG_OK) return s;
    for (size_t i = 0; i < f->n; i++) {
        vg_cl_dfent *e = vg_cl_dfmap_get(m->df, f->terms[i].id);
        if (!e) {
            uint32_t n;
            if ((s = stored_df(db, f->terms[i].id, &n)) != VG_OK) return s;
            if (!(e = vg_cl_dfmap_put(m->df, f->terms[i].id, n))) return VG_ERR_NOMEM;
        }
        e->n++;
        if (!e->dirty) {
            if (vg_grow(&m->dirty_terms, &m->cap_dirty, m->n_dirty + 1, sizeof *m->dirty_terms)) return VG_ERR_NOMEM;
            m->dirty_terms[m->n_dirty++] = e->term;
        }
        e->dirty = 1;
        df[i] = e->n;
    }
    if (!m->docs_loaded && (s = load_docs(db, m)) != VG_OK) return s;
    *n_docs = ++m->n_docs;
    m->docs_dirty = 1;
    return VG_OK;
}

vg_status vg_story_cache_df(vg_db *db, const vg_cl_doc *f, uint32_t *df)
{
    struct vg_story_cache *m;
    vg_status s = cache_get(db, &m);
    if (s == VG_OK) s = prefetch_df(db, m, f);
    for (size_t i = 0; i < f->n && s == VG_OK; i++) {
        vg_cl_dfent *e = vg_cl_dfmap_get(m->df, f->terms[i].id);
        if (e) df[i] = e->n;
        else s = stored_df(db, f->terms[i].id, &df[i]);
    }
    return s;
}

/* ---------------------------------------------------------------- postings */

static vg_status log_dirty(struct vg_story_cache *m, int64_t term, int64_t story)
{
    if (vg_grow(&m->log, &m->cap_log, m->n_log + 1, sizeof *m->log)) return VG_ERR_NOMEM;
    m->log[m->n_log++] = (struct logged){term, story};
    return VG_OK;
}

/* The term's newest postings, read from story_terms the first time. */
static vg_status load_list(vg_db *db, int64_t term, struct vg_story_cache **mp, vg_cl_plist **out)
{
    struct vg_story_cache *m;
    vg_status s = cache_get(db, &m);
    if (s != VG_OK) return s;
    *mp = m;
    vg_cl_plist *l = vg_cl_postings_get(m->post, term);
    if (!l) {
        if (!(l = vg_cl_postings_add(m->post, term))) return VG_ERR_NOMEM;
        vg_stmt *st = vg_db_stmt(db, "SELECT story_id, w FROM story_terms WHERE term = ?1 "
                                          "ORDER BY story_id DESC LIMIT ?2");
        if (!st) return VG_ERR_DB;
        vg_bind_int64(st, 1, term);
        vg_bind_int64(st, 2, VG_CL_POSTINGS_TOP);
        int rc;
        while ((rc = vg_step(st)) == SQLITE_ROW)
            if (vg_cl_plist_append(m->post, l, vg_column_int64(st, 0), vg_column_double(st, 1)) != 0) {
                vg_reset(st);
                return VG_ERR_NOMEM;
            }
        vg_reset(st);
        if (rc != SQLITE_DONE) return vg_db_fail(db, rc, "reading story index");
    }
    *out = l;
    return VG_OK;
}

vg_status vg_story_cache_postings(vg_db *db, int64_t term, vg_cl_hit *out, size_t *n)
{
    struct vg_story_cache *m;
    vg_cl_plist *l;
    vg_status s = load_list(db, term, &m, &l);
    if (s != VG_OK) return s;
    for (uint32_t j = 0; j < l->n; j++) out[j] = (vg_cl_hit){l->p[j].story, l->p[j].w};
    *n = l->n;
    return VG_OK;
}

vg_status vg_story_cache_add(vg_db *db, int64_t term, int64_t story, double x, double *now)
{
    struct vg_story_cache *m;
    vg_cl_plist *l;
    vg_status s = load_list(db, term, &m, &l);
    if (s != VG_OK) return s;
    /* Kept when the story is among the term's newest (always, for a story
     * made by this batch); written back at commit. An older story's
     * weight is not kept: story_terms holds only the head (flush). */
    long k = vg_cl_plist_find(l, story);
    if (k >= 0) {
        *now = l->p[k].w += x;
        if (!l->p[k].dirty && (s = log_dirty(m, l->term, story)) != VG_OK) return s;
        l->p[k].dirty = 1;
    } else if (l->n < VG_CL_POSTINGS_TOP || story > l->p[l->n - 1].story) {
        vg_cl_post ev;
        *now = x;
        if (vg_cl_plist_insert(m->post, l, story, x, &ev) < 0) return VG_ERR_NOMEM;
        /* an evicted posting past the head: its row goes at flush (flush_postings) */
        return log_dirty(m, l->term, story);
    } else {
        *now = x;
    }
    return VG_OK;
}

vg_status vg_story_cache_take(vg_db *db, int64_t term, int64_t story, double w, int emptied, double *now)
{
    struct vg_story_cache *m;
    vg_cl_plist *l;
    vg_status s = load_list(db, term, &m, &l);
    if (s != VG_OK) return s;
    long k = vg_cl_plist_find(l, story);
    if (k < 0) { /* past the term's head: no weight kept there */
        *now = 0;
        return VG_OK;
    }
    if (!l->p[k].dirty && (s = log_dirty(m, l->term, story)) != VG_OK) return s;
    *now = l->p[k].w = emptied ? 0 : l->p[k].w - w;
    l->p[k].dirty = 1;
    return VG_OK;
}

/* ---------------------------------------------------------------- write-back */

static int by_term(const void *pa, const void *pb)
{
    const vg_cl_dfent *a = pa, *b = pb;
    return (a->term > b->term) - (a->term < b->term);
}

static int by_term_story(const void *pa, const void *pb)
{
    const struct logged *a = pa, *b = pb;
    if (a->term != b->term) return (a->term > b->term) - (a->term < b->term);
    return (a->story > b->story) - (a->story < b->story);
}

static vg_status write_posting(vg_db *db, int64_t term, int64_t story, double w)
{
    vg_stmt *st = vg_db_stmt(db, "INSERT INTO story_terms(term, story_id, w) VALUES(?1, ?2, ?3)"
                                      " ON CONFLICT(term, story_id) DO UPDATE SET w = excluded.w");
    if (!st) return VG_ERR_DB;
    vg_bind_int64(st, 1, term);
    vg_bind_int64(st, 2, story);
    vg_bind_double(st, 3, w);
    return vg_db_step_done(db, st, "writing story terms");
}

/* story_terms keeps, per term, only the head that retrieval reads (the
 * VG_CL_POSTINGS_TOP newest stories): a term's rows stay few and
 * contiguous, and the table grows with the vocabulary, not the archive.
 * When it held every story of every term it outgrew the page cache and
 * every batch dirtied pages all over it: the cost per article grew with
 * the archive. A story never comes back into a head (new stories have
 * higher ids), so a posting that left it is never read again. */
static vg_status cut_tail(vg_db *db, const vg_cl_plist *l)
{
    if (l->n < VG_CL_POSTINGS_TOP) return VG_OK;
    vg_stmt *st = vg_db_stmt(db, "DELETE FROM story_terms WHERE term = ?1 AND story_id < ?2");
    if (!st) return VG_ERR_DB;
    vg_bind_int64(st, 1, l->term);
    vg_bind_int64(st, 2, l->p[l->n - 1].story);
    return vg_db_step_done(db, st, "trimming story terms");
}

/* PostgreSQL: the same cuts and writes as below, as two statements over
 * arrays (one round trip each, not one per posting). */
static vg_status flush_postings_pg(vg_db *db, struct vg_story_cache *m)
{
    vg_buf ct = VG_BUF_INIT, cl = VG_BUF_INIT, wt = VG_BUF_INIT, ws = VG_BUF_INIT, ww = VG_BUF_INIT;
    vg_buf *all[5] = {&ct, &cl, &wt, &ws, &ww};
    for (int i = 0; i < 5; i++) vg_buf_putc(all[i], '{');
    size_t n_cut = 0, n_write = 0;
    for (size_t i = 0; i < m->n_log; i++) {
        vg_cl_plist *l = vg_cl_postings_get(m->post, m->log[i].term);
        if (!l) continue;
        if ((i == 0 || m->log[i - 1].term != l->term) && l->n >= VG_CL_POSTINGS_TOP) {
            vg_buf_printf(&ct, "%s%lld", n_cut ? "," : "", (long long)l->term);
            vg_buf_printf(&cl, "%s%lld", n_cut ? "," : "", (long long)l->p[l->n - 1].story);
            n_cut++;
        }
        long k = vg_cl_plist_find(l, m->log[i].story);
        if (k >= 0 && l->p[k].dirty) {
            vg_buf_printf(&wt, "%s%lld", n_write ? "," : "", (long long)l->term);
            vg_buf_printf(&ws, "%s%lld", n_write ? "," : "", (long long)l->p[k].story);
            vg_buf_printf(&ww, "%s%.17g", n_write ? "," : "", l->p[k].w);
            l->p[k].dirty = 0;
            n_write++;
        }
    }
    vg_status s = VG_OK;
    for (int i = 0; i < 5; i++) { vg_buf_putc(all[i], '}'); if (all[i]->failed) s = VG_ERR_NOMEM; }
    vg_stmt *st;
    if (s == VG_OK && n_cut) {
        if (!(st = vg_db_stmt(db, "DELETE FROM story_terms s USING unnest(?1::bigint[], ?2::bigint[]) AS c(term, lo)"
                                  " WHERE s.term = c.term AND s.story_id < c.lo"))) s = VG_ERR_DB;
        else {
            vg_bind_text(st, 1, ct.data, (int)ct.len);
            vg_bind_text(st, 2, cl.data, (int)cl.len);
            s = vg_db_step_done(db, st, "trimming story terms");
        }
    }
    if (s == VG_OK && n_write) {
        if (!(st = vg_db_stmt(db, "INSERT INTO story_terms(term, story_id, w)"
                                  " SELECT * FROM unnest(?1::bigint[], ?2::bigint[], ?3::float8[])"
                                  " ON CONFLICT(term, story_id) DO UPDATE SET w = excluded.w"))) s = VG_ERR_DB;
        else {
            vg_bind_text(st, 1, wt.data, (int)wt.len);
            vg_bind_text(st, 2, ws.data, (int)ws.len);
            vg_bind_text(st, 3, ww.data, (int)ww.len);
            s = vg_db_step_done(db, st, "writing story terms");
        }
    }
    for (int i = 0; i < 5; i++) vg_buf_free(all[i]);
    if (s == VG_OK) m->n_log = 0;
    return s;
}

static vg_status flush_postings(vg_db *db, struct vg_story_cache *m)
{
    /* nothing logged yet (a fresh or reconnected cache): log may be NULL, which qsort must not get */
    if (m->n_log) qsort(m->log, m->n_log, sizeof *m->log, by_term_story);
    if (db->pg) return flush_postings_pg(db, m);
    for (size_t i = 0; i < m->n_log; i++) {
        vg_cl_plist *l = vg_cl_postings_get(m->post, m->log[i].term);
        if (!l) continue;
        /* once per term (the log is sorted): the rows that left the head */
        vg_status s = i == 0 || m->log[i - 1].term != l->term ? cut_tail(db, l) : VG_OK;
        long k = vg_cl_plist_find(l, m->log[i].story);
        if (s == VG_OK && k >= 0 && l->p[k].dirty) {
            s = write_posting(db, l->term, l->p[k].story, l->p[k].w);
            l->p[k].dirty = 0;
        }
        if (s != VG_OK) return s;
    }
    m->n_log = 0;
    return VG_OK;
}

/* The counts changed since the last flush, in term order: each insert lands
 * next to the previous one in the B-tree. */
static vg_status flush_df(vg_db *db, struct vg_story_cache *m)
{
    size_t n = m->n_dirty;
    m->n_dirty = 0;
    if (!n) return VG_OK;
    vg_cl_dfent *d = vg_malloc(n * sizeof *d);
    if (!d) return VG_ERR_NOMEM;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        vg_cl_dfent *e = vg_cl_dfmap_get(m->df, m->dirty_terms[i]);
        if (e && e->dirty) { d[k++] = *e; e->dirty = 0; }
    }
    n = k;
    qsort(d, n, sizeof *d, by_term);
    if (db->pg) { /* one statement over arrays: one round trip, not one per term */
        vg_buf t = VG_BUF_INIT, c = VG_BUF_INIT;
        vg_buf_putc(&t, '{');
        vg_buf_putc(&c, '{');
        for (size_t i = 0; i < n; i++) {
            vg_buf_printf(&t, "%s%lld", i ? "," : "", (long long)d[i].term);
            vg_buf_printf(&c, "%s%lld", i ? "," : "", (long long)d[i].n);
        }
        vg_buf_putc(&t, '}');
        vg_buf_putc(&c, '}');
        vg_stmt *st = t.failed || c.failed ? NULL
                      : vg_db_stmt(db, "INSERT INTO cluster_df(term, n) SELECT * FROM unnest(?1::bigint[], ?2::bigint[])"
                                       " ON CONFLICT(term) DO UPDATE SET n = excluded.n");
        vg_status s = st ? VG_OK : t.failed || c.failed ? VG_ERR_NOMEM : VG_ERR_DB;
        if (s == VG_OK && n) {
            vg_bind_text(st, 1, t.data, (int)t.len);
            vg_bind_text(st, 2, c.data, (int)c.len);
            s = vg_db_step_done(db, st, "writing term frequencies");
        }
        vg_buf_free(&t);
        vg_buf_free(&c);
        free(d);
        return s;
    }
    vg_stmt *st = vg_db_stmt(db, "INSERT INTO cluster_df(term, n) VALUES(?1, ?2) ON CONFLICT(term) DO UPDATE SET n = excluded.n");
    vg_status s = st ? VG_OK : VG_ERR_DB;
    for (size_t i = 0; i < n && s == VG_OK; i++) {
        vg_bind_int64(st, 1, d[i].term);
        vg_bind_int64(st, 2, d[i].n);
        s = vg_db_step_done(db, st, "writing term frequencies");
    }
    free(d);
    return s;
}

vg_status vg_story_cache_flush(vg_db *db)
{
    struct vg_story_cache *m = db ? db->story_cache : NULL;
    if (!m) return VG_OK;
    vg_status s = flush_df(db, m);
    if (s != VG_OK) return s;
    if (m->docs_dirty) {
        vg_stmt *st = vg_db_stmt(db, "INSERT INTO cluster_meta(key, value) VALUES('docs', ?1)"
                                              " ON CONFLICT(key) DO UPDATE SET value = excluded.value");
        if (!st) return VG_ERR_DB;
        vg_bind_int64(st, 1, (int64_t)m->n_docs);
        if ((s = vg_db_step_done(db, st, "counting documents")) != VG_OK) return s;
        m->docs_dirty = 0;
    }
    if ((s = flush_postings(db, m)) != VG_OK) return s;
    if (vg_cl_postings_entries(m->post) > POSTINGS_MAX) vg_cl_postings_clear(m->post);
    if (vg_cl_dfmap_count(m->df) > DF_MAP_MAX) vg_cl_dfmap_clear(m->df); /* all clean: nothing lost */
    return VG_OK;
}
