/* test_store.c - the SQLite store: put/present, rejects, events round trip, search, bad databases. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "vigie.h"
#include "../../lib/core/hash.h"
#include "../../lib/doc/doc.h"
#include "../../lib/store/internal.h"
#include "test.h"

/* A document built by hand: the store must not depend on extraction. */
static vg_doc *mkdoc(void)
{
    vg_doc *d = calloc(1, sizeof *d);
    if (d) d->arena = vg_arena_new(0);
    return d;
}

static void fill(vg_doc *d, const char *id, const char *lang, const char *title, const char *text,
                 const char *published)
{
    vg_doc_reset(d);
    vg_doc_set(d, VG_F_SOURCE, id, strlen(id));
    vg_doc_set(d, VG_F_EXT_ID, id, strlen(id));
    vg_doc_set(d, VG_F_FORMAT, "text", 4);
    if (lang) vg_doc_set(d, VG_F_LANG, lang, strlen(lang));
    if (title) vg_doc_set(d, VG_F_TITLE, title, strlen(title));
    if (published) vg_doc_set(d, VG_F_PUBLISHED, published, strlen(published));
    vg_doc_set(d, VG_F_TEXT, text, strlen(text));
    d->content_hash = vg_hash64(text, strlen(text), 0);
}

static void tmp_path(char *out, size_t n, const char *name)
{
    const char *t = getenv("TMPDIR");
    snprintf(out, n, "%s/vg-test-%d-%s", t && *t ? t : "/tmp", (int)getpid(), name);
    char side[600];
    unlink(out);
    snprintf(side, sizeof side, "%s-wal", out); unlink(side);
    snprintf(side, sizeof side, "%s-shm", out); unlink(side);
}

typedef struct rows { int n; char first[8][256]; char col[64]; char val[1024]; } rows;
static int collect(const vg_row *r, void *ud)
{
    rows *c = ud;
    for (size_t i = 0; i < r->n; i++) {
        if (c->n < 8 && !strcmp(r->names[i], "doc")) snprintf(c->first[c->n], 256, "%s", r->values[i] ? r->values[i] : "");
        if (c->n == 0 && c->col[0] && !strcmp(r->names[i], c->col))
            snprintf(c->val, sizeof c->val, "%s", r->values[i] ? r->values[i] : "NULL");
    }
    c->n++;
    return 0;
}

static int count_sql(vg_db *db, const char *sql)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(vg_db_sqlite(db), sql, -1, &st, NULL) != SQLITE_OK) return -1;
    int n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
    sqlite3_finalize(st);
    return n;
}

TEST(store_put_then_present)
{
    char path[512];
    tmp_path(path, sizeof path, "put.db");
    vg_db *db = NULL;
    CHECK_INT(vg_db_open(path, 0, &db), VG_OK);
    if (!db) return;
    vg_doc *d = mkdoc();
    vg_put_result r;
    fill(d, "a.txt", "fr", "Titre", "Des frappes ont touché la ville.", "2024-05-01");
    CHECK_INT(vg_db_put(db, d, &r), VG_OK);
    CHECK_INT(r, VG_PUT_STORED);
    /* the same document again: nothing new */
    int present = 0;
    CHECK_INT(vg_db_contains(db, d, &present), VG_OK);
    CHECK_INT(present, 1);
    CHECK_INT(vg_db_put(db, d, &r), VG_OK);
    CHECK_INT(r, VG_PUT_PRESENT);
    /* the same text elsewhere (a syndicated copy): kept, marked as a duplicate */
    fill(d, "copy.txt", "fr", "Autre titre", "Des frappes ont touché la ville.", NULL);
    CHECK_INT(vg_db_contains(db, d, &present), VG_OK);
    CHECK_INT(present, 0);
    CHECK_INT(vg_db_put(db, d, &r), VG_OK);
    CHECK_INT(r, VG_PUT_DUPLICATE);
    CHECK_INT(vg_db_put(db, d, &r), VG_OK);
    CHECK_INT(r, VG_PUT_PRESENT);
    fill(d, "new.txt", "fr", NULL, "Un autre texte.", NULL);
    CHECK_INT(vg_db_contains(db, d, &present), VG_OK);
    CHECK_INT(present, 0);
    CHECK_INT(vg_db_reject(db, "bad.bin", "binary data"), VG_OK);
    CHECK_INT(vg_db_reject(db, "bad.bin", "binary data"), VG_OK);
    CHECK_INT(vg_db_commit(db), VG_OK);
    CHECK_INT(count_sql(db, "SELECT count(*) FROM articles"), 2);
    CHECK_INT(count_sql(db, "SELECT count(*) FROM articles WHERE dup_of IS NOT NULL"), 1);
    CHECK_INT(count_sql(db, "SELECT count(*) FROM articles_fts_docsize"), 2);
    CHECK_INT(count_sql(db, "SELECT count(*) FROM rejects"), 1);
    vg_db_close(db);
    /* reopen: migrations are not re-run, data is there */
    CHECK_INT(vg_db_open(path, VG_DB_READONLY, &db), VG_OK);
    vg_query q = {0};
    rows c = {0};
    snprintf(c.col, sizeof c.col, "published");
    CHECK_INT(vg_db_articles(db, &q, collect, &c), VG_OK);
    CHECK_INT(c.n, 2);
    CHECK_STR(c.first[0], "a.txt");
    CHECK_STR(c.val, "2024-05-01");
    vg_query q2 = {0};
    q2.since = "2024-06-01";
    rows c2 = {0};
    CHECK_INT(vg_db_articles(db, &q2, collect, &c2), VG_OK);
    CHECK_INT(c2.n, 0);
    CHECK_INT(vg_db_put(db, d, &r), VG_ERR_DB_READONLY);
    vg_db_close(db);
    vg_doc_free(d);
    unlink(path);
}

TEST(store_search_folds_and_stems)
{
    char path[512];
    tmp_path(path, sizeof path, "search.db");
    vg_db *db = NULL;
    CHECK_INT(vg_db_open(path, 0, &db), VG_OK);
    if (!db) return;
    vg_doc *d = mkdoc();
    vg_put_result r;
    fill(d, "fr1", "fr", "Frappes sur Idleb", "Des frappes aériennes ont visé des positions d'al-Qaïda près d'Idleb.", "2024-05-02");
    CHECK_INT(vg_db_put(db, d, &r), VG_OK);
    fill(d, "en1", "en", "Rebels attacked", "Rebels attacked an army post near Aleppo on Monday.", "2024-05-03");
    CHECK_INT(vg_db_put(db, d, &r), VG_OK);
    fill(d, "en2", "en", "Market news", "Wheat prices rose. An attack was mentioned once in passing.", "2024-05-04");
    CHECK_INT(vg_db_put(db, d, &r), VG_OK);
    CHECK_INT(vg_db_commit(db), VG_OK);

    vg_query q = {0};
    rows c = {0};
    q.text = "frappe";
    snprintf(c.col, sizeof c.col, "snippet");
    CHECK_INT(vg_db_search(db, &q, collect, &c), VG_OK);
    CHECK_INT(c.n, 1);
    CHECK_STR(c.first[0], "fr1");
    CHECK(strstr(c.val, "[frappes]") != NULL);
    CHECK(strchr(c.val, '\x1F') == NULL);

    rows c2 = {0};
    q.text = "qaida";
    CHECK_INT(vg_db_search(db, &q, collect, &c2), VG_OK);
    CHECK_INT(c2.n, 1);
    rows c3 = {0};
    q.text = "al-Qaïda";
    CHECK_INT(vg_db_search(db, &q, collect, &c3), VG_OK);
    CHECK_INT(c3.n, 1);

    /* "attack" finds both English articles; the one with it in its title ranks first */
    rows c4 = {0};
    q.text = "attack";
    CHECK_INT(vg_db_search(db, &q, collect, &c4), VG_OK);
    CHECK_INT(c4.n, 2);
    CHECK_STR(c4.first[0], "en1");

    rows c5 = {0};
    q.text = "attack";
    q.lang = "fr";
    CHECK_INT(vg_db_search(db, &q, collect, &c5), VG_OK);
    CHECK_INT(c5.n, 0);
    q.lang = NULL;
    q.text = "\"unbalanced";
    rows c6 = {0};
    CHECK_INT(vg_db_search(db, &q, collect, &c6), VG_ERR_ARG);
    rows c7 = {0};
    q.text = "frap*";
    CHECK_INT(vg_db_search(db, &q, collect, &c7), VG_OK);
    CHECK_INT(c7.n, 1);
    vg_db_close(db);
    vg_doc_free(d);
    unlink(path);
}

TEST(store_events_round_trip)
{
    char path[512];
    tmp_path(path, sizeof path, "events.db");
    vg_db *db = NULL;
    CHECK_INT(vg_db_open(path, 0, &db), VG_OK);
    if (!db) return;
    vg_doc *d = mkdoc();
    const char *text = "Trois civils ont été tués à Alep, selon l'OSDH.";
    fill(d, "ev1", "fr", "Alep", text, "2024-05-02");
    vg_event *e = vg_doc_add_event(d);
    CHECK(e != NULL);
    if (!e) return;
    memcpy(e->event_date, "2024-05-01", 11);
    e->time_precision = 1;
    e->event_type = "Violence against civilians";
    e->sub_event_type = "Attack";
    e->inter1 = 2; e->inter2 = 7;
    e->country = "Syria"; e->iso = "SY"; e->location = "Aleppo";
    e->latitude = 36.2; e->longitude = 37.16; e->has_coords = 1; e->geo_precision = 1;
    e->fatalities = 3;
    e->attribution = "OSDH";
    e->confidence = 0.8f;
    e->sent_start = 0; e->sent_end = (uint32_t)strlen(text);
    CHECK(vg_event_add_evidence(d, e, "fatalities", 0, 5, 0.9f) == 0);
    vg_event *e2 = vg_doc_add_event(d);
    CHECK(e2 != NULL);
    if (!e2) return;
    memcpy(e2->event_date, "XXXX-04-30", 11); /* year unknown */
    e2->event_type = "Protests";
    vg_put_result r;
    CHECK_INT(vg_db_put(db, d, &r), VG_OK);
    CHECK_INT(vg_db_commit(db), VG_OK);
    CHECK_INT(count_sql(db, "SELECT count(*) FROM events WHERE year IS NULL AND event_type = 'Protests'"), 1);
    vg_query q = {0};
    rows c = {0};
    snprintf(c.col, sizeof c.col, "evidence");
    q.country = "sy";
    CHECK_INT(vg_db_events(db, &q, collect, &c), VG_OK);
    CHECK_INT(c.n, 1);
    CHECK(strstr(c.val, "\"field\":\"fatalities\"") != NULL);
    CHECK(strstr(c.val, "\"text\":\"Trois\"") != NULL);
    rows c2 = {0};
    snprintf(c2.col, sizeof c2.col, "interaction");
    q.country = "Syria";
    q.event_type = "violence against civilians";
    CHECK_INT(vg_db_events(db, &q, collect, &c2), VG_OK);
    CHECK_STR(c2.val, "27");
    rows c3 = {0};
    q.since = "2024-05-02";
    q.event_type = NULL;
    CHECK_INT(vg_db_events(db, &q, collect, &c3), VG_OK);
    CHECK_INT(c3.n, 0);
    rows c4 = {0};
    snprintf(c4.col, sizeof c4.col, "injured");
    vg_query all = {0};
    CHECK_INT(vg_db_events(db, &all, collect, &c4), VG_OK);
    CHECK_INT(c4.n, 2);
    CHECK_STR(c4.val, "NULL");
    vg_db_close(db);
    vg_doc_free(d);
    unlink(path);
}

TEST(store_disk_full_rolls_back)
{
    char path[512];
    tmp_path(path, sizeof path, "full.db");
    vg_db *db = NULL;
    CHECK_INT(vg_db_open(path, 0, &db), VG_OK);
    if (!db) return;
    vg_doc *d = mkdoc();
    vg_put_result r;
    fill(d, "first", "en", "t", "A first article that is committed.", NULL);
    CHECK_INT(vg_db_put(db, d, &r), VG_OK);
    CHECK_INT(vg_db_commit(db), VG_OK);
    /* SQLite's page cap stands in for a full disk: same SQLITE_FULL path. */
    int pages = count_sql(db, "PRAGMA page_count");
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA max_page_count=%d", pages + 2);
    CHECK(count_sql(db, sql) > 0);
    char *big = malloc(200001);
    vg_status s = VG_OK;
    for (int i = 0; i < 20 && s == VG_OK; i++) {
        for (int k = 0; k < 200000; k++) big[k] = (char)('a' + (k * 7 + i) % 26);
        big[200000] = 0;
        char id[16];
        snprintf(id, sizeof id, "big%d", i);
        fill(d, id, "en", "t", big, NULL);
        s = vg_db_put(db, d, &r);
    }
    CHECK_INT(s, VG_ERR_DB_FULL);
    CHECK(strlen(vg_db_error(db)) > 0);
    CHECK_INT(count_sql(db, "SELECT count(*) FROM articles"), 1);
    CHECK_INT(count_sql(db, "SELECT count(*) FROM articles_fts_docsize"), 1);
    free(big);
    vg_db_close(db);
    vg_doc_free(d);
    unlink(path);
}

TEST(store_bad_files)
{
    char path[512];
    tmp_path(path, sizeof path, "notdb.db");
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (!f) return;
    for (int i = 0; i < 200; i++) fputs("this is not a database, just text\n", f);
    fclose(f);
    vg_db *db = NULL;
    CHECK_INT(vg_db_open(path, 0, &db), VG_ERR_DB_CORRUPT);
    CHECK(db && strstr(vg_db_error(db), path) != NULL);
    vg_db_close(db);
    CHECK_INT(vg_db_open(path, VG_DB_READONLY, &db), VG_ERR_DB_CORRUPT);
    vg_db_close(db);
    unlink(path);
    CHECK_INT(vg_db_open("/nonexistent-folder-vg/x.db", 0, &db), VG_ERR_IO);
    CHECK(db && strstr(vg_db_error(db), "/nonexistent-folder-vg") != NULL);
    vg_db_close(db);
    tmp_path(path, sizeof path, "missing.db");
    CHECK_INT(vg_db_open(path, VG_DB_READONLY, &db), VG_ERR_NOT_FOUND);
    vg_db_close(db);
    /* read-only via SQLite's URI mode: fails for root too, unlike chmod */
    tmp_path(path, sizeof path, "ro.db");
    CHECK_INT(vg_db_open(path, 0, &db), VG_OK);
    vg_db_close(db);
    char uri[600];
    snprintf(uri, sizeof uri, "file:%s?mode=ro", path);
    CHECK_INT(vg_db_open(uri, 0, &db), VG_ERR_DB_READONLY);
    vg_db_close(db);
    unlink(path);
}

/* Text of `words` words drawn from a seeded stream over a small vocabulary
 * plus one invented word per sentence: distinct seeds give distinct texts. */
static char *story_text(unsigned seed, int words)
{
    static const char *const vocab[] = {"army", "village", "convoy", "market", "officials", "said", "attack",
                                        "river", "police", "council", "bridge", "wounded", "rebels", "road"};
    size_t cap = (size_t)words * 16 + 64;
    char *s = malloc(cap);
    if (!s) return NULL;
    size_t o = 0;
    unsigned x = seed * 2654435761u + 7;
    for (int w = 0; w < words; w++) {
        x = x * 1103515245u + 12345u;
        if (w % 12 == 11) o += (size_t)snprintf(s + o, cap - o, " Zorv%uq.", (x >> 8) % 100000);
        else o += (size_t)snprintf(s + o, cap - o, "%s%s", w ? " " : "", vocab[(x >> 16) % 14]);
    }
    return s;
}

/* A database made before migrations 4 to 6 (band table, every posting
 * of every term, no dup_of index, identity keyed by hash) is upgraded on
 * open: the band table goes, each term keeps its 64 newest stories, the
 * identity is keyed by external id first, and near-duplicates of
 * articles stored before the upgrade are still found (the band index is
 * rebuilt from the stored signatures). */
TEST(store_migrates_v3_database)
{
    char path[512];
    tmp_path(path, sizeof path, "v3.db");
    vg_db *db = NULL;
    CHECK_INT(vg_db_open(path, 0, &db), VG_OK);
    if (!db) return;
    vg_doc *d = mkdoc();
    char *orig = story_text(1, 240), *other = story_text(2, 240);
    vg_put_result r;
    fill(d, "orig", "en", NULL, orig, NULL);
    CHECK_INT(vg_db_put(db, d, &r), VG_OK);
    fill(d, "other", "en", NULL, other, NULL);
    CHECK_INT(vg_db_put(db, d, &r), VG_OK);
    CHECK_INT(vg_db_commit(db), VG_OK);
    /* back to version 3 as an older vigie left it */
    static const char downgrade[] = "CREATE TABLE dedup_band(band INTEGER NOT NULL, hash INTEGER NOT NULL,"
                                    " article_id INTEGER NOT NULL, PRIMARY KEY(band, hash, article_id)) WITHOUT ROWID;"
                                    "INSERT INTO dedup_band VALUES(0, 1, 1);"
                                    "DROP INDEX articles_dup;"
                                    "DROP INDEX articles_identity;"
                                    "CREATE UNIQUE INDEX articles_identity ON articles(hash, ext_id);"
                                    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 70)"
                                    " INSERT INTO story_terms(term, story_id, w) SELECT 4242, 1000 + i, 0.5 FROM n;"
                                    "ALTER TABLE stories DROP COLUMN lead;"
                                    "ALTER TABLE stories DROP COLUMN n_dated;"
                                    "DROP TABLE text_dates;"
                                    "PRAGMA user_version = 3;";
    CHECK_INT(vg_db_exec(db, downgrade), VG_OK);
    vg_db_close(db);
    db = NULL;
    CHECK_INT(vg_db_open(path, 0, &db), VG_OK);
    if (!db) { free(orig); free(other); vg_doc_free(d); return; }
    CHECK_INT(count_sql(db, "PRAGMA user_version"), 11); /* every migration; 11: the days read from texts */
    CHECK_INT(count_sql(db, "SELECT count(*) FROM sqlite_schema WHERE name IN ('events_date', 'events_iso_date', 'events_iso_type_date')"), 3);
    CHECK_INT(count_sql(db, "SELECT count(*) FROM sqlite_schema WHERE name='dedup_band'"), 0);
    CHECK_INT(count_sql(db, "SELECT count(*) FROM sqlite_schema WHERE name='articles_dup'"), 1);
    CHECK_INT(count_sql(db, "SELECT count(*) FROM story_terms WHERE term=4242"), 64);
    const char *identity = "SELECT count(*) FROM pragma_index_info('articles_identity') WHERE seqno=0 AND name='ext_id'";
    CHECK_INT(count_sql(db, identity), 1);
    CHECK_INT(count_sql(db, "SELECT min(story_id) FROM story_terms WHERE term=4242"), 1007);
    /* a republished copy of the article stored before the upgrade */
    size_t n = strlen(orig);
    char *copy = malloc(n + 64);
    snprintf(copy, n + 64, "New headline here\n%.*s\nShare this", (int)(n - 40), orig);
    fill(d, "copy", "en", NULL, copy, NULL);
    CHECK_INT(vg_db_put(db, d, &r), VG_OK);
    CHECK_INT(r, VG_PUT_DUPLICATE);
    CHECK_INT(vg_db_commit(db), VG_OK);
    /* the identity still tells a document stored before the upgrade */
    fill(d, "orig", "en", NULL, orig, NULL);
    CHECK_INT(vg_db_put(db, d, &r), VG_OK);
    CHECK_INT(r, VG_PUT_PRESENT);
    const char *copy_of_orig = "SELECT count(*) FROM articles WHERE ext_id = 'copy'"
                               " AND dup_of = (SELECT id FROM articles WHERE ext_id = 'orig')";
    CHECK_INT(count_sql(db, copy_of_orig), 1);
    vg_db_close(db);
    free(orig); free(other); free(copy);
    vg_doc_free(d);
    unlink(path);
}

/* The earliest databases (schema version 2) keyed articles on `hash UNIQUE` alone, before
 * migration 1 took its final form: they still upgrade, their articles keep their ids, text,
 * full-text rows and identity. */
TEST(store_migrates_early_hash_unique_database)
{
    char path[512];
    tmp_path(path, sizeof path, "v2.db");
    sqlite3 *raw = NULL;
    CHECK(sqlite3_open(path, &raw) == SQLITE_OK);
    static const char early[] =
        "CREATE TABLE articles(id INTEGER PRIMARY KEY, source TEXT, ext_id TEXT, format TEXT, outlet TEXT, url TEXT,"
        " title TEXT, text TEXT NOT NULL, lang TEXT, published TEXT, authors TEXT, hash INTEGER NOT NULL UNIQUE,"
        " ingested TEXT NOT NULL, story_id INTEGER, dup_of INTEGER REFERENCES articles(id));"
        "CREATE INDEX articles_published ON articles(published);"
        "CREATE INDEX articles_story ON articles(story_id);"
        "CREATE TABLE rejects(id INTEGER PRIMARY KEY, source TEXT NOT NULL, reason TEXT NOT NULL,"
        " time TEXT NOT NULL, UNIQUE(source, reason));"
        "CREATE VIEW articles_src AS SELECT id,"
        " char(31) || coalesce(lang, '') || char(31) || coalesce(title, '') AS title,"
        " char(31) || coalesce(lang, '') || char(31) || text AS text FROM articles;"
        "CREATE TABLE events(id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL REFERENCES articles(id),"
        " event_date TEXT, year INTEGER, time_precision INTEGER, event_type TEXT, sub_event_type TEXT,"
        " actor1 TEXT, inter1 INTEGER, actor2 TEXT, inter2 INTEGER, interaction INTEGER, country TEXT, iso TEXT,"
        " admin1 TEXT, location TEXT, latitude REAL, longitude REAL, geo_precision INTEGER, fatalities INTEGER,"
        " injured INTEGER, arrests INTEGER, attribution TEXT, confidence REAL, sent_start INTEGER,"
        " sent_end INTEGER, notes TEXT, evidence TEXT NOT NULL DEFAULT '[]');"
        "CREATE TABLE dedup_sig(article_id INTEGER PRIMARY KEY, token_hash INTEGER NOT NULL, minhash BLOB);"
        "CREATE INDEX dedup_sig_token ON dedup_sig(token_hash);"
        "CREATE TABLE dedup_band(band INTEGER NOT NULL, hash INTEGER NOT NULL, article_id INTEGER NOT NULL,"
        " PRIMARY KEY(band, hash, article_id)) WITHOUT ROWID;"
        "CREATE TABLE cluster_df(term INTEGER PRIMARY KEY, n INTEGER NOT NULL);"
        "CREATE TABLE cluster_meta(key TEXT PRIMARY KEY, value INTEGER NOT NULL);"
        "CREATE TABLE stories(id INTEGER PRIMARY KEY, first_article INTEGER, n_articles INTEGER NOT NULL,"
        " norm2 REAL NOT NULL, years TEXT, event_date TEXT, latitude REAL, longitude REAL,"
        " first_day INTEGER, last_day INTEGER);"
        "CREATE TABLE story_terms(term INTEGER NOT NULL, story_id INTEGER NOT NULL, w REAL NOT NULL,"
        " PRIMARY KEY(term, story_id)) WITHOUT ROWID;"
        "INSERT INTO articles(id, source, ext_id, format, title, text, lang, hash, ingested)"
        " VALUES(7, 'a.txt', 'a.txt', 'text', 'Quake', 'A strong earthquake struck the coast.', 'en', 12345, 'x');"
        "PRAGMA user_version = 2;";
    CHECK(sqlite3_exec(raw, early, NULL, NULL, NULL) == SQLITE_OK);
    sqlite3_close(raw);
    vg_db *db = NULL;
    CHECK_INT(vg_db_open(path, 0, &db), VG_OK);
    if (!db) { unlink(path); return; }
    CHECK_INT(count_sql(db, "PRAGMA user_version"), 11);
    CHECK_INT(count_sql(db, "SELECT count(*) FROM articles WHERE id = 7 AND text LIKE 'A strong earthquake%'"), 1);
    const char *identity = "SELECT count(*) FROM pragma_index_info('articles_identity') WHERE seqno=0 AND name='ext_id'";
    CHECK_INT(count_sql(db, identity), 1);
    /* the same text under another id is storable now (it was refused by hash UNIQUE) */
    CHECK_INT(count_sql(db, "SELECT count(*) FROM pragma_index_list('articles') WHERE \"unique\" = 1"), 1);
    /* the full-text index reads the articles through this view (its own table is not touched) */
    CHECK_INT(count_sql(db, "SELECT count(*) FROM articles_src WHERE id = 7 AND text LIKE '%earthquake%'"), 1);
    vg_db_close(db);
    unlink(path);
}

/* Migration 11: a database of version 10 gets the table of days read from texts; an
 * undated article stored after it shows in its story the day its text dates it by, marked
 * as read from the text; one stored before (and one with no such day) is "date unknown". */
TEST(store_migrates_v10_text_dates)
{
    char path[512];
    tmp_path(path, sizeof path, "v10.db");
    vg_db *db = NULL;
    CHECK_INT(vg_db_open(path, 0, &db), VG_OK);
    if (!db) return;
    static const char text[] = "Rebels attacked an army post near the river on Monday, a monitoring group said.";
    vg_doc *d = mkdoc();
    vg_put_result r;
    fill(d, "before", "en", "Attack", text, NULL);
    CHECK_INT(vg_db_put(db, d, &r), VG_OK);
    CHECK_INT(vg_db_commit(db), VG_OK);
    CHECK_INT(vg_db_exec(db, "DROP TABLE text_dates; PRAGMA user_version = 10;"), VG_OK);
    vg_db_close(db);
    db = NULL;
    CHECK_INT(vg_db_open(path, 0, &db), VG_OK);
    if (!db) { vg_doc_free(d); unlink(path); return; }
    CHECK_INT(count_sql(db, "PRAGMA user_version"), 11);
    CHECK_INT(count_sql(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'text_dates'"), 1);
    fill(d, "after", "en", "Attack", text, NULL); /* a copy: the same story */
    snprintf(d->own_date, sizeof d->own_date, "2021-03-08");
    CHECK_INT(vg_db_put(db, d, &r), VG_OK);
    CHECK_INT(r, VG_PUT_DUPLICATE);
    CHECK_INT(vg_db_commit(db), VG_OK);
    CHECK_INT(count_sql(db, "SELECT count(*) FROM text_dates"), 1);
    char story[32];
    snprintf(story, sizeof story, "%d", count_sql(db, "SELECT story_id FROM articles WHERE ext_id = 'after'"));
    const char *json = NULL;
    size_t len = 0;
    CHECK_INT(vg_db_story_json(db, story, &json, &len), VG_OK);
    CHECK(json && strstr(json, "\"text_date\":\"2021-03-08\",\"date_unknown\":false") != NULL);
    CHECK(json && strstr(json, "\"text_date\":null,\"date_unknown\":true") != NULL);
    CHECK(json && strstr(json, "\"undated_accounts\":1") != NULL);
    char *view = NULL;
    CHECK_INT(vg_story_text(json, len, &view, NULL), VG_OK);
    CHECK(view && strstr(view, "after (en, 2021-03-08, read from its text)") != NULL);
    CHECK(view && strstr(view, "before (en, date unknown)") != NULL);
    free(view);
    vg_db_close(db);
    vg_doc_free(d);
    unlink(path);
}

/* However many stories share a term, story_terms keeps its 64 newest:
 * the table grows with the vocabulary, not with the archive. */
TEST(store_story_terms_keep_the_head)
{
    char path[512];
    tmp_path(path, sizeof path, "head.db");
    vg_db *db = NULL;
    CHECK_INT(vg_db_open(path, 0, &db), VG_OK);
    if (!db) return;
    vg_db_set_batch(db, 25); /* several commits: trimming happens at each */
    vg_doc *d = mkdoc();
    for (unsigned i = 0; i < 150; i++) {
        char id[16], *text = story_text(100 + i, 60);
        snprintf(id, sizeof id, "s%u", i);
        fill(d, id, "en", NULL, text, NULL);
        vg_put_result r;
        CHECK_INT(vg_db_put(db, d, &r), VG_OK);
        free(text);
    }
    CHECK_INT(vg_db_commit(db), VG_OK);
    /* meaningful only if more than 64 stories share the common words */
    CHECK(count_sql(db, "SELECT count(DISTINCT story_id) FROM articles") > 80);
    const char *longest = "SELECT max(c) FROM (SELECT count(*) AS c FROM story_terms GROUP BY term)";
    CHECK_INT(count_sql(db, longest), 64);
    vg_db_close(db);
    vg_doc_free(d);
    unlink(path);
}

/* Issue 9 defect 13: a query has a budget (SQLite's progress handler); past it
 * the query stops with VG_ERR_TIMEOUT and says so. Counted in instructions
 * here, so the test does not depend on the machine's speed. Writes are never
 * bounded. */
TEST(store_query_budget)
{
    char path[512];
    tmp_path(path, sizeof path, "budget.db");
    vg_db *db = NULL;
    CHECK_INT(vg_db_open(path, 0, &db), VG_OK);
    if (!db) return;
    vg_db_set_query_budget(db, 0, 1000); /* one progress call: nothing real gets through */
    vg_doc *d = mkdoc();
    vg_put_result r;
    char id[32], text[256];
    for (int i = 0; i < 200; i++) {
        snprintf(id, sizeof id, "d%d.txt", i);
        snprintf(text, sizeof text, "Rebels attacked army post %d near Aleppo, alpha beta gamma delta %d.", i, i * 7);
        fill(d, id, "en", "Attack", text, "2024-05-01");
        CHECK_INT(vg_db_put(db, d, &r), VG_OK);
    }
    CHECK_INT(vg_db_commit(db), VG_OK);
    rows c = {0};
    vg_query q = {0};
    q.text = "a* b* r* p* n* g* d*";
    CHECK_INT(vg_db_search(db, &q, collect, &c), VG_ERR_TIMEOUT);
    CHECK(strstr(vg_db_error(db), "stopped after 1000 instructions") != NULL);
    CHECK_INT(vg_db_articles(db, &q, collect, &c), VG_ERR_TIMEOUT);
    vg_db_set_query_budget(db, 0, 0); /* no bound: the same queries answer */
    memset(&c, 0, sizeof c);
    CHECK_INT(vg_db_search(db, &q, collect, &c), VG_OK);
    CHECK_INT(c.n, 200);
    memset(&c, 0, sizeof c);
    CHECK_INT(vg_db_articles(db, &q, collect, &c), VG_OK);
    CHECK_INT(c.n, 200);
    vg_db_close(db);
    vg_doc_free(d);
    unlink(path);
}

/* The story report runs under the same budget as the other queries. */
TEST(store_story_json_budget)
{
    char path[512];
    tmp_path(path, sizeof path, "budget2.db");
    vg_db *db = NULL;
    CHECK_INT(vg_db_open(path, 0, &db), VG_OK);
    if (!db) return;
    vg_doc *d = mkdoc();
    vg_put_result r;
    char id[32], text[256];
    for (int i = 0; i < 200; i++) { /* copies of one article: one story of 200 */
        snprintf(id, sizeof id, "s%d.txt", i);
        snprintf(text, sizeof text, "Rebels attacked an army post near Aleppo on Monday, a monitoring group said.");
        fill(d, id, "en", "Attack", text, "2024-05-01");
        CHECK_INT(vg_db_put(db, d, &r), VG_OK);
    }
    CHECK_INT(vg_db_commit(db), VG_OK);
    const char *json;
    size_t len;
    char story[32];
    snprintf(story, sizeof story, "%d", count_sql(db, "SELECT story_id FROM articles GROUP BY story_id ORDER BY count(*) DESC LIMIT 1"));
    vg_db_set_query_budget(db, 0, 1000);
    CHECK_INT(vg_db_story_json(db, story, &json, &len), VG_ERR_TIMEOUT);
    vg_db_set_query_budget(db, 0, 0);
    CHECK_INT(vg_db_story_json(db, story, &json, &len), VG_OK);
    CHECK_INT(count_sql(db, "SELECT count(DISTINCT story_id) FROM articles"), 1);
    vg_db_close(db);
    vg_doc_free(d);
    unlink(path);
}

/* vg_real_print (the REALs of a page of events, coordinates and confidences) is SQLite's
 * "%!.15g", on values of every kind: short decimals take a fast path, the rest SQLite's printf. */
TEST(store_real_print_is_sqlites)
{
    uint64_t x = 88172645463325252ull;
    int bad = 0;
    for (int i = 0; i < 400000; i++) {
        x ^= x << 13; x ^= x >> 7; x ^= x << 17;
        double d;
        int kind = i % 4;
        if (kind == 0) { /* a coordinate or a confidence with 0 to 8 places */
            int places = (int)(x % 9);
            double scale = 1;
            for (int p = 0; p < places; p++) scale *= 10;
            d = (double)((int64_t)(x >> 12) % 36000000000ll) / 1e8;
            d = (double)(int64_t)(d * scale) / scale;
        } else if (kind == 1) d = (double)(x >> 11) / 9007199254740992.0 * 360.0 - 180.0; /* any double in range */
        else if (kind == 2) memcpy(&d, &x, sizeof d);                                      /* any bits at all */
        else d = (double)((int64_t)(x % 2000001) - 1000000) / ((x >> 40) % 2 ? 1000.0 : 100.0);
        char want[64], got[32];
        sqlite3_snprintf((int)sizeof want, want, "%!.15g", d);
        vg_real_print(d, got);
        if (strcmp(want, got) && bad++ < 5) printf("    %.17g: SQLite %s, vg_real_print %s\n", d, want, got);
    }
    const double fixed[] = {0.0, -0.0, 1.0, -1.0, 0.5, 0.0001, 0.00012, 0.00009, 36.02, -145.758666992187,
                            999999999.999999, 1e9, 123456789.123456, 0.96, 100.0, 1e-300, 1e300};
    for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++) {
        char want[64], got[32];
        sqlite3_snprintf((int)sizeof want, want, "%!.15g", fixed[i]);
        vg_real_print(fixed[i], got);
        if (strcmp(want, got) && bad++ < 10) printf("    %.17g: SQLite %s, vg_real_print %s\n", fixed[i], want, got);
    }
    CHECK_INT(bad, 0);
}
