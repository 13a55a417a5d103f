/* vigie.h - public API: news articles in, conflict events, stories and search out. */
#ifndef VIGIE_H
#define VIGIE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define VG_VERSION "0.1.0"

/* The library exports these declarations and nothing else: it is built with
 * -fvisibility=hidden, and VG_API marks what a program may call. */
#if defined(__GNUC__) || defined(__clang__)
#define VG_API __attribute__((visibility("default")))
#else
#define VG_API
#endif

/* Every public function that can fail returns one of these. */
typedef enum vg_status {
    VG_OK = 0,
    VG_END,             /* iteration finished: not an error */
    VG_ERR_NOMEM,
    VG_ERR_ARG,         /* bad argument from the caller */
    VG_ERR_IO,          /* cannot open / read / write a file */
    VG_ERR_EMPTY,       /* input has no text */
    VG_ERR_TOO_LARGE,   /* input past a size limit */
    VG_ERR_BINARY,      /* input is binary data, not text */
    VG_ERR_ENCODING,    /* text in no encoding we can read */
    VG_ERR_JSON,        /* malformed JSON */
    VG_ERR_FORMAT,      /* well-formed but not what was expected */
    VG_ERR_TRUNCATED,   /* input ends in the middle of a record */
    VG_ERR_LOOP,        /* directory loop through symlinks */
    VG_ERR_DB,          /* database error */
    VG_ERR_DB_CORRUPT,  /* file is a damaged database, or not a vigie one */
    VG_ERR_DB_READONLY, /* database cannot be written */
    VG_ERR_DB_FULL,     /* disk full */
    VG_ERR_NOT_FOUND,
    VG_ERR_RESOURCE,    /* a data file (lexicon, gazetteer) is missing or bad */
    VG_ERR_NETWORK,
    VG_ERR_TIMEOUT,     /* a query or a fetch went past its budget (vg_db_set_query_budget, a watch round) */
    VG_STATUS_COUNT
} vg_status;

/* Static English text for a status; never NULL. */
VG_API const char *vg_strerror(vg_status s);

/* ------------------------------------------------------------------------
 * Environment: read-only resources shared by every thread (language
 * models, lexicons, actor aliases, gazetteer). Open once, then use from any
 * number of threads, each with its own vg_doc.
 * ---------------------------------------------------------------------- */
typedef struct vg_env vg_env;

/* data_dir: folder holding <lang>/ resource folders (NULL: $VIGIE_DATA, then
 * the compiled-in default). On failure *out is NULL and `err` (if not NULL,
 * errlen bytes) says which resource failed. */
VG_API vg_status vg_env_open(const char *data_dir, vg_env **out, char *err, size_t errlen);
VG_API void vg_env_close(vg_env *env); /* accepts NULL */
/* A resource that is missing but not required (e.g. no gazetteer built:
 * events get no coordinates), or NULL. */
VG_API const char *vg_env_warning(const vg_env *env);
/* The ISO 3166-1 alpha-2 code (iso2, NUL-terminated) of the country a person
 * names: a name in any language of the gazetteer, an alpha-2 or an alpha-3
 * code, any case. env may be NULL (codes and English names only, from
 * Debian's iso-codes). VG_ERR_NOT_FOUND when it names no country. */
VG_API vg_status vg_env_country(const vg_env *env, const char *name, char iso2[3]);

/* ------------------------------------------------------------------------
 * Reader: turns paths (files, folders walked recursively, "-" for stdin)
 * into raw documents, one at a time. Format detected from content:
 * plain text, JSONL, HTML, WARC(.gz), RSS/Atom, gzip of any of these.
 * ---------------------------------------------------------------------- */
typedef struct vg_reader vg_reader;

/* One raw document. All pointers belong to the reader and stay valid until
 * the next vg_reader_next() or vg_reader_close(). Metadata fields that the
 * input did not give are NULL. */
typedef struct vg_input {
    const char *source;    /* path given or found in a folder, "-" for stdin */
    const char *ext_id;    /* external id: JSONL "id", else file name */
    const char *format;    /* "text", "html", "jsonl", "warc", "feed" */
    const char *content_type; /* "text" or "html": what data holds */
    const char *data;      /* bytes as read (not yet validated) */
    size_t len;
    const char *title, *url, *outlet, *published, *lang; /* may be NULL */
    const char *charset;   /* from an HTTP header (WARC, fetch), else NULL */
    uint64_t record;       /* line (JSONL) or record number, 1-based, 0 if n/a */
} vg_input;

typedef struct vg_reader_options {
    size_t max_doc_bytes;  /* 0: default 32 MiB */
    /* Files never read when met inside a folder (matched by device and inode
     * at open time): the database being written and its -wal/-shm/-journal
     * files, so ingesting a folder that holds the database does not report
     * them as rejected inputs. May be NULL. */
    const char *const *skip_paths;
    size_t n_skip_paths;
} vg_reader_options;

/* paths: n paths; opts may be NULL. The reader copies what it keeps. */
VG_API vg_status vg_reader_open(const char *const *paths, size_t n,
                                const vg_reader_options *opts, vg_reader **out);
/* VG_OK: *in holds a document. VG_END: no more input. Any other status: one
 * input (file or record) was rejected; vg_reader_error() names it and says
 * why, and the next call goes on with the rest. */
VG_API vg_status vg_reader_next(vg_reader *r, vg_input *in);
/* The last rejection: "path[:line]: reason". Valid until the next call. */
VG_API const char *vg_reader_error(const vg_reader *r);
/* Name of the input the last rejection was about (path or path:line). */
VG_API const char *vg_reader_error_source(const vg_reader *r);
VG_API void vg_reader_close(vg_reader *r); /* accepts NULL */

/* ------------------------------------------------------------------------
 * Document: a per-thread working context with its own arena. Load an input
 * into it (extract, normalise, detect language), optionally analyse it
 * (events), then read the results. vg_doc_load() resets what the previous
 * document left.
 * ---------------------------------------------------------------------- */
typedef struct vg_doc vg_doc;

VG_API vg_status vg_doc_create(const vg_env *env, vg_doc **out);
VG_API void vg_doc_free(vg_doc *doc); /* accepts NULL */

/* Extract clean text and metadata. On failure the document is rejected:
 * vg_doc_error() says why. `in` need not outlive the call. */
VG_API vg_status vg_doc_load(vg_doc *doc, const vg_input *in);
/* Find the events of a loaded document. */
VG_API vg_status vg_doc_analyze(vg_doc *doc);
VG_API const char *vg_doc_error(const vg_doc *doc);

/* Fields of a loaded document; NULL when unknown. Owned by the document. */
typedef enum vg_field {
    VG_F_SOURCE, VG_F_EXT_ID, VG_F_FORMAT, VG_F_TITLE, VG_F_TEXT, VG_F_LANG,
    VG_F_PUBLISHED, VG_F_OUTLET, VG_F_URL, VG_F_AUTHORS, VG_F_HASH,
    VG_F_COUNT
} vg_field;
VG_API const char *vg_doc_get(const vg_doc *doc, vg_field f);
VG_API size_t vg_doc_removed_count(const vg_doc *doc);
VG_API size_t vg_doc_event_count(const vg_doc *doc);

/* JSON of the document, one line, no trailing newline. `what` is a mask of
 * VG_JSON_*. The string belongs to the document, valid until the next load. */
/* VG_JSON_GATE: the document gate's probability and features (training). */
enum { VG_JSON_EXTRACT = 1, VG_JSON_REMOVED = 2, VG_JSON_EVENTS = 4, VG_JSON_GATE = 8 };
VG_API vg_status vg_doc_json(vg_doc *doc, unsigned what, const char **out, size_t *len);
/* The same with only the events whose confidence is at least min_confidence
 * (0: all, as vg_doc_json). */
VG_API vg_status vg_doc_json_min(vg_doc *doc, unsigned what, double min_confidence, const char **out, size_t *len);

/* ------------------------------------------------------------------------
 * Batch: documents loaded (and analysed) on several threads at once, read
 * back in input order. The analysis is a pure function of one document, so
 * what comes out does not depend on the number of threads; lines that keep
 * coming back in one outlet's pages are learnt between batches, in order.
 * Use: add inputs until full, vg_batch_load, look at each document (a store
 * may vg_batch_skip what it already holds), vg_batch_analyze, read, clear.
 * ---------------------------------------------------------------------- */
typedef struct vg_batch vg_batch;
/* What storing a document derives from it alone (its near-duplicate
 * signature, its story features); see vg_prepare. */
typedef struct vg_prepared vg_prepared;

/* threads: 0 = one per online CPU, 1 = none beyond the caller's. capacity:
 * documents per batch, 0 = 64. The calling thread works too. */
VG_API vg_status vg_batch_create(const vg_env *env, unsigned threads, size_t capacity, vg_batch **out);
VG_API void vg_batch_free(vg_batch *b); /* accepts NULL */
/* Copies the input (bytes and metadata). VG_ERR_ARG when already full. */
VG_API vg_status vg_batch_add(vg_batch *b, const vg_input *in);
/* Full: capacity documents, or 64 MiB of input bytes. */
VG_API int vg_batch_full(const vg_batch *b);
VG_API size_t vg_batch_count(const vg_batch *b);
/* vg_doc_load on every document added since the last clear. */
VG_API void vg_batch_load(vg_batch *b);
/* Leave document i out of vg_batch_analyze (a store already holds it). */
VG_API void vg_batch_skip(vg_batch *b, size_t i);
VG_API int vg_batch_skipped(const vg_batch *b, size_t i);
/* vg_doc_analyze on every loaded document not skipped, then vg_prepare if
 * set (vg_batch_set_prepare), on the same threads; a failure becomes the
 * document's status. */
VG_API void vg_batch_analyze(vg_batch *b);
/* Make what a store's put derives from each document (vg_prepare) on the
 * batch's threads, after its analysis: ingest takes that work off the one
 * thread that writes. Off by default. */
VG_API void vg_batch_set_prepare(vg_batch *b, int on);
/* What vg_prepare made of document i at the last vg_batch_analyze; NULL
 * when not made (prepare off, skipped, failed). Valid until the batch's
 * next load or clear; for vg_db_put_prepared. */
VG_API vg_prepared *vg_batch_prepared(vg_batch *b, size_t i);
/* Document i, with the status of its load, or of its analysis once run
 * (st may be NULL); input i as it was added. */
VG_API vg_doc *vg_batch_doc(vg_batch *b, size_t i, vg_status *st);
VG_API const vg_input *vg_batch_input(const vg_batch *b, size_t i);
VG_API void vg_batch_clear(vg_batch *b);
VG_API unsigned vg_batch_threads(const vg_batch *b);

/* ------------------------------------------------------------------------
 * Store: one SQLite file, or a PostgreSQL database shared by a team
 * (path "postgresql://..." or "postgres://...", libpq's URL): the same
 * calls and the same results on both. Writes are batched in transactions:
 * a crash loses at most the open batch and never leaves a half-written
 * document.
 * ---------------------------------------------------------------------- */
typedef struct vg_db vg_db;

enum { VG_DB_READONLY = 1 };
/* Opens (creating and migrating when writable) the database at path. */
VG_API vg_status vg_db_open(const char *path, unsigned flags, vg_db **out);
VG_API void vg_db_close(vg_db *db); /* accepts NULL; commits an open batch */
VG_API const char *vg_db_error(const vg_db *db);
/* The database as messages name it: its path, or a PostgreSQL URL without
 * its password. `path` (what was opened) when db is NULL. */
VG_API const char *vg_db_name(const vg_db *db, const char *path);

typedef enum vg_put_result { VG_PUT_STORED, VG_PUT_PRESENT, VG_PUT_DUPLICATE } vg_put_result;
/* Store a loaded (and, if wanted, analysed) document. Identical content
 * already stored: VG_PUT_PRESENT, nothing written. A near-duplicate of a
 * stored article is stored with dup_of set: VG_PUT_DUPLICATE. */
VG_API vg_status vg_db_put(vg_db *db, vg_doc *doc, vg_put_result *result);
/* What vg_db_put derives from the document alone, made ahead of it:
 * optional; lets loading threads take that work off the one thread that
 * writes. Call after vg_doc_analyze (features made before it miss the
 * events). *out lives in the document's arena: valid until its next load. */
VG_API vg_status vg_prepare(vg_doc *doc, vg_prepared **out);
/* vg_db_put with what vg_prepare made of this document as it is (NULL:
 * made here). */
VG_API vg_status vg_db_put_prepared(vg_db *db, vg_doc *doc, vg_prepared *prep, vg_put_result *result);
/* Is a loaded document's content already stored? (*present 1 or 0.) Lets a
 * re-run skip the analysis of what vg_db_put would find present anyway. */
VG_API vg_status vg_db_contains(vg_db *db, const vg_doc *doc, int *present);
/* Record an input that was rejected, with its reason. */
VG_API vg_status vg_db_reject(vg_db *db, const char *source, const char *reason);
/* Commit the open batch now (also done every `batch` puts and on close). */
VG_API vg_status vg_db_commit(vg_db *db);
VG_API void vg_db_set_batch(vg_db *db, unsigned batch);
/* Puts and rejects written since the last commit (0 right after one): a put
 * or commit that fails rolls all of them back, so a caller counting what is
 * stored counts them only once this is 0 again. */
VG_API unsigned vg_db_pending(const vg_db *db);


/* ------------------------------------------------------------------------
 * Watch: keep news feeds up to date. A round fetches every feed (RSS/Atom,
 * conditional GET), then each new item's page once (robots.txt, per-host
 * pacing, retries; state kept in opts.state_path), and loads, analyses and
 * stores it in db, committing each page before its URL is marked done (a
 * round cut short fetches the rest again next time). The caller commits what
 * is left (rejects of pages that could not be fetched) and decides when the
 * next round runs.
 * ---------------------------------------------------------------------- */
typedef struct vg_watch vg_watch;

typedef struct vg_watch_opts {
    const char *state_path;   /* fetch state (validators, URLs done); NULL: memory */
    long min_interval_ms;     /* between requests to one host */
    long timeout_ms;          /* whole request */
    int retries;              /* extra attempts on 5xx and time-outs (10 at most) */
    size_t max_bytes;         /* largest page or feed accepted */
    long max_redirects;
    long round_timeout_ms;    /* the whole round, waits included; 0: no limit. Past it no
                               * request starts and the items left wait for the next round */
    int queue;                /* queue each new page for workers (vg_queue_add, a PostgreSQL
                               * store) instead of analysing and storing it here */
} vg_watch_opts;
VG_API void vg_watch_opts_default(vg_watch_opts *o);

typedef struct vg_watch_counts {
    long feeds, feeds_failed, feeds_unchanged, items, stored, present, dup, seen, robots, rejected;
    long out_of_time;         /* 1 when the round's time budget ran out */
    long left;                /* then: items of the feeds read that were not reached */
} vg_watch_counts;

/* What a round reports as it goes; detail says why or how many. */
typedef enum vg_watch_event {
    VG_WATCH_FEED,            /* fetching a feed */
    VG_WATCH_FEED_UNCHANGED,  /* 304: nothing new */
    VG_WATCH_FEED_FAILED,     /* detail: the reason */
    VG_WATCH_FEED_ITEMS,      /* detail: "N items" */
    VG_WATCH_ITEM,            /* fetching an item's page */
    VG_WATCH_ROBOTS,          /* page disallowed by robots.txt */
    VG_WATCH_REJECTED,        /* page rejected (recorded in rejects); detail: why */
    VG_WATCH_OUT_OF_TIME      /* the round's time budget ran out; detail: what is left */
} vg_watch_event;
/* Return non-zero to end the round early (an interrupt). */
typedef int (*vg_watch_cb)(vg_watch_event ev, const char *url, const char *detail,
                           const vg_watch_counts *counts, void *ud);

VG_API vg_status vg_watch_open(const vg_env *env, vg_db *db, const vg_watch_opts *opts, vg_watch **out,
                               char *err, size_t errlen);
/* One round over feeds[0..n). VG_OK even when feeds or pages failed (they
 * are counted and reported); another status when the store failed, with
 * vg_watch_error() saying what. cb may be NULL. */
VG_API vg_status vg_watch_round(vg_watch *w, const char *const *feeds, size_t n, vg_watch_cb cb, void *ud,
                                vg_watch_counts *counts);
VG_API const char *vg_watch_error(const vg_watch *w);
VG_API void vg_watch_close(vg_watch *w); /* accepts NULL */

/* Query results come as rows of named columns, each value as text (NULL
 * for SQL NULL) with a type telling how to print it in JSON. */
typedef enum vg_col_type { VG_COL_TEXT, VG_COL_INT, VG_COL_REAL, VG_COL_JSON } vg_col_type;
typedef struct vg_row {
    size_t n;
    const char *const *names;
    const char *const *values;
    const vg_col_type *types;
} vg_row;
/* Return non-zero from the callback to stop early. */
typedef int (*vg_row_cb)(const vg_row *row, void *ud);

typedef struct vg_query {
    const char *text;       /* search: the query */
    const char *since, *until; /* dates, YYYY-MM-DD, inclusive */
    const char *country;    /* events: country name or ISO code (vg_env_country resolves others) */
    const char *event_type; /* events: ACLED event_type (an unknown one is VG_ERR_ARG) */
    const char *lang;
    const char *id;         /* story: its id */
    long limit;             /* 0: no limit */
    const char *sub_event_type; /* events: ACLED sub_event_type (an unknown one is VG_ERR_ARG) */
    const char *actor;      /* events: actor1 or actor2 contains it, any case */
    const char *story;      /* events: of this story (its id) */
    const char *doc;        /* events: of this document (its external id, as `doc` shows) */
    double min_confidence;  /* events: confidence at least this (0: every row) */
    /* The HTTP API's reads only (vg_db_event_page, _count, _stats; `text` is
     * then a full-text query on the events' articles): */
    const char *admin1;     /* first-level division, any case */
    const char *outlet;     /* the article's outlet, any case */
    const char *updated_since; /* stored at or after: YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ */
    long min_fatalities;    /* 0: no bound */
    int has_bbox;
    double bbox[4];         /* west, south, east, north in degrees; west > east crosses the antimeridian */
    const char *after;      /* a cursor a page gave: the rows after it (NULL: from the first) */
} vg_query;

/* The confidence below which `vigie events` and `vigie analyze` leave a row
 * out unless told otherwise (--min-confidence); 0 prints every row. A row's
 * confidence is the calibrated probability that it is a real incident of the
 * right type and country no other row covers (lib/analyze/confidence.c,
 * scripts/calibrate-confidence.py). 0.3: on the dev texts, held out, rows at
 * 0.3 or more are right 86% of the time; whole articles alone: 62%, with 59%
 * of the coded events found and 2.3 rows per article against the coders' 2.4
 * (0.2: 53%, 65%, 3.0 rows; 0.4: 67%, 53%, 1.9 rows - 0.3 has the best F1);
 * ACLED dev notes whose main event prints and is right: 0.889 at 0.2 and 0.3. */
#define VG_DEFAULT_MIN_CONFIDENCE 0.3

/* Every query (vg_db_articles, _search, _events, _stories, _story_json) stops with
 * VG_ERR_TIMEOUT once SQLite has worked max_ms milliseconds on it (time spent
 * in the row callback is not counted) or run max_steps virtual-machine
 * instructions (counted in thousands; a bound that does not depend on the
 * machine's speed). 0: no bound of that kind. Writes are never bounded. */
#define VG_QUERY_DEFAULT_MS 10000
VG_API void vg_db_set_query_budget(vg_db *db, long max_ms, unsigned long long max_steps);

/* Longest search text vg_db_search takes; a longer one is VG_ERR_TOO_LARGE
 * (never cut: a cut query is a different question). */
#define VG_QUERY_MAX_BYTES 4096

VG_API vg_status vg_db_articles(vg_db *db, const vg_query *q, vg_row_cb cb, void *ud);
VG_API vg_status vg_db_search(vg_db *db, const vg_query *q, vg_row_cb cb, void *ud);
VG_API vg_status vg_db_events(vg_db *db, const vg_query *q, vg_row_cb cb, void *ud);
VG_API vg_status vg_db_stories(vg_db *db, const vg_query *q, vg_row_cb cb, void *ud);
/* A story compared across outlets, as one JSON object (owned by db, valid
 * until the next call on db). */
VG_API vg_status vg_db_story_json(vg_db *db, const char *id, const char **json, size_t *len);

/* ------------------------------------------------------------------------
 * Reads for the HTTP API (vigie serve). Rows, objects and filters name
 * articles, events and stories by stable keys, the same after a re-ingest of
 * the same inputs (row ids are not): an article's key is its content hash
 * and external id ("<16 hex>-<hex of the id's bytes>"), an event's is its
 * article's key and its rank there ("-0"), a story's is the key of the
 * article that opened it. q->story takes a story key or row id. Every call
 * is bounded as the queries above (vg_db_set_query_budget); a bad filter is
 * VG_ERR_ARG with vg_db_error() starting with the filter's name and ':'.
 * ---------------------------------------------------------------------- */

/* Events, newest event date first, then those of unknown year; at most
 * q->limit rows (0: no limit) after q->after. Each row ends with a column
 * "cursor": pass the last row's as q->after for the next page. */
VG_API vg_status vg_db_event_page(vg_db *db, const vg_query *q, vg_row_cb cb, void *ud);
/* How many events the filters of q match (its limit and cursor ignored). */
VG_API vg_status vg_db_event_count(vg_db *db, const vg_query *q, long long *n);
/* Counts of the events q matches as rows (facet, key, label, n): facet
 * "day" (every day, oldest first), "day_type" (every day and type: label
 * the type), then "event_type", "sub_event_type", "country" (key its ISO
 * code, label its name), "outlet", "lang" (most first). */
VG_API vg_status vg_db_event_stats(vg_db *db, const vg_query *q, vg_row_cb cb, void *ud);
/* One event as a JSON object: its fields, every evidence span (field,
 * start and end byte offsets in the article text, the words, confidence),
 * and its article with the whole text. VG_ERR_NOT_FOUND: no such key
 * (VG_ERR_ARG: not a key). Owned by db, valid until its next call. */
VG_API vg_status vg_db_event_json(vg_db *db, const char *key, const char **json, size_t *len);
/* One article as a JSON object: metadata, text, its events' keys; as above. */
VG_API vg_status vg_db_article_json(vg_db *db, const char *key, const char **json, size_t *len);
/* Stories, newest first, at most q->limit after q->after (a "cursor"
 * column as in vg_db_event_page); q->since / q->until bound the first report. */
VG_API vg_status vg_db_story_page(vg_db *db, const vg_query *q, vg_row_cb cb, void *ud);
/* vg_db_search's hits under stable keys, with each hit's event keys. */
VG_API vg_status vg_db_search_page(vg_db *db, const vg_query *q, vg_row_cb cb, void *ud);
/* A number that changes whenever another connection commits to the
 * database (SQLite's PRAGMA data_version): what this connection read
 * before is still current while it stays the same. VG_ERR_FORMAT on a
 * store that has none (PostgreSQL). */
VG_API vg_status vg_db_version(vg_db *db, int64_t *v);
/* What the database holds, as a JSON object: articles, events, stories,
 * the newest ingest time. As vg_db_event_json for ownership. */
VG_API vg_status vg_db_summary_json(vg_db *db, const char **json, size_t *len);

/* ------------------------------------------------------------------------
 * Server: the HTTP API and the web view over one database, read-only
 * (lib/serve/, docs/api.md). Requests are answered on a pool of threads,
 * each with its own read-only connection, so the server keeps answering
 * while an ingest writes and shows what it commits.
 * ---------------------------------------------------------------------- */
typedef struct vg_server vg_server;

typedef struct vg_serve_opts {
    const char *db_path;   /* the database (must exist): a SQLite file or a postgresql:// URL */
    const char *host;      /* address to listen on: loopback unless a token is set */
    unsigned port;         /* 0: any free port (vg_serve_port says which) */
    unsigned threads;      /* 0: one per online CPU */
    const char *token;     /* bearer token /api/ wants; required off loopback; NULL: none */
    const vg_env *env;     /* resolves country names (any language); NULL: codes and English names */
    long query_ms;         /* time budget of one query (0: VG_QUERY_DEFAULT_MS) */
} vg_serve_opts;

/* Defaults: 127.0.0.1:8080, threads 0, query_ms 5000. */
VG_API void vg_serve_opts_default(vg_serve_opts *o);
/* Starts listening and answering on background threads. On failure *out
 * is NULL and err (errlen bytes) says why: the database cannot be opened,
 * the address is taken or not loopback without a token. o->env must
 * outlive the server. */
VG_API vg_status vg_serve_start(const vg_serve_opts *o, vg_server **out, char *err, size_t errlen);
VG_API unsigned vg_serve_port(const vg_server *s);
/* The database as messages may name it: a PostgreSQL URL without its password. */
VG_API const char *vg_serve_db_name(const vg_server *s);
/* Stops listening, waits for the requests being answered, closes. Accepts NULL. */
VG_API void vg_serve_stop(vg_server *s);

/* ------------------------------------------------------------------------
 * Work queue: PostgreSQL stores only (VG_ERR_ARG on SQLite). Documents are
 * queued once (by identity and the hash of their bytes); any number of
 * workers claim them in batches, store them in the transaction that
 * completes the claim, and one at a time assigns stories in queue order
 * (lib/store/queue.c). A worker that dies loses nothing: its claims go
 * back to the queue, or are parked after a few such returns.
 * ---------------------------------------------------------------------- */
/* Queue an input (bytes and metadata copied), in db's batched transaction
 * (vg_db_commit, every `batch` and on close). *added 0: already queued. */
VG_API vg_status vg_queue_add(vg_db *db, const vg_input *in, int *added);
typedef struct vg_claim vg_claim;
/* Claim up to max queued documents (committed at once, so that `vigie
 * status` sees them); first returns the claims of workers that are gone.
 * *out holds 0 or more inputs, valid until vg_claim_free. */
VG_API vg_status vg_queue_claim(vg_db *db, size_t max, vg_claim **out);
VG_API size_t vg_claim_count(const vg_claim *c);
VG_API const vg_input *vg_claim_input(const vg_claim *c, size_t i);
VG_API void vg_claim_free(vg_claim *c); /* accepts NULL */
/* Complete claimed document i in the open transaction (vg_db_commit ends
 * it): stored (its article takes the queue row's id; its story comes
 * later), already stored (skip), or rejected with the reason `vigie
 * ingest` would record. VG_ERR_NOT_FOUND when the claim is no longer
 * ours (taken back after a lost connection): roll back. */
VG_API vg_status vg_queue_store(vg_db *db, const vg_claim *c, size_t i, vg_doc *doc, vg_prepared *prep,
                                vg_put_result *res);
VG_API vg_status vg_queue_skip(vg_db *db, const vg_claim *c, size_t i);
VG_API vg_status vg_queue_reject(vg_db *db, const vg_claim *c, size_t i, const char *source, const char *reason);
/* A claim that could not be completed: the open transaction rolled back,
 * its documents queued again with the reason, or parked past the attempts allowed. */
VG_API vg_status vg_queue_release(vg_db *db, const vg_claim *c, const char *reason);
/* If this connection is (or can become) the story writer: assign stories
 * to the next `batch` articles in queue order once every document before
 * them is done (fewer at the end of the queue), in one transaction.
 * *assigned: articles given a story (0: not the writer, or nothing ready). */
VG_API vg_status vg_queue_stories(vg_db *db, unsigned batch, long *assigned);
/* Documents queued or claimed (*work) and articles waiting for a story. */
VG_API vg_status vg_queue_pending(vg_db *db, long *work, long *waiting);
/* The queue as rows (what, n, detail): queued, claimed, done, retrying,
 * parked, waiting for a story, throughput, failures by reason, workers. */
VG_API vg_status vg_db_status(vg_db *db, vg_row_cb cb, void *ud);
/* After VG_ERR_NETWORK: connect again, waiting longer each time (up to a
 * minute); the open transaction is lost, a worker takes its lock again. */
VG_API vg_status vg_db_reconnect(vg_db *db);

/* ------------------------------------------------------------------------
 * Output: query rows and stories as text, the bytes the vigie command
 * writes (a server can send the same). Nothing here touches a file.
 * ---------------------------------------------------------------------- */
typedef struct vg_rowfmt vg_rowfmt;

/* format: "jsonl" (one JSON object per row, numbers and JSON columns bare,
 * by vg_col_type), "csv" (RFC 4180, a header line first), "tsv" (a header
 * line first) or "geojson"
 * (one FeatureCollection: the latitude and longitude columns are each
 * feature's point, the other columns its properties). CSV and TSV cells
 * have their control bytes escaped (vg_escape_control), so one row is one
 * line. Any other format: VG_ERR_ARG. On failure *out is NULL. */
VG_API vg_status vg_rowfmt_create(const char *format, vg_rowfmt **out);
VG_API void vg_rowfmt_free(vg_rowfmt *f); /* accepts NULL */
/* The text of one more row, preceded by what opens the output (a header,
 * GeoJSON's opening) for the first. The text belongs to f and stays valid
 * until f's next call. */
VG_API vg_status vg_rowfmt_row(vg_rowfmt *f, const vg_row *row, const char **text, size_t *len);
/* What closes the output, after the last row or when there was none (may
 * be empty); same ownership as vg_rowfmt_row. */
VG_API vg_status vg_rowfmt_end(vg_rowfmt *f, const char **text, size_t *len);

/* A story (the JSON of vg_db_story_json) as text for a reader: its events,
 * each outlet's account, where the accounts disagree. On success *text is
 * NUL-terminated, from malloc: the caller frees it; text_len may be NULL.
 * VG_ERR_FORMAT when json is not a JSON object; *text is NULL on failure. */
VG_API vg_status vg_story_text(const char *json, size_t len, char **text, size_t *text_len);

/* Text from outside made safe to print (one line, nothing a terminal obeys):
 * when s[0] starts a control sequence, writes its escape into rep (\n, \t,
 * \r, \xHH; a C1 control U+0080..U+009F as \u0080..\u009F) and returns
 * its length in bytes (1 or 2); 0 when s[0] prints as it is. n >= 1: the
 * bytes left from s. */
VG_API size_t vg_escape_control(const char *s, size_t n, char rep[8]);

#ifdef __cplusplus
}
#endif
#endif
