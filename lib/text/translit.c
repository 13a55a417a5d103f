/* translit.c - transliteration tables as data: rows matched longest first on folded text. */
#include "translit.h"

#include <stdlib.h>
#include <string.h>

#include "../core/alloc.h"
#include "../core/tsv.h"
#include "../core/utf8.h"

#define MAX_ROWS 256
#define MAX_FROM 16 /* bytes of a row's folded letters */
#define MAX_TO 8    /* bytes of a Latin spelling */

typedef struct row {
    char from[MAX_FROM], to[MAX_TO], alt[MAX_TO];
    unsigned char flen, tlen, alen, initial;
} row;

struct vg_translit {
    row r[MAX_ROWS]; /* longest `from` first: the first row that matches is the longest */
    size_t n;
    int has_alt;
};

static int by_length(const void *a, const void *b)
{
    const row *x = a, *y = b;
    return (int)y->flen - (int)x->flen;
}

/* Lowercase ASCII letters, then perhaps a "-" (the word splits after them); empty allowed. */
static int latin_ok(const char *s, size_t n)
{
    if (n && s[n - 1] == '-') n--;
    for (size_t i = 0; i < n; i++)
        if (s[i] < 'a' || s[i] > 'z') return 0;
    return 1;
}

vg_status vg_translit_load(const char *path, vg_translit **out, char *err, size_t errlen)
{
    *out = NULL;
    vg_tsv t;
    if (vg_tsv_open(&t, path, 0, err, errlen) != VG_OK) return VG_ERR_IO;
    vg_translit *tr = vg_calloc(1, sizeof *tr);
    if (!tr) { vg_tsv_close(&t); return VG_ERR_NOMEM; }
    while (vg_tsv_next(&t) == 1) {
        size_t nf = vg_tsv_nfields(&t);
        if (nf < 2 || nf > 3) { vg_tsv_fail(&t, VG_ERR_RESOURCE, "expected LETTERS<TAB>LATIN[<TAB>ALT]"); break; }
        if (tr->n == MAX_ROWS) { vg_tsv_fail(&t, VG_ERR_RESOURCE, "more than %d rows", MAX_ROWS); break; }
        row *r = &tr->r[tr->n];
        const char *from = vg_tsv_field(&t, 0), *to = vg_tsv_field(&t, 1), *alt = vg_tsv_field(&t, 2);
        if (*from == '^') { r->initial = 1; from++; }
        size_t fl = strlen(from);
        size_t k = fl ? vg_fold_into(from, fl, r->from, sizeof r->from) : 0;
        if (k == 0 || k == (size_t)-1 || (unsigned char)r->from[0] < 0x80) {
            vg_tsv_fail(&t, VG_ERR_RESOURCE, "letters of another script than Latin expected (at most %d bytes)", MAX_FROM - 1);
            break;
        }
        size_t tl = strlen(to), al = strlen(alt);
        if (tl >= MAX_TO || al >= MAX_TO || !latin_ok(to, tl) || !latin_ok(alt, al) || (nf == 3 && !al)) {
            vg_tsv_fail(&t, VG_ERR_RESOURCE, "a Latin spelling of lowercase letters (at most %d) or '-' expected", MAX_TO - 1);
            break;
        }
        r->flen = (unsigned char)k;
        memcpy(r->to, to, tl + 1);
        r->tlen = (unsigned char)tl;
        memcpy(r->alt, nf == 3 ? alt : to, (nf == 3 ? al : tl) + 1);
        r->alen = (unsigned char)(nf == 3 ? al : tl);
        tr->has_alt |= nf == 3;
        tr->n++;
    }
    vg_status st = vg_tsv_close(&t);
    if (st != VG_OK) { free(tr); return st; }
    qsort(tr->r, tr->n, sizeof *tr->r, by_length);
    *out = tr;
    return VG_OK;
}

void vg_translit_free(vg_translit *t) { free(t); }

int vg_translit_has_alt(const vg_translit *t) { return t && t->has_alt; }

size_t vg_translit_apply(const vg_translit *t, const char *w, size_t n, int alt, char *out, size_t cap)
{
    if (!t || cap < 2) return 0;
    size_t o = 0;
    int start = 1; /* at a word's first letter */
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)w[i];
        const char *put;
        size_t plen, used;
        char one;
        if (c < 0x80) {
            int letter = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            one = letter ? (char)c : ' ';
            put = &one;
            plen = 1;
            used = 1;
            start = !letter;
        } else {
            const row *r = NULL;
            for (size_t k = 0; k < t->n && !r; k++)
                if (t->r[k].flen <= n - i && (!t->r[k].initial || start) && !memcmp(t->r[k].from, w + i, t->r[k].flen))
                    r = &t->r[k];
            if (!r) {
                /* a mark that is no letter (an apostrophe-like sign, a dash) separates; a letter
                 * of another script is not transliterated */
                size_t len;
                int32_t cp = vg_utf8_decode(w + i, n - i, &len);
                if (vg_is_alnum(cp)) return 0;
                one = ' ';
                put = &one;
                plen = 1;
                used = len ? len : 1;
                start = 1;
            } else {
                put = alt ? r->alt : r->to;
                plen = alt ? r->alen : r->tlen;
                used = r->flen;
                start = plen && put[plen - 1] == '-';
            }
        }
        if (o + plen + 1 > cap) return 0;
        memcpy(out + o, put, plen);
        if (start && plen) out[o + plen - 1] = ' '; /* "al-": the article is a word of its own */
        o += plen;
        i += used;
    }
    out[o] = 0;
    return o;
}
