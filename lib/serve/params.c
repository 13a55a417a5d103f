/* params.c - the request target parser: the one place bytes from a URL are decoded. */
#include <stdio.h>
#include <string.h>

#include "params.h"
#include "../core/utf8.h"

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Decodes s[0..n) into out (at most n bytes); returns the decoded length or -1. */
static long decode(const char *s, size_t n, char *out)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '+') c = ' ';
        else if (c == '%') {
            if (i + 2 >= n) return -1;
            int a = hexval((unsigned char)s[i + 1]), b = hexval((unsigned char)s[i + 2]);
            if (a < 0 || b < 0) return -1;
            c = (unsigned char)(a << 4 | b);
            i += 2;
        }
        if (c < 0x20 || c == 0x7f) return -1;
        out[k++] = (char)c;
    }
    if (vg_utf8_valid_prefix(out, k) != k) return -1;
    return (long)k;
}

int vg_sv_parse_target(const char *target, size_t len, vg_sv_target *t, char *err, size_t errlen)
{
    t->n = 0;
    t->path = "/";
    if (len > VG_SV_MAX_TARGET) {
        snprintf(err, errlen, "request target longer than %d bytes", VG_SV_MAX_TARGET);
        return -1;
    }
    if (!len || target[0] != '/') {
        snprintf(err, errlen, "request target does not start with '/'");
        return -1;
    }
    const char *q = memchr(target, '?', len);
    size_t plen = q ? (size_t)(q - target) : len;
    for (size_t i = 0; i < plen; i++)
        if ((unsigned char)target[i] <= 0x20 || (unsigned char)target[i] >= 0x7f) {
            snprintf(err, errlen, "path: byte 0x%02x not allowed", (unsigned char)target[i]);
            return -1;
        }
    char *o = t->buf;
    memcpy(o, target, plen);
    o[plen] = 0;
    t->path = o;
    o += plen + 1;
    if (!q) return 0;
    const char *p = q + 1, *end = target + len;
    while (p < end) {
        const char *amp = memchr(p, '&', (size_t)(end - p));
        const char *item_end = amp ? amp : end;
        if (item_end == p) { p = item_end + 1; continue; } /* "a=1&&b=2", a trailing '&' */
        const char *eq = memchr(p, '=', (size_t)(item_end - p));
        const char *name_end = eq ? eq : item_end;
        if (t->n == VG_SV_MAX_PARAMS) {
            snprintf(err, errlen, "more than %d parameters", VG_SV_MAX_PARAMS);
            return -1;
        }
        long nl = decode(p, (size_t)(name_end - p), o);
        if (nl <= 0) {
            snprintf(err, errlen, nl == 0 ? "a parameter has no name" : "a parameter name is not valid UTF-8 text");
            return -1;
        }
        o[nl] = 0;
        const char *name = o;
        o += nl + 1;
        const char *v = eq ? eq + 1 : item_end;
        long vl = decode(v, (size_t)(item_end - v), o);
        if (vl < 0) {
            snprintf(err, errlen, "%.64s: bad percent escape, control byte or invalid UTF-8 in its value", name);
            return -1;
        }
        o[vl] = 0;
        for (size_t i = 0; i < t->n; i++)
            if (!strcmp(t->names[i], name)) {
                snprintf(err, errlen, "%.64s: given more than once", name);
                return -1;
            }
        t->names[t->n] = name;
        t->values[t->n] = o;
        t->n++;
        o += vl + 1;
        p = item_end + 1;
    }
    return 0;
}

const char *vg_sv_param(const vg_sv_target *t, const char *name)
{
    for (size_t i = 0; i < t->n; i++)
        if (!strcmp(t->names[i], name)) return t->values[i];
    return NULL;
}
