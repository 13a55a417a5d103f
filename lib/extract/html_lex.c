/* html_lex.c - byte-scanning HTML tokenizer: tags, the attributes we read, decoded text, implied end tags. */
#include "html_lex.h"

#include <assert.h>
#include <libxml/HTMLparser.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../core/alloc.h"
#include "../core/utf8.h"

enum { NAME_MAX_LEN = 23 };

typedef struct lex {
    const char *s;
    size_t n, i;
    const vg_html_lex_cb *cb;
    void *ud;
    char stack[VG_HTML_LEX_DEPTH][NAME_MAX_LEN + 1];
    unsigned sflags[VG_HTML_LEX_DEPTH];
    int depth, head_at;     /* head_at: stack index of an open <head>, or -1 */
    char *abuf;              /* decoded attribute values */
    size_t alen, acap;
    size_t aoff[2 * VG_HTML_LEX_ATTRS];
    const char *atts[2 * VG_HTML_LEX_ATTRS + 1];
    int failed;
} lex;

static int is_space(unsigned char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }
static int is_alpha(unsigned char c) { return (unsigned char)((c | 32) - 'a') < 26; }
static int is_alnum(unsigned char c) { return is_alpha(c) || (unsigned char)(c - '0') < 10; }

enum {
    F_VOID = 1, F_RAW = 2, F_RCDATA = 4, F_PCLOSE = 8, F_HEAD = 16,
    F_LI = 32, F_DTDD = 64, F_CELL = 128, F_TR = 256, F_OPTION = 512, F_P = 1024,
    /* scopes: where the search for an open element to close stops */
    S_P = 1 << 12, S_LI = 1 << 13, S_DD = 1 << 14, S_CELL = 1 << 15, S_ROW = 1 << 16,
};

typedef struct tag_info {
    const char *name;
    unsigned flags;
} tag_info;

/* sorted by name for bsearch */
static const tag_info tags[] = {
    {"address", F_PCLOSE}, {"area", F_VOID}, {"article", F_PCLOSE}, {"aside", F_PCLOSE},
    {"base", F_VOID | F_HEAD}, {"basefont", F_VOID}, {"blockquote", F_PCLOSE},
    {"body", S_P | S_LI | S_DD | S_CELL | S_ROW}, {"br", F_VOID}, {"button", S_P},
    {"caption", S_P}, {"center", F_PCLOSE}, {"col", F_VOID}, {"dd", F_PCLOSE | F_DTDD},
    {"details", F_PCLOSE}, {"div", F_PCLOSE}, {"dl", F_PCLOSE | S_DD}, {"dt", F_PCLOSE | F_DTDD},
    {"embed", F_VOID}, {"fieldset", F_PCLOSE}, {"figcaption", F_PCLOSE}, {"figure", F_PCLOSE},
    {"footer", F_PCLOSE}, {"form", F_PCLOSE}, {"frame", F_VOID}, {"h1", F_PCLOSE}, {"h2", F_PCLOSE},
    {"h3", F_PCLOSE}, {"h4", F_PCLOSE}, {"h5", F_PCLOSE}, {"h6", F_PCLOSE}, {"header", F_PCLOSE},
    {"hgroup", F_PCLOSE}, {"hr", F_VOID | F_PCLOSE}, {"html", S_P | S_LI | S_DD | S_CELL | S_ROW},
    {"iframe", F_RAW}, {"img", F_VOID}, {"input", F_VOID}, {"keygen", F_VOID}, {"li", F_PCLOSE | F_LI},
    {"link", F_VOID | F_HEAD}, {"main", F_PCLOSE}, {"menu", F_PCLOSE | S_LI}, {"meta", F_VOID | F_HEAD},
    {"nav", F_PCLOSE}, {"noembed", F_RAW}, {"noframes", F_RAW}, {"noscript", F_RAW | F_HEAD},
    {"object", S_P}, {"ol", F_PCLOSE | S_LI}, {"option", F_OPTION}, {"p", F_PCLOSE | F_P},
    {"param", F_VOID}, {"pre", F_PCLOSE}, {"script", F_RAW | F_HEAD}, {"section", F_PCLOSE},
    {"source", F_VOID}, {"style", F_RAW | F_HEAD}, {"table", F_PCLOSE | S_P | S_LI | S_DD | S_CELL | S_ROW},
    {"tbody", S_ROW}, {"td", F_CELL | S_P | S_LI | S_DD}, {"template", F_HEAD | S_P},
    {"textarea", F_RAW | F_RCDATA}, {"tfoot", S_ROW}, {"th", F_CELL | S_P | S_LI | S_DD},
    {"thead", S_ROW}, {"title", F_RAW | F_RCDATA | F_HEAD}, {"tr", F_TR | S_CELL}, {"track", F_VOID},
    {"ul", F_PCLOSE | S_LI}, {"wbr", F_VOID}, {"xmp", F_RAW},
};

static int cmp_tag(const void *k, const void *e) { return strcmp(k, ((const tag_info *)e)->name); }

#ifndef NDEBUG
static int tags_sorted(void)
{
    for (size_t i = 1; i < sizeof tags / sizeof tags[0]; i++)
        if (strcmp(tags[i - 1].name, tags[i].name) >= 0) return 0;
    return 1;
}
#endif

static unsigned tag_flags(const char *name)
{
    const tag_info *t = bsearch(name, tags, sizeof tags / sizeof tags[0], sizeof tags[0], cmp_tag);
    return t ? t->flags : 0;
}

static int kept_attr(const char *a, size_t n)
{
    /* the attributes the extractor reads; the rest are skipped without copying */
    static const char *const kept[] = {"class", "id", "itemprop", "role", "style", "hidden", "property", "name",
                                       "content", "http-equiv", "rel", "href", "lang", "xml:lang", "datetime",
                                       "type", "charset", "aria-hidden", NULL};
    if (n < 2 || n > 11) return 0;
    for (const char *const *k = kept; *k; k++)
        if ((*k)[0] == a[0] && !strcmp(*k, a)) return 1;
    return 0;
}

/* ---- character references ---- */

static const unsigned short cp1252_hi[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

/* s[0..n) starts just after '&'. Writes the UTF-8 of the reference into out
 * (8 bytes room) and returns the bytes consumed, or 0 when it is not one. */
static size_t char_ref(const char *s, size_t n, char *out, size_t *out_len)
{
    size_t i = 0;
    int32_t cp = -1;
    if (n > 0 && s[0] == '#') {
        i = 1;
        int hex = i < n && (s[i] == 'x' || s[i] == 'X');
        if (hex) i++;
        size_t d0 = i;
        uint32_t v = 0;
        while (i < n && i - d0 < 8) {
            unsigned char c = (unsigned char)s[i];
            int dv = (unsigned char)(c - '0') < 10 ? c - '0' : hex && (unsigned char)((c | 32) - 'a') < 6 ? (c | 32) - 'a' + 10 : -1;
            if (dv < 0) break;
            v = v * (hex ? 16u : 10u) + (uint32_t)dv;
            i++;
        }
        if (i == d0) return 0;
        while (i < n && ((unsigned char)(s[i] - '0') < 10 || (hex && (unsigned char)((s[i] | 32) - 'a') < 6))) i++;
        if (i < n && s[i] == ';') i++;
        if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) cp = 0xFFFD;
        else if (v >= 0x80 && v < 0xA0) cp = cp1252_hi[v - 0x80];
        else cp = (int32_t)v;
    } else {
        char name[33];
        while (i < n && i < 32 && is_alnum((unsigned char)s[i])) { name[i] = s[i]; i++; }
        if (i == 0) return 0;
        name[i] = 0;
        if (!strcmp(name, "apos")) cp = '\'';
        else {
            const htmlEntityDesc *e = htmlEntityLookup((const xmlChar *)name);
            if (!e) return 0;
            cp = (int32_t)e->value;
        }
        if (i < n && s[i] == ';') i++;
    }
    *out_len = vg_utf8_encode(cp, out);
    return i;
}

static void emit_text(lex *L, const char *s, size_t n)
{
    size_t start = 0;
    for (;;) {
        const char *amp = memchr(s + start, '&', n - start);
        size_t stop = amp ? (size_t)(amp - s) : n;
        if (stop > start) L->cb->text(L->ud, s + start, stop - start);
        if (!amp) break;
        char u[8];
        size_t ul, used = char_ref(s + stop + 1, n - stop - 1, u, &ul);
        if (used) {
            L->cb->text(L->ud, u, ul);
            start = stop + 1 + used;
        } else {
            L->cb->text(L->ud, "&", 1);
            start = stop + 1;
        }
    }
}

/* ---- attribute buffer ---- */

static int abuf_put(lex *L, const char *s, size_t n)
{
    if (vg_grow(&L->abuf, &L->acap, L->alen + n + 1, 1)) { L->failed = 1; return -1; }
    memcpy(L->abuf + L->alen, s, n);
    L->alen += n;
    return 0;
}

static void abuf_decoded(lex *L, const char *s, size_t n)
{
    size_t start = 0;
    for (;;) {
        const char *amp = memchr(s + start, '&', n - start);
        size_t stop = amp ? (size_t)(amp - s) : n;
        abuf_put(L, s + start, stop - start);
        if (!amp) break;
        char u[8];
        size_t ul, used = char_ref(s + stop + 1, n - stop - 1, u, &ul);
        if (used) { abuf_put(L, u, ul); start = stop + 1 + used; }
        else { abuf_put(L, "&", 1); start = stop + 1; }
    }
}

/* ---- tree rules ---- */

static int push(lex *L, const char *name, unsigned fl, const char **atts)
{
    if (L->depth >= VG_HTML_LEX_DEPTH) return 0; /* dropped: bounded nesting */
    memcpy(L->stack[L->depth], name, NAME_MAX_LEN + 1);
    L->sflags[L->depth] = fl;
    if (!strcmp(name, "head") && L->head_at < 0) L->head_at = L->depth;
    L->depth++;
    L->cb->start(L->ud, name, atts);
    return 1;
}

static void pop_to(lex *L, int k)
{
    while (L->depth > k) {
        L->depth--;
        if (L->depth == L->head_at) L->head_at = -1;
        L->cb->end(L->ud, L->stack[L->depth]);
    }
}

/* Index of the nearest open element with a flag in `want` (or named
 * `name` when want is 0) below no element with a flag in `stop`; -1 if none. */
static int find_open(const lex *L, const char *name, unsigned want, unsigned stop)
{
    for (int k = L->depth - 1; k >= 0; k--) {
        if (want ? (L->sflags[k] & want) != 0 : !strcmp(L->stack[k], name)) return k;
        if (L->sflags[k] & stop) return -1;
    }
    return -1;
}

/* Returns 1 when the element was opened (and needs content/end), 0 if not. */
static int start_tag(lex *L, const char *name, const char **atts, int self_closing)
{
    unsigned fl = tag_flags(name);
    int k;
    if (L->head_at >= 0 && !(fl & F_HEAD)) pop_to(L, L->head_at);
    if ((fl & F_PCLOSE) && (k = find_open(L, NULL, F_P, S_P)) >= 0) pop_to(L, k);
    if ((fl & F_LI) && (k = find_open(L, NULL, F_LI, S_LI)) >= 0) pop_to(L, k);
    else if ((fl & F_DTDD) && (k = find_open(L, NULL, F_DTDD, S_DD)) >= 0) pop_to(L, k);
    else if ((fl & F_CELL) && (k = find_open(L, NULL, F_CELL, S_CELL)) >= 0) pop_to(L, k);
    else if ((fl & F_TR) && (k = find_open(L, NULL, F_TR, S_ROW)) >= 0) pop_to(L, k);
    else if ((fl & F_OPTION) && L->depth && (L->sflags[L->depth - 1] & F_OPTION)) pop_to(L, L->depth - 1);
    if ((fl & F_VOID) || self_closing) {
        L->cb->start(L->ud, name, atts);
        L->cb->end(L->ud, name);
        return 0;
    }
    return push(L, name, fl, atts);
}

static void end_tag(lex *L, const char *name)
{
    if (!strcmp(name, "br")) { /* </br> is a <br> */
        const char *none[] = {NULL};
        L->cb->start(L->ud, "br", none);
        L->cb->end(L->ud, "br");
        return;
    }
    int k = find_open(L, name, 0, 0);
    if (k >= 0) pop_to(L, k);
}

/* ---- tokenizer ---- */

static size_t read_name(const char *s, size_t n, size_t i, char *out)
{
    size_t k = 0;
    while (i < n && !is_space((unsigned char)s[i]) && s[i] != '>' && s[i] != '/' ) {
        if (k < NAME_MAX_LEN) {
            unsigned char c = (unsigned char)s[i];
            out[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        i++;
    }
    out[k] = 0;
    return i;
}

/* After "<name": attributes up to '>'. Returns the index after '>', or n
 * when the tag never ends. */
static size_t read_attrs(lex *L, size_t i, int *self_closing, int *natts)
{
    const char *s = L->s;
    size_t n = L->n;
    int na = 0;
    L->alen = 0;
    *self_closing = 0;
    while (i < n) {
        while (i < n && (is_space((unsigned char)s[i]) || s[i] == '/')) {
            if (s[i] == '/' && i + 1 < n && s[i + 1] == '>') *self_closing = 1;
            i++;
        }
        if (i >= n) break;
        if (s[i] == '>') { i++; break; }
        *self_closing = 0;
        char an[24];
        size_t k = 0, a0 = i;
        while (i < n && !is_space((unsigned char)s[i]) && s[i] != '>' && s[i] != '=' && (s[i] != '/' || i == a0)) {
            if (k < sizeof an - 1) {
                unsigned char c = (unsigned char)s[i];
                an[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            }
            i++;
        }
        an[k] = 0;
        while (i < n && is_space((unsigned char)s[i])) i++;
        const char *v = NULL;
        size_t vl = 0;
        if (i < n && s[i] == '=') {
            i++;
            while (i < n && is_space((unsigned char)s[i])) i++;
            if (i < n && (s[i] == '"' || s[i] == '\'')) {
                char q = s[i++];
                const char *e = memchr(s + i, q, n - i);
                size_t stop = e ? (size_t)(e - s) : n;
                v = s + i;
                vl = stop - i;
                i = e ? stop + 1 : n;
            } else {
                v = s + i;
                while (i < n && !is_space((unsigned char)s[i]) && s[i] != '>') i++;
                vl = (size_t)(s + i - v);
            }
        }
        if (k && na < VG_HTML_LEX_ATTRS && kept_attr(an, k)) {
            /* names and values go to the buffer; pointers are made once it stops moving */
            L->aoff[2 * na] = L->alen;
            abuf_put(L, an, k + 1);
            L->aoff[2 * na + 1] = L->alen;
            if (v) abuf_decoded(L, v, vl);
            abuf_put(L, "", 1);
            na++;
        }
    }
    *natts = na;
    return i;
}

/* Find "</name" (any case) followed by a non-name byte, from i. */
static size_t find_close(const char *s, size_t n, size_t i, const char *name, size_t nl)
{
    while (i < n) {
        const char *lt = memchr(s + i, '<', n - i);
        if (!lt) return n;
        size_t j = (size_t)(lt - s);
        if (j + 2 + nl <= n && s[j + 1] == '/') {
            size_t k = 0;
            while (k < nl && ((unsigned char)s[j + 2 + k] | 32) == (unsigned char)name[k]) k++;
            if (k == nl && (j + 2 + nl == n || !is_alnum((unsigned char)s[j + 2 + nl]))) return j;
        }
        i = j + 1;
    }
    return n;
}

static size_t skip_past(const char *s, size_t n, size_t i, const char *pat)
{
    size_t pl = strlen(pat);
    while (i + pl <= n) {
        const char *p = memchr(s + i, pat[0], n - i);
        if (!p) return n;
        size_t j = (size_t)(p - s);
        if (j + pl <= n && !memcmp(s + j, pat, pl)) return j + pl;
        i = j + 1;
    }
    return n;
}

int vg_html_lex(const char *s, size_t n, const vg_html_lex_cb *cb, void *ud)
{
    assert(tags_sorted()); /* tag_flags() searches it */
    lex *L = vg_calloc(1, sizeof *L);
    if (!L) return -1;
    L->s = s;
    L->n = n;
    L->cb = cb;
    L->ud = ud;
    L->head_at = -1;
    size_t i = 0;
    while (i < n && !L->failed) {
        const char *lt = memchr(s + i, '<', n - i);
        size_t j = lt ? (size_t)(lt - s) : n;
        if (j > i) emit_text(L, s + i, j - i);
        if (j >= n) break;
        i = j;
        if (i + 1 >= n) { emit_text(L, "<", 1); break; }
        unsigned char c = (unsigned char)s[i + 1];
        if (c == '!') {
            if (i + 4 <= n && !memcmp(s + i, "<!--", 4)) i = skip_past(s, n, i + 4, "-->");
            else i = skip_past(s, n, i + 2, ">");
        } else if (c == '?') {
            i = skip_past(s, n, i + 2, ">");
        } else if (c == '/') {
            if (i + 2 < n && is_alpha((unsigned char)s[i + 2])) {
                char name[NAME_MAX_LEN + 1];
                size_t e = read_name(s, n, i + 2, name);
                i = skip_past(s, n, e, ">");
                end_tag(L, name);
            } else {
                i = skip_past(s, n, i + 2, ">");
            }
        } else if (is_alpha(c)) {
            char name[NAME_MAX_LEN + 1];
            size_t e = read_name(s, n, i + 1, name);
            int self_closing, na;
            size_t after = read_attrs(L, e, &self_closing, &na);
            if (after >= n && (after == e || s[n - 1] != '>')) break; /* tag cut off by the end of input */
            for (int a = 0; a < na; a++) {
                L->atts[2 * a] = L->abuf + L->aoff[2 * a];
                L->atts[2 * a + 1] = L->abuf + L->aoff[2 * a + 1];
            }
            L->atts[2 * na] = NULL;
            i = after;
            if (L->failed) break;
            unsigned fl = tag_flags(name);
            if ((fl & F_RAW) && !self_closing) {
                size_t nl = strlen(name);
                size_t close = find_close(s, n, i, name, nl);
                if (start_tag(L, name, L->atts, 0)) {
                    if (close > i) {
                        if (fl & F_RCDATA) emit_text(L, s + i, close - i);
                        else L->cb->text(L->ud, s + i, close - i);
                    }
                    int k = find_open(L, name, 0, 0);
                    if (k >= 0) pop_to(L, k);
                }
                i = close < n ? skip_past(s, n, close, ">") : n;
            } else {
                start_tag(L, name, L->atts, self_closing);
            }
        } else {
            emit_text(L, "<", 1);
            i++;
        }
    }
    pop_to(L, 0);
    int failed = L->failed;
    free(L->abuf);
    free(L);
    return failed ? -1 : 0;
}
