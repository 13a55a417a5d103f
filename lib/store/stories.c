/* stories.c - near-duplicates (token hash, MinHash + LSH bands) and incremental
 * story clustering at put time, plus the story queries.
 *
 * Per-article cost is bounded whatever the archive size: duplicate candidates
 * come from the band index (dups.c), story candidates from the
 * inverted index story_terms(term, story) which holds the centroid weight of
 * the most recent stories per term (the head, cut_tail); only those are read
 * and kept, so a word every story shares costs the same at 1,000 or 1,000,000
 * articles. */
#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "../cluster/dfmap.h"
#include "../cluster/features.h"
#include "../cluster/postings.h"
#include "../cluster/score.h"
#include "../core/json.h"
#include "../dedup/minhash.h"

#define SCORED_STORIES 12    /* best candidates by dot product that get the full score */
/* The stories an article nearly joined (scored at least NEAR_FLOOR), kept
 * with it in the second-look window: when one of them changes, the article
 * is looked at again (second_look). */
#define NEAR_STORIES 4
#define NEAR_FLOOR (VG_CL_THRESHOLD / 2)

static vg_status step_done(vg_db *db, sqlite3_stmt *st, const char *what)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) return vg_db_fail(db, rc, what);
    return VG_OK;
}

/* ---------------------------------------------------------------- clustering */

typedef struct cand {
    int64_t story;
    double dot;
} cand;

static int by_dot_desc(const void *pa, const void *pb)
{
    const cand *a = pa, *b = pb;
    if (a->dot != b->dot) return a->dot < b->dot ? 1 : -1;
    return a->story > b->story ? -1 : a->story < b->story; /* newer first on ties */
}

/* Move the k first candidates in by_dot_desc order to the front, sorted,
 * and return how many that is (min(n, k)). Retrieval gathers up to
 * 1,024 candidates and only SCORED_STORIES are scored: one pass keeping a
 * small sorted window costs ~n comparisons where sorting them all cost
 * n log n, and it grew with the archive until the 1,024 cap. The order is
 * total (story ids are unique), so the first k are those a full sort gives. */
static size_t keep_best(cand *c, size_t n, size_t k)
{
    cand top[SCORED_STORIES];
    assert(k <= SCORED_STORIES);
    if (n <= k) {
        qsort(c, n, sizeof *c, by_dot_desc);
        return n;
    }
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (m == k && by_dot_desc(&c[i], &top[k - 1]) >= 0) continue;
        size_t j = m < k ? m++ : k - 1;
        while (j > 0 && by_dot_desc(&c[i], &top[j - 1]) < 0) {
            top[j] = top[j - 1];
            j--;
        }
        top[j] = c[i];
    }
    memcpy(c, top, m * sizeof *c);
    return m;
}

/* Document frequencies live in memory between commits (dfmap.h): read from
 * cluster_df once per term, counted in memory, written back by
 * vg_stories_flush inside the transaction that counted them, so the
 * database never holds counts of articles it does not hold. A rollback
 * forgets the whole map (it may hold counts of dropped articles). */
#define DF_MAP_MAX (1u << 21) /* entries kept across commits: bounded memory */

struct vg_stories_mem {
    vg_cl_dfmap *df;
    /* The terms whose counts changed since the last flush: the flush reads
     * these, not the whole map (which grows with the vocabulary), so a
     * commit of a few articles costs a few articles' terms. */
    int64_t *dirty_terms;
    size_t n_dirty, cap_dirty;
    uint64_t n_docs, docs_at_commit; /* documents counted, and at the last second look */
    int docs_loaded, docs_dirty;
    /* The newest postings per term (postings.h), same life cycle as df;
     * `log` lists the (term, story) pairs made dirty since the last flush. */
    vg_cl_postings *post;
    struct logged { int64_t term, story; } *log;
    size_t n_log, cap_log;
    /* The recent articles (not copies) with their vectors, for a second
     * look at the next commits, when the stories made after them exist
     * (second_look). Kept for LOOK_COMMITS commits, or until a rollback. */
    struct single {
        int64_t story, article;
        vg_cl_doc f, raw;
        char lang[16];
        int looks, sure;     /* commits it was looked at; joined with SURE_JOIN or more */
        uint64_t weighed_at; /* documents counted when f was weighed */
        uint64_t arrived_at; /* documents counted when it came */
        int64_t near[NEAR_STORIES]; /* stories it nearly joined at its last look, 0 past the end */
    } *single;
    size_t n_single, cap_single;
    /* Stories changed since the articles of the window were last looked at
     * (sorted for bsearch): only their members and near members are looked
     * at again, so the work of a commit follows the batch, not the window. */
    int64_t *touched;
    size_t n_touched, cap_touched;
};
#define POSTINGS_MAX (1u << 21) /* postings kept across commits */

static void forget_singles(struct vg_stories_mem *m)
{
    for (size_t i = 0; i < m->n_single; i++) {
        free(m->single[i].f.terms);
        free(m->single[i].raw.terms);
    }
    m->n_single = 0;
}

static vg_status mem_get(vg_db *db, struct vg_stories_mem **out)
{
    if (!db->stories_mem) {
        struct vg_stories_mem *m = calloc(1, sizeof *m);
        if (!m) return VG_ERR_NOMEM;
        if (!(m->df = vg_cl_dfmap_new())) { free(m); return VG_ERR_NOMEM; }
        if (!(m->post = vg_cl_postings_new())) { vg_cl_dfmap_free(m->df); free(m); return VG_ERR_NOMEM; }
        db->stories_mem = m;
    }
    *out = db->stories_mem;
    return VG_OK;
}

void vg_stories_forget(vg_db *db)
{
    struct vg_stories_mem *m = db ? db->stories_mem : NULL;
    if (!m) return;
    vg_cl_dfmap_clear(m->df);
    vg_cl_postings_clear(m->post);
    m->n_log = 0;
    m->n_dirty = 0;
    forget_singles(m);
    m->docs_loaded = m->docs_dirty = 0;
}

void vg_stories_free(vg_db *db)
{
    if (!db || !db->stories_mem) return;
    vg_cl_dfmap_free(db->stories_mem->df);
    vg_cl_postings_free(db->stories_mem->post);
    free(db->stories_mem->log);
    free(db->stories_mem->dirty_terms);
    forget_singles(db->stories_mem);
    free(db->stories_mem->single);
    free(db->stories_mem->touched);
    free(db->stories_mem);
    db->stories_mem = NULL;
}

static int by_term(const void *pa, const void *pb)
{
    const vg_cl_dfent *a = pa, *b = pb;
    return (a->term > b->term) - (a->term < b->term);
}

static vg_status write_posting(vg_db *db, int64_t term, int64_t story, double w)
{
    sqlite3_stmt *st = vg_db_stmt(db, "INSERT OR REPLACE INTO story_terms(term, story_id, w) VALUES(?1, ?2, ?3)");
    if (!st) return VG_ERR_DB;
    sqlite3_bind_int64(st, 1, term);
    sqlite3_bind_int64(st, 2, story);
    sqlite3_bind_double(st, 3, w);
    return step_done(db, st, "writing story terms");
}

static int by_term_story(const void *pa, const void *pb)
{
    const struct logged *a = pa, *b = pb;
    if (a->term != b->term) return (a->term > b->term) - (a->term < b->term);
    return (a->story > b->story) - (a->story < b->story);
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
    sqlite3_stmt *st = vg_db_stmt(db, "DELETE FROM story_terms WHERE term = ?1 AND story_id < ?2");
    if (!st) return VG_ERR_DB;
    sqlite3_bind_int64(st, 1, l->term);
    sqlite3_bind_int64(st, 2, l->p[l->n - 1].story);
    return step_done(db, st, "trimming story terms");
}

static vg_status flush_postings(vg_db *db, struct vg_stories_mem *m)
{
    qsort(m->log, m->n_log, sizeof *m->log, by_term_story);
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

/* arr with room for one more element than n: *cap doubles from `first` when
 * full. NULL on no memory (arr is left as it was). */
static void *room_for_one(void *arr, size_t n, size_t *cap, size_t elem, size_t first)
{
    if (n < *cap) return arr;
    size_t nc = *cap ? *cap * 2 : first;
    void *p = realloc(arr, nc * elem);
    if (p) *cap = nc;
    return p;
}

static vg_status log_dirty(struct vg_stories_mem *m, int64_t term, int64_t story)
{
    struct logged *l = room_for_one(m->log, m->n_log, &m->cap_log, sizeof *l, 4096);
    if (!l) return VG_ERR_NOMEM;
    m->log = l;
    m->log[m->n_log++] = (struct logged){term, story};
    return VG_OK;
}

/* The term's newest postings, read from story_terms the first time. */
static vg_status load_list(vg_db *db, struct vg_stories_mem *m, int64_t term, vg_cl_plist **out)
{
    vg_cl_plist *l = vg_cl_postings_get(m->post, term);
    if (!l) {
        if (!(l = vg_cl_postings_add(m->post, term))) return VG_ERR_NOMEM;
        sqlite3_stmt *st = vg_db_stmt(db, "SELECT story_id, w FROM story_terms WHERE term = ?1 "
                                          "ORDER BY story_id DESC LIMIT ?2");
        if (!st) return VG_ERR_DB;
        sqlite3_bind_int64(st, 1, term);
        sqlite3_bind_int(st, 2, VG_CL_POSTINGS_TOP);
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW)
            if (vg_cl_plist_append(m->post, l, sqlite3_column_int64(st, 0), sqlite3_column_double(st, 1)) != 0) {
                sqlite3_reset(st);
                return VG_ERR_NOMEM;
            }
        sqlite3_reset(st);
        if (rc != SQLITE_DONE) return vg_db_fail(db, rc, "reading story index");
    }
    *out = l;
    return VG_OK;
}

static vg_status second_look(vg_db *db, struct vg_stories_mem *m);

vg_status vg_stories_flush(vg_db *db)
{
    struct vg_stories_mem *m = db ? db->stories_mem : NULL;
    if (!m) return VG_OK;
    vg_status ls = second_look(db, m);
    if (ls != VG_OK) return ls;
    size_t n = m->n_dirty;
    m->n_dirty = 0;
    if (n) {
        /* in term order: each insert lands next to the previous one in the B-tree */
        vg_cl_dfent *d = malloc(n * sizeof *d);
        if (!d) return VG_ERR_NOMEM;
        size_t k = 0;
        for (size_t i = 0; i < n; i++) {
            vg_cl_dfent *e = vg_cl_dfmap_get(m->df, m->dirty_terms[i]);
            if (e && e->dirty) { d[k++] = *e; e->dirty = 0; }
        }
        n = k;
        qsort(d, n, sizeof *d, by_term);
        sqlite3_stmt *st = vg_db_stmt(db, "INSERT OR REPLACE INTO cluster_df(term, n) VALUES(?1, ?2)");
        vg_status s = st ? VG_OK : VG_ERR_DB;
        for (size_t i = 0; i < n && s == VG_OK; i++) {
            sqlite3_bind_int64(st, 1, d[i].term);
            sqlite3_bind_int64(st, 2, d[i].n);
            s = step_done(db, st, "writing term frequencies");
        }
        free(d);
        if (s != VG_OK) return s;
    }
    if (m->docs_dirty) {
        sqlite3_stmt *st = vg_db_stmt(db, "INSERT OR REPLACE INTO cluster_meta(key, value) VALUES('docs', ?1)");
        if (!st) return VG_ERR_DB;
        sqlite3_bind_int64(st, 1, (sqlite3_int64)m->n_docs);
        vg_status s = step_done(db, st, "counting documents");
        if (s != VG_OK) return s;
        m->docs_dirty = 0;
    }
    vg_status ps = flush_postings(db, m);
    if (ps != VG_OK) return ps;
    if (vg_cl_postings_entries(m->post) > POSTINGS_MAX) vg_cl_postings_clear(m->post);
    if (vg_cl_dfmap_count(m->df) > DF_MAP_MAX) vg_cl_dfmap_clear(m->df); /* all clean: nothing lost */
    return VG_OK;
}

/* A term's document frequency as stored (0 when it has none yet). */
static vg_status stored_df(vg_db *db, int64_t term, uint32_t *n)
{
    sqlite3_stmt *st = vg_db_stmt(db, "SELECT n FROM cluster_df WHERE term = ?1");
    if (!st) return VG_ERR_DB;
    sqlite3_bind_int64(st, 1, term);
    int rc = sqlite3_step(st);
    *n = rc == SQLITE_ROW ? (uint32_t)sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return vg_db_fail(db, rc, "reading term frequencies");
    return VG_OK;
}

/* Document frequencies, counting this document, and the new document count. */
static vg_status update_df(vg_db *db, vg_cl_doc *f, uint32_t *df, uint64_t *n_docs)
{
    struct vg_stories_mem *m;
    vg_status s = mem_get(db, &m);
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
            int64_t *d = room_for_one(m->dirty_terms, m->n_dirty, &m->cap_dirty, sizeof *d, 4096);
            if (!d) return VG_ERR_NOMEM;
            m->dirty_terms = d;
            m->dirty_terms[m->n_dirty++] = e->term;
        }
        e->dirty = 1;
        df[i] = e->n;
    }
    if (!m->docs_loaded) {
        sqlite3_stmt *st = vg_db_stmt(db, "SELECT value FROM cluster_meta WHERE key = 'docs'");
        if (!st) return VG_ERR_DB;
        int rc = sqlite3_step(st);
        m->n_docs = rc == SQLITE_ROW ? (uint64_t)sqlite3_column_int64(st, 0) : 0;
        sqlite3_reset(st);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) return vg_db_fail(db, rc, "counting documents");
        m->docs_loaded = 1;
        m->docs_at_commit = m->n_docs;
    }
    *n_docs = ++m->n_docs;
    m->docs_dirty = 1;
    return VG_OK;
}

static vg_status load_story(vg_db *db, int64_t id, vg_cl_story *s)
{
    memset(s, 0, sizeof *s);
    s->id = id;
    s->first_day = s->last_day = -1;
    sqlite3_stmt *st = vg_db_stmt(db, "SELECT norm2, years, event_date, latitude, longitude, first_day, last_day, "
                                      "n_articles FROM stories WHERE id = ?1");
    if (!st) return VG_ERR_DB;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        s->norm2 = sqlite3_column_double(st, 0);
        s->n_years = vg_cl_years_parse((const char *)sqlite3_column_text(st, 1), s->years, &s->pub_year);
        const char *ed = (const char *)sqlite3_column_text(st, 2);
        if (ed) snprintf(s->event_date, sizeof s->event_date, "%s", ed);
        if (sqlite3_column_type(st, 3) != SQLITE_NULL && sqlite3_column_type(st, 4) != SQLITE_NULL) {
            s->has_coords = 1;
            s->lat = sqlite3_column_double(st, 3);
            s->lon = sqlite3_column_double(st, 4);
        }
        if (sqlite3_column_type(st, 5) != SQLITE_NULL) s->first_day = (long)sqlite3_column_int64(st, 5);
        if (sqlite3_column_type(st, 6) != SQLITE_NULL) s->last_day = (long)sqlite3_column_int64(st, 6);
        s->n_articles = (long)sqlite3_column_int64(st, 7);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return vg_db_fail(db, rc, "reading story");
    return VG_OK;
}

/* The story whose centroid is closest, if close enough (0: start one). */
static vg_status best_story(vg_db *db, const char *lang, vg_arena *arena, const vg_cl_doc *f, int64_t skip,
                            int64_t *story, double *skip_dot, double *best_score, int64_t near[NEAR_STORIES])
{
    *story = 0;
    if (skip_dot) *skip_dot = 0;
    size_t n_near = 0;
    if (near) memset(near, 0, NEAR_STORIES * sizeof *near);
    size_t cap = 1024, n = 0;
    cand *c = vg_arena_alloc(arena, cap * sizeof *c);
    int64_t *slot = vg_arena_calloc(arena, 2 * cap, sizeof *slot); /* story -> index+1 */
    int32_t *idx = vg_arena_calloc(arena, 2 * cap, sizeof *idx);
    if (!c || !slot || !idx) return VG_ERR_NOMEM;
    struct vg_stories_mem *m;
    vg_status ms = mem_get(db, &m);
    if (ms != VG_OK) return ms;
    for (size_t i = 0; i < f->n; i++) {
        vg_cl_plist *l;
        if ((ms = load_list(db, m, f->terms[i].id, &l)) != VG_OK) return ms;
        for (uint32_t j = 0; j < l->n; j++) {
            int64_t sid = l->p[j].story;
            double w = l->p[j].w;
            if (sid == skip) {
                if (skip_dot) *skip_dot += f->terms[i].w * w;
                continue;
            }
            size_t h = (size_t)((uint64_t)sid * 0x9e3779b97f4a7c15ULL >> 40) & (2 * cap - 1);
            while (slot[h] && slot[h] != sid) h = (h + 1) & (2 * cap - 1);
            if (!slot[h]) {
                if (n == cap) continue; /* enough candidates: ignore new ones */
                slot[h] = sid;
                idx[h] = (int32_t)n;
                c[n++] = (cand){sid, 0};
            }
            c[idx[h]].dot += f->terms[i].w * w;
        }
    }
    n = keep_best(c, n, SCORED_STORIES);
    double best = VG_CL_THRESHOLD;
    for (size_t i = 0; i < n; i++) {
        vg_cl_story s;
        vg_status vs = load_story(db, c[i].story, &s);
        if (vs != VG_OK) return vs;
        int other_lang = 0;
        if (lang && f->has_coords && s.has_coords) {
            sqlite3_stmt *ls = vg_db_stmt(db, "SELECT 1 FROM articles WHERE story_id = ?1 AND lang = ?2 LIMIT 1");
            if (!ls) return VG_ERR_DB;
            sqlite3_bind_int64(ls, 1, c[i].story);
            sqlite3_bind_text(ls, 2, lang, -1, SQLITE_STATIC);
            int rc = sqlite3_step(ls);
            sqlite3_reset(ls);
            if (rc != SQLITE_ROW && rc != SQLITE_DONE) return vg_db_fail(db, rc, "reading story languages");
            other_lang = rc == SQLITE_DONE;
        }
        double score = vg_cl_score(f, &s, c[i].dot, other_lang);
        if (near && score >= NEAR_FLOOR && n_near < NEAR_STORIES) near[n_near++] = c[i].story;
        if (score >= best) {
            best = score;
            *story = c[i].story;
        }
    }
    if (best_score) *best_score = best;
    return VG_OK;
}

/* Add the document to the story: centroid, norm, anchors. */
static vg_status join_story(vg_db *db, const vg_cl_doc *f, int64_t story, int64_t article_id)
{
    vg_cl_story s;
    vg_status vs = load_story(db, story, &s);
    if (vs != VG_OK) return vs;
    struct vg_stories_mem *m;
    if ((vs = mem_get(db, &m)) != VG_OK) return vs;
    for (size_t i = 0; i < f->n; i++) {
        double x = f->terms[i].w;
        /* In memory when the story is among the term's newest (always, for
         * a story made by this batch); written back at commit. */
        vg_cl_plist *l;
        if ((vs = load_list(db, m, f->terms[i].id, &l)) != VG_OK) return vs;
        long k = vg_cl_plist_find(l, story);
        if (k >= 0 || l->n < VG_CL_POSTINGS_TOP || story > l->p[l->n - 1].story) {
            double now;
            if (k >= 0) {
                now = l->p[k].w += x;
                if (!l->p[k].dirty && (vs = log_dirty(m, l->term, story)) != VG_OK) return vs;
                l->p[k].dirty = 1;
            } else {
                vg_cl_post ev;
                int r = vg_cl_plist_insert(m->post, l, story, now = x, &ev);
                if (r < 0) return VG_ERR_NOMEM;
                if ((vs = log_dirty(m, l->term, story)) != VG_OK) return vs;
                (void)ev; /* past the head: its row goes at flush (flush_postings) */
            }
            double old = now - x;
            s.norm2 += now * now - old * old;
            continue;
        }
        /* An older story than the term's newest: story_terms holds only
         * the head (flush_postings), so this weight is not kept (no
         * retrieval would read it) and counts in the norm as new. */
        s.norm2 += x * x;
    }
    vg_cl_story_add(&s, f);
    char years[VG_CL_YEARS_TEXT];
    vg_cl_years_format(s.years, s.n_years, s.pub_year, years);
    sqlite3_stmt *st = vg_db_stmt(db, "UPDATE stories SET norm2 = ?2, years = ?3, event_date = ?4, latitude = ?5, longitude = ?6, "
                        "first_day = ?7, last_day = ?8, n_articles = n_articles + 1 WHERE id = ?1");
    if (!st) return VG_ERR_DB;
    sqlite3_bind_int64(st, 1, story);
    sqlite3_bind_double(st, 2, s.norm2);
    sqlite3_bind_text(st, 3, years, -1, SQLITE_TRANSIENT);
    if (s.event_date[0]) sqlite3_bind_text(st, 4, s.event_date, -1, SQLITE_TRANSIENT);
    if (s.has_coords) {
        sqlite3_bind_double(st, 5, s.lat);
        sqlite3_bind_double(st, 6, s.lon);
    }
    if (s.first_day >= 0) sqlite3_bind_int64(st, 7, s.first_day);
    if (s.last_day >= 0) sqlite3_bind_int64(st, 8, s.last_day);
    if ((vs = step_done(db, st, "updating story")) != VG_OK) return vs;
    st = vg_db_stmt(db, "UPDATE articles SET story_id = ?2 WHERE id = ?1");
    if (!st) return VG_ERR_DB;
    sqlite3_bind_int64(st, 1, article_id);
    sqlite3_bind_int64(st, 2, story);
    return step_done(db, st, "setting the article's story");
}

static vg_status new_story(vg_db *db, int64_t article_id, int64_t *story)
{
    sqlite3_stmt *st = vg_db_stmt(db, "INSERT INTO stories(first_article, n_articles, norm2) VALUES(?1, 0, 0)");
    if (!st) return VG_ERR_DB;
    sqlite3_bind_int64(st, 1, article_id);
    vg_status s = step_done(db, st, "creating story");
    if (s != VG_OK) return s;
    *story = sqlite3_last_insert_rowid(db->sql);
    return VG_OK;
}

#define SINGLES_MAX 4000 /* articles in the second-look window: bounded memory (~50 MB at most) */
/* Articles that came since, for which an article stays in the window. The
 * window was a number of commits: with the default batch (500) an article
 * met the whole batch, but fed a handful at a time (a feed, `vigie watch`)
 * it met only the next few dozen and the first report of an event stayed
 * alone or in the wrong story (ECB+ dev, batches of 10: F1 0.855 against
 * 0.915 in one batch). Counted in articles, small batches see as far. */
#define WINDOW_ARTICLES 512
/* Second looks per article of the batch at one commit at most: members and
 * near members of the changed stories are looked at (second_look), and a
 * story with many members in the window must not make a commit cost more. */
#define LOOKS_PER_ARTICLE 24
/* An article that joined with this score or more needs no second look
 * unless its weights went stale: it is well inside its story. */
#define SURE_JOIN 0.3
/* Weights go stale when the collection grew by half since they were
 * computed (a young database: the first articles were weighed with the
 * frequencies of a handful of documents); in a large archive they do not. */
#define STALE_GROWTH 1.5
#define RAW_TERMS 512    /* raw counts kept per article for the second look (2,000+ in a long text) */
_Static_assert(RAW_TERMS >= VG_CL_MAX_TERMS, "the story vector is the head of the raw terms");

/* Keep the batch's article for the second look: its raw counts (to weigh
 * again with the batch's final frequencies) and the vector its story holds. */
static vg_status remember_single(vg_db *db, const vg_cl_doc *raw, const vg_cl_doc *f, const char *lang,
                                 int64_t story, int64_t article, int sure, const int64_t near[NEAR_STORIES])
{
    struct vg_stories_mem *m = db->stories_mem;
    if (!f->n || m->n_single >= SINGLES_MAX) return VG_OK;
    struct single *sg = room_for_one(m->single, m->n_single, &m->cap_single, sizeof *sg, 64);
    if (!sg) return VG_ERR_NOMEM;
    m->single = sg;
    struct single *x = &m->single[m->n_single];
    x->story = story;
    x->article = article;
    x->looks = 0;
    x->sure = sure;
    x->weighed_at = x->arrived_at = m->n_docs;
    memcpy(x->near, near, sizeof x->near);
    x->f = *f;
    x->raw = *raw;
    x->raw.terms = malloc(raw->n * sizeof *raw->terms);
    if (!(x->f.terms = malloc(f->n * sizeof *f->terms)) || !x->raw.terms) {
        free(x->f.terms);
        free(x->raw.terms);
        return VG_ERR_NOMEM;
    }
    memcpy(x->f.terms, f->terms, f->n * sizeof *f->terms);
    memcpy(x->raw.terms, raw->terms, raw->n * sizeof *raw->terms);
    snprintf(x->lang, sizeof x->lang, "%s", lang ? lang : "");
    m->n_single++;
    return VG_OK;
}

/* Take the article's vector out of its story's centroid (the inverse of
 * join_story). The last member leaves a story with norm 0 and no weights:
 * never a candidate again. Anchors (years, dates, place) it brought stay. */
static vg_status leave_story(vg_db *db, struct vg_stories_mem *m, const vg_cl_doc *f, const vg_cl_story *stored,
                             int64_t article)
{
    vg_cl_story s = *stored; /* as the caller loaded it */
    int64_t story = s.id;
    vg_status vs;
    int last = s.n_articles <= 1;
    sqlite3_stmt *st;
    for (size_t t = 0; t < f->n; t++) {
        vg_cl_plist *l;
        double w = f->terms[t].w, now;
        if ((vs = load_list(db, m, f->terms[t].id, &l)) != VG_OK) return vs;
        long k = vg_cl_plist_find(l, story);
        if (k >= 0) {
            if (!l->p[k].dirty && (vs = log_dirty(m, l->term, story)) != VG_OK) return vs;
            now = l->p[k].w = last ? 0 : l->p[k].w - w;
            l->p[k].dirty = 1;
        } else {
            /* Past the term's head: no weight is kept there (flush_postings),
             * and join_story counted it in the norm as new; take that out. */
            now = 0;
        }
        double old = now + w;
        s.norm2 += now * now - old * old;
    }
    if (!(st = vg_db_stmt(db, "UPDATE stories SET norm2 = ?2, n_articles = n_articles - 1 WHERE id = ?1")))
        return VG_ERR_DB;
    sqlite3_bind_int64(st, 1, story);
    sqlite3_bind_double(st, 2, last || s.norm2 < 0 ? 0 : s.norm2);
    if ((vs = step_done(db, st, "leaving a story")) != VG_OK) return vs;
    /* out of the story's languages too (best_story asks them), until it joins one */
    if (!(st = vg_db_stmt(db, "UPDATE articles SET story_id = NULL WHERE id = ?1"))) return VG_ERR_DB;
    sqlite3_bind_int64(st, 1, article);
    return step_done(db, st, "leaving a story");
}

/* The article's raw counts weighed with the frequencies as they are now. */
static vg_status reweigh(vg_db *db, struct vg_stories_mem *m, vg_arena *a, const vg_cl_doc *raw, vg_cl_doc *out)
{
    *out = *raw;
    out->terms = vg_arena_alloc(a, (raw->n ? raw->n : 1) * sizeof *out->terms);
    uint32_t *df = vg_arena_alloc(a, (raw->n ? raw->n : 1) * sizeof *df);
    if (!out->terms || !df) return VG_ERR_NOMEM;
    memcpy(out->terms, raw->terms, raw->n * sizeof *raw->terms);
    for (size_t i = 0; i < raw->n; i++) {
        vg_cl_dfent *e = vg_cl_dfmap_get(m->df, raw->terms[i].id);
        if (e) {
            df[i] = e->n;
            continue;
        }
        vg_status s = stored_df(db, raw->terms[i].id, &df[i]);
        if (s != VG_OK) return s;
        if (!df[i]) df[i] = 1; /* this article counted it: never below one */
    }
    vg_cl_weigh(out, df, m->n_docs);
    return VG_OK;
}

#define LOOK_PASSES 3  /* second-look rounds per commit at most; most settle in two */
#define LOOK_COMMITS 4 /* commits an unsure article stays at least (large batches: past WINDOW_ARTICLES) */
#define LOOK_MAX 8      /* commits a young article stays past WINDOW_ARTICLES at most */
/* Articles of an open batch after which the window is looked at without
 * waiting for the commit. ECB+ dev, 8 orders, one batch of all: F1 mean /
 * min 0.934 / 0.889 (half a), 0.904 / 0.888 (half b) with a look at commit
 * only; every 10 articles 0.939 / 0.911 and 0.918 / 0.900; every 50
 * 0.945 / 0.918 and 0.919 / 0.905. */
#define LOOK_EVERY 50

static int by_id(const void *pa, const void *pb)
{
    int64_t a = *(const int64_t *)pa, b = *(const int64_t *)pb;
    return (a > b) - (a < b);
}

static vg_status touch(struct vg_stories_mem *m, int64_t story)
{
    if (!story) return VG_OK;
    int64_t *t = room_for_one(m->touched, m->n_touched, &m->cap_touched, sizeof *t, 256);
    if (!t) return VG_ERR_NOMEM;
    m->touched = t;
    m->touched[m->n_touched++] = story;
    return VG_OK;
}

/* Sort the first n touched stories and drop repeats; returns how many remain. */
static size_t touched_settle(struct vg_stories_mem *m, size_t n)
{
    qsort(m->touched, n, sizeof *m->touched, by_id);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (!k || m->touched[k - 1] != m->touched[i]) m->touched[k++] = m->touched[i];
    return k;
}

static int is_touched(const int64_t *t, size_t n, int64_t story)
{
    return story && bsearch(&story, t, n, sizeof *t, by_id) != NULL;
}

/* Its story or a story it nearly joined changed: a second look may move it. */
static int near_change(const struct single *x, const int64_t *t, size_t n)
{
    if (is_touched(t, n, x->story)) return 1;
    for (size_t k = 0; k < NEAR_STORIES && x->near[k]; k++)
        if (is_touched(t, n, x->near[k])) return 1;
    return 0;
}

/* Order matters in incremental clustering: an article that came before the
 * rest of its event's reports found nothing to join and started a story of
 * its own, or joined the only near story there was then; and the first
 * articles of a fresh database were weighed with frequencies of a handful of
 * documents. At commit, an article of the window (the last WINDOW_ARTICLES
 * articles) is looked at again when its weights went stale, or when its
 * story or a story it nearly joined changed: the batch's articles joined,
 * started or nearly joined it, or an earlier round moved an article in or
 * out. It leaves its story, is weighed again if stale, and joins the story
 * that now scores best (its own among them), or starts one. Rounds repeat
 * while articles move. In arrival order (oldest first: with one large
 * batch this is the look every article had before); the batch's own
 * articles always, earlier ones LOOKS_PER_ARTICLE per article of the batch
 * at most: the cost of a commit follows the batch, not the window. */
static vg_status second_look(vg_db *db, struct vg_stories_mem *m)
{
    if (!m->n_single) return VG_OK;
    vg_arena *a = vg_arena_new(0);
    if (!a) return VG_ERR_NOMEM;
    vg_status s = VG_OK;
    uint64_t batch = m->n_docs - m->docs_at_commit;
    size_t budget = LOOKS_PER_ARTICLE * (size_t)batch;
    /* the first round's changes: what the batch's articles joined or nearly joined */
    m->n_touched = 0;
    for (size_t i = 0; i < m->n_single && s == VG_OK; i++) {
        const struct single *x = &m->single[i];
        if (x->looks) continue;
        s = touch(m, x->story);
        for (size_t k = 0; k < NEAR_STORIES && s == VG_OK; k++) s = touch(m, x->near[k]);
    }
    size_t n_now = touched_settle(m, m->n_touched);
    m->n_touched = n_now;
    for (int pass = 0; pass < LOOK_PASSES && n_now && s == VG_OK; pass++) {
        /* this round reads touched[0, n_now) and appends the next round's after it */
        for (size_t r = 0; r < m->n_single && s == VG_OK; r++) {
            struct single *x = &m->single[r];
            int stale = (double)m->n_docs >= STALE_GROWTH * (double)x->weighed_at;
            if (x->sure && !stale) continue;
            if (!stale && !near_change(x, m->touched, n_now)) continue;
            /* the batch's own articles always; earlier ones within the budget */
            if (x->looks && !budget) continue;
            if (x->looks) budget--;
            vg_arena_reset(a);
            vg_cl_story own;
            if ((s = load_story(db, x->story, &own)) != VG_OK) break;
            int was_last = own.n_articles <= 1;
            int64_t to = 0, from = x->story;
            double best = 0;
            vg_cl_doc nf = x->f;
            if (!stale) {
                /* Weights still good: score the other stories and its own
                 * without it (centroid minus its vector) before writing
                 * anything; most articles stay where they are. */
                double own_dot = 0, xx = 0;
                const vg_cl_story stored = own; /* own is scored below without the article */
                if ((s = best_story(db, x->lang[0] ? x->lang : NULL, a, &x->f, x->story, &to, &own_dot, &best,
                                    x->near)) != VG_OK)
                    break;
                for (size_t t = 0; t < x->f.n; t++) xx += (double)x->f.terms[t].w * x->f.terms[t].w;
                double own_score = 0;
                if (!was_last) {
                    own.norm2 = own.norm2 - 2 * own_dot + xx;
                    own.n_articles--;
                    own_score = own.norm2 > 0 ? vg_cl_score(&x->f, &own, own_dot - xx, 0) : 0;
                }
                x->sure = best >= SURE_JOIN || own_score >= SURE_JOIN;
                if (!to || own_score >= best) continue;
                if ((s = leave_story(db, m, &x->f, &stored, x->article)) != VG_OK) break;
            } else {
                if ((s = leave_story(db, m, &x->f, &own, x->article)) != VG_OK) break;
                if ((s = reweigh(db, m, a, &x->raw, &nf)) != VG_OK) break;
                if ((s = best_story(db, x->lang[0] ? x->lang : NULL, a, &nf, 0, &to, NULL, &best, x->near)) != VG_OK)
                    break;
                x->sure = to && best >= SURE_JOIN;
                x->weighed_at = m->n_docs;
            }
            if (!to && was_last) to = x->story; /* alone again: its story stays its own */
            if (!to && (s = new_story(db, x->article, &to)) != VG_OK) break;
            if (to != x->story) {
                /* both stories changed: their members and near members look again next round */
                if ((s = touch(m, from)) != VG_OK || (s = touch(m, to)) != VG_OK) break;
                /* copies of the article follow it */
                sqlite3_stmt *st = vg_db_stmt(db, "UPDATE articles SET story_id = ?2 WHERE dup_of = ?1");
                if (!st) { s = VG_ERR_DB; break; }
                sqlite3_bind_int64(st, 1, x->article);
                sqlite3_bind_int64(st, 2, to);
                if ((s = step_done(db, st, "moving copies")) != VG_OK) break;
            }
            if ((s = join_story(db, &nf, to, x->article)) != VG_OK) break;
            x->story = to;
            if (nf.terms == x->f.terms) continue;
            if (nf.n > x->f.n) {
                vg_cl_term *t = realloc(x->f.terms, nf.n * sizeof *t);
                if (!t) { s = VG_ERR_NOMEM; break; }
                x->f.terms = t;
            }
            memcpy(x->f.terms, nf.terms, nf.n * sizeof *nf.terms);
            x->f.n = nf.n;
        }
        /* the next round: the stories this one changed */
        size_t n_next = m->n_touched - n_now;
        memmove(m->touched, m->touched + n_now, n_next * sizeof *m->touched);
        n_now = m->n_touched = touched_settle(m, n_next);
    }
    vg_arena_free(a);
    m->n_touched = 0;
    if (s != VG_OK) return s; /* the batch rolls back, forgetting the window */
    /* The window moves on: an article stays for WINDOW_ARTICLES articles;
     * past that, while unsure for LOOK_COMMITS commits (large batches), or
     * while the next batch, as large as this one, would make its weights
     * stale (a young database), LOOK_MAX commits at most. */
    m->docs_at_commit = m->n_docs;
    size_t kept = 0;
    for (size_t i = 0; i < m->n_single; i++) {
        struct single *x = &m->single[i];
        x->looks++;
        int young = (double)(m->n_docs + batch) >= STALE_GROWTH * (double)x->weighed_at;
        if (m->n_docs - x->arrived_at < WINDOW_ARTICLES ||
            (x->looks < LOOK_MAX && ((!x->sure && x->looks < LOOK_COMMITS) || young))) {
            m->single[kept++] = *x;
            continue;
        }
        free(x->f.terms);
        free(x->raw.terms);
    }
    m->n_single = kept;
    return VG_OK;
}

vg_status vg_db_prepare(vg_doc *doc)
{
    if (!doc || !doc->fields[VG_F_TEXT]) return VG_ERR_ARG;
    vg_dedup_sig *sig = vg_arena_alloc(doc->arena, sizeof *sig);
    vg_cl_doc *f = vg_arena_alloc(doc->arena, sizeof *f);
    if (!sig || !f) return VG_ERR_NOMEM;
    vg_status s = vg_dedup_sign(doc->arena, doc->fields[VG_F_TEXT], doc->text_len, sig);
    if (s == VG_OK) s = vg_cl_extract(doc, f);
    if (s != VG_OK) return s;
    doc->prep_sig = sig;
    doc->prep_cl = f;
    return VG_OK;
}

vg_status vg_stories_on_put(vg_db *db, vg_doc *doc, int64_t article_id, vg_put_result *result)
{
    vg_status s = VG_OK;
    if (!doc->prep_sig && (s = vg_db_prepare(doc)) != VG_OK) return s;
    /* This put uses the prepared data up: weighed in place below, and never
     * carried into another put of the same document context. */
    const vg_dedup_sig *sig = doc->prep_sig;
    vg_cl_doc raw = *doc->prep_cl;
    doc->prep_sig = NULL;
    doc->prep_cl = NULL;
    int64_t dup_of = 0;
    if ((s = vg_dups_find(db, sig, article_id, &dup_of)) != VG_OK) return s;
    if ((s = vg_dups_record(db, sig, article_id)) != VG_OK) return s;
    if (dup_of) {
        /* A copy joins its original's story but adds nothing to it: no
         * frequencies, no centroid weight, so it is never counted twice. */
        sqlite3_stmt *st = vg_db_stmt(db, "UPDATE articles SET dup_of = ?2, "
                                          "story_id = (SELECT story_id FROM articles WHERE id = ?2) WHERE id = ?1");
        if (!st) return VG_ERR_DB;
        sqlite3_bind_int64(st, 1, article_id);
        sqlite3_bind_int64(st, 2, dup_of);
        if ((s = step_done(db, st, "marking duplicate")) != VG_OK) return s;
        if (result) *result = VG_PUT_DUPLICATE;
        return VG_OK;
    }
    uint32_t *df = vg_arena_alloc(doc->arena, (raw.n ? raw.n : 1) * sizeof *df);
    if (!df) return VG_ERR_NOMEM;
    uint64_t n_docs = 0;
    if ((s = update_df(db, &raw, df, &n_docs)) != VG_OK) return s;
    /* Weighed once: the raw terms kept for the second look, heaviest first;
     * the story vector is their head at unit length. */
    vg_cl_keep(&raw, df, n_docs, RAW_TERMS);
    vg_cl_doc f = raw;
    if (!(f.terms = vg_arena_alloc(doc->arena, (raw.n ? raw.n : 1) * sizeof *f.terms))) return VG_ERR_NOMEM;
    memcpy(f.terms, raw.terms, raw.n * sizeof *raw.terms);
    vg_cl_normalize(&f);
    int64_t story = 0, near[NEAR_STORIES];
    double best = 0;
    if ((s = best_story(db, doc->fields[VG_F_LANG], doc->arena, &f, 0, &story, NULL, &best, near)) != VG_OK) return s;
    int sure = story && best >= SURE_JOIN;
    if (!story && (s = new_story(db, article_id, &story)) != VG_OK) return s;
    if ((s = join_story(db, &f, story, article_id)) != VG_OK) return s;
    if ((s = remember_single(db, &raw, &f, doc->fields[VG_F_LANG], story, article_id, sure, near)) != VG_OK) return s;
    /* A large batch is looked at again every LOOK_EVERY articles, as if a
     * feed had committed them that often: stories then no longer depend on
     * the batch size (the look only reads and writes within the open
     * transaction; a failure rolls the batch back like any put's). */
    struct vg_stories_mem *m = db->stories_mem;
    if (m->n_docs - m->docs_at_commit >= LOOK_EVERY) return second_look(db, m);
    return VG_OK;
}

/* ---------------------------------------------------------------- queries */

/* doc and story first: `--format tsv` prints the columns in order, and the
 * scorers read doc<TAB>story. */
static const char stories_sql[] =
    "SELECT coalesce(a.ext_id, a.source) AS doc, a.story_id AS story, a.dup_of, a.published,"
    " a.outlet, a.lang, a.title FROM articles a"
    " WHERE (?1 IS NULL OR a.story_id IN (SELECT story_id FROM articles GROUP BY story_id"
    "        HAVING substr(min(published), 1, 10) >= ?1))"
    "   AND (?2 IS NULL OR a.story_id IN (SELECT story_id FROM articles GROUP BY story_id"
    "        HAVING substr(min(published), 1, 10) <= ?2))"
    " ORDER BY a.story_id, a.published IS NULL, a.published, a.id LIMIT ?3";
static const vg_col_type stories_types[] = {VG_COL_TEXT, VG_COL_INT, VG_COL_INT, VG_COL_TEXT,
                                            VG_COL_TEXT, VG_COL_TEXT, VG_COL_TEXT};

vg_status vg_db_stories(vg_db *db, const vg_query *q, vg_row_cb cb, void *ud)
{
    if (!db || !q || !cb) return VG_ERR_ARG;
    vg_status s = vg_query_check(db, q);
    if (s != VG_OK) return s;
    sqlite3_stmt *st = vg_db_stmt(db, stories_sql);
    if (!st) return VG_ERR_DB;
    if (q->since) sqlite3_bind_text(st, 1, q->since, -1, SQLITE_STATIC);
    if (q->until) sqlite3_bind_text(st, 2, q->until, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, q->limit > 0 ? q->limit : -1);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        if (vg_db_emit_row(st, stories_types, cb, ud)) break;
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return vg_db_fail(db, rc, "listing stories");
    return VG_OK;
}

/* Distinct values of a column over the story's articles, as a JSON array. */
static vg_status distinct_array(vg_db *db, vg_buf *b, const char *sql, int64_t story)
{
    sqlite3_stmt *st = vg_db_stmt(db, sql);
    if (!st) return VG_ERR_DB;
    sqlite3_bind_int64(st, 1, story);
    vg_buf_putc(b, '[');
    int rc, first = 1;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (!first) vg_buf_putc(b, ',');
        first = 0;
        vg_json_cstr(b, (const char *)sqlite3_column_text(st, 0));
    }
    sqlite3_reset(st);
    vg_buf_putc(b, ']');
    if (rc != SQLITE_DONE) return vg_db_fail(db, rc, "reading story");
    return VG_OK;
}

static void put_int_or_null(vg_buf *b, sqlite3_stmt *st, int col)
{
    if (sqlite3_column_type(st, col) == SQLITE_NULL) vg_buf_puts(b, "null");
    else vg_buf_printf(b, "%lld", (long long)sqlite3_column_int64(st, col));
}

/* The surface words each account uses for each actor, keyed by the
 * canonical actor ("Unidentified Armed Group": ["gunmen"]), read from the
 * evidence spans: this is where "djihadistes" / "terroristes" show. */
static void actor_names(vg_buf *b, vg_arena *a, const char *evidence, size_t len, const char *canon1,
                        const char *canon2)
{
    char err[64];
    vg_jval *v = evidence ? vg_json_parse(a, evidence, len, err, sizeof err) : NULL;
    vg_buf_putc(b, '{');
    int first = 1;
    static const char *const fields[] = {"actor1", "actor2"};
    const char *keys[] = {canon1 ? canon1 : "actor1", canon2 ? canon2 : "actor2"};
    if (canon1 && canon2 && strcmp(canon1, canon2) == 0) keys[1] = "actor2";
    for (size_t f = 0; f < 2; f++) {
        int opened = 0;
        for (size_t i = 0; v && v->type == VG_JARR && i < v->len; i++) {
            const vg_jval *field = vg_json_get(v->items[i], "field");
            const vg_jval *text = vg_json_get(v->items[i], "text");
            if (!field || field->type != VG_JSTR || strcmp(field->str, fields[f]) != 0) continue;
            if (!text || text->type != VG_JSTR) continue;
            if (!opened) {
                vg_json_key(b, &first, keys[f]);
                vg_buf_putc(b, '[');
                opened = 1;
            } else vg_buf_putc(b, ',');
            vg_json_str(b, text->str, text->len);
        }
        if (opened) vg_buf_putc(b, ']');
    }
    vg_buf_putc(b, '}');
}

static const char story_accounts_sql[] =
    "SELECT coalesce(a.ext_id, a.source), a.outlet, a.lang, a.published, a.title, a.dup_of,"
    " e.event_type, e.event_date, e.location, e.country, e.latitude, e.longitude,"
    " e.fatalities, e.arrests, e.injured, e.actor1, e.actor2, e.attribution, e.evidence"
    " FROM articles a LEFT JOIN events e ON e.id = (SELECT id FROM events WHERE article_id = a.id"
    "   ORDER BY confidence DESC, id LIMIT 1)"
    " WHERE a.story_id = ?1 ORDER BY a.published IS NULL, a.published, a.id";

/* Figures that differ between accounts: {"fatalities":{"outlet":n,...}} for
 * each figure with more than one value among non-duplicate accounts. */
static vg_status disagreements(vg_db *db, vg_buf *b, int64_t story)
{
    static const char *const cols[] = {"fatalities", "arrests", "injured"};
    static const char *const sqls[] = {
        "SELECT coalesce(a.outlet, a.ext_id, a.source), e.fatalities FROM articles a JOIN events e ON e.article_id = a.id"
        " WHERE a.story_id = ?1 AND a.dup_of IS NULL AND e.fatalities >= 0"
        " AND e.id = (SELECT id FROM events WHERE article_id = a.id ORDER BY confidence DESC, id LIMIT 1)",
        "SELECT coalesce(a.outlet, a.ext_id, a.source), e.arrests FROM articles a JOIN events e ON e.article_id = a.id"
        " WHERE a.story_id = ?1 AND a.dup_of IS NULL AND e.arrests >= 0"
        " AND e.id = (SELECT id FROM events WHERE article_id = a.id ORDER BY confidence DESC, id LIMIT 1)",
        "SELECT coalesce(a.outlet, a.ext_id, a.source), e.injured FROM articles a JOIN events e ON e.article_id = a.id"
        " WHERE a.story_id = ?1 AND a.dup_of IS NULL AND e.injured >= 0"
        " AND e.id = (SELECT id FROM events WHERE article_id = a.id ORDER BY confidence DESC, id LIMIT 1)"};
    vg_buf_putc(b, '[');
    int first_d = 1;
    for (size_t c = 0; c < 3; c++) {
        sqlite3_stmt *st = vg_db_stmt(db, sqls[c]);
        if (!st) return VG_ERR_DB;
        sqlite3_bind_int64(st, 1, story);
        vg_buf item = VG_BUF_INIT;
        long long lo = 0, hi = 0;
        int n = 0, rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            long long v = sqlite3_column_int64(st, 1);
            if (!n || v < lo) lo = v;
            if (!n || v > hi) hi = v;
            vg_buf_puts(&item, n ? "," : "");
            vg_buf_puts(&item, "{\"source\":");
            vg_json_cstr(&item, (const char *)sqlite3_column_text(st, 0));
            vg_buf_printf(&item, ",\"value\":%lld}", v);
            n++;
        }
        sqlite3_reset(st);
        if (rc == SQLITE_DONE && n > 1 && lo != hi) {
            if (!first_d) vg_buf_putc(b, ',');
            first_d = 0;
            vg_buf_printf(b, "{\"field\":\"%s\",\"min\":%lld,\"max\":%lld,\"values\":[", cols[c], lo, hi);
            vg_buf_append(b, item.data, item.len);
            vg_buf_puts(b, "]}");
        }
        vg_buf_free(&item);
        if (rc != SQLITE_DONE) return vg_db_fail(db, rc, "comparing figures");
    }
    vg_buf_putc(b, ']');
    return VG_OK;
}

vg_status vg_db_story_json(vg_db *db, const char *id, const char **json, size_t *len)
{
    if (!db || !id || !json || !len) return VG_ERR_ARG;
    char *end;
    long long story = strtoll(id, &end, 10);
    if (end == id || *end || story <= 0) {
        snprintf(db->err, sizeof db->err, "story id must be a positive number");
        return VG_ERR_NOT_FOUND;
    }
    sqlite3_stmt *st = vg_db_stmt(db, "SELECT count(*), sum(dup_of IS NOT NULL), min(published), max(published)"
                                      " FROM articles WHERE story_id = ?1");
    if (!st) return VG_ERR_DB;
    sqlite3_bind_int64(st, 1, story);
    int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) { sqlite3_reset(st); return vg_db_fail(db, rc, "reading story"); }
    long long n = sqlite3_column_int64(st, 0), n_dup = sqlite3_column_int64(st, 1);
    vg_buf *b = &db->out;
    vg_buf_clear(b);
    vg_buf_printf(b, "{\"story\":%lld,\"articles\":%lld,\"duplicates\":%lld,\"first_report\":", story, n, n_dup);
    vg_json_cstr(b, (const char *)sqlite3_column_text(st, 2));
    vg_buf_puts(b, ",\"last_report\":");
    vg_json_cstr(b, (const char *)sqlite3_column_text(st, 3));
    sqlite3_reset(st);
    if (n == 0) {
        snprintf(db->err, sizeof db->err, "no story %lld", story);
        return VG_ERR_NOT_FOUND;
    }
    vg_status s;
    vg_buf_puts(b, ",\"outlets\":");
    if ((s = distinct_array(db, b, "SELECT DISTINCT outlet FROM articles WHERE story_id = ?1 AND outlet IS NOT NULL"
                                   " ORDER BY outlet", story)) != VG_OK) return s;
    vg_buf_puts(b, ",\"languages\":");
    if ((s = distinct_array(db, b, "SELECT DISTINCT lang FROM articles WHERE story_id = ?1 AND lang IS NOT NULL"
                                   " ORDER BY lang", story)) != VG_OK) return s;
    /* The consolidated events: one per (type, date, place) among originals'
     * main events, with how many accounts report it and the range of tolls. */
    vg_buf_puts(b, ",\"events\":[");
    st = vg_db_stmt(db, "SELECT e.event_type, e.event_date, e.location, e.country, avg(e.latitude), avg(e.longitude),"
                        " count(*), min(nullif(e.fatalities, -1)), max(nullif(e.fatalities, -1))"
                        " FROM articles a JOIN events e ON e.id = (SELECT id FROM events WHERE article_id = a.id"
                        "   ORDER BY confidence DESC, id LIMIT 1)"
                        " WHERE a.story_id = ?1 AND a.dup_of IS NULL"
                        " GROUP BY e.event_type, e.event_date, e.location ORDER BY count(*) DESC, e.event_date");
    if (!st) return VG_ERR_DB;
    sqlite3_bind_int64(st, 1, story);
    int first = 1;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        vg_buf_puts(b, first ? "{" : ",{");
        first = 0;
        static const char *const keys[] = {"event_type", "event_date", "location", "country"};
        for (int k = 0; k < 4; k++) {
            vg_buf_printf(b, "%s\"%s\":", k ? "," : "", keys[k]);
            vg_json_cstr(b, (const char *)sqlite3_column_text(st, k));
        }
        if (sqlite3_column_type(st, 4) != SQLITE_NULL)
            vg_buf_printf(b, ",\"latitude\":%.5f,\"longitude\":%.5f", sqlite3_column_double(st, 4),
                          sqlite3_column_double(st, 5));
        vg_buf_printf(b, ",\"reports\":%lld,\"fatalities_min\":", (long long)sqlite3_column_int64(st, 6));
        put_int_or_null(b, st, 7);
        vg_buf_puts(b, ",\"fatalities_max\":");
        put_int_or_null(b, st, 8);
        vg_buf_putc(b, '}');
    }
    sqlite3_reset(st);
    vg_buf_putc(b, ']');
    if (rc != SQLITE_DONE) return vg_db_fail(db, rc, "reading story events");
    /* One account per article, side by side. */
    vg_buf_puts(b, ",\"accounts\":[");
    st = vg_db_stmt(db, story_accounts_sql);
    if (!st) return VG_ERR_DB;
    sqlite3_bind_int64(st, 1, story);
    vg_arena *a = vg_arena_new(64 * 1024);
    if (!a) return VG_ERR_NOMEM;
    first = 1;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        vg_arena_reset(a);
        vg_buf_puts(b, first ? "{" : ",{");
        first = 0;
        static const char *const keys[] = {"doc", "outlet", "lang", "published", "title"};
        for (int k = 0; k < 5; k++) {
            vg_buf_printf(b, "%s\"%s\":", k ? "," : "", keys[k]);
            vg_json_cstr(b, (const char *)sqlite3_column_text(st, k));
        }
        vg_buf_puts(b, ",\"dup_of\":");
        put_int_or_null(b, st, 5);
        static const char *const ekeys[] = {"event_type", "event_date", "location", "country"};
        for (int k = 0; k < 4; k++) {
            vg_buf_printf(b, ",\"%s\":", ekeys[k]);
            vg_json_cstr(b, (const char *)sqlite3_column_text(st, 6 + k));
        }
        static const char *const fkeys[] = {"fatalities", "arrests", "injured"};
        for (int k = 0; k < 3; k++) {
            vg_buf_printf(b, ",\"%s\":", fkeys[k]);
            if (sqlite3_column_type(st, 12 + k) == SQLITE_NULL || sqlite3_column_int64(st, 12 + k) < 0)
                vg_buf_puts(b, "null");
            else put_int_or_null(b, st, 12 + k);
        }
        vg_buf_puts(b, ",\"actor1\":");
        vg_json_cstr(b, (const char *)sqlite3_column_text(st, 15));
        vg_buf_puts(b, ",\"actor2\":");
        vg_json_cstr(b, (const char *)sqlite3_column_text(st, 16));
        vg_buf_puts(b, ",\"attribution\":");
        vg_json_cstr(b, (const char *)sqlite3_column_text(st, 17));
        vg_buf_puts(b, ",\"actor_names\":");
        actor_names(b, a, (const char *)sqlite3_column_text(st, 18), (size_t)sqlite3_column_bytes(st, 18),
                    (const char *)sqlite3_column_text(st, 15), (const char *)sqlite3_column_text(st, 16));
        vg_buf_putc(b, '}');
    }
    sqlite3_reset(st);
    vg_arena_free(a);
    vg_buf_putc(b, ']');
    if (rc != SQLITE_DONE) return vg_db_fail(db, rc, "reading story accounts");
    vg_buf_puts(b, ",\"disagreements\":");
    if ((s = disagreements(db, b, story)) != VG_OK) return s;
    vg_buf_putc(b, '}');
    if (b->failed) return VG_ERR_NOMEM;
    *json = b->data;
    *len = b->len;
    return VG_OK;
}
