/* stories_sql.c - the store side of story clustering: the SQLite answers to
 * lib/cluster's store interface (stories.h), and the put hook that marks
 * copies and hands other articles to the clustering.
 *
 * lib/cluster decides which story an article joins (vg_cl_stories_put) and
 * whether it moves at commit (vg_cl_stories_settle); this file reads and
 * writes what it asks: story rows, articles.story_id, and through
 * story_cache.c the document frequencies and postings. The story report
 * (`vigie stories`, `vigie story ID`) is story_report.c. */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "../cluster/prepare.h"
#include "../cluster/stories.h"

/* ---------------------------------------------------------------- story rows */

static vg_status load_story(void *ud, int64_t id, vg_cl_story *s)
{
    vg_db *db = ud;
    memset(s, 0, sizeof *s);
    s->id = id;
    s->first_day = s->last_day = -1;
    vg_stmt *st = vg_db_stmt(db, "SELECT norm2, years, event_date, latitude, longitude, first_day, last_day, "
                                      "n_articles, lead FROM stories WHERE id = ?1");
    if (!st) return VG_ERR_DB;
    vg_bind_int64(st, 1, id);
    int rc = vg_step(st);
    if (rc == SQLITE_ROW) {
        s->norm2 = vg_column_double(st, 0);
        s->n_years = vg_cl_years_parse(vg_column_text(st, 1), s->years, &s->pub_year);
        const char *ed = vg_column_text(st, 2);
        if (ed) snprintf(s->event_date, sizeof s->event_date, "%s", ed);
        if (!vg_column_null(st, 3) && !vg_column_null(st, 4)) {
            s->has_coords = 1;
            s->lat = vg_column_double(st, 3);
            s->lon = vg_column_double(st, 4);
        }
        if (!vg_column_null(st, 5)) s->first_day = (long)vg_column_int64(st, 5);
        if (!vg_column_null(st, 6)) s->last_day = (long)vg_column_int64(st, 6);
        s->n_articles = (long)vg_column_int64(st, 7);
        const char *lead = vg_column_text(st, 8);
        if (lead) snprintf(s->lead, sizeof s->lead, "%s", lead);
    }
    vg_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return vg_db_fail(db, rc, "reading story");
    return VG_OK;
}

static vg_status save_story(void *ud, const vg_cl_story *s)
{
    vg_db *db = ud;
    char years[VG_CL_YEARS_TEXT];
    vg_cl_years_format(s->years, s->n_years, s->pub_year, years);
    vg_stmt *st = vg_db_stmt(db, "UPDATE stories SET norm2 = ?2, years = ?3, event_date = ?4, latitude = ?5, "
                                      "longitude = ?6, first_day = ?7, last_day = ?8, n_articles = ?9, lead = ?10 WHERE id = ?1");
    if (!st) return VG_ERR_DB;
    vg_bind_int64(st, 1, s->id);
    vg_bind_double(st, 2, s->norm2);
    vg_bind_text(st, 3, years, -1); /* no copy: both live past the step */
    if (s->event_date[0]) vg_bind_text(st, 4, s->event_date, -1);
    if (s->has_coords) {
        vg_bind_double(st, 5, s->lat);
        vg_bind_double(st, 6, s->lon);
    }
    if (s->first_day >= 0) vg_bind_int64(st, 7, s->first_day);
    if (s->last_day >= 0) vg_bind_int64(st, 8, s->last_day);
    vg_bind_int64(st, 9, s->n_articles);
    if (s->lead[0]) vg_bind_text(st, 10, s->lead, -1);
    return vg_db_step_done(db, st, "updating story");
}

static vg_status new_story(void *ud, int64_t article_id, int64_t *story)
{
    vg_db *db = ud;
    /* PostgreSQL: the next id after the highest, as SQLite gives it, not a
     * sequence's (a writer killed mid-batch would spend some): only the
     * holder of the stories' lock makes stories, so ids are those of one ingest. */
    vg_stmt *st = vg_db_stmt2(db, "INSERT INTO stories(first_article, n_articles, norm2) VALUES(?1, 0, 0) RETURNING id",
                              "INSERT INTO stories(id, first_article, n_articles, norm2) VALUES("
                              "(SELECT coalesce(max(id), 0) + 1 FROM stories), ?1, 0, 0) RETURNING id");
    if (!st) return VG_ERR_DB;
    vg_bind_int64(st, 1, article_id);
    int rc = vg_step(st);
    *story = rc == SQLITE_ROW ? vg_column_int64(st, 0) : 0;
    vg_reset(st);
    if (rc != SQLITE_ROW) return vg_db_fail(db, rc == SQLITE_DONE ? SQLITE_ERROR : rc, "creating story");
    return VG_OK;
}

static vg_status has_lang(void *ud, int64_t story, const char *lang, int *has)
{
    vg_db *db = ud;
    vg_stmt *st = vg_db_stmt(db, "SELECT 1 FROM articles WHERE story_id = ?1 AND lang = ?2 LIMIT 1");
    if (!st) return VG_ERR_DB;
    vg_bind_int64(st, 1, story);
    vg_bind_text(st, 2, lang, -1);
    int rc = vg_step(st);
    vg_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return vg_db_fail(db, rc, "reading story languages");
    *has = rc == SQLITE_ROW;
    return VG_OK;
}

/* ---------------------------------------------------------------- assignments */

static vg_status assign(void *ud, int64_t article, int64_t story)
{
    vg_db *db = ud;
    vg_stmt *st = vg_db_stmt(db, "UPDATE articles SET story_id = ?2 WHERE id = ?1");
    if (!st) return VG_ERR_DB;
    vg_bind_int64(st, 1, article);
    if (story) vg_bind_int64(st, 2, story); /* else NULL: between stories */
    return vg_db_step_done(db, st, story ? "setting the article's story" : "leaving a story");
}

static vg_status assign_copies(void *ud, int64_t article, int64_t story)
{
    vg_db *db = ud;
    vg_stmt *st = vg_db_stmt(db, "UPDATE articles SET story_id = ?2 WHERE dup_of = ?1");
    if (!st) return VG_ERR_DB;
    vg_bind_int64(st, 1, article);
    vg_bind_int64(st, 2, story);
    return vg_db_step_done(db, st, "moving copies");
}

/* ---------------------------------------------------------------- frequencies and postings (story_cache.c) */

static vg_status count_terms(void *ud, const vg_cl_doc *d, uint32_t *df, uint64_t *n_docs)
{
    return vg_story_cache_count(ud, d, df, n_docs);
}

static vg_status term_df(void *ud, const vg_cl_doc *d, uint32_t *df)
{
    return vg_story_cache_df(ud, d, df);
}

static vg_status postings(void *ud, int64_t term, vg_cl_hit *out, size_t *n)
{
    return vg_story_cache_postings(ud, term, out, n);
}

static vg_status posting_add(void *ud, int64_t term, int64_t story, double w, double *now)
{
    return vg_story_cache_add(ud, term, story, w, now);
}

static vg_status posting_take(void *ud, int64_t term, int64_t story, double w, int emptied, double *now)
{
    return vg_story_cache_take(ud, term, story, w, emptied, now);
}

static const vg_cl_store_ops sqlite_ops = {
    .count_terms = count_terms,
    .term_df = term_df,
    .postings = postings,
    .posting_add = posting_add,
    .posting_take = posting_take,
    .load_story = load_story,
    .save_story = save_story,
    .new_story = new_story,
    .has_lang = has_lang,
    .assign = assign,
    .assign_copies = assign_copies,
};

/* ---------------------------------------------------------------- the put hook and the life cycle */

/* A copy joins its original's story but adds nothing to it: no
 * frequencies, no centroid weight, so it is never counted twice. */
static vg_status mark_copy(vg_db *db, int64_t article_id, int64_t dup_of)
{
    vg_stmt *st = vg_db_stmt(db, "UPDATE articles SET dup_of = ?2, "
                                      "story_id = (SELECT story_id FROM articles WHERE id = ?2) WHERE id = ?1");
    if (!st) return VG_ERR_DB;
    vg_bind_int64(st, 1, article_id);
    vg_bind_int64(st, 2, dup_of);
    return vg_db_step_done(db, st, "marking duplicate");
}

static vg_status put_story(vg_db *db, const char *lang, vg_prepared *prep, int64_t article_id, vg_arena *arena,
                           vg_put_result *result)
{
    vg_status s;
    const vg_dedup_sig *sig = &prep->sig;
    vg_cl_doc raw = prep->features; /* weighed (and cut) below: its terms reordered, counts kept */
    int64_t dup_of = 0;
    if ((s = vg_dups_find(db, sig, article_id, &dup_of)) != VG_OK) return s;
    if ((s = vg_dups_record(db, sig, article_id)) != VG_OK) return s;
    if (dup_of) {
        if ((s = mark_copy(db, article_id, dup_of)) != VG_OK) return s;
        if (result) *result = VG_PUT_DUPLICATE;
        return VG_OK;
    }
    if (!db->stories && !(db->stories = vg_cl_stories_new(&sqlite_ops, db))) return VG_ERR_NOMEM;
    return vg_cl_stories_put(db->stories, &raw, lang, article_id, arena);
}

vg_status vg_stories_on_put(vg_db *db, vg_doc *doc, vg_prepared *prep, int64_t article_id, vg_put_result *result)
{
    vg_status s = VG_OK;
    if (!prep && (s = vg_prepare(doc, &prep)) != VG_OK) return s;
    return put_story(db, doc->fields[VG_F_LANG], prep, article_id, doc->arena, result);
}

vg_status vg_stories_assign(vg_db *db, const char *lang, vg_prepared *prep, int64_t article_id, vg_arena *arena)
{
    return put_story(db, lang, prep, article_id, arena, NULL);
}

vg_status vg_stories_flush(vg_db *db)
{
    if (!db) return VG_OK;
    vg_status s = db->stories ? vg_cl_stories_settle(db->stories) : VG_OK;
    return s == VG_OK ? vg_story_cache_flush(db) : s;
}

void vg_stories_forget(vg_db *db)
{
    if (!db) return;
    vg_story_cache_forget(db);
    vg_cl_stories_forget(db->stories);
}

void vg_stories_free(vg_db *db)
{
    if (!db) return;
    vg_story_cache_free(db);
    vg_cl_stories_free(db->stories);
    db->stories = NULL;
}
