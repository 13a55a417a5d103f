/* search.c - the FTS5 tokenizer "vigie" (fold + stem by language) and vg_db_search. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/alloc.h"
#include "internal.h"
#include "../text/stem.h"
#include "../text/tokens.h"

/* Words longer than this are not indexed (base64 blobs, URLs run together). */
#define MAX_WORD 128
/* Stems of one query word kept to drop repeats (more are still searched). */
#define MAX_QUERY_STEMS 32
#define LANG_MARK '\x1F'
/* A query word that cannot be indexed: control bytes never come out of a fold. */
#define NO_MATCH "\x01"
#define VG_STR_(x) #x
#define VG_STR(x) VG_STR_(x)

/* One tokenizer instance per FTS table per connection: a stemmer per
 * language code, created on first use and reused (libstemmer contexts are
 * not shareable). Only codes Snowball knows get one, so the table is bounded
 * by libstemmer's own list of names and codes and never fills: what is
 * stemmed does not depend on how many languages came first. */
typedef struct stem_slot {
    char lang[16];  /* the code as vg_stem_code gives it */
    vg_stemmer *st;
} stem_slot;

typedef struct vtok {
    vg_db *db;
    stem_slot *slots;
    size_t n_slots, cap;
} vtok;

static int tok_create(void *ctx, const char **args, int n_args, Fts5Tokenizer **out)
{
    (void)args;
    (void)n_args;
    vtok *t = vg_calloc(1, sizeof *t);
    if (!t) return SQLITE_NOMEM;
    t->db = ctx;
    *out = (Fts5Tokenizer *)t;
    return SQLITE_OK;
}

static void tok_delete(Fts5Tokenizer *p)
{
    vtok *t = (vtok *)p;
    for (size_t i = 0; i < t->n_slots; i++) vg_stemmer_free(t->slots[i].st);
    free(t->slots);
    free(t);
}

/* NULL when Snowball has no stemmer for the language (nothing is kept for
 * it: asking again costs a look-up in libstemmer's list) or no memory. */
static vg_stemmer *stemmer_for(vtok *t, const char *lang, size_t n)
{
    char code[16];
    if (!vg_stem_code(lang, n, code, sizeof code)) return NULL;
    for (size_t i = 0; i < t->n_slots; i++)
        if (!strcmp(t->slots[i].lang, code)) return t->slots[i].st;
    vg_stemmer *st = vg_stemmer_new(code, strlen(code));
    if (!st) return NULL;
    if (vg_grow(&t->slots, &t->cap, t->n_slots + 1, sizeof *t->slots)) {
        vg_stemmer_free(st);
        return NULL;
    }
    stem_slot *s = &t->slots[t->n_slots++];
    memcpy(s->lang, code, sizeof code);
    s->st = st;
    return st;
}

typedef int (*token_fn)(void *, int, const char *, int, int, int);

/* Query side: the query's language is unknown, so each word becomes its
 * folded form plus its stem in every language stored, as colocated
 * synonyms (FTS5 ORs them). Prefix queries ("frap*") use the folded form only,
 * which is a prefix of the indexed stems as well. */
static int emit_query(vtok *t, void *ctx, token_fn cb, int prefix, const char *f, size_t fl, int s, int e)
{
    char seen[MAX_QUERY_STEMS][MAX_WORD];
    size_t seen_len[MAX_QUERY_STEMS];
    int n_seen = 0;
    int rc = cb(ctx, 0, f, (int)fl, s, e);
    if (rc != SQLITE_OK || prefix) return rc;
    memcpy(seen[0], f, fl);
    seen_len[n_seen++] = fl;
    const char *langs = t->db ? t->db->query_langs : NULL;
    while (langs && *langs) {
        const char *comma = strchr(langs, ',');
        size_t ll = comma ? (size_t)(comma - langs) : strlen(langs);
        vg_stemmer *st = stemmer_for(t, langs, ll);
        langs += ll + (comma ? 1 : 0);
        if (!st) continue;
        size_t sl;
        const char *stem = vg_stem(st, f, fl, &sl);
        if (!stem || sl == 0 || sl >= MAX_WORD) continue;
        int dup = 0;
        for (int i = 0; i < n_seen; i++)
            if (seen_len[i] == sl && !memcmp(seen[i], stem, sl)) dup = 1;
        if (dup) continue;
        if (n_seen < MAX_QUERY_STEMS) { memcpy(seen[n_seen], stem, sl); seen_len[n_seen++] = sl; }
        if ((rc = cb(ctx, FTS5_TOKEN_COLOCATED, stem, (int)sl, s, e)) != SQLITE_OK) return rc;
    }
    return SQLITE_OK;
}

static int tok_tokenize(Fts5Tokenizer *p, void *ctx, int flags, const char *text, int n_text, token_fn cb)
{
    vtok *t = (vtok *)p;
    size_t n = n_text > 0 ? (size_t)n_text : 0;
    size_t skip = 0;
    vg_stemmer *st = NULL;
    /* "\x1F<lang>\x1F" from the articles_src view: the document's language. */
    if (n > 1 && text[0] == LANG_MARK) {
        const char *end = memchr(text + 1, LANG_MARK, n - 1 < 20 ? n - 1 : 20);
        if (end) {
            skip = (size_t)(end - text) + 1;
            if (!(flags & FTS5_TOKENIZE_AUX)) st = stemmer_for(t, text + 1, (size_t)(end - text) - 1);
        }
    }
    int query = (flags & FTS5_TOKENIZE_QUERY) != 0, prefix = (flags & FTS5_TOKENIZE_PREFIX) != 0;
    vg_tokens it;
    vg_tokens_init(&it, text + skip, n - skip);
    size_t a, b;
    char f[MAX_WORD];
    while (vg_tokens_next(&it, &a, &b)) {
        int s = (int)(a + skip), e = (int)(b + skip);
        size_t fl = b - a < MAX_WORD ? vg_token_fold(text + s, b - a, f, sizeof f) : 0;
        /* An unfoldable or overlong word still takes a position so that
         * snippets (which re-tokenize the text) stay aligned with the index.
         * In a query it can match nothing (such words are not indexed):
         * NO_MATCH is a token no text yields, where '_' matched every
         * article holding some other overlong word. */
        int rc;
        if (fl == 0 && query) {
            rc = cb(ctx, 0, NO_MATCH, (int)sizeof NO_MATCH - 1, s, e);
            if (rc != SQLITE_OK) return rc;
            continue;
        }
        if (fl == 0) { f[0] = '_'; fl = 1; }
        if (query) {
            rc = emit_query(t, ctx, cb, prefix, f, fl, s, e);
        } else if (st) {
            size_t sl;
            const char *stem = vg_stem(st, f, fl, &sl);
            rc = stem && sl ? cb(ctx, 0, stem, (int)sl, s, e) : cb(ctx, 0, f, (int)fl, s, e);
        } else {
            rc = cb(ctx, 0, f, (int)fl, s, e);
        }
        if (rc != SQLITE_OK) return rc;
    }
    return SQLITE_OK;
}

vg_status vg_search_register(vg_db *db)
{
    fts5_api *api = NULL;
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db->sql, "SELECT fts5(?1)", -1, &st, NULL);
    if (rc != SQLITE_OK) return vg_db_fail(db, rc, "SQLite has no FTS5");
    sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
    rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (!api) return vg_db_fail(db, rc == SQLITE_ROW ? SQLITE_ERROR : rc, "SQLite has no FTS5");
    static fts5_tokenizer tok = {tok_create, tok_delete, tok_tokenize};
    rc = api->xCreateTokenizer(api, "vigie", db, &tok, NULL);
    if (rc != SQLITE_OK) return vg_db_fail(db, rc, "registering the search tokenizer");
    return VG_OK;
}

/* Distinct languages stored, one index seek each (a skip-scan over
 * articles_lang: a million articles cost as little as ten); past this many
 * distinct values (junk "lang" fields) the rest are not looked at. */
#define MAX_STORED_LANGS 4096

/* Is code[0..n) one of the comma-separated items of list? */
static int has_lang(const char *list, const char *code, size_t n)
{
    for (const char *p = list; *p;) {
        const char *comma = strchr(p, ',');
        size_t l = comma ? (size_t)(comma - p) : strlen(p);
        if (l == n && !memcmp(p, code, n)) return 1;
        p += l + (comma ? 1 : 0);
    }
    return 0;
}

/* Languages stored that Snowball stems, for query-side stemming: "en,fr" etc. */
static vg_status load_langs(vg_db *db)
{
    vg_stmt *st = vg_db_stmt(db,
        "WITH RECURSIVE l(x) AS (SELECT min(lang) FROM articles"
        " UNION ALL SELECT (SELECT min(lang) FROM articles WHERE lang > l.x) FROM l WHERE l.x IS NOT NULL)"
        " SELECT x FROM l WHERE x IS NOT NULL LIMIT " VG_STR(MAX_STORED_LANGS));
    if (!st) return VG_ERR_DB;
    size_t k = 0;
    int rc;
    db->query_langs[0] = 0;
    while ((rc = vg_step(st)) == SQLITE_ROW) {
        const char *l = vg_column_text(st, 0);
        char code[16];
        if (!l || !vg_stem_code(l, strlen(l), code, sizeof code) || !vg_stem_known(code, strlen(code))) continue;
        size_t n = strlen(code);
        if (has_lang(db->query_langs, code, n)) continue; /* "en" and "en-GB" are one language */
        if (k + n + 2 > sizeof db->query_langs) break;
        if (k) db->query_langs[k++] = ',';
        memcpy(db->query_langs + k, code, n);
        k += n;
        db->query_langs[k] = 0;
    }
    vg_reset(st);
    if (rc != SQLITE_DONE) return vg_db_fail(db, rc, "reading languages");
    return VG_OK;
}

/* Plain words are quoted so that "al-Qaïda" or "l'armée" (not FTS5
 * barewords) search as phrases; quotes, operators, prefixes, parentheses and
 * column filters are passed through as FTS5 syntax. */
static void build_match(vg_buf *b, const char *q)
{
    const char *p = q;
    int in_quote = 0;
    while (*p) {
        while (*p == ' ' || *p == '\t' || *p == '\n') p++;
        if (!*p) break;
        const char *w = p;
        while (*p && (in_quote || (*p != ' ' && *p != '\t' && *p != '\n'))) {
            if (*p == '"') in_quote = !in_quote;
            p++;
        }
        size_t n = (size_t)(p - w);
        if (b->len) vg_buf_putc(b, ' ');
        int op = (n == 3 && (!memcmp(w, "AND", 3) || !memcmp(w, "NOT", 3))) ||
                 (n == 2 && !memcmp(w, "OR", 2)) || (n >= 4 && !memcmp(w, "NEAR", 4));
        int syntax = memchr(w, '"', n) || memchr(w, '(', n) || memchr(w, ')', n) ||
                     memchr(w, ':', n) || w[n - 1] == '*' || w[0] == '^' || w[0] == '+';
        if (op || syntax) vg_buf_append(b, w, n);
        else { vg_buf_putc(b, '"'); vg_buf_append(b, w, n); vg_buf_putc(b, '"'); }
    }
}

static const char search_sql[] =
    "SELECT a.id, a.ext_id AS doc, a.published, a.lang, a.outlet, a.title,"
    " snippet(articles_fts, 1, '[', ']', '…', 20) AS snippet,"
    " -bm25(articles_fts, 4.0, 1.0) AS score, a.url, a.story_id AS story"
    " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
    " WHERE articles_fts MATCH ?1"
    "   AND (?2 IS NULL OR a.lang = ?2)"
    "   AND (?3 IS NULL OR substr(a.published, 1, 10) >= ?3)"
    "   AND (?4 IS NULL OR substr(a.published, 1, 10) <= ?4)"
    " ORDER BY bm25(articles_fts, 4.0, 1.0) LIMIT ?5";
static const vg_col_type search_types[] = {VG_COL_INT, VG_COL_TEXT, VG_COL_TEXT, VG_COL_TEXT, VG_COL_TEXT,
                                           VG_COL_TEXT, VG_COL_TEXT, VG_COL_REAL, VG_COL_TEXT, VG_COL_INT};

/* The HTTP API's search (vg_db_search_page): the same hits under the stable
 * keys of api.c (the article's, its story's) and the keys of the hit's
 * events; the snippet stays column 6 (strip_marker). */
static const char search_page_sql[] =
    "SELECT " VG_ARTICLE_KEY("a") " AS article, a.ext_id AS doc, a.published, a.lang, a.outlet, a.title,"
    " snippet(articles_fts, 1, '[', ']', '…', 20) AS snippet,"
    " round(-bm25(articles_fts, 4.0, 1.0), 4) AS score, a.url, " VG_STORY_KEY("a.story_id") " AS story,"
    " (SELECT json_group_array(" VG_ARTICLE_KEY("a") " || '-' || (x.id - (SELECT min(id) FROM events"
    "   WHERE article_id = a.id))) FROM events x WHERE x.article_id = a.id) AS events"
    " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
    " WHERE articles_fts MATCH ?1"
    "   AND (?2 IS NULL OR a.lang = ?2)"
    "   AND (?3 IS NULL OR substr(a.published, 1, 10) >= ?3)"
    "   AND (?4 IS NULL OR substr(a.published, 1, 10) <= ?4)"
    " ORDER BY bm25(articles_fts, 4.0, 1.0) LIMIT ?5";
static const vg_col_type search_page_types[] = {VG_COL_TEXT, VG_COL_TEXT, VG_COL_TEXT, VG_COL_TEXT, VG_COL_TEXT,
                                                VG_COL_TEXT, VG_COL_TEXT, VG_COL_REAL, VG_COL_TEXT, VG_COL_TEXT,
                                                VG_COL_JSON};

/* Snippets come from the articles_src view: drop its language marker. */
static int strip_marker(const vg_row *row, vg_row_cb cb, void *ud, vg_buf *tmp)
{
    const char *v = row->values[6];
    const char *m = v ? strchr(v, LANG_MARK) : NULL;
    if (!m) return cb(row, ud);
    vg_buf_clear(tmp);
    while (m) {
        vg_buf_append(tmp, v, (size_t)(m - v));
        const char *e = strchr(m + 1, LANG_MARK);
        v = e ? e + 1 : m + 1;
        m = strchr(v, LANG_MARK);
    }
    vg_buf_puts(tmp, v);
    const char *vals[16];
    size_t n = row->n < 16 ? row->n : 16;
    memcpy(vals, row->values, n * sizeof *vals);
    vals[6] = tmp->data;
    vg_row r2 = {n, row->names, vals, row->types};
    return cb(&r2, ud);
}

typedef struct strip_ctx { vg_row_cb cb; void *ud; vg_buf tmp; } strip_ctx;
static int strip_cb(const vg_row *row, void *ud)
{
    strip_ctx *c = ud;
    return strip_marker(row, c->cb, c->ud, &c->tmp);
}

/* FTS5's message, said as the query's fault: "fts5: syntax error near \"\"" is
 * a query that ends where a word was wanted (after AND, OR, NOT or "("). */
static vg_status syntax_error(vg_db *db)
{
    const char *m = sqlite3_errmsg(db->sql);
    if (!strncmp(m, "fts5: ", 6)) m += 6;
    if (!strcmp(m, "syntax error near \"\""))
        snprintf(db->err, sizeof db->err, "query syntax: it ends where a word was wanted (after AND, OR, NOT or '(')");
    else
        snprintf(db->err, sizeof db->err, "query syntax: %.900s", m);
    return VG_ERR_ARG;
}

static vg_status run_search(vg_db *db, const char *sql, const vg_col_type *types, const vg_query *q,
                            const char *match, size_t len, vg_row_cb cb, void *ud)
{
    vg_stmt *st = vg_db_stmt(db, sql);
    if (!st) return VG_ERR_DB;
    vg_bind_text(st, 1, match, (int)len);
    if (q->lang) vg_bind_text(st, 2, q->lang, -1);
    if (q->since) vg_bind_text(st, 3, q->since, -1);
    if (q->until) vg_bind_text(st, 4, q->until, -1);
    vg_bind_int64(st, 5, q->limit > 0 ? q->limit : -1);
    strip_ctx c = {cb, ud, VG_BUF_INIT};
    int rc;
    while ((rc = vg_step(st)) == SQLITE_ROW)
        if (vg_db_emit_row(db, st, types, strip_cb, &c)) break;
    vg_reset(st);
    vg_buf_free(&c.tmp);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        /* A plain SQLITE_ERROR here is FTS5 refusing the query's syntax:
         * the caller's mistake, not the database's (unless the budget
         * interrupted FTS5, which may pass that on as an error of its own). */
        if (rc == SQLITE_ERROR && !vg_query_exceeded(db)) return syntax_error(db);
        return vg_db_fail(db, rc, "searching");
    }
    return VG_OK;
}

vg_status vg_search_check_text(vg_db *db, const char *text)
{
    if (!text || !*text) {
        snprintf(db->err, sizeof db->err, "empty query: no words to search for");
        return VG_ERR_ARG;
    }
    size_t qlen = strlen(text);
    if (qlen > VG_QUERY_MAX_BYTES) {
        snprintf(db->err, sizeof db->err, "query too long: %zu bytes, at most %d", qlen, VG_QUERY_MAX_BYTES);
        return VG_ERR_TOO_LARGE;
    }
    return VG_OK;
}

vg_status vg_search_match(vg_db *db, const char *text, vg_buf *match)
{
    vg_status s = vg_search_check_text(db, text);
    if (s != VG_OK) return s;
    vg_buf_clear(match);
    build_match(match, text);
    if (match->failed) return VG_ERR_NOMEM;
    if (!match->len) {
        snprintf(db->err, sizeof db->err, "empty query: no words to search for");
        return VG_ERR_ARG;
    }
    return load_langs(db);
}

vg_status vg_search_syntax_error(vg_db *db) { return syntax_error(db); }

static vg_status search_with(vg_db *db, const char *sql, const vg_col_type *types, const vg_query *q, vg_row_cb cb,
                             void *ud)
{
    if (!db || !q || !cb) return VG_ERR_ARG;
    vg_buf match = VG_BUF_INIT;
    vg_status s = vg_query_start(db, q);
    if (s != VG_OK) return s;
    s = vg_search_match(db, q->text, &match);
    if (s == VG_OK) s = run_search(db, sql, types, q, match.data, match.len, cb, ud);
    vg_buf_free(&match);
    return vg_query_end(db, s);
}

vg_status vg_db_search(vg_db *db, const vg_query *q, vg_row_cb cb, void *ud)
{
    if (db && q && cb && db->pg) return vg_pg_search(db, q, cb, ud);
    return search_with(db, search_sql, search_types, q, cb, ud);
}

vg_status vg_db_search_page(vg_db *db, const vg_query *q, vg_row_cb cb, void *ud)
{
    if (db && q && cb && db->pg) return vg_pg_search_page(db, q, cb, ud);
    return search_with(db, search_page_sql, search_page_types, q, cb, ud);
}
