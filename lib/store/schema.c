/* schema.c - the database schema as an ordered list of migrations (PRAGMA user_version). */
#include <stdio.h>

#include "internal.h"

/* Migration i (0-based) takes the database from user_version i to i+1; each
 * runs in its own transaction with the version bump, so a crash leaves either
 * the old or the new schema. NEVER edit a migration that has shipped: append a
 * new one at the end of this array (the clustering engineer appends the
 * stories / near-duplicate tables here, after the last entry).
 *
 * Why the FTS content is a view: the tokenizer (search.c) must stem each
 * article with the article's language, but FTS5 hands a tokenizer only the
 * column text. The view prefixes every indexed value with "\x1F<lang>\x1F",
 * which the tokenizer reads and drops. Because the FTS table reads the same
 * view for snippets, rebuilds and its integrity check, index and content
 * always agree, while the text itself is stored once, in `articles`. */
static const char *const migrations[] = {
    /* 1: articles, rejects, full-text index, events */
    "CREATE TABLE articles("
    "  id INTEGER PRIMARY KEY,"
    "  source TEXT, ext_id TEXT, format TEXT, outlet TEXT, url TEXT, title TEXT,"
    "  lang TEXT, published TEXT, authors TEXT,"
    /* doc->content_hash: re-ingesting a document stores nothing; the same text
     * under another external id (a syndicated copy) is stored, as dup_of */
    "  hash INTEGER NOT NULL,"
    "  ingested TEXT NOT NULL,"
    "  story_id INTEGER, dup_of INTEGER REFERENCES articles(id),"
    /* text last: reading any other column never walks its overflow pages
     * (a layout change only; databases made before it work the same) */
    "  text TEXT NOT NULL);"
    "CREATE UNIQUE INDEX articles_identity ON articles(hash, ext_id);"
    "CREATE INDEX articles_published ON articles(published);"
    "CREATE INDEX articles_story ON articles(story_id);"
    "CREATE TABLE rejects("
    "  id INTEGER PRIMARY KEY, source TEXT NOT NULL, reason TEXT NOT NULL,"
    "  time TEXT NOT NULL, UNIQUE(source, reason));"
    "CREATE VIEW articles_src AS SELECT id,"
    "  char(31) || coalesce(lang, '') || char(31) || coalesce(title, '') AS title,"
    "  char(31) || coalesce(lang, '') || char(31) || text AS text FROM articles;"
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text,"
    "  content='articles_src', content_rowid='id', tokenize='vigie');"
    "CREATE TABLE events("
    "  id INTEGER PRIMARY KEY,"
    "  article_id INTEGER NOT NULL REFERENCES articles(id),"
    "  event_date TEXT, year INTEGER, time_precision INTEGER,"
    "  event_type TEXT, sub_event_type TEXT,"
    "  actor1 TEXT, inter1 INTEGER, actor2 TEXT, inter2 INTEGER, interaction INTEGER,"
    "  country TEXT, iso TEXT, admin1 TEXT, location TEXT,"
    "  latitude REAL, longitude REAL, geo_precision INTEGER,"
    "  fatalities INTEGER, injured INTEGER, arrests INTEGER,"
    "  attribution TEXT, confidence REAL, sent_start INTEGER, sent_end INTEGER, notes TEXT,"
    "  evidence TEXT NOT NULL DEFAULT '[]');"
    "CREATE INDEX events_article ON events(article_id);"
    "CREATE INDEX events_date ON events(event_date);",
    /* 2: near-duplicate signatures and LSH bands, story clustering state (lib/cluster/stories.c, kept by stories_sql.c) */
    "CREATE TABLE dedup_sig(article_id INTEGER PRIMARY KEY, token_hash INTEGER NOT NULL, minhash BLOB);"
    "CREATE INDEX dedup_sig_token ON dedup_sig(token_hash);"
    "CREATE TABLE dedup_band(band INTEGER NOT NULL, hash INTEGER NOT NULL, article_id INTEGER NOT NULL,"
    "  PRIMARY KEY(band, hash, article_id)) WITHOUT ROWID;"
    "CREATE TABLE cluster_df(term INTEGER PRIMARY KEY, n INTEGER NOT NULL);"
    "CREATE TABLE cluster_meta(key TEXT PRIMARY KEY, value INTEGER NOT NULL);"
    "CREATE TABLE stories(id INTEGER PRIMARY KEY, first_article INTEGER, n_articles INTEGER NOT NULL,"
    "  norm2 REAL NOT NULL, years TEXT, event_date TEXT, latitude REAL, longitude REAL,"
    "  first_day INTEGER, last_day INTEGER);"
    "CREATE TABLE story_terms(term INTEGER NOT NULL, story_id INTEGER NOT NULL, w REAL NOT NULL,"
    "  PRIMARY KEY(term, story_id)) WITHOUT ROWID;",
    /* 3: languages stored, read before every search (query-side stemming) */
    "CREATE INDEX IF NOT EXISTS articles_lang ON articles(lang);",
    /* 4: cost per article flat as the archive grows.
     * - dedup_band goes: 32 random-key rows per article made every batch
     *   dirty most of its pages once it outgrew the page cache; the band
     *   index is now rebuilt in memory from dedup_sig (lib/dedup/lsh.h).
     * - articles(dup_of): moving an article to another story moves its
     *   copies (lib/cluster/second_look.c), which scanned the whole table without it.
     *   Partial: only copies have a dup_of, so it stays small. */
    "DROP TABLE IF EXISTS dedup_band;"
    "CREATE INDEX IF NOT EXISTS articles_dup ON articles(dup_of) WHERE dup_of IS NOT NULL;",
    /* 5: story_terms keeps the head of each term only: the 64 newest
     * stories (VG_CL_POSTINGS_TOP), all that candidate retrieval reads; see
     * cut_tail in story_cache.c for why. */
    "DELETE FROM story_terms WHERE (term, story_id) IN (SELECT term, story_id FROM ("
    "  SELECT term, story_id, row_number() OVER (PARTITION BY term ORDER BY story_id DESC) AS r"
    "  FROM story_terms) WHERE r > 64);",
    /* 6: the identity index keyed by external id first. Content hashes are
     * random by design, so (hash, ext_id) put each batch's 500 inserts on
     * 500 random pages (a third of what a batch wrote at 100k articles);
     * external ids mostly come in order (folders are walked in name
     * order, feed and JSONL ids grow), so their inserts land together.
     * Lookups give both columns, either order serves them, and the
     * ON CONFLICT(hash, ext_id) of db.c names the same columns. */
    "DROP INDEX articles_identity;"
    "CREATE UNIQUE INDEX articles_identity ON articles(ext_id, hash);",
    /* 7: a story's lead anchor (lib/cluster/score.c: what was done and by whom) */
    "ALTER TABLE stories ADD COLUMN lead TEXT;",
    /* 8: a story's stable key is its first article's (lib/store/api.c): looking a
     * story up by key needs stories by first article. Append-only in practice
     * (a new story's first article is the newest), so cheap to keep. */
    "CREATE INDEX IF NOT EXISTS stories_first ON stories(first_article);",
    /* 9: how many of a story's members have a date of their own (lib/cluster/score.c:
     * an undated report weighs a story by its share of dated members); NULL on
     * stories saved before, read as unknown */
    "ALTER TABLE stories ADD COLUMN n_dated INTEGER;",
    /* 10: the indexes the events reads of the API need (lib/store/api.c writes each read for
     * the filters it is given, so that these serve). events_date (it was the date alone) and
     * events_iso_date hold every column the reads filter, group or count by default, so that
     * SQLite tests an event's type, sub-type, country and confidence in the index and reads
     * the row only of an event that passes: the first serves a page newest first whatever its
     * filters, and the stats over a date range or everything; the second a country's page and
     * stats (the row id after the date makes the index order a page's). events_iso_type_date:
     * a country and a type with no event in common (in the generated events, half the pairs)
     * is an empty range, not a walk over the country's events (20 ms). At 1,000,000 generated
     * events (bench/serve.sh): 344 -> 537 MB; storing 100,000 events in date order, 100
     * transactions: 2.3 -> 4.9 s CPU (an index per filter, type, sub-type, country and type,
     * country, took 6.7 s and 624 MB, and 4x as long with dates in random order). */
    "DROP INDEX IF EXISTS events_date;"
    "CREATE INDEX events_date ON events(event_date, id, event_type, sub_event_type, iso, country, year,"
    "  confidence, article_id);"
    "CREATE INDEX IF NOT EXISTS events_iso_date ON events(iso COLLATE NOCASE, event_date, id, event_type,"
    "  sub_event_type, country, year, confidence, article_id);"
    "CREATE INDEX IF NOT EXISTS events_iso_type_date ON events(iso COLLATE NOCASE, event_type COLLATE NOCASE,"
    "  event_date, id);",
    /* 11: the day an article with no publication day dates itself by, read from its text
     * (vg_doc.own_date: its dateline, else the first full date it names), for the story view
     * (story_report.c). A table of its own rather than a column of articles: a column added
     * now would sit after the text and reading it would walk the text's overflow pages; and
     * only the articles the analysis dated by their text have a row. */
    "CREATE TABLE text_dates(article_id INTEGER PRIMARY KEY, day TEXT NOT NULL);",
    /* append new migrations here */
};

#define N_MIGRATIONS (sizeof migrations / sizeof migrations[0])

/* The earliest databases keyed articles on `hash UNIQUE` alone, before migration 1 took its
 * final form (an articles_identity index on (hash, ext_id)): a constraint SQLite cannot drop,
 * so migration 6, which rebuilds that index, first rebuilds their articles table in the final
 * layout (same ids, so full-text rows, events and stories still point at them). */
static const char early_identity_fix[] =
    "CREATE TABLE articles_rebuilt("
    "  id INTEGER PRIMARY KEY,"
    "  source TEXT, ext_id TEXT, format TEXT, outlet TEXT, url TEXT, title TEXT,"
    "  lang TEXT, published TEXT, authors TEXT,"
    "  hash INTEGER NOT NULL,"
    "  ingested TEXT NOT NULL,"
    "  story_id INTEGER, dup_of INTEGER REFERENCES articles(id),"
    "  text TEXT NOT NULL);"
    "INSERT INTO articles_rebuilt(id, source, ext_id, format, outlet, url, title, lang, published, authors,"
    "  hash, ingested, story_id, dup_of, text)"
    "  SELECT id, source, ext_id, format, outlet, url, title, lang, published, authors,"
    "  hash, ingested, story_id, dup_of, text FROM articles;"
    "DROP VIEW articles_src;"
    "DROP TABLE articles;"
    "ALTER TABLE articles_rebuilt RENAME TO articles;"
    "CREATE UNIQUE INDEX articles_identity ON articles(hash, ext_id);"
    "CREATE INDEX articles_published ON articles(published);"
    "CREATE INDEX articles_story ON articles(story_id);"
    "CREATE INDEX articles_lang ON articles(lang);"
    "CREATE INDEX articles_dup ON articles(dup_of) WHERE dup_of IS NOT NULL;"
    "CREATE VIEW articles_src AS SELECT id,"
    "  char(31) || coalesce(lang, '') || char(31) || coalesce(title, '') AS title,"
    "  char(31) || coalesce(lang, '') || char(31) || text AS text FROM articles;";

/* Before migration i runs, inside its transaction: what the early layouts need. */
static vg_status before_migration(vg_db *db, int i)
{
    if (i != 5) return VG_OK;
    vg_stmt *st = vg_db_stmt(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = 'articles_identity'");
    if (!st) return VG_ERR_DB;
    int rc = vg_step(st);
    int has = rc == SQLITE_ROW && (int)vg_column_int64(st, 0) > 0;
    vg_reset(st);
    if (rc != SQLITE_ROW) return vg_db_fail(db, rc, "reading the schema");
    return has ? VG_OK : vg_db_exec(db, early_identity_fix);
}

static vg_status user_version(vg_db *db, int *v)
{
    vg_stmt *st = vg_db_stmt(db, "PRAGMA user_version");
    if (!st) return vg_db_fail(db, sqlite3_errcode(db->sql), "reading schema version");
    int rc = vg_step(st);
    if (rc != SQLITE_ROW) return vg_db_fail(db, rc, "reading schema version");
    *v = (int)vg_column_int64(st, 0);
    vg_reset(st);
    return VG_OK;
}

/* A file SQLite can read but that holds other tables and no vigie version. */
static vg_status check_foreign(vg_db *db)
{
    vg_stmt *st = vg_db_stmt(db, "SELECT count(*) FROM sqlite_schema");
    if (!st) return vg_db_fail(db, sqlite3_errcode(db->sql), "reading schema");
    int rc = vg_step(st);
    if (rc != SQLITE_ROW) return vg_db_fail(db, rc, "reading schema");
    int n = (int)vg_column_int64(st, 0);
    vg_reset(st);
    if (n > 0) {
        snprintf(db->err, sizeof db->err, "%s is an SQLite database but not a vigie one", db->path);
        return VG_ERR_DB_CORRUPT;
    }
    return VG_OK;
}

vg_status vg_schema_migrate(vg_db *db)
{
    int v = 0;
    vg_status s = user_version(db, &v);
    if (s != VG_OK) return s;
    if (v == 0 && (s = check_foreign(db)) != VG_OK) return s;
    if (v < 0) { /* no vigie writes one: migrations[v] would read before the array */
        snprintf(db->err, sizeof db->err,
                 "%s has schema version %d, which no vigie writes: damaged, or not a vigie database", db->path, v);
        return VG_ERR_DB_CORRUPT;
    }
    if (v > (int)N_MIGRATIONS) {
        snprintf(db->err, sizeof db->err, "%s has schema version %d, newer than this vigie (%d)",
                 db->path, v, (int)N_MIGRATIONS);
        return VG_ERR_DB;
    }
    if (v == (int)N_MIGRATIONS) return VG_OK;
    if (db->flags & VG_DB_READONLY) {
        if (v == 0) {
            snprintf(db->err, sizeof db->err, "%s is empty: run `vigie ingest` on it first", db->path);
            return VG_ERR_NOT_FOUND;
        }
        db->needs_upgrade = 1; /* vg_db_open upgrades it through a writable connection if it can */
        return VG_OK;
    }
    for (; v < (int)N_MIGRATIONS; v++) {
        char bump[64];
        snprintf(bump, sizeof bump, "PRAGMA user_version = %d", v + 1);
        if ((s = vg_db_exec(db, "BEGIN IMMEDIATE")) != VG_OK) return s;
        if ((s = before_migration(db, v)) != VG_OK || (s = vg_db_exec(db, migrations[v])) != VG_OK ||
            (s = vg_db_exec(db, bump)) != VG_OK) {
            char keep[sizeof db->err];
            snprintf(keep, sizeof keep, "%s", db->err);
            sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
            snprintf(db->err, sizeof db->err, "migration %d: %.900s", v + 1, keep);
            return s;
        }
        if ((s = vg_db_exec(db, "COMMIT")) != VG_OK) return s;
    }
    return VG_OK;
}
