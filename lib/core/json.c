/* json.c - JSON writer and a strict recursive-descent parser with a depth bound. */
#include "json.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

void vg_json_str(vg_buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    vg_buf_putc(b, '"');
    size_t i = 0;
    while (i < n) {
        size_t run = i;
        while (run < n) {
            unsigned char c = (unsigned char)s[run];
            if (c < 0x20 || c == '"' || c == '\\') break;
            size_t len = c < 0x80 ? 1 : vg_utf8_char_len(s + run, n - run); /* valid characters go as they are */
            if (!len) break;
            run += len;
        }
        if (run > i) { vg_buf_append(b, s + i, run - i); i = run; continue; }
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80) {
            size_t ok = vg_utf8_valid_prefix(s + i, n - i > 4 ? 4 : n - i);
            size_t len;
            vg_utf8_decode(s + i, n - i, &len);
            if (ok >= len && len > 1) vg_buf_append(b, s + i, len);
            else { vg_buf_puts(b, "\xEF\xBF\xBD"); len = 1; }
            i += len;
            continue;
        }
        switch (c) {
        case '"': vg_buf_puts(b, "\\\""); break;
        case '\\': vg_buf_puts(b, "\\\\"); break;
        case '\n': vg_buf_puts(b, "\\n"); break;
        case '\r': vg_buf_puts(b, "\\r"); break;
        case '\t': vg_buf_puts(b, "\\t"); break;
        default: {
            char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            vg_buf_append(b, u, 6);
        }
        }
        i++;
    }
    vg_buf_putc(b, '"');
}

void vg_json_cstr(vg_buf *b, const char *s)
{
    if (s) vg_json_str(b, s, strlen(s));
    else vg_buf_puts(b, "null");
}

void vg_json_key(vg_buf *b, int *first, const char *key)
{
    /* keys are names in the code ("event_type"): written in one append when nothing in them needs
     * escaping (the output wrote ~90 keys a document, a call for every byte around each) */
    size_t n = strlen(key), plain = 1;
    for (size_t i = 0; i < n && plain; i++) plain = (unsigned char)key[i] >= 0x20 && key[i] != '"' && key[i] != '\\' &&
                                                   (unsigned char)key[i] < 0x80;
    if (plain && n < 60) {
        char tmp[64];
        size_t o = 0;
        if (!*first) tmp[o++] = ',';
        tmp[o++] = '"';
        memcpy(tmp + o, key, n);
        o += n;
        tmp[o++] = '"';
        tmp[o++] = ':';
        *first = 0;
        vg_buf_append(b, tmp, o);
        return;
    }
    if (!*first) vg_buf_putc(b, ',');
    *first = 0;
    vg_json_cstr(b, key);
    vg_buf_putc(b, ':');
}

/* ---- parser ---- */
typedef struct {
    vg_arena *a;
    const char *s;
    size_t n, i;
    int depth;
    char *err;
    size_t errlen;
    int failed;
} parser;

enum { MAX_DEPTH = 64 };

static void fail(parser *p, const char *why)
{
    if (p->failed) return;
    p->failed = 1;
    if (p->err && p->errlen) snprintf(p->err, p->errlen, "%s at byte %zu", why, p->i);
}

static void skip_ws(parser *p)
{
    while (p->i < p->n) {
        char c = p->s[p->i];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
        p->i++;
    }
}

static vg_jval *new_val(parser *p, vg_jtype t)
{
    vg_jval *v = vg_arena_calloc(p->a, 1, sizeof *v);
    if (!v) { fail(p, "out of memory"); return NULL; }
    v->type = t;
    return v;
}

static int hex4(parser *p, unsigned *out)
{
    if (p->n - p->i < 4) return -1;
    unsigned v = 0;
    for (int k = 0; k < 4; k++) {
        char c = p->s[p->i + (size_t)k];
        v <<= 4;
        if (c >= '0' && c <= '9') v |= (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f') v |= (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') v |= (unsigned)(c - 'A' + 10);
        else return -1;
    }
    p->i += 4;
    *out = v;
    return 0;
}

/* The bytes that stop the scan of a string: the closing quote, a backslash, a control character. */
#define STOP4(b) [b] = 1, [b + 1] = 1, [b + 2] = 1, [b + 3] = 1
static const unsigned char string_stop[256] = {STOP4(0),  STOP4(4),  STOP4(8),  STOP4(12), STOP4(16), STOP4(20),
                                               STOP4(24), STOP4(28), ['"'] = 1, ['\\'] = 1};
#undef STOP4

static const char *parse_string(parser *p, size_t *len)
{
    /* p->s[p->i] == '"' */
    p->i++;
    size_t start = p->i;
    /* First pass: find the end and whether escapes occur; the bytes that are neither a quote, a
     * backslash nor a control character skipped by the table (a document's text is one string:
     * this and the copy below were 2.7% of `vigie analyze`'s instructions a byte at a time). */
    int escaped = 0;
    size_t j = start;
    for (;;) {
        while (j < p->n && !string_stop[(unsigned char)p->s[j]]) j++;
        if (j >= p->n || p->s[j] == '"') break;
        if (p->s[j] == '\\') { escaped = 1; j += 2; continue; }
        p->i = j;
        fail(p, "control character in string");
        return NULL;
    }
    if (j >= p->n) { p->i = p->n; fail(p, "unterminated string"); return NULL; }
    if (vg_utf8_valid_prefix(p->s + start, j - start) != j - start) {
        p->i = start + vg_utf8_valid_prefix(p->s + start, j - start);
        fail(p, "invalid UTF-8 in string");
        return NULL;
    }
    if (!escaped) {
        p->i = j + 1;
        *len = j - start;
        char *s = vg_arena_strndup(p->a, p->s + start, j - start);
        if (!s) fail(p, "out of memory");
        return s;
    }
    char *out = vg_arena_alloc(p->a, j - start + 1), *o = out;
    if (!out) { fail(p, "out of memory"); return NULL; }
    while (p->i < j) {
        /* an escape never decodes to more bytes than it takes (a \u: 6 or 12 chars, at most 4 bytes) */
        assert((size_t)(o - out) <= p->i - start);
        const char *bs = memchr(p->s + p->i, '\\', j - p->i);
        size_t run = bs ? (size_t)(bs - (p->s + p->i)) : j - p->i; /* the bytes up to the next escape, as they are */
        memcpy(o, p->s + p->i, run);
        o += run;
        p->i += run;
        if (p->i >= j) break;
        p->i++; /* the backslash */
        char e = p->s[p->i++];
        switch (e) {
        case '"': *o++ = '"'; break;
        case '\\': *o++ = '\\'; break;
        case '/': *o++ = '/'; break;
        case 'b': *o++ = '\b'; break;
        case 'f': *o++ = '\f'; break;
        case 'n': *o++ = '\n'; break;
        case 'r': *o++ = '\r'; break;
        case 't': *o++ = '\t'; break;
        case 'u': {
            unsigned cp;
            if (hex4(p, &cp)) { fail(p, "bad \\u escape"); return NULL; }
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                unsigned lo;
                if (p->i + 1 < j && p->s[p->i] == '\\' && p->s[p->i + 1] == 'u') {
                    p->i += 2;
                    if (hex4(p, &lo) || lo < 0xDC00 || lo > 0xDFFF) { fail(p, "bad surrogate pair"); return NULL; }
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                } else { fail(p, "lone surrogate"); return NULL; }
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) { fail(p, "lone surrogate"); return NULL; }
            if (cp == 0) { fail(p, "NUL character in string"); return NULL; }
            /* A \u escape never takes more bytes than its 6-12 source chars. */
            o += vg_utf8_encode((int32_t)cp, o);
            break;
        }
        default: p->i--; fail(p, "bad escape"); return NULL;
        }
    }
    *o = 0;
    *len = (size_t)(o - out);
    p->i = j + 1;
    return out;
}

static vg_jval *parse_value(parser *p);

static vg_jval *parse_container(parser *p, int is_obj)
{
    vg_jval *v = new_val(p, is_obj ? VG_JOBJ : VG_JARR);
    if (!v) return NULL;
    if (++p->depth > MAX_DEPTH) { fail(p, "nested too deep"); return NULL; }
    p->i++;
    size_t cap = 0;
    skip_ws(p);
    if (p->i < p->n && p->s[p->i] == (is_obj ? '}' : ']')) { p->i++; p->depth--; return v; }
    for (;;) {
        const char *key = NULL;
        skip_ws(p);
        if (is_obj) {
            size_t kl;
            if (p->i >= p->n || p->s[p->i] != '"') { fail(p, "expected key"); return NULL; }
            if (!(key = parse_string(p, &kl))) return NULL;
            skip_ws(p);
            if (p->i >= p->n || p->s[p->i] != ':') { fail(p, "expected ':'"); return NULL; }
            p->i++;
        }
        vg_jval *item = parse_value(p);
        if (!item) return NULL;
        if (v->len == cap) {
            size_t kcap = cap;
            if (vg_arena_grow_array(p->a, &v->items, &cap, v->len + 1, sizeof *v->items) ||
                (is_obj && vg_arena_grow_array(p->a, &v->keys, &kcap, cap, sizeof *v->keys))) {
                fail(p, "out of memory");
                return NULL;
            }
        }
        if (is_obj) v->keys[v->len] = key;
        v->items[v->len++] = item;
        skip_ws(p);
        if (p->i >= p->n) { fail(p, "unexpected end"); return NULL; }
        char c = p->s[p->i++];
        if (c == ',') continue;
        if (c == (is_obj ? '}' : ']')) break;
        p->i--;
        fail(p, is_obj ? "expected ',' or '}'" : "expected ',' or ']'");
        return NULL;
    }
    p->depth--;
    return v;
}

static vg_jval *parse_number(parser *p)
{
    size_t start = p->i;
    if (p->s[p->i] == '-') p->i++;
    size_t digits = p->i;
    while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9') p->i++;
    if (p->i == digits || (p->s[digits] == '0' && p->i - digits > 1)) { fail(p, "bad number"); return NULL; }
    if (p->i < p->n && p->s[p->i] == '.') {
        p->i++;
        size_t f = p->i;
        while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9') p->i++;
        if (p->i == f) { fail(p, "bad number"); return NULL; }
    }
    if (p->i < p->n && (p->s[p->i] == 'e' || p->s[p->i] == 'E')) {
        p->i++;
        if (p->i < p->n && (p->s[p->i] == '+' || p->s[p->i] == '-')) p->i++;
        size_t e = p->i;
        while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9') p->i++;
        if (p->i == e) { fail(p, "bad number"); return NULL; }
    }
    vg_jval *v = new_val(p, VG_JNUM);
    if (!v) return NULL;
    v->str = vg_arena_strndup(p->a, p->s + start, p->i - start);
    if (!v->str) { fail(p, "out of memory"); return NULL; }
    v->len = p->i - start;
    v->num = strtod(v->str, NULL);
    return v;
}

static int literal(parser *p, const char *word)
{
    size_t l = strlen(word);
    if (p->n - p->i >= l && memcmp(p->s + p->i, word, l) == 0) { p->i += l; return 1; }
    return 0;
}

static vg_jval *parse_value(parser *p)
{
    skip_ws(p);
    if (p->i >= p->n) { fail(p, "unexpected end"); return NULL; }
    char c = p->s[p->i];
    vg_jval *v;
    switch (c) {
    case '{': return parse_container(p, 1);
    case '[': return parse_container(p, 0);
    case '"':
        if (!(v = new_val(p, VG_JSTR))) return NULL;
        if (!(v->str = parse_string(p, &v->len))) return NULL;
        return v;
    case 't': case 'f': case 'n':
        if (literal(p, "true")) { if ((v = new_val(p, VG_JBOOL))) v->boolean = 1; return v; }
        if (literal(p, "false")) return new_val(p, VG_JBOOL);
        if (literal(p, "null")) return new_val(p, VG_JNULL);
        fail(p, "unexpected character");
        return NULL;
    default:
        if (c == '-' || (c >= '0' && c <= '9')) return parse_number(p);
        fail(p, "unexpected character");
        return NULL;
    }
}

vg_jval *vg_json_parse(vg_arena *a, const char *s, size_t n, char *err, size_t errlen)
{
    parser p = {a, s, n, 0, 0, err, errlen, 0};
    if (err && errlen) err[0] = 0;
    vg_jval *v = parse_value(&p);
    if (!v || p.failed) return NULL;
    skip_ws(&p);
    if (p.i != n) { fail(&p, "trailing characters"); return NULL; }
    return v;
}

const vg_jval *vg_json_get(const vg_jval *obj, const char *key)
{
    if (!obj || obj->type != VG_JOBJ) return NULL;
    for (size_t i = 0; i < obj->len; i++)
        if (strcmp(obj->keys[i], key) == 0) return obj->items[i];
    return NULL;
}
