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
#include <stdlib.h>
#include <string.h>

#include "../core/alloc.h"
#include "internal.h"
#include "../cluster/prepare.h"
#include "../cluster/stories.h"

/* ---------------------------------------------------------------- PostgreSQL: rows kept in memory
 * A statement is a round trip to the server there: the clustering reads
 * ~100 story rows and asks ~70 "has this story that language" per article
 * (scored candidates, second looks), which made the PostgreSQL ingest 15x
 * slower than SQLite's. Story rows are kept as saved (through the same text
 * round trip as the table, so a row read back is the row the table gives)
 * and a story's languages once seen; both are forgotten with the rest of
 * the clustering state (another writer, a rollback), languages also when an
 * article leaves a story. SQLite reads the table: it is in-process. */
#define ROW_CACHE 16384 /* story rows kept (a power of 2); past it, it starts again */
#define LANG_CACHE 4096 /* (story, language) pairs seen; read in order: kept small */

struct vg_story_rows {
    vg_cl_story row[ROW_CACHE];
    unsigned char used[ROW_CACHE];
    size_t n;
    struct { int64_t story; char lang[16]; int has; } seen[LANG_CACHE];
    size_t n_seen;
};

static size_t slot_of(int64_t id) { return (size_t)((uint64_t)id * 0x9e3779b97f4a7c15ULL >> 50) & (ROW_CACHE - 1); }

static struct vg_story_rows *rows_of(vg_db *db)
{
    if (!db->pg) return NULL;
    if (!db->story_rows) db->story_rows = vg_calloc(1, sizeof *db->story_rows);
    return db->story_rows;
}

static vg_cl_story *row_find(struct vg_story_rows *r, int64_t id)
{
    for (size_t i = slot_of(id), k = 0; k < ROW_CACHE && r->used[i]; i = (i + 1) & (ROW_CACHE - 1), k++)
        if (r->row[i].id == id) return &r->row[i];
    return NULL;
}

static void row_keep(struct vg_story_rows *r, const vg_cl_story *s)
{
    vg_cl_story *have = row_find(r, s->id);
    if (have) { *have = *s; return; }
    if (r->n * 2 >= ROW_CACHE) { memset(r->used, 0, sizeof r->used); r->n = 0; }
    size_t i = slot_of(s->id);
    while (r->used[i]) i = (i + 1) & (ROW_CACHE - 1);
    r->used[i] = 1;
    r->row[i] = *s;
    r->n++;
}

/* 1 or 0 when known, -1 when not */
static int lang_seen(const struct vg_story_rows *r, int64_t story, const char *lang)
{
    for (size_t i = 0; i < r->n_seen; i++)
        if (r->seen[i].story == story && !strcmp(r->seen[i].lang, lang)) return r->seen[i].has;
    return -1;
}

static void lang_keep(struct vg_story_rows *r, int64_t story, const char *lang, int has)
{
    if (strlen(lang) >= sizeof r->seen[0].lang) return;
    if (r->n_seen == LANG_CACHE) r->n_seen = 0;
    r->seen[r->n_seen].story = story;
    snprintf(r->seen[r->n_seen].lang, sizeof r->seen[0].lang, "%s", lang);
    r->seen[r->n_seen].has = has;
    r->n_seen++;
}

/* An article joins the story: what was known of its languages may change. */
static void lang_forget_story(struct vg_story_rows *r, int64_t story)
{
    size_t k = 0;
    for (size_t i = 0; i < r->n_seen; i++)
        if (r->seen[i].story != story) r->seen[k++] = r->seen[i];
    r->n_seen = k;
}

static void rows_forget(vg_db *db)
{
    if (!db->story_rows) return;
    memset(db->story_rows->used, 0, sizeof db->story_rows->used);
    db->story_rows->n = 0;
    db->story_rows->n_seen = 0;
}

/* ---------------------------------------------------------------- story rows */

static vg_status load_story(void *ud, int64_t id, vg_cl_story *s)
{
    vg_db *db = ud;
    struct vg_story_rows *r = rows_of(db);
    vg_cl_story *have = r ? row_find(r, id) : NULL;
    if (have) { *s = *have; return VG_OK; }
    memset(s, 0, sizeof *s);
    s->id = id;
    s->first_day = s->last_day = -1;
    vg_stmt *st = vg_db_stmt(db, "SELECT norm2, years, event_date, latitude, longitude, first_day, last_day, "
                                      "n_articles, lead, n_dated FROM stories WHERE id = ?1");
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
        s->n_dated = vg_column_null(st, 9) ? -1 : (long)vg_column_int64(st, 9);
    }
    vg_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return vg_db_fail(db, rc, "reading story");
    if (r) row_keep(r, s);
    return VG_OK;
}

static vg_status save_story(void *ud, const vg_cl_story *s)
{
    vg_db *db = ud;
    char years[VG_CL_YEARS_TEXT];
    vg_cl_years_format(s->years, s->n_years, s->pub_year, years);
    vg_stmt *st = vg_db_stmt(db, "UPDATE stories SET norm2 = ?2, years = ?3, event_date = ?4, latitude = ?5, "
                                      "longitude = ?6, first_day = ?7, last_day = ?8, n_articles = ?9, lead = ?10, n_dated = ?11 WHERE id = ?1");
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
    if (s->n_dated >= 0) vg_bind_int64(st, 11, s->n_dated);
    vg_status rs = vg_db_step_later(db, st, "updating story");
    struct vg_story_rows *r = rs == VG_OK ? rows_of(db) : NULL;
    if (r) { /* as the table gives it back: the years through their text */
        vg_cl_story kept = *s;
        kept.n_years = vg_cl_years_parse(years, kept.years, &kept.pub_year);
        if (!s->has_coords) kept.lat = kept.lon = 0;
        row_keep(r, &kept);
    }
    return rs;
}

static vg_status new_story(void *ud, int64_t article_id, int64_t *story)
{
    vg_db *db = ud;
    /* PostgreSQL: the next id after the highest, as SQLite gives it, not a
     * sequence's (a writer killed mid-batch would spend some): only the
     * holder of the stories' lock makes stories, so ids are those of one ingest. */
    vg_stmt *st = vg_db_stmt2(db, "INSERT INTO stories(first_article, n_articles, n_dated, norm2) VALUES(?1, 0, 0, 0) RETURNING id",
                              "INSERT INTO stories(id, first_article, n_articles, n_dated, norm2) VALUES("
                              "(SELECT coalesce(max(id), 0) + 1 FROM stories), ?1, 0, 0, 0) RETURNING id");
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
    struct vg_story_rows *r = rows_of(db);
    if (!lang) r = NULL;
    int known = r ? lang_seen(r, story, lang) : -1;
    if (known >= 0) { *has = known; return VG_OK; }
    int rc = vg_step(st);
    vg_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return vg_db_fail(db, rc, "reading story languages");
    *has = rc == SQLITE_ROW;
    if (r) lang_keep(r, story, lang, *has);
    return VG_OK;
}

/* The languages of the stories a put is about to score, one statement for
 * those not known yet (on PostgreSQL: asked one by one they were ~11 of the
 * ~27 round trips an article cost the story writer in bench/workers.sh). */
static vg_status prefetch_langs(void *ud, const int64_t *stories, size_t n, const char *lang)
{
    vg_db *db = ud;
    struct vg_story_rows *r = rows_of(db);
    if (!r || !lang || strlen(lang) >= sizeof r->seen[0].lang) return VG_OK; /* SQLite: in-process */
    int64_t miss[64];
    size_t k = 0;
    for (size_t i = 0; i < n && k < sizeof miss / sizeof *miss; i++)
        if (lang_seen(r, stories[i], lang) < 0) miss[k++] = stories[i];
    if (!k) return VG_OK;
    vg_buf ids = VG_BUF_INIT;
    vg_sql_id_array(&ids, miss, k);
    vg_stmt *st = ids.failed ? NULL : vg_db_stmt(db, "SELECT DISTINCT story_id FROM articles"
                                                    " WHERE story_id = ANY(?1::bigint[]) AND lang = ?2");
    if (!st) { vg_buf_free(&ids); return ids.failed ? VG_ERR_NOMEM : VG_ERR_DB; }
    vg_bind_text(st, 1, ids.data, (int)ids.len);
    vg_bind_text(st, 2, lang, -1);
    unsigned char has[64] = {0};
    int rc;
    while ((rc = vg_step(st)) == SQLITE_ROW) {
        int64_t id = vg_column_int64(st, 0);
        for (size_t i = 0; i < k; i++) has[i] |= miss[i] == id;
    }
    vg_reset(st);
    vg_buf_free(&ids);
    if (rc != SQLITE_DONE) return vg_db_fail(db, rc, "reading story languages");
    for (size_t i = 0; i < k; i++) lang_keep(r, miss[i], lang, has[i]);
    return VG_OK;
}

/* ---------------------------------------------------------------- assignments */

static vg_status assign(void *ud, int64_t article, int64_t story, int64_t from, const char *lang)
{
    vg_db *db = ud;
    if (db->story_rows && story) { /* joining: its language joins the story's */
        struct vg_story_rows *r = db->story_rows;
        int known = 0;
        for (size_t i = 0; i < r->n_seen && !known; i++) known = r->seen[i].story == story;
        if (known && lang) {
            if (lang_seen(r, story, lang) == 0) lang_forget_story(r, story);
        } else if (known) {
            vg_stmt *lg = vg_db_stmt(db, "SELECT lang FROM articles WHERE id = ?1");
            if (!lg) return VG_ERR_DB;
            vg_bind_int64(lg, 1, article);
            int rc = vg_step(lg);
            const char *l = rc == SQLITE_ROW ? vg_column_text(lg, 0) : NULL;
            if (l && lang_seen(r, story, l) == 0) lang_forget_story(r, story);
            vg_reset(lg);
            if (rc != SQLITE_ROW && rc != SQLITE_DONE) return vg_db_fail(db, rc, "reading the article's language");
        }
    }
    /* leaving: it may take its story's last article of a language */
    if (db->story_rows && !story && from) lang_forget_story(db->story_rows, from);
    vg_stmt *st = vg_db_stmt(db, "UPDATE articles SET story_id = ?2 WHERE id = ?1");
    if (!st) return VG_ERR_DB;
    vg_bind_int64(st, 1, article);
    if (story) vg_bind_int64(st, 2, story); /* else NULL: between stories */
    return vg_db_step_later(db, st, story ? "setting the article's story" : "leaving a story");
}

static vg_status assign_copies(void *ud, int64_t article, int64_t story)
{
    vg_db *db = ud;
    if (db->story_rows) { /* copies (if any) leave a story for another: what was known of both may change */
        vg_stmt *any = vg_db_stmt(db, "SELECT 1 FROM articles WHERE dup_of = ?1 LIMIT 1");
        if (!any) return VG_ERR_DB;
        vg_bind_int64(any, 1, article);
        int rc = vg_step(any);
        vg_reset(any);
        if (rc == SQLITE_ROW) db->story_rows->n_seen = 0;
        else if (rc != SQLITE_DONE) return vg_db_fail(db, rc, "looking for copies");
    }
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

static vg_status prefetch_postings(void *ud, const vg_cl_doc *d)
{
    return vg_story_cache_prefetch_postings(ud, d);
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
    .prefetch_postings = prefetch_postings,
    .prefetch_langs = prefetch_langs,
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
    if (db->story_rows) db->story_rows->n_seen = 0; /* its language joins the original's story */
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

vg_status vg_stories_data(vg_db *db, const char *data_dir)
{
    if (!data_dir) return VG_OK;
    if (!db->stories && !(db->stories = vg_cl_stories_new(&sqlite_ops, db))) return VG_ERR_NOMEM;
    return vg_cl_stories_set_data(db->stories, data_dir);
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
    rows_forget(db);
    vg_story_cache_forget(db);
    vg_cl_stories_forget(db->stories);
}

void vg_stories_free(vg_db *db)
{
    if (!db) return;
    free(db->story_rows);
    db->story_rows = NULL;
    vg_story_cache_free(db);
    vg_cl_stories_free(db->stories);
    db->stories = NULL;
}
