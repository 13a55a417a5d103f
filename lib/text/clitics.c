/* clitics.c - attached prefixes as data: loaded folded, applied by byte comparison. */
#include "clitics.h"

#include <stdlib.h>
#include <string.h>

#include "../core/alloc.h"
#include "../core/tsv.h"
#include "../core/utf8.h"

#define MAX_RULES 64
#define MAX_AFFIX 32 /* bytes of a folded prefix or replacement */

typedef struct rule {
    char prefix[MAX_AFFIX], repl[MAX_AFFIX];
    size_t plen, rlen;
    int prep;
    int conj; /* "and": a conjunction that may join two clauses */
} rule;

struct vg_clitics {
    rule r[MAX_RULES];
    size_t n;
    /* the first characters of the prefixes, each once: a word that starts
     * with none of them loses no prefix (most words, tried against no rule) */
    char first[MAX_RULES][4];
    size_t first_len[MAX_RULES], n_first;
};

/* Notes the first character of rule r's prefix. */
static void add_first(vg_clitics *c, const rule *r)
{
    size_t len = vg_utf8_char_len(r->prefix, r->plen);
    if (!len) len = 1; /* a fold is valid UTF-8: never taken */
    for (size_t k = 0; k < c->n_first; k++)
        if (c->first_len[k] == len && !memcmp(c->first[k], r->prefix, len)) return;
    memcpy(c->first[c->n_first], r->prefix, len);
    c->first_len[c->n_first++] = len;
}

/* Folds s into out[MAX_AFFIX]; 0 on success (an empty s is ""). */
static int fold_affix(const char *s, char *out, size_t *len)
{
    size_t n = strlen(s);
    *len = 0;
    out[0] = 0;
    if (!n) return 0;
    size_t k = vg_fold_into(s, n, out, MAX_AFFIX);
    if (k == 0 || k == (size_t)-1) return -1;
    *len = k;
    return 0;
}

vg_status vg_clitics_load(const char *path, vg_clitics **out, char *err, size_t errlen)
{
    *out = NULL;
    vg_tsv t;
    if (vg_tsv_open(&t, path, 0, err, errlen) != VG_OK) return VG_ERR_IO;
    vg_clitics *c = vg_calloc(1, sizeof *c);
    if (!c) { vg_tsv_close(&t); return VG_ERR_NOMEM; }
    while (vg_tsv_next(&t) == 1) {
        if (c->n == MAX_RULES) { vg_tsv_fail(&t, VG_ERR_RESOURCE, "more than %d rules", MAX_RULES); break; }
        rule *r = &c->r[c->n];
        const char *flags = vg_tsv_field(&t, 2);
        if (fold_affix(vg_tsv_field(&t, 0), r->prefix, &r->plen) || !r->plen) {
            vg_tsv_fail(&t, VG_ERR_RESOURCE, "expected PREFIX<TAB>REPLACEMENT<TAB>FLAGS (a prefix of at most %d bytes)",
                        MAX_AFFIX - 1);
            break;
        }
        if (fold_affix(vg_tsv_field(&t, 1), r->repl, &r->rlen)) {
            vg_tsv_fail(&t, VG_ERR_RESOURCE, "replacement longer than %d bytes", MAX_AFFIX - 1);
            break;
        }
        if (*flags && strcmp(flags, "prep") && strcmp(flags, "and")) {
            vg_tsv_fail(&t, VG_ERR_RESOURCE, "unknown flag '%s' (prep, and or nothing)", flags);
            break;
        }
        r->prep = !strcmp(flags, "prep");
        r->conj = !strcmp(flags, "and");
        add_first(c, r);
        c->n++;
    }
    vg_status st = vg_tsv_close(&t);
    if (st != VG_OK) { free(c); return st; }
    *out = c;
    return VG_OK;
}

void vg_clitics_free(vg_clitics *c) { free(c); }

size_t vg_clitics_count(const vg_clitics *c) { return c ? c->n : 0; }

/* Does w[0..n) start with p[0..pn)? Byte by byte: the prefixes are a few bytes, most words differ
 * at the first or second, and a memcmp call cost more than the comparison (vg_clitics_apply is
 * asked once per rule for every word of an Arabic text: 4.4M times on the dev texts x42). */
static int starts_with(const char *w, size_t n, const char *p, size_t pn)
{
    if (n < pn) return 0;
    for (size_t i = 0; i < pn; i++)
        if (w[i] != p[i]) return 0;
    return 1;
}

int vg_clitics_may_strip(const vg_clitics *c, const char *w, size_t n)
{
    for (size_t k = 0; c && k < c->n_first; k++)
        if (n > c->first_len[k] && starts_with(w, n, c->first[k], c->first_len[k])) return 1;
    return 0;
}

size_t vg_clitics_next(const vg_clitics *c, size_t k, const char *w, size_t n)
{
    if (!c) return 0;
    for (; k < c->n; k++)
        if (n > c->r[k].plen && starts_with(w, n, c->r[k].prefix, c->r[k].plen)) return k;
    return c->n;
}

/* Letters (code points) in s[0..n), counting at most `enough`. */
static size_t letters(const char *s, size_t n, size_t enough)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k < enough; i++) k += ((unsigned char)s[i] & 0xC0) != 0x80;
    return k;
}

size_t vg_clitics_apply(const vg_clitics *c, size_t k, const char *w, size_t n, char *out, size_t cap, int *prep)
{
    if (!c || k >= c->n) return 0;
    const rule *r = &c->r[k];
    if (n <= r->plen || !starts_with(w, n, r->prefix, r->plen)) return 0;
    size_t rest = n - r->plen;
    if (letters(w + r->plen, rest, VG_CLITIC_MIN_REST) < VG_CLITIC_MIN_REST) return 0;
    if (r->rlen + rest + 1 > cap) return 0;
    memcpy(out, r->repl, r->rlen);
    memcpy(out + r->rlen, w + r->plen, rest);
    out[r->rlen + rest] = 0;
    if (prep) *prep = r->prep;
    return r->rlen + rest;
}

int vg_clitics_conjunction(const vg_clitics *c, const char *w, size_t n)
{
    for (size_t k = 0; c && k < c->n; k++) {
        const rule *r = &c->r[k];
        if (r->conj && n > r->plen && starts_with(w, n, r->prefix, r->plen) &&
            letters(w + r->plen, n - r->plen, VG_CLITIC_MIN_REST) >= VG_CLITIC_MIN_REST)
            return 1;
    }
    return 0;
}
