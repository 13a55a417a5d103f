/* lexicon.c - phrase tables: hash of the first token (exact or prefix), then token-by-token comparison. */
#include "lexicon.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/alloc.h"
#include "../core/arena.h"
#include "../core/hash.h"
#include "../core/tsv.h"
#include "../core/utf8.h"
#include "../text/clitics.h"

#define PREFIX_SEED 0x9e3779b97f4a7c15ull
#define PREFIX_FILTER_BITS 4096
/* Bits of the first-word filter per bucket (buckets are at least twice the rows): 16 a row
 * and two bits a word leave about 1.4% of the words that start no phrase passing. */
#define FIRST_FILTER_BITS 8

struct vg_lexicon {
    vg_arena *arena;
    /* A phrase is tokenized here, and only its folded words are copied into arena: the token
     * array vg_tokenize makes for a phrase (room for a token every few bytes) was most of what
     * loading the tables wrote, 2,600 of the 3,800 pages `vigie analyze` faulted in at start. */
    vg_arena *scratch;
    vg_lex_entry *e;
    size_t n, cap;
    uint32_t *buckets; /* index + 1 */
    size_t nb;         /* power of two */
    uint64_t *first_filter; /* FIRST_FILTER_BITS bits a bucket (first_may_match) */
    uint64_t *prefix_buckets; /* a bit a bucket: it holds a one-word prefix row (try_word) */
    uint32_t max_prefix;
    /* Which words a one-word prefix row ("tu*") may start: a bit for the first
     * prefix_key bytes of every such row (the shortest row's length, at most
     * 4). A word whose bit is clear is the prefix of no row: its prefixes need
     * not be looked up at all. */
    uint32_t prefix_key, prefix_rows;
    uint64_t prefix_filter[PREFIX_FILTER_BITS / 64];
    const vg_clitics *clitics; /* not owned */
};

vg_lexicon *vg_lex_new(void)
{
    vg_lexicon *l = vg_calloc(1, sizeof *l);
    if (!l) return NULL;
    l->arena = vg_arena_new(1 << 16);
    l->nb = 256;
    l->buckets = vg_calloc(l->nb, sizeof *l->buckets);
    l->first_filter = vg_calloc(l->nb * FIRST_FILTER_BITS / 64, sizeof *l->first_filter);
    l->prefix_buckets = vg_calloc(l->nb / 64, sizeof *l->prefix_buckets);
    if (!l->arena || !l->buckets || !l->first_filter || !l->prefix_buckets) { vg_lex_free(l); return NULL; }
    return l;
}

void vg_lex_free(vg_lexicon *l)
{
    if (!l) return;
    vg_arena_free(l->arena);
    vg_arena_free(l->scratch);
    free(l->e);
    free(l->buckets);
    free(l->first_filter);
    free(l->prefix_buckets);
    free(l);
}

size_t vg_lex_size(const vg_lexicon *l) { return l ? l->n : 0; }

void vg_lex_set_clitics(vg_lexicon *l, const vg_clitics *c)
{
    if (l) l->clitics = c;
}

static uint64_t key_hash(const char *s, size_t n, int prefix)
{
    return vg_hash64(s, n, prefix ? PREFIX_SEED : 0);
}

/* The filter bit of a word's (or a row's) first l->prefix_key bytes. */
static size_t prefix_bit(const vg_lexicon *l, const char *s)
{
    uint32_t v = 0;
    memcpy(&v, s, l->prefix_key);
    return (size_t)((v * 2654435761u) >> 20) % PREFIX_FILTER_BITS;
}

/* Could a one-word prefix row match a word starting with first[0..fn)? */
static int prefix_may_match(const vg_lexicon *l, const char *first, size_t fn)
{
    if (!l->max_prefix || fn < l->prefix_key) return 0;
    size_t b = prefix_bit(l, first);
    return (l->prefix_filter[b / 64] >> (b % 64)) & 1;
}

static void set_prefix_bit(vg_lexicon *l, const char *row)
{
    size_t b = prefix_bit(l, row);
    l->prefix_filter[b / 64] |= 1ull << (b % 64);
}

/* A new one-word prefix row of len bytes: its bit; the first row, or one
 * shorter than the filter's key, sets the key and every row's bit again. */
static void filter_prefix_row(vg_lexicon *l, const char *row, uint32_t len)
{
    if (!l->prefix_rows++ || len < l->prefix_key) {
        l->prefix_key = len < 4 ? len : 4;
        memset(l->prefix_filter, 0, sizeof l->prefix_filter);
        for (size_t i = 0; i < l->n; i++)
            if (l->e[i].prefix_last && l->e[i].ntok == 1) set_prefix_bit(l, l->e[i].toks[0]);
    }
    set_prefix_bit(l, row);
}

/* The first-word filter: two bits per row, from the high bits of its first word's hash
 * (the bucket takes the low ones), for every row but the one-word prefix rows ("tu*", which
 * prefix_may_match answers for). A word whose bits are not both set starts no such row. Most
 * words a text is read for start no phrase of a table and their bucket is often not empty
 * (it holds other words): 600,000 of the 713,000 chain walks of the English dev texts x4
 * matched no row; the filter ends most of them before the walk (callgrind: 74,000 of
 * 4.62M instructions a document, 94,000 of 5.18M in Arabic). */
static size_t first_bit(const vg_lexicon *l, uint64_t h, int which)
{
    return (size_t)(h >> (which ? 40 : 20)) & (l->nb * FIRST_FILTER_BITS - 1);
}

static void filter_first(vg_lexicon *l, uint64_t h)
{
    for (int w = 0; w < 2; w++) {
        size_t b = first_bit(l, h, w);
        l->first_filter[b / 64] |= 1ull << (b % 64);
    }
}

/* May a row that is not a one-word prefix row start with the word of hash h (vg_hash64 seed 0)? */
static int first_may_match(const vg_lexicon *l, uint64_t h)
{
    size_t a = first_bit(l, h, 0), b = first_bit(l, h, 1);
    return ((l->first_filter[a / 64] >> (a % 64)) & 1) && ((l->first_filter[b / 64] >> (b % 64)) & 1);
}

static void link_entry(vg_lexicon *l, uint32_t idx)
{
    vg_lex_entry *e = &l->e[idx];
    if (e->is_dup) return;
    int prefix = e->prefix_last && e->ntok == 1;
    uint64_t key = key_hash(e->toks[0], e->tok_len[0], prefix);
    if (!prefix) filter_first(l, key);
    uint64_t h = key & (l->nb - 1);
    if (prefix) l->prefix_buckets[h / 64] |= 1ull << (h % 64);
    e->next = l->buckets[h];
    l->buckets[h] = idx + 1;
}

static int rehash(vg_lexicon *l)
{
    size_t nb = l->nb * 2;
    uint32_t *b = vg_calloc(nb, sizeof *b);
    uint64_t *f = vg_calloc(nb * FIRST_FILTER_BITS / 64, sizeof *f);
    uint64_t *pb = vg_calloc(nb / 64, sizeof *pb);
    if (!b || !f || !pb) { free(b); free(f); free(pb); return -1; }
    free(l->buckets);
    free(l->first_filter);
    free(l->prefix_buckets);
    l->buckets = b;
    l->first_filter = f;
    l->prefix_buckets = pb;
    l->nb = nb;
    for (size_t i = 0; i < l->n; i++) link_entry(l, (uint32_t)i);
    return 0;
}

vg_status vg_lex_add(vg_lexicon *l, const char *phrase, size_t n, const char *const *cols, size_t ncols)
{
    vg_tok *t;
    size_t nt;
    if (vg_utf8_valid_prefix(phrase, n) != n) return VG_ERR_ENCODING;
    if (!l->scratch && !(l->scratch = vg_arena_new(1 << 13))) return VG_ERR_NOMEM;
    vg_arena_reset(l->scratch);
    vg_status st = vg_tokenize(l->scratch, phrase, n, &t, &nt);
    if (st != VG_OK) return st;
    const char *toks[VG_LEX_MAX_TOKS];
    uint32_t lens[VG_LEX_MAX_TOKS];
    size_t k = 0;
    uint32_t prefix = 0;
    for (size_t i = 0; i < nt; i++) {
        if (t[i].flen == 1 && t[i].fold[0] == '*' && k > 0 && !t[i].space_before && i + 1 == nt) { prefix = 1; break; }
        if (k == VG_LEX_MAX_TOKS) return VG_ERR_FORMAT;
        lens[k] = t[i].flen;
        if (!(toks[k++] = vg_arena_strndup(l->arena, t[i].fold, t[i].flen))) return VG_ERR_NOMEM;
    }
    if (k == 0) return VG_OK;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        vg_lex_entry *e = vg_realloc(l->e, cap * sizeof *e);
        if (!e) return VG_ERR_NOMEM;
        l->e = e;
        l->cap = cap;
    }
    vg_lex_entry *e = &l->e[l->n];
    memset(e, 0, sizeof *e);
    e->ntok = (uint32_t)k;
    e->toks = vg_arena_alloc(l->arena, k * sizeof *e->toks);
    uint32_t *tok_len = vg_arena_alloc(l->arena, k * sizeof *tok_len);
    if (!e->toks || !tok_len) return VG_ERR_NOMEM;
    memcpy(e->toks, toks, k * sizeof *toks);
    memcpy(tok_len, lens, k * sizeof *lens);
    e->tok_len = tok_len;
    e->prefix_last = prefix;
    if (ncols > VG_LEX_MAX_COLS) ncols = VG_LEX_MAX_COLS;
    for (size_t c = 0; c < VG_LEX_MAX_COLS; c++) {
        e->cols[c] = c < ncols ? vg_arena_strdup(l->arena, cols[c]) : "";
        if (!e->cols[c]) return VG_ERR_NOMEM;
    }
    e->ncols = (uint32_t)ncols;
    e->cls = -1;
    if (prefix && k == 1 && lens[0] > l->max_prefix) l->max_prefix = lens[0];
    if (prefix && k == 1) filter_prefix_row(l, toks[0], lens[0]);
    /* The same phrase again: chain it to the first row instead of hiding it.
     * That row has the same key, so it is in this bucket (every row but the
     * repeats is), and it is the only one: later rows of the phrase are repeats. */
    uint64_t key = key_hash(toks[0], lens[0], prefix && k == 1);
    for (uint32_t j = l->buckets[key & (l->nb - 1)]; j; j = l->e[j - 1].next) {
        vg_lex_entry *o = &l->e[j - 1];
        if (o->is_dup || o->ntok != k || o->prefix_last != prefix) continue;
        size_t m = 0;
        while (m < k && !strcmp(o->toks[m], toks[m])) m++;
        if (m < k) continue;
        while (o->same) o = &l->e[o->same - 1];
        o->same = (uint32_t)l->n + 1;
        e->is_dup = 1;
        break;
    }
    l->n++;
    if (l->n * 2 > l->nb) { if (rehash(l) != 0) return VG_ERR_NOMEM; } /* links every entry */
    else link_entry(l, (uint32_t)(l->n - 1));
    return VG_OK;
}

/* The rows added since index `from` (none for an empty phrase) get class cls. */
static void set_class(vg_lexicon *l, size_t from, int cls)
{
    for (size_t i = from; i < l->n; i++) l->e[i].cls = cls;
}

vg_status vg_lex_add_suffixed(vg_lexicon *l, const char *suffix)
{
    size_t n = l->n, sl = strlen(suffix);
    for (size_t i = 0; i < n; i++) {
        const vg_lex_entry *e = &l->e[i];
        if (e->ntok != 1 || e->prefix_last || e->is_dup) continue;
        char w[256];
        size_t wl = e->tok_len[0];
        if (wl + sl >= sizeof w || (wl >= sl && !memcmp(e->toks[0] + wl - sl, suffix, sl))) continue; /* "syriens" */
        memcpy(w, e->toks[0], wl);
        memcpy(w + wl, suffix, sl + 1);
        vg_tok *t;
        size_t nt, len;
        if (!l->scratch && !(l->scratch = vg_arena_new(1 << 13))) return VG_ERR_NOMEM;
        vg_arena_reset(l->scratch);
        if (vg_tokenize(l->scratch, w, wl + sl, &t, &nt) != VG_OK || nt != 1) continue;
        if (vg_lex_match(l, t, 1, 0, &len)) continue;
        const char *cols[VG_LEX_MAX_COLS];
        for (size_t c = 0; c < VG_LEX_MAX_COLS; c++) cols[c] = l->e[i].cols[c];
        int cls = l->e[i].cls;
        size_t before = l->n;
        vg_status st = vg_lex_add(l, w, wl + sl, cols, l->e[i].ncols);
        if (st != VG_OK) return st;
        set_class(l, before, cls);
    }
    return VG_OK;
}

vg_status vg_lex_load(const char *path, vg_lexicon **lex, char *err, size_t errlen)
{
    return vg_lex_load_classes(path, lex, NULL, 0, err, errlen);
}

vg_status vg_lex_load_classes(const char *path, vg_lexicon **lex, const char *const *names, size_t n, char *err,
                              size_t errlen)
{
    vg_tsv t;
    if (vg_tsv_open(&t, path, 0, err, errlen) != VG_OK) return VG_ERR_IO;
    int created = 0;
    if (!*lex) { *lex = vg_lex_new(); created = 1; }
    if (!*lex) { vg_tsv_close(&t); return VG_ERR_NOMEM; }
    while (vg_tsv_next(&t) == 1) {
        int cls = names ? vg_tsv_enum(&t, 1, "class", names, n) : -1;
        if (names && cls < 0) break;
        const char *cols[VG_LEX_MAX_COLS];
        size_t nc = vg_tsv_nfields(&t) - 1;
        if (nc > VG_LEX_MAX_COLS) nc = VG_LEX_MAX_COLS; /* later columns are notes */
        for (size_t c = 0; c < nc; c++) cols[c] = vg_tsv_field(&t, c + 1);
        const char *phrase = vg_tsv_field(&t, 0);
        size_t before = (*lex)->n;
        vg_status st = vg_lex_add(*lex, phrase, strlen(phrase), cols, nc);
        if (st != VG_OK) { vg_tsv_fail(&t, st, "%s", vg_strerror(st)); break; }
        set_class(*lex, before, cls);
    }
    vg_status st = vg_tsv_close(&t);
    if (st != VG_OK && created) { vg_lex_free(*lex); *lex = NULL; }
    return st;
}

static int str_eq(const char *t, size_t tn, const char *s, size_t n, int prefix)
{
    if (prefix) return tn >= n && memcmp(t, s, n) == 0;
    return tn == n && memcmp(t, s, n) == 0;
}

/* Entries of bucket h matching at token i, its first word read as first[0..fn)
 * (the token's own folded form, or that form without a clitic). */
static void try_chain(const vg_lexicon *l, uint64_t h, const char *first, size_t fn, const vg_tok *toks, size_t end,
                      size_t i, const vg_lex_entry **best, size_t *best_len)
{
    for (uint32_t k = l->buckets[h & (l->nb - 1)]; k; k = l->e[k - 1].next) {
        const vg_lex_entry *e = &l->e[k - 1];
        if (e->ntok <= *best_len || i + e->ntok > end) continue;
        size_t j = 0;
        for (; j < e->ntok; j++) {
            int pre = e->prefix_last && j + 1 == e->ntok;
            if (j == 0 ? !str_eq(first, fn, e->toks[0], e->tok_len[0], pre)
                       : !str_eq(toks[i + j].fold, toks[i + j].flen, e->toks[j], e->tok_len[j], pre))
                break;
        }
        if (j == e->ntok) { *best = e; *best_len = e->ntok; }
    }
}

/* Every phrase whose first word is first[0..fn): exact, then as a prefix ("tu*"). */
static void try_word(const vg_lexicon *l, const char *first, size_t fn, uint64_t h, const vg_tok *toks, size_t end,
                     size_t i, const vg_lex_entry **best, size_t *best_len)
{
    /* No row can start with the word: neither a prefix row nor, by the filter, any other. */
    if (!prefix_may_match(l, first, fn) && !first_may_match(l, h)) return;
    try_chain(l, h, first, fn, toks, end, i, best, best_len);
    /* No prefix row can match: the prefixes' chains hold none that match, and
     * any other row they hold was met in the word's own chain already. Nor can one replace a
     * match already found (a prefix row is one word long): the prefixes stop at the first
     * match, and only the chains that hold a prefix row are walked (the other rows a chain
     * holds were met in the word's own chain). Every word that starts as a Russian cue's
     * prefix row does walked the chains of all its prefixes: 700,000 walks for 200 dev texts,
     * 5% of their instructions. */
    if (!prefix_may_match(l, first, fn) || *best_len) return;
    /* the word's prefixes, shortest first, hashed in one pass */
    size_t maxp = fn < l->max_prefix ? fn : l->max_prefix;
    uint64_t ph = vg_hash64_start(PREFIX_SEED);
    for (size_t p = 1; p <= maxp && !*best_len; p++) {
        ph = vg_hash64_add(ph, first + p - 1, 1);
        uint64_t hp = vg_hash64_end(ph), b = hp & (l->nb - 1);
        if ((l->prefix_buckets[b / 64] >> (b % 64)) & 1) try_chain(l, hp, first, fn, toks, end, i, best, best_len);
    }
}

const vg_lex_entry *vg_lex_find(const vg_lexicon *l, size_t col, const char *value)
{
    for (size_t i = 0; l && i < l->n; i++)
        if (col < l->e[i].ncols && !strcmp(l->e[i].cols[col], value)) return &l->e[i];
    return NULL;
}

const vg_lex_entry *vg_lex_next_same(const vg_lexicon *l, const vg_lex_entry *e)
{
    return e && e->same ? &l->e[e->same - 1] : NULL;
}

int vg_lex_match_class(const vg_lexicon *l, const vg_tok *toks, size_t end, size_t i, int cls, size_t *len)
{
    const vg_lex_entry *e = i < end ? vg_lex_match(l, toks, end, i, len) : NULL;
    for (; e; e = vg_lex_next_same(l, e))
        if (e->cls == cls) return 1;
    return 0;
}

int vg_lex_class_in(const vg_lexicon *l, const vg_tok *toks, size_t s0, size_t s1, int cls)
{
    size_t len;
    for (size_t i = s0; i < s1; i++)
        if (vg_lex_match_class(l, toks, s1, i, cls, &len)) return 1;
    return 0;
}

/* Most words start no phrase of a table: with no prefix row that could match and no bare forms
 * to try, an empty bucket or the first-word filter says so at once. */
static inline int starts_none(const vg_lexicon *l, const vg_tok *t)
{
    return !(l->clitics && t->n_bare) && (!l->buckets[t->hash & (l->nb - 1)] || !first_may_match(l, t->hash)) &&
           !prefix_may_match(l, t->fold, t->flen);
}

const vg_lex_entry *vg_lex_match(const vg_lexicon *l, const vg_tok *toks, size_t end, size_t i, size_t *len)
{
    const vg_lex_entry *best = NULL;
    size_t best_len = 0;
    if (!l || i >= end) return NULL;
    const vg_tok *t = &toks[i];
    int bare = l->clitics && t->n_bare;
    if (starts_none(l, t)) {
        if (len) *len = 0;
        return NULL;
    }
    try_word(l, t->fold, t->flen, t->hash, toks, end, i, &best, &best_len);
    /* The word without an attached prefix (vg_tok_clitic_forms): only a longer match replaces
     * the one as written. */
    for (size_t r = 0; bare && r < t->n_bare; r++) try_word(l, t->bare[r], t->bare_len[r], t->bare_hash[r], toks, end, i, &best, &best_len);
    if (len) *len = best_len;
    return best;
}

_Static_assert(VG_LEX_MAX_TOKS < (1 << VG_LEX_MEMO_LEN_BITS), "a match's length fits its slot");

void vg_lex_memo_init(vg_lex_memo *m, const vg_lexicon *lex, const vg_tok *toks, size_t nt, vg_arena *arena,
                      int remember)
{
    memset(m, 0, sizeof *m);
    m->lex = lex;
    m->rows = lex ? lex->e : NULL;
    m->toks = toks;
    m->nt = nt;
    if (remember && lex && nt && lex->n < (UINT32_MAX >> VG_LEX_MEMO_LEN_BITS))
        m->at = vg_arena_calloc(arena, nt, sizeof *m->at); /* NULL: no memo, look-ups still answered */
}

const vg_lex_entry *vg_lex_memo_fill(vg_lex_memo *m, const vg_tok *toks, size_t end, size_t i, size_t *len)
{
    const vg_lexicon *l = m->lex;
    if (!m->at || toks != m->toks || i >= end || end > m->nt) return vg_lex_match(l, toks, end, i, len);
    if (m->at[i] == VG_LEX_MEMO_UNKNOWN) {
        size_t n = 0;
        /* (the early answer of vg_lex_match, without its call: most fills are of words that start nothing) */
        const vg_lex_entry *e = starts_none(l, &toks[i]) ? NULL : vg_lex_match(l, toks, m->nt, i, &n);
        m->at[i] = e ? (uint32_t)((size_t)(e - l->e) + 1) << VG_LEX_MEMO_LEN_BITS | (uint32_t)n : VG_LEX_MEMO_NONE;
        if (!e || i + n <= end) {
            if (len) *len = n;
            return e;
        }
    }
    return vg_lex_match(l, toks, end, i, len); /* the longest match crosses end: the longest within it */
}

int vg_lex_memo_match_class(vg_lex_memo *m, size_t end, size_t i, int cls, size_t *len)
{
    const vg_lex_entry *e = i < end ? vg_lex_memo_match(m, m->toks, end, i, len) : NULL;
    for (; e; e = vg_lex_next_same(m->lex, e))
        if (e->cls == cls) return 1;
    return 0;
}

int vg_lex_memo_class_in(vg_lex_memo *m, size_t s0, size_t s1, int cls)
{
    size_t len;
    for (size_t i = s0; i < s1; i++)
        if (vg_lex_memo_match_class(m, s1, i, cls, &len)) return 1;
    return 0;
}
