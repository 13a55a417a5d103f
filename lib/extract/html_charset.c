/* html_charset.c - decide a page's encoding and convert it to UTF-8 once, before parsing. */
#include "html_charset.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <string.h>

#include "../core/utf8.h"

/* Windows-1252 0x80..0x9F; the five undefined bytes map to their C1 code points. */
static const unsigned short cp1252_hi[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

static const char *find_ci(const char *s, size_t n, const char *pat)
{
    size_t m = strlen(pat);
    for (size_t i = 0; i + m <= n; i++) {
        size_t j = 0;
        while (j < m && lower((unsigned char)s[i + j]) == pat[j]) j++;
        if (j == m) return s + i;
    }
    return NULL;
}

void vg_html_sniff_charset(const char *s, size_t n, char *buf, size_t cap)
{
    buf[0] = 0;
    if (n > 4096) n = 4096;
    const char *end = s + n, *p = s;
    /* "charset=" inside a tag covers <meta charset=x>, <meta http-equiv ...
     * content="text/html; charset=x"> and <?xml ... encoding="x"?>. */
    while (p < end) {
        const char *c = find_ci(p, (size_t)(end - p), "charset");
        const char *e = NULL;
        if (!c) break;
        p = c + 7;
        while (p < end && (*p == ' ' || *p == '\t')) p++;
        if (p >= end || *p != '=') continue;
        p++;
        while (p < end && (*p == ' ' || *p == '"' || *p == '\'')) p++;
        e = p;
        while (e < end && e - p < 40 && (((*e | 32) >= 'a' && (*e | 32) <= 'z') || (*e >= '0' && *e <= '9') ||
                                         *e == '-' || *e == '_' || *e == ':' || *e == '.'))
            e++;
        if (e == p) continue;
        size_t k = (size_t)(e - p) < cap - 1 ? (size_t)(e - p) : cap - 1;
        for (size_t i = 0; i < k; i++) buf[i] = (char)lower((unsigned char)p[i]);
        buf[k] = 0;
        return;
    }
    const char *x = find_ci(s, n, "<?xml");
    if (x && (x = find_ci(x, (size_t)(end - x), "encoding="))) {
        x += 9;
        if (x < end && (*x == '"' || *x == '\'')) x++;
        size_t k = 0;
        while (x + k < end && k < cap - 1 && x[k] != '"' && x[k] != '\'' && x[k] != '?') {
            buf[k] = (char)lower((unsigned char)x[k]);
            k++;
        }
        buf[k] = 0;
    }
}

/* Charsets WHATWG reads as Windows-1252, plus UTF-8 itself: both go through
 * the UTF-8-with-1252-repair path. */
static int western_or_utf8(const char *cs)
{
    static const char *names[] = {"", "utf-8", "utf8", "unicode-1-1-utf-8", "iso-8859-1", "iso8859-1",
                                  "latin1", "latin-1", "l1", "us-ascii", "ascii", "windows-1252",
                                  "cp1252", "x-cp1252", "iso-8859-15", "iso8859-15", "latin-9",
                                  "iso_8859-1", "cp819", "ibm819", "x-user-defined", "utf-16"};
    /* utf-16 without a BOM is what a page claims when it lies: the bytes
     * are ASCII-compatible or we would not have found the declaration. */
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (!strcmp(cs, names[i])) return 1;
    return 0;
}

/* vg_utf8_valid_prefix with ASCII skipped eight bytes at a time: pages
 * are mostly markup, and this runs over every byte of them. */
static size_t valid_prefix(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ull) break;
            i += 8;
        }
        while (i < n && (unsigned char)s[i] < 0x80) i++;
        if (i >= n) break;
        unsigned char c = (unsigned char)s[i];
        size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        if (len > n - i || vg_utf8_valid_prefix(s + i, len) != len) return i;
        i += len;
    }
    return n;
}

/* UTF-8 where valid, Windows-1252 byte by byte where not. Valid input is
 * returned as is (no copy). */
static const char *repair_utf8(vg_arena *a, const char *s, size_t n, size_t *out_len)
{
    size_t ok = valid_prefix(s, n);
    if (ok == n) {
        *out_len = n;
        return s;
    }
    char *o = vg_arena_alloc(a, ok + (n - ok) * 3 + 1), *w = o;
    if (!o) return NULL;
    memcpy(w, s, ok);
    w += ok;
    size_t i = ok;
    while (i < n) {
        size_t v = vg_utf8_valid_prefix(s + i, n - i < 4 ? n - i : 4);
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) { *w++ = (char)c; i++; continue; }
        if (v > 0) {
            /* a whole multi-byte sequence starts here */
            size_t len;
            vg_utf8_decode(s + i, n - i, &len);
            if (len > 1 && vg_utf8_valid_prefix(s + i, len) == len) {
                memcpy(w, s + i, len);
                w += len;
                i += len;
                continue;
            }
        }
        int32_t cp = c < 0xA0 ? cp1252_hi[c - 0x80] : c;
        w += vg_utf8_encode(cp, w);
        i++;
    }
    *w = 0;
    *out_len = (size_t)(w - o);
    return o;
}

/* Through iconv; undecodable bytes become U+FFFD. NULL if iconv does not
 * know the charset. */
static const char *via_iconv(vg_arena *a, const char *cs, const char *s, size_t n, size_t *out_len)
{
    iconv_t cd = iconv_open("UTF-8", cs);
    if (cd == (iconv_t)-1) return NULL;
    size_t cap = n * 4 + 16;
    char *o = vg_arena_alloc(a, cap);
    if (!o) { iconv_close(cd); return NULL; }
    char *in = (char *)s, *w = o;
    size_t inleft = n, outleft = cap - 1;
    while (inleft > 0) {
        size_t r = iconv(cd, &in, &inleft, &w, &outleft);
        if (r != (size_t)-1) break;
        if (errno == E2BIG || outleft < 4) break;
        /* EILSEQ / EINVAL: skip one byte, mark it */
        memcpy(w, "\xEF\xBF\xBD", 3);
        w += 3;
        outleft -= 3;
        in++;
        inleft--;
        iconv(cd, NULL, NULL, NULL, NULL);
    }
    iconv_close(cd);
    *w = 0;
    size_t len = (size_t)(w - o);
    /* iconv output is UTF-8 by contract; check anyway (cheap) */
    if (valid_prefix(o, len) != len) return (char *)repair_utf8(a, o, len, out_len);
    *out_len = len;
    return o;
}

vg_status vg_html_to_utf8(vg_arena *a, const char *s, size_t n, const char *http_charset,
                          const char **out, size_t *out_len)
{
    char cs[48] = "";
    const char *o = NULL;
    if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
        s += 3; n -= 3;
        strcpy(cs, "utf-8");
    } else if (n >= 2 && ((unsigned char)s[0] == 0xFF && (unsigned char)s[1] == 0xFE)) {
        o = via_iconv(a, "UTF-16LE", s + 2, n - 2, out_len);
    } else if (n >= 2 && ((unsigned char)s[0] == 0xFE && (unsigned char)s[1] == 0xFF)) {
        o = via_iconv(a, "UTF-16BE", s + 2, n - 2, out_len);
    }
    if (o) {
        if (vg_looks_binary(o, *out_len > 8192 ? 8192 : *out_len)) return VG_ERR_BINARY;
        *out = o;
        return VG_OK;
    }
    if (vg_looks_binary(s, n > 8192 ? 8192 : n)) return VG_ERR_BINARY;
    if (!cs[0] && http_charset) {
        size_t k = 0;
        for (; http_charset[k] && k < sizeof cs - 1; k++) cs[k] = (char)lower((unsigned char)http_charset[k]);
        cs[k] = 0;
        while (k > 0 && (cs[k - 1] == ' ' || cs[k - 1] == '"')) cs[--k] = 0;
    }
    if (!cs[0]) vg_html_sniff_charset(s, n, cs, sizeof cs);
    /* Valid UTF-8 beyond ASCII is almost never an accident, whatever the
     * page declares; read it as UTF-8. */
    if (!western_or_utf8(cs) && valid_prefix(s, n) != n) {
        o = via_iconv(a, cs, s, n, out_len);
    }
    if (!o) o = repair_utf8(a, s, n, out_len);
    if (!o) return VG_ERR_NOMEM;
    *out = o;
    return VG_OK;
}
