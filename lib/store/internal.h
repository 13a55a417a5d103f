/* internal.h - what the store's modules (db, schema, search, events, stories_sql, story_cache, story_report, dups) share. */
#ifndef VG_STORE_INTERNAL_H
#define VG_STORE_INTERNAL_H
#include <sqlite3.h>
#include <stdint.h>

#include "vigie.h"
#include "../core/buf.h"
#include "../doc/doc.h"
#include "sql.h"

/* Prepared statements are cached by SQL text pointer: pass a string literal
 * (or any pointer that stays the same) so each statement is compiled once. */
#define VG_DB_STMT_CACHE 48
/* Statements made at run time for a shape of query (api.c: the events
 * reads with only the filters given), kept by key per connection, the least
 * recently used replaced: a page, count or stats statement of SQLite is
 * 20-60 KB prepared, so 32 shapes stay under 2 MB a connection. */
#define VG_DB_SHAPES 32
/* Writes sent ahead on PostgreSQL before their results are read (sql.c):
 * the server's replies to them (~20 bytes each) must fit the socket's
 * buffer while the client is still sending, or both would wait. */
#define VG_PIPE_MAX 256

typedef struct vg_pg vg_pg;

struct vg_db {
    sqlite3 *sql;         /* SQLite, or NULL when pg is set */
    vg_pg *pg;            /* PostgreSQL (pg.c) */
    char *path;
    char shown[512];      /* the database as named in messages (a URL without its password) */
    int nomem;            /* a bound value could not be copied: the next step fails */
    int no_stories;       /* PostgreSQL queue worker: puts store no story (queue.c) */
    int64_t put_id;       /* PostgreSQL queue worker: the id the next put stores (0: the sequence's) */
    struct vg_pg_stems *pg_stems; /* PostgreSQL search: a stemmer per language (pg_search.c) */
    int64_t worker_id;    /* PostgreSQL queue worker: its row in workers, its liveness lock (queue.c) */
    char worker_name[64];
    int story_writer;     /* this connection holds the story writer's session lock (queue.c) */
    struct vg_story_rows *story_rows; /* PostgreSQL: story rows and languages kept in memory (stories_sql.c) */
    char err[1024];
    unsigned flags;
    unsigned batch;       /* puts per transaction */
    unsigned pending;     /* puts in the open transaction */
    int in_tx;
    int64_t data_version; /* PRAGMA data_version at our last BEGIN; -1 before */
    int needs_upgrade;    /* opened read-only with an older schema version */
    struct { const char *sql; vg_stmt *st; } cache[VG_DB_STMT_CACHE];
    /* PostgreSQL: writes sent ahead whose results are not read yet (sql.c,
     * vg_step_later), each with what it was for the error message. */
    const char *piped[VG_PIPE_MAX];
    size_t n_piped;
    size_t n_cache;
    struct { uint64_t key; vg_stmt *st; unsigned long used; } shaped[VG_DB_SHAPES];
    size_t n_shaped;
    unsigned long shaped_clock;
    vg_buf out;           /* JSON built for vg_db_story_json and row values */
    char query_langs[2048]; /* languages stored, "fr,en": query-side stemming (search.c) */
    struct vg_story_cache *story_cache; /* frequencies and postings kept between puts (story_cache.c) */
    struct vg_cl_stories *stories;      /* the clustering's window (lib/cluster/stories.h) */
    struct vg_dups_mem *dups_mem;       /* near-duplicate band index (dups.c) */
    struct {                            /* the running query's budget (query.c) */
        long max_ms;
        unsigned long long max_steps, steps;
        double start, paused;           /* seconds: start, time spent in row callbacks */
        int active, exceeded;
    } budget;
};

/* The raw SQLite handle (NULL on PostgreSQL), for modules that need more than sql.h. */
sqlite3 *vg_db_sqlite(vg_db *db);
/* Statements (sql.h) are freed with the connection; a reconnected
 * PostgreSQL connection prepares them again. */
void vg_stmt_free(vg_stmt *st);
void vg_stmt_forget_prepared(vg_stmt *st);
/* Every statement of the connection: freed (vg_db_close), or to be
 * prepared again on a new PostgreSQL session (pg.c). */
void vg_db_stmts_free(vg_db *db);
void vg_db_stmts_forget_prepared(vg_db *db);
/* A statement made at run time (VG_DB_SHAPES): the one cached under key,
 * made ready as vg_db_stmt's are, or NULL; vg_db_shaped_add compiles sql
 * (in the connection's dialect) and keeps it under key, or NULL on a
 * compile error. */
vg_stmt *vg_db_shaped(vg_db *db, uint64_t key);
vg_stmt *vg_db_shaped_add(vg_db *db, uint64_t key, const char *sql);
/* Map a result code of vg_step (SQLite's codes; on PostgreSQL the server's
 * error, recorded by pg.c) to a vg_status and record `what` + the engine's
 * message as the db error. Returns the status. */
vg_status vg_db_fail(vg_db *db, int rc, const char *what);
/* Step a statement whose rows are not read, and reset it; the status, with
 * `what` in the db error on failure. */
vg_status vg_db_step_done(vg_db *db, vg_stmt *st, const char *what);
/* ids as a PostgreSQL array literal ("{1,2,3}") in b, cleared first, to
 * bind as text and read as ?N::bigint[]: one statement for many rows where
 * each would be a round trip (b->failed on no memory). */
void vg_sql_id_array(vg_buf *b, const int64_t *v, size_t n);
/* The same for a write that may be sent ahead (vg_step_later in sql.h). */
vg_status vg_db_step_later(vg_db *db, vg_stmt *st, const char *what);
/* Run SQL with no results (one or more statements). */
vg_status vg_db_exec(vg_db *db, const char *sql);
/* Open a write transaction if none is open (puts are batched). */
vg_status vg_db_begin(vg_db *db);
/* The connection's PRAGMA data_version (-1 with an error status on failure). */
vg_status vg_db_data_version(vg_db *db, int64_t *v);

/* A read query's start (query.c): its arguments (dates...) checked before any
 * SQL runs (VG_ERR_ARG with db->err naming the bad value), then its budget
 * armed: SQLite's progress handler interrupts it past the budget, and
 * vg_db_fail turns that interrupt into VG_ERR_TIMEOUT. On VG_OK the caller
 * must end it with vg_query_end, which disarms and returns s. */
vg_status vg_query_start(vg_db *db, const vg_query *q);
vg_status vg_query_end(vg_db *db, vg_status s);
/* Did the running query go past its budget? */
int vg_query_exceeded(const vg_db *db);
/* Time not to count (spent in a row callback), and the clock it is read on. */
void vg_query_pause(vg_db *db, double seconds);
double vg_query_clock(void);

/* Schema: ordered migrations, applied by vg_schema_migrate (schema.c). */
vg_status vg_schema_migrate(vg_db *db);

/* PostgreSQL search (pg_search.c): the tsvector text of a document's
 * title (weight A) and text, vigie's folded and stemmed tokens with their
 * positions, appended to b; and vg_db_search's PostgreSQL side. */
void vg_pg_search_vector(vg_db *db, vg_buf *b, const vg_doc *doc);
vg_status vg_pg_search(vg_db *db, const vg_query *q, vg_row_cb cb, void *ud);
void vg_pg_search_free(vg_db *db);
/* The tsquery text of a `vigie search` query (FTS5's syntax: words,
 * "phrases", prefix*, AND, OR, NOT, parentheses), each word its folded
 * form or its stem in any of langs; forms (may be NULL): those forms,
 * NUL-separated, from malloc. VG_ERR_ARG with err saying why on a query
 * it cannot translate. Bounded: no recursion past 64 parentheses. */
typedef struct vg_stemmer vg_stemmer;
vg_status vg_pg_tsquery(const char *text, vg_stemmer *const *langs, size_t n_langs, vg_buf *out, vg_buf *forms,
                        char *err, size_t errlen);

/* A queue worker's put (queue.c): what vg_prepare made of the document,
 * kept for the story writer, in the put's transaction. */
vg_status vg_queue_keep_prepared(vg_db *db, vg_doc *doc, vg_prepared *prep, int64_t id);
/* The worker's liveness lock taken again (after a reconnection). */
vg_status vg_queue_relock(vg_db *db);
/* Drop the open transaction and what was kept in memory for it (db.c). */
void vg_db_rollback(vg_db *db);
/* The story writer's put (stories_sql.c): an article stored earlier by a
 * worker joins its story as vg_db_put would have made it join; scratch from arena. */
vg_status vg_stories_assign(vg_db *db, const char *lang, vg_prepared *prep, int64_t article_id, vg_arena *arena);

/* Search tokenizer registration (search.c), on every connection. */
vg_status vg_search_register(vg_db *db);

/* Events of a stored document (events.c), inside the put transaction. */
vg_status vg_events_put(vg_db *db, const vg_doc *doc, int64_t article_id);
/* Does q's event_type / sub_event_type name one of ACLED's (events.c)?
 * Each flag is 1 when that filter is unset or known. */
void vg_store_taxonomy_known(const vg_query *q, int *type_ok, int *sub_ok);

/* The data folder of the documents put (vg_doc.data_dir): the stories read the reference
 * corpora of term weights there (lib/cluster/reference.h), a queue's story writer included,
 * which has no document of its own. NULL: unchanged. */
vg_status vg_stories_data(vg_db *db, const char *data_dir);
/* Clustering hook (stories_sql.c): called by vg_db_put inside the same
 * transaction, after the article row, its FTS row and its events are
 * written, with what vg_prepare made of the document (NULL: made here). May
 * set *result to VG_PUT_DUPLICATE (and set articles.dup_of); sets
 * articles.story_id as lib/cluster decides. */
vg_status vg_stories_on_put(vg_db *db, vg_doc *doc, vg_prepared *prep, int64_t article_id, vg_put_result *result);
/* Its in-memory state (the caches below and the clustering's window):
 * forgotten when another writer committed (checked in vg_db_begin), settled
 * and written back before COMMIT (vg_stories_flush, in the same
 * transaction), forgotten on ROLLBACK, freed on close. */
vg_status vg_stories_flush(vg_db *db);
void vg_stories_forget(vg_db *db);
void vg_stories_free(vg_db *db);

/* What clustering reads most, kept in memory between puts (story_cache.c):
 * document frequencies (cluster_df, cluster_meta) and the newest
 * VG_CL_POSTINGS_TOP postings per term (story_terms), read from the tables
 * once, written back by vg_story_cache_flush. stories_sql.c answers the
 * clustering's interface (lib/cluster/stories.h) with these; see there for
 * what each means. */
#include "../cluster/stories.h"
vg_status vg_story_cache_count(vg_db *db, const vg_cl_doc *d, uint32_t *df, uint64_t *n_docs);
vg_status vg_story_cache_df(vg_db *db, const vg_cl_doc *d, uint32_t *df);
vg_status vg_story_cache_prefetch_postings(vg_db *db, const vg_cl_doc *d);
vg_status vg_story_cache_postings(vg_db *db, int64_t term, vg_cl_hit *out, size_t *n);
vg_status vg_story_cache_add(vg_db *db, int64_t term, int64_t story, double w, double *now);
vg_status vg_story_cache_take(vg_db *db, int64_t term, int64_t story, double w, int emptied, double *now);
vg_status vg_story_cache_flush(vg_db *db);
void vg_story_cache_forget(vg_db *db);
void vg_story_cache_free(vg_db *db);

/* Duplicates (dups.c), called by vg_stories_on_put: the article `self`
 * repeats (*dup_of, 0: none; a copy of a copy resolves to the original),
 * and the signature stored for later articles. The band index behind them
 * lives in memory with the same life cycle as the clustering state. */
#include "../dedup/minhash.h"
vg_status vg_dups_find(vg_db *db, const vg_dedup_sig *sig, int64_t self, int64_t *dup_of);
vg_status vg_dups_record(vg_db *db, const vg_dedup_sig *sig, int64_t id);
void vg_dups_forget(vg_db *db);
void vg_dups_free(vg_db *db);

/* Emit one row to a callback from a statement's current result row, with
 * column types given (NULL: all text). Returns the callback's value. The
 * callback's time is not counted in the query's budget. */
int vg_db_emit_row(vg_db *db, vg_stmt *st, const vg_col_type *types, vg_row_cb cb, void *ud);
/* Every row of a bound statement to the callback (vg_db_emit_row) until it
 * returns non-zero, then the statement reset; the status, with `what` in the
 * db error on failure. */
vg_status vg_db_emit_rows(vg_db *db, vg_stmt *st, const vg_col_type *types, vg_row_cb cb, void *ud,
                          const char *what);

/* Stable keys (api.c): what names an article, an event and a story across a
 * re-ingest of the same inputs, unlike their row ids. An article is
 * identified by its content hash and external id (the store's identity:
 * the unique index articles_identity), so its key is both, as
 * "<16 hex digits of the hash>-<hex of the external id's bytes>", and a
 * lookup is one seek in that index. An event is its article's key and its
 * rank among the article's events ("-0", "-1": the order analysis gave
 * them, stored as consecutive row ids). A story is the key of the article
 * that opened it (stories.first_article). Each macro is an SQL expression. */
#define VG_ARTICLE_KEY(a) "(printf('%016x', " a ".hash) || '-' || lower(hex(" a ".ext_id)))"
#define VG_STORY_KEY(story_id) \
    "(SELECT printf('%016x', kf.hash) || '-' || lower(hex(kf.ext_id)) FROM stories ks JOIN articles kf" \
    " ON kf.id = ks.first_article WHERE ks.id = " story_id ")"

/* The same keys in PostgreSQL's dialect (to_hex of a bigint is its two's
 * complement, as SQLite's printf('%x')): the same text for the same row. */
#define VG_ARTICLE_KEY_PG(a) \
    "(lpad(to_hex(" a ".hash), 16, '0') || '-' || coalesce(encode(convert_to(" a ".ext_id, 'UTF8'), 'hex'), ''))"
#define VG_STORY_KEY_PG(story_id) \
    "(SELECT " VG_ARTICLE_KEY_PG("kf") " FROM stories ks JOIN articles kf" \
    " ON kf.id = ks.first_article WHERE ks.id = " story_id ")"
/* The keys of article a's events as a JSON array ("[]" when none), in
 * their order: SQLite's json_group_array, and PostgreSQL's text of the
 * same bytes (json_agg would put a space after each comma). */
#define VG_EVENT_KEYS(a)                                                                                  \
    "(SELECT json_group_array(" VG_ARTICLE_KEY(a) " || '-' || (x.id - (SELECT min(id) FROM events"        \
    "   WHERE article_id = " a ".id))) FROM events x WHERE x.article_id = " a ".id)"
#define VG_EVENT_KEYS_PG(a)                                                                               \
    "(SELECT '[' || coalesce(string_agg('\"' || " VG_ARTICLE_KEY_PG(a) " || '-' || (x.id - (SELECT min(id)" \
    " FROM events WHERE article_id = " a ".id)) || '\"', ',' ORDER BY x.id), '') || ']'"                  \
    " FROM events x WHERE x.article_id = " a ".id)"

/* The full-text query of q->text as FTS5 MATCH text into match (search.c),
 * with the stored languages loaded for stemming; VG_ERR_ARG / TOO_LARGE
 * with db->err on an empty or long query. Call inside vg_query_start. */
vg_status vg_search_match(vg_db *db, const char *text, vg_buf *match);
/* The checks every store makes of a query's text first: not empty, at most
 * VG_QUERY_MAX_BYTES (VG_ERR_ARG / VG_ERR_TOO_LARGE, db->err saying so). */
vg_status vg_search_check_text(vg_db *db, const char *text);
/* A story's row id from its key or row id (api.c); VG_ERR_ARG when it is
 * neither, VG_ERR_NOT_FOUND when no story has that key. */
vg_status vg_store_story_id(vg_db *db, const char *s, int64_t *id);
/* An article's key (as VG_ARTICLE_KEY) made in C, appended to b: for
 * statements that must also run on PostgreSQL. */
void vg_store_article_key(vg_buf *b, int64_t hash, const char *ext_id);
/* PostgreSQL: the tsquery text of a search (vg_pg_tsquery with the stored
 * languages) into out, and, when forms is not NULL, the forms asked for
 * (for snippets); VG_ERR_ARG with db->err on a query it cannot translate. */
vg_status vg_pg_search_query(vg_db *db, const char *text, vg_buf *out, vg_buf *forms);
/* vg_db_search_page's PostgreSQL side (pg_search.c). */
vg_status vg_pg_search_page(vg_db *db, const vg_query *q, vg_row_cb cb, void *ud);
/* A MATCH that FTS5 refused, said as the query's fault (VG_ERR_ARG). */
vg_status vg_search_syntax_error(vg_db *db);

#endif
