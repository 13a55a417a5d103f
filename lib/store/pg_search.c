/* pg_search.c - search on PostgreSQL: a tsvector per article made of
 * vigie's own tokens (folded, stemmed in the article's language: what the
 * SQLite tokenizer of search.c indexes), and the FTS5 query language of
 * `vigie search` translated to a tsquery over the same tokens, so both
 * stores find the same documents. Both texts are cast by the server
 * (::tsvector, ::tsquery), which takes lexemes as given: PostgreSQL's
 * own dictionaries never see them.
 *
 * What differs from SQLite: the order of hits (ts_rank, not bm25) and
 * their snippets (made here); positions past 16,383 words are PostgreSQL's
 * last (a phrase that far into a text is not found); NEAR groups and
 * column filters are refused. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/alloc.h"
#include "internal.h"
#include "pg.h"
#include "../text/stem.h"
#include "../text/tokens.h"

#define MAX_WORD 128          /* as search.c: longer words are not indexed */
#define MAX_POS 16383         /* PostgreSQL's highest position */
#define TITLE_GAP 8           /* positions between title and text: no phrase spans both */
#define MAX_VECTOR (900 * 1024) /* below PostgreSQL's 1 MB tsvector: later new words are left out */
#define MAX_LANGS 32          /* stored languages whose stems a query word is searched with */
#define SNIPPET_TOKENS 20     /* as search.c's snippet(..., 20) */
#define NO_MATCH "'_'"        /* a lexeme no vector holds (unfoldable words take a position only) */

struct vg_pg_stems {
    struct { char code[16]; vg_stemmer *st; } slot[MAX_LANGS];
    size_t n;
};

static vg_stemmer *stemmer_for(vg_db *db, const char *lang, size_t n)
{
    char code[16];
    if (!lang || !vg_stem_code(lang, n, code, sizeof code)) return NULL;
    if (!db->pg_stems && !(db->pg_stems = vg_calloc(1, sizeof *db->pg_stems))) return NULL;
    struct vg_pg_stems *s = db->pg_stems;
    for (size_t i = 0; i < s->n; i++)
        if (!strcmp(s->slot[i].code, code)) return s->slot[i].st;
    if (s->n == MAX_LANGS || !vg_stem_known(code, strlen(code))) return NULL;
    vg_stemmer *st = vg_stemmer_new(code, strlen(code));
    if (!st) return NULL;
    memcpy(s->slot[s->n].code, code, sizeof code);
    s->slot[s->n++].st = st;
    return st;
}

void vg_pg_search_free(vg_db *db)
{
    if (!db->pg_stems) return;
    for (size_t i = 0; i < db->pg_stems->n; i++) vg_stemmer_free(db->pg_stems->slot[i].st);
    free(db->pg_stems);
    db->pg_stems = NULL;
}

/* A lexeme in tsvector / tsquery syntax: quoted, ' and \ doubled. */
static void put_lexeme(vg_buf *b, const char *w, size_t n)
{
    vg_buf_putc(b, '\'');
    for (size_t i = 0; i < n; i++) {
        if (w[i] == '\'' || w[i] == '\\') vg_buf_putc(b, w[i]);
        vg_buf_putc(b, w[i]);
    }
    vg_buf_putc(b, '\'');
}

/* The indexed form of a word, as search.c's tokenizer gives it: its stem
 * when the language has a stemmer, else its folded form. 0: not indexed. */
static size_t index_form(vg_stemmer *st, const char *w, size_t n, char f[MAX_WORD], const char **out)
{
    size_t fl = n < MAX_WORD ? vg_token_fold(w, n, f, MAX_WORD) : 0;
    *out = f;
    if (!fl || !st) return fl;
    size_t sl;
    const char *stem = vg_stem(st, f, fl, &sl);
    if (stem && sl) { *out = stem; return sl; }
    return fl;
}

static void add_field(vg_buf *b, vg_stemmer *st, const char *s, size_t n, const char *weight, int *pos)
{
    vg_tokens it;
    vg_tokens_init(&it, s, n);
    size_t a, e;
    char f[MAX_WORD];
    while (vg_tokens_next(&it, &a, &e)) {
        const char *w;
        size_t wl = index_form(st, s + a, e - a, f, &w);
        int p = *pos < MAX_POS ? *pos : MAX_POS;
        (*pos)++;
        if (!wl || b->len > MAX_VECTOR) continue;
        if (b->len) vg_buf_putc(b, ' ');
        put_lexeme(b, w, wl);
        vg_buf_printf(b, ":%d%s", p, weight);
    }
}

void vg_pg_search_vector(vg_db *db, vg_buf *b, const vg_doc *doc)
{
    const char *lang = doc->fields[VG_F_LANG];
    vg_stemmer *st = lang ? stemmer_for(db, lang, strlen(lang)) : NULL;
    int pos = 1;
    const char *title = doc->fields[VG_F_TITLE];
    if (title) add_field(b, st, title, strlen(title), "A", &pos);
    pos += TITLE_GAP;
    add_field(b, st, doc->fields[VG_F_TEXT], doc->text_len, "", &pos);
    if (!b->data) vg_buf_puts(b, ""); /* an empty vector is '' */
}

/* ---------------------------------------------------------------- the query */

/* Languages stored that Snowball stems (query words are searched in each). */
typedef struct qctx {
    vg_db *db;
    vg_stemmer *langs[MAX_LANGS];
    size_t n_langs;
    const char *p;      /* the query text, read left to right */
    vg_buf *out;
    char err[200];
    /* what the snippet marks: each query word's forms (folded, stems) */
    vg_buf forms;       /* NUL-separated */
    int depth;
} qctx;

enum { T_END, T_LP, T_RP, T_AND, T_OR, T_NOT, T_WORD, T_PHRASE };

typedef struct qtok { int kind; const char *s; size_t n; int prefix, open; } qtok;

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

static qtok lex(qctx *c)
{
    while (is_space(*c->p)) c->p++;
    qtok t = {T_END, c->p, 0, 0, 0};
    const char *p = c->p;
    if (!*p) return t;
    if (*p == '(') { c->p++; t.kind = T_LP; return t; }
    if (*p == ')') { c->p++; t.kind = T_RP; return t; }
    if (*p == '"') {
        const char *q = ++p;
        while (*q && *q != '"') q++; /* FTS5's "" inside a phrase: two phrases here, the words the same */
        t.kind = T_PHRASE;
        t.s = p;
        t.n = (size_t)(q - p);
        t.open = !*q; /* no closing quote: FTS5 refuses it */
        c->p = *q ? q + 1 : q;
        if (*c->p == '*') { t.prefix = 1; c->p++; }
        return t;
    }
    const char *q = p;
    while (*q && !is_space(*q) && *q != '(' && *q != ')' && *q != '"') q++;
    t.s = p;
    t.n = (size_t)(q - p);
    c->p = q;
    if (t.n == 3 && !memcmp(p, "AND", 3)) t.kind = T_AND;
    else if (t.n == 2 && !memcmp(p, "OR", 2)) t.kind = T_OR;
    else if (t.n == 3 && !memcmp(p, "NOT", 3)) t.kind = T_NOT;
    else {
        t.kind = T_WORD;
        if (t.n > 1 && p[t.n - 1] == '*') { t.prefix = 1; t.n--; }
    }
    return t;
}

static qtok peek(qctx *c)
{
    const char *keep = c->p;
    qtok t = lex(c);
    c->p = keep;
    return t;
}

static void remember(qctx *c, const char *w, size_t n)
{
    vg_buf_append(&c->forms, w, n);
    vg_buf_putc(&c->forms, 0);
}

/* One word or phrase: its tokens in sequence (<->), each token its folded
 * form or any stored language's stem, the last one a prefix when asked. */
static int words(qctx *c, const qtok *t)
{
    if (t->open) { /* FTS5's own words for it */
        snprintf(c->err, sizeof c->err, "query syntax: unterminated string");
        return -1;
    }
    for (size_t i = 0; i < t->n; i++)
        if (t->s[i] == ':' || t->s[i] == '^' || (t->kind == T_WORD && t->s[i] == '*')) {
            snprintf(c->err, sizeof c->err, "query syntax: column filters, ^ and inner * are not supported on PostgreSQL");
            return -1;
        }
    if (t->kind == T_WORD && t->n >= 4 && !memcmp(t->s, "NEAR", 4)) {
        snprintf(c->err, sizeof c->err, "query syntax: NEAR groups are not supported on PostgreSQL");
        return -1;
    }
    vg_tokens it;
    vg_tokens_init(&it, t->s, t->n);
    size_t a, e, k = 0;
    /* the tokens first, to know which is the last */
    size_t starts[256], ends[256];
    while (vg_tokens_next(&it, &a, &e) && k < 256) { starts[k] = a; ends[k] = e; k++; }
    vg_buf *b = c->out;
    vg_buf_putc(b, '(');
    if (!k) vg_buf_puts(b, NO_MATCH);
    for (size_t i = 0; i < k; i++) {
        if (i) vg_buf_puts(b, " <-> ");
        char f[MAX_WORD];
        size_t n = ends[i] - starts[i];
        size_t fl = n < MAX_WORD ? vg_token_fold(t->s + starts[i], n, f, sizeof f) : 0;
        if (!fl) { vg_buf_puts(b, NO_MATCH); continue; }
        if (t->prefix && i + 1 == k) { /* as FTS5: the folded form, as a prefix of the indexed stems */
            put_lexeme(b, f, fl);
            vg_buf_puts(b, ":*");
            vg_buf_append(&c->forms, f, fl); /* "frap*": a prefix, for snippets (marked) */
            remember(c, "*", 1);
            continue;
        }
        vg_buf_putc(b, '(');
        put_lexeme(b, f, fl);
        remember(c, f, fl);
        for (size_t l = 0; l < c->n_langs; l++) {
            size_t sl;
            const char *stem = vg_stem(c->langs[l], f, fl, &sl);
            if (!stem || !sl || sl >= MAX_WORD || (sl == fl && !memcmp(stem, f, fl))) continue;
            vg_buf_puts(b, " | ");
            put_lexeme(b, stem, sl);
            remember(c, stem, sl);
        }
        vg_buf_putc(b, ')');
    }
    vg_buf_putc(b, ')');
    return 0;
}

static int parse_or(qctx *c);

static int primary(qctx *c)
{
    qtok t = lex(c);
    if (t.kind == T_LP) {
        if (++c->depth > 64) { snprintf(c->err, sizeof c->err, "query syntax: parentheses nested too deep"); return -1; }
        vg_buf_putc(c->out, '(');
        if (parse_or(c)) return -1;
        if (lex(c).kind != T_RP) { snprintf(c->err, sizeof c->err, "query syntax: a '(' is not closed"); return -1; }
        vg_buf_putc(c->out, ')');
        c->depth--;
        return 0;
    }
    if (t.kind == T_WORD || t.kind == T_PHRASE) return words(c, &t);
    if (t.kind == T_RP) snprintf(c->err, sizeof c->err, "query syntax: a ')' closes nothing");
    else snprintf(c->err, sizeof c->err, "query syntax: it ends where a word was wanted (after AND, OR, NOT or '(')");
    return -1;
}

static int parse_not(qctx *c)
{
    if (primary(c)) return -1;
    while (peek(c).kind == T_NOT) {
        lex(c);
        vg_buf_puts(c->out, " & !");
        if (primary(c)) return -1;
    }
    return 0;
}

static int parse_and(qctx *c)
{
    if (parse_not(c)) return -1;
    for (;;) {
        qtok t = peek(c);
        if (t.kind == T_AND) lex(c);
        else if (t.kind != T_WORD && t.kind != T_PHRASE && t.kind != T_LP) return 0;
        vg_buf_puts(c->out, " & ");
        if (parse_not(c)) return -1;
    }
}

static int parse_or(qctx *c)
{
    if (parse_and(c)) return -1;
    while (peek(c).kind == T_OR) {
        lex(c);
        vg_buf_puts(c->out, " | ");
        if (parse_and(c)) return -1;
    }
    return 0;
}

vg_status vg_pg_tsquery(const char *text, vg_stemmer *const *langs, size_t n_langs, vg_buf *out, vg_buf *forms,
                        char *err, size_t errlen)
{
    qctx c = {0};
    c.p = text;
    c.out = out;
    c.n_langs = n_langs > MAX_LANGS ? MAX_LANGS : n_langs;
    memcpy(c.langs, langs, c.n_langs * sizeof *langs);
    int rc = parse_or(&c);
    if (!rc && lex(&c).kind != T_END) {
        snprintf(c.err, sizeof c.err, "query syntax: a ')' closes nothing");
        rc = -1;
    }
    if (forms) *forms = c.forms;
    else vg_buf_free(&c.forms);
    if (rc) { snprintf(err, errlen, "%s", c.err); return VG_ERR_ARG; }
    return out->failed || (forms && forms->failed) ? VG_ERR_NOMEM : VG_OK;
}

/* ---------------------------------------------------------------- the search */

static vg_status stored_langs(vg_db *db, vg_stemmer **langs, size_t *n)
{
    *n = 0;
    vg_stmt *st = vg_db_stmt(db, "SELECT DISTINCT lang FROM articles WHERE lang IS NOT NULL ORDER BY lang LIMIT 4096");
    if (!st) return VG_ERR_DB;
    int rc;
    while ((rc = vg_step(st)) == SQLITE_ROW) {
        const char *l = vg_column_text(st, 0);
        vg_stemmer *s = l ? stemmer_for(db, l, strlen(l)) : NULL;
        int seen = 0;
        for (size_t i = 0; i < *n; i++) seen |= langs[i] == s;
        if (s && !seen && *n < MAX_LANGS) langs[(*n)++] = s;
    }
    vg_reset(st);
    if (rc != SQLITE_DONE) return vg_db_fail(db, rc, "reading languages");
    return VG_OK;
}

/* Is w[0..n) (a token of the text, indexed form f) one the query asked for:
 * a form it names, or one starting with a prefix it names ("frap*")? */
static int marked(const vg_buf *forms, const char *w, size_t n)
{
    for (size_t i = 0; i < forms->len;) {
        const char *f = forms->data + i;
        size_t l = strlen(f);
        if (l == n && !memcmp(f, w, n)) return 1;
        if (l > 1 && f[l - 1] == '*' && l - 1 <= n && !memcmp(f, w, l - 1)) return 1;
        i += l + 1;
    }
    return 0;
}

/* A token of the text the query asked for: its folded form or its stem. */
static int asked(vg_stemmer *st, const char *w, size_t n, const vg_buf *forms)
{
    char f[MAX_WORD];
    size_t fl = n < MAX_WORD ? vg_token_fold(w, n, f, sizeof f) : 0;
    if (!fl) return 0;
    if (marked(forms, f, fl)) return 1;
    size_t sl;
    const char *stem = st ? vg_stem(st, f, fl, &sl) : NULL;
    return stem && sl && marked(forms, stem, sl);
}

/* SNIPPET_TOKENS tokens of the text from a little before the first one the
 * query asked for, those marked [like this], … where text is left out. */
static void snippet(vg_db *db, vg_buf *b, const char *text, const char *lang, const vg_buf *forms)
{
    vg_stemmer *st = lang ? stemmer_for(db, lang, strlen(lang)) : NULL;
    size_t n = strlen(text), a, e, first = 0, k = 0;
    vg_tokens it;
    vg_tokens_init(&it, text, n);
    int found = 0;
    while (vg_tokens_next(&it, &a, &e)) {
        if (asked(st, text + a, e - a, forms)) { first = k; found = 1; break; }
        k++;
    }
    size_t start = found && first > 3 ? first - 3 : 0;
    vg_tokens_init(&it, text, n);
    k = 0;
    size_t last_end = 0, shown = 0;
    int open = 0;
    while (vg_tokens_next(&it, &a, &e)) {
        if (k++ < start) continue;
        if (shown == SNIPPET_TOKENS) { vg_buf_puts(b, "…"); return; }
        if (!shown) { if (start) vg_buf_puts(b, "…"); }
        else vg_buf_append(b, text + last_end, a - last_end);
        open = asked(st, text + a, e - a, forms);
        if (open) vg_buf_putc(b, '[');
        vg_buf_append(b, text + a, e - a);
        if (open) vg_buf_putc(b, ']');
        last_end = e;
        shown++;
    }
}

static const char search_pg_sql[] =
    "SELECT a.id, a.ext_id AS doc, a.published, a.lang, a.outlet, a.title, a.text AS snippet,"
    " ts_rank('{0.25, 0.25, 0.25, 1.0}', a.search, ?1::tsquery) AS score, a.url, a.story_id AS story"
    " FROM articles a WHERE a.search @@ ?1::tsquery"
    "   AND (?2::text IS NULL OR a.lang = ?2)"
    "   AND (?3::text IS NULL OR substr(a.published, 1, 10) >= ?3)"
    "   AND (?4::text IS NULL OR substr(a.published, 1, 10) <= ?4)"
    " ORDER BY score DESC, a.id LIMIT ?5::bigint";
static const vg_col_type search_types[] = {VG_COL_INT, VG_COL_TEXT, VG_COL_TEXT, VG_COL_TEXT, VG_COL_TEXT,
                                           VG_COL_TEXT, VG_COL_TEXT, VG_COL_REAL, VG_COL_TEXT, VG_COL_INT};
/* The HTTP API's search (search.c's search_page_sql): the same columns,
 * under the stable keys; the snippet stays column 6, the language 3. The
 * score is ts_rank's (rounded as SQLite's is), not bm25's. */
static const char search_page_pg_sql[] =
    "SELECT " VG_ARTICLE_KEY_PG("a") " AS article, a.ext_id AS doc, a.published, a.lang, a.outlet, a.title,"
    " a.text AS snippet, round(CAST(ts_rank('{0.25, 0.25, 0.25, 1.0}', a.search, ?1::tsquery) AS numeric), 4)"
    " AS score, a.url, " VG_STORY_KEY_PG("a.story_id") " AS story, " VG_EVENT_KEYS_PG("a") " AS events"
    " FROM articles a WHERE a.search @@ ?1::tsquery"
    "   AND (?2::text IS NULL OR a.lang = ?2)"
    "   AND (?3::text IS NULL OR substr(a.published, 1, 10) >= ?3)"
    "   AND (?4::text IS NULL OR substr(a.published, 1, 10) <= ?4)"
    " ORDER BY ts_rank('{0.25, 0.25, 0.25, 1.0}', a.search, ?1::tsquery) DESC, a.id LIMIT ?5::bigint";
static const vg_col_type search_page_types[] = {VG_COL_TEXT, VG_COL_TEXT, VG_COL_TEXT, VG_COL_TEXT,
                                                VG_COL_TEXT, VG_COL_TEXT, VG_COL_TEXT, VG_COL_REAL,
                                                VG_COL_TEXT, VG_COL_TEXT, VG_COL_JSON};

#define MAX_HIT_COLUMNS 16

/* Each hit as vg_db_emit_rows gives it, its snippet made here (column 6
 * holds the whole text). */
typedef struct snip_ctx { vg_db *db; const vg_buf *forms; vg_row_cb cb; void *ud; vg_buf snip; } snip_ctx;
static int snippet_cb(const vg_row *row, void *ud)
{
    snip_ctx *c = ud;
    const char *values[MAX_HIT_COLUMNS];
    size_t n = row->n < MAX_HIT_COLUMNS ? row->n : MAX_HIT_COLUMNS;
    memcpy(values, row->values, n * sizeof *values);
    vg_buf_clear(&c->snip);
    snippet(c->db, &c->snip, values[6] ? values[6] : "", values[3], c->forms);
    values[6] = c->snip.failed ? "" : c->snip.data ? c->snip.data : "";
    vg_row r = {n, row->names, values, row->types};
    return c->cb(&r, c->ud);
}

static vg_status run(vg_db *db, const char *sql, const vg_col_type *types, const vg_query *q, const char *tsq,
                     const vg_buf *forms, vg_row_cb cb, void *ud)
{
    vg_stmt *st = vg_db_stmt(db, sql);
    if (!st) return VG_ERR_DB;
    vg_bind_text(st, 1, tsq, -1);
    vg_bind_text(st, 2, q->lang, -1);
    vg_bind_text(st, 3, q->since, -1);
    vg_bind_text(st, 4, q->until, -1);
    vg_bind_int64(st, 5, q->limit > 0 ? q->limit : -1);
    snip_ctx c = {db, forms, cb, ud, VG_BUF_INIT};
    vg_status s = vg_db_emit_rows(db, st, types, snippet_cb, &c, "searching");
    vg_buf_free(&c.snip);
    return s;
}

vg_status vg_pg_search_query(vg_db *db, const char *text, vg_buf *out, vg_buf *forms)
{
    vg_status s = vg_search_check_text(db, text);
    if (s != VG_OK) return s;
    vg_stemmer *langs[MAX_LANGS];
    size_t n_langs = 0;
    vg_buf_clear(out);
    if ((s = stored_langs(db, langs, &n_langs)) != VG_OK) return s;
    char err[200];
    if (forms) vg_buf_free(forms); /* vg_pg_tsquery gives a new one */
    s = vg_pg_tsquery(text, langs, n_langs, out, forms, err, sizeof err);
    if (s == VG_ERR_ARG) snprintf(db->err, sizeof db->err, "%s", err);
    if (s == VG_OK && !out->len) {
        snprintf(db->err, sizeof db->err, "empty query: no words to search for");
        s = VG_ERR_ARG;
    }
    return s;
}

static vg_status search_with(vg_db *db, const char *sql, const vg_col_type *types, const vg_query *q,
                             vg_row_cb cb, void *ud)
{
    vg_status s = vg_search_check_text(db, q->text);
    if (s != VG_OK) return s;
    s = vg_query_start(db, q);
    if (s != VG_OK) return s;
    vg_buf tsq = VG_BUF_INIT, forms = VG_BUF_INIT;
    s = vg_pg_search_query(db, q->text, &tsq, &forms);
    if (s == VG_OK) s = run(db, sql, types, q, tsq.data, &forms, cb, ud);
    vg_buf_free(&tsq);
    vg_buf_free(&forms);
    return vg_query_end(db, s);
}

vg_status vg_pg_search(vg_db *db, const vg_query *q, vg_row_cb cb, void *ud)
{
    return search_with(db, search_pg_sql, search_types, q, cb, ud);
}

vg_status vg_pg_search_page(vg_db *db, const vg_query *q, vg_row_cb cb, void *ud)
{
    return search_with(db, search_page_pg_sql, search_page_types, q, cb, ud);
}
