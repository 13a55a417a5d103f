/* dups.c - the store side of duplicate detection: exact copies through
 * dedup_sig's token hash, near copies through the in-memory band index
 * (lib/dedup/lsh.h) rebuilt from dedup_sig's MinHash values. */
#include <stdlib.h>

#include "../core/alloc.h"
#include "internal.h"
#include "../dedup/lsh.h"

#define BAND_CANDIDATES 16 /* articles read per matching LSH band */

struct vg_dups_mem {
    vg_lsh *lsh;
    int ready;            /* the index holds the window of the next article */
};

static vg_status mem_get(vg_db *db, struct vg_dups_mem **out)
{
    if (!db->dups_mem) {
        struct vg_dups_mem *m = vg_calloc(1, sizeof *m);
        if (!m) return VG_ERR_NOMEM;
        if (!(m->lsh = vg_lsh_new())) { free(m); return VG_ERR_NOMEM; }
        db->dups_mem = m;
    }
    *out = db->dups_mem;
    return VG_OK;
}

void vg_dups_forget(vg_db *db)
{
    struct vg_dups_mem *m = db ? db->dups_mem : NULL;
    if (!m) return;
    vg_lsh_clear(m->lsh);
    m->ready = 0;
}

void vg_dups_free(vg_db *db)
{
    if (!db || !db->dups_mem) return;
    vg_lsh_free(db->dups_mem->lsh);
    free(db->dups_mem);
    db->dups_mem = NULL;
}

/* Index the signatures stored in article `self`'s window, oldest first
 * (dedup_sig is keyed by article id: one sequential range read). */
static vg_status load_window(vg_db *db, struct vg_dups_mem *m, int64_t self)
{
    vg_lsh_clear(m->lsh);
    vg_stmt *st = vg_db_stmt(db, "SELECT article_id, minhash FROM dedup_sig WHERE article_id >= ?1 "
                                      "AND article_id < ?2 AND minhash IS NOT NULL ORDER BY article_id");
    if (!st) return VG_ERR_DB;
    vg_bind_int64(st, 1, vg_lsh_window_start(self));
    vg_bind_int64(st, 2, self);
    int rc;
    while ((rc = vg_step(st)) == SQLITE_ROW) {
        vg_dedup_sig sig;
        int n;
        const void *blob = vg_column_blob(st, 1, &n);
        if (vg_dedup_unpack(blob, (size_t)n, &sig) != 0) continue;
        if (vg_lsh_add(m->lsh, &sig, vg_column_int64(st, 0), BAND_CANDIDATES) != 0) {
            vg_reset(st);
            return VG_ERR_NOMEM;
        }
    }
    vg_reset(st);
    if (rc != SQLITE_DONE) return vg_db_fail(db, rc, "reading duplicate signatures");
    m->ready = 1;
    return VG_OK;
}

vg_status vg_dups_find(vg_db *db, const vg_dedup_sig *sig, int64_t self, int64_t *dup_of)
{
    *dup_of = 0;
    if (sig->n_words == 0) return VG_OK; /* no words: nothing to compare, not a copy of every other empty page */
    vg_stmt *st = vg_db_stmt(db, "SELECT article_id FROM dedup_sig WHERE token_hash = ?1 AND article_id <> ?2 "
                                      "ORDER BY article_id LIMIT 1");
    if (!st) return VG_ERR_DB;
    vg_bind_int64(st, 1, (int64_t)sig->token_hash);
    vg_bind_int64(st, 2, self);
    int rc = vg_step(st);
    if (rc == SQLITE_ROW) *dup_of = vg_column_int64(st, 0);
    vg_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return vg_db_fail(db, rc, "looking up duplicates");
    if (!*dup_of && sig->n_shingles) {
        struct vg_dups_mem *m;
        vg_status s = mem_get(db, &m);
        if (s != VG_OK) return s;
        if (!m->ready && (s = load_window(db, m, self)) != VG_OK) return s;
        int64_t cand[VG_MH_BANDS * BAND_CANDIDATES];
        size_t nc = vg_lsh_candidates(m->lsh, sig, self, BAND_CANDIDATES, cand, sizeof cand / sizeof cand[0]);
        double best = 0;
        /* SQLite reads each candidate's signature (in-process); PostgreSQL
         * all of them in one statement (a round trip each was ~5 of the ~27
         * an article cost the story writer in bench/workers.sh). The best is
         * the same in any order: ties go to the lowest id. */
        vg_buf ids = VG_BUF_INIT;
        if (db->pg && nc) {
            vg_sql_id_array(&ids, cand, nc);
            if (ids.failed) return VG_ERR_NOMEM;
        }
        st = db->pg ? vg_db_stmt(db, "SELECT minhash, article_id FROM dedup_sig WHERE article_id = ANY(?1::bigint[])")
                    : vg_db_stmt(db, "SELECT minhash, article_id FROM dedup_sig WHERE article_id = ?1");
        if (!st) { vg_buf_free(&ids); return VG_ERR_DB; }
        size_t rounds = db->pg ? nc > 0 : nc; /* statements run: one for all, or one per candidate */
        for (size_t k = 0; k < rounds; k++) {
            if (db->pg) vg_bind_text(st, 1, ids.data, (int)ids.len);
            else vg_bind_int64(st, 1, cand[k]);
            while ((rc = vg_step(st)) == SQLITE_ROW) {
                vg_dedup_sig other;
                int n;
                const void *blob = vg_column_blob(st, 0, &n);
                int64_t id = vg_column_int64(st, 1);
                if (vg_dedup_unpack(blob, (size_t)n, &other) == 0) {
                    double sim = vg_dedup_similarity(sig, &other);
                    if (sim >= VG_MH_THRESHOLD && (sim > best || (sim == best && id < *dup_of))) {
                        best = sim;
                        *dup_of = id;
                    }
                }
            }
            vg_reset(st);
            /* a candidate that cannot be read (no memory, I/O) is an error, not "no copy" */
            if (rc != SQLITE_DONE) { vg_buf_free(&ids); return vg_db_fail(db, rc, "reading a duplicate's signature"); }
        }
        vg_buf_free(&ids);
    }
    if (*dup_of) {
        st = vg_db_stmt(db, "SELECT dup_of FROM articles WHERE id = ?1");
        if (!st) return VG_ERR_DB;
        vg_bind_int64(st, 1, *dup_of);
        if ((rc = vg_step(st)) == SQLITE_ROW && !vg_column_null(st, 0))
            *dup_of = vg_column_int64(st, 0);
        vg_reset(st);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) return vg_db_fail(db, rc, "looking up duplicates");
    }
    return VG_OK;
}

vg_status vg_dups_record(vg_db *db, const vg_dedup_sig *sig, int64_t id)
{
    vg_stmt *st = vg_db_stmt(db, "INSERT INTO dedup_sig(article_id, token_hash, minhash) VALUES(?1, ?2, ?3) ON CONFLICT(article_id)"
                                      " DO UPDATE SET token_hash = excluded.token_hash, minhash = excluded.minhash");
    if (!st) return VG_ERR_DB;
    unsigned char packed[VG_MH_K * 4];
    vg_bind_int64(st, 1, id);
    vg_bind_int64(st, 2, (int64_t)sig->token_hash);
    if (sig->n_shingles) {
        vg_dedup_pack(sig, packed);
        /* not copied: a copy that failed would go unseen and store no signature */
        vg_bind_blob(st, 3, packed, sizeof packed);
    }
    int rc = vg_step_later(st, "storing signature");
    if (rc != SQLITE_DONE) return vg_db_fail(db, rc, "storing signature");
    if (!sig->n_shingles) return VG_OK;
    struct vg_dups_mem *m;
    vg_status s = mem_get(db, &m);
    if (s != VG_OK) return s;
    /* Only an index that holds the window is kept up to date: an index not
     * ready is loaded from dedup_sig, this row included, when next needed.
     * Ids only grow between our own commits; one that does not (rows
     * removed behind our back) makes the index be loaded again. */
    if (m->ready && id <= vg_lsh_last(m->lsh)) m->ready = 0;
    if (m->ready && vg_lsh_add(m->lsh, sig, id, BAND_CANDIDATES) != 0) {
        m->ready = 0;
        return VG_ERR_NOMEM;
    }
    return VG_OK;
}
