/* html_hints.c - load html_hints.tsv and weigh class/id attribute values against it. */
#include "html_hints.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/alloc.h"
#include "../core/tsv.h"

enum { MAX_HINTS = 1024, MAX_WORD = 31 };

typedef struct hint {
    char word[MAX_WORD + 1];
    unsigned char len;
    unsigned char exact, remove;
    signed char weight;
} hint;

struct vg_html_hints {
    hint *h;
    size_t n;
    /* hints by first letter (a-z, 0-9 -> 26) so a token is checked against a few */
    unsigned short start[28];
};

static int cmp_hint(const void *a, const void *b)
{
    return strcmp(((const hint *)a)->word, ((const hint *)b)->word);
}

static int bucket(unsigned char c)
{
    return c >= 'a' && c <= 'z' ? c - 'a' : 26;
}

/* Rows `word<TAB>weight[<TAB>remove]` ('=' before the word: whole word only). */
static vg_status parse_rows(vg_tsv *t, vg_html_hints **out)
{
    *out = NULL;
    vg_html_hints *h = vg_calloc(1, sizeof *h);
    if (!h || !(h->h = vg_calloc(MAX_HINTS, sizeof *h->h))) {
        free(h);
        vg_tsv_close(t);
        return VG_ERR_NOMEM;
    }
    while (vg_tsv_next(t) == 1) {
        size_t nf = vg_tsv_nfields(t);
        const char *f1 = vg_tsv_field(t, 0), *f2 = vg_tsv_field(t, 1), *f3 = vg_tsv_field(t, 2);
        hint x = {0};
        if (*f1 == '=') { x.exact = 1; f1++; }
        size_t wl = strlen(f1);
        int ok = nf >= 2 && nf <= 3 && wl > 0 && wl <= MAX_WORD;
        for (size_t k = 0; ok && k < wl; k++) {
            char c = f1[k];
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) ok = 0;
        }
        char *endp;
        long w = ok ? strtol(f2, &endp, 10) : 0;
        if (ok && (endp == f2 || w < -100 || w > 100)) ok = 0;
        if (ok && nf == 3 && strcmp(f3, "remove") != 0) ok = 0;
        if (!ok || h->n == MAX_HINTS) {
            vg_tsv_fail(t, VG_ERR_RESOURCE, "expected 'word<TAB>weight[<TAB>remove]'");
            break;
        }
        memcpy(x.word, f1, wl);
        x.len = (unsigned char)wl;
        x.weight = (signed char)w;
        x.remove = nf == 3;
        h->h[h->n++] = x;
    }
    vg_status st = vg_tsv_close(t);
    if (st != VG_OK) {
        vg_html_hints_free(h);
        return st == VG_ERR_NOMEM ? st : VG_ERR_RESOURCE;
    }
    qsort(h->h, h->n, sizeof *h->h, cmp_hint);
    size_t k = 0;
    for (int b = 0; b < 27; b++) {
        h->start[b] = (unsigned short)k;
        while (k < h->n && bucket((unsigned char)h->h[k].word[0]) == b) k++;
    }
    h->start[27] = (unsigned short)h->n;
    *out = h;
    return VG_OK;
}

vg_status vg_html_hints_parse(const char *s, size_t n, vg_html_hints **out, char *err, size_t errlen)
{
    vg_tsv t;
    vg_tsv_open_mem(&t, "html_hints.tsv", s, n, 0, err, errlen);
    return parse_rows(&t, out);
}

vg_status vg_html_hints_load(const char *dir, vg_html_hints **out, char *err, size_t errlen)
{
    *out = NULL;
    char path[4096];
    snprintf(path, sizeof path, "%s/html_hints.tsv", dir);
    vg_tsv t;
    if (vg_tsv_open(&t, path, 0, err, errlen) != VG_OK) return VG_ERR_RESOURCE;
    return parse_rows(&t, out);
}

void vg_html_hints_free(vg_html_hints *h)
{
    if (!h) return;
    free(h->h);
    free(h);
}

static int is_alnum(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

static void weigh_token(const vg_html_hints *h, const char *t, size_t n, int *sum, int *rm)
{
    int b = bucket((unsigned char)t[0]);
    for (size_t i = h->start[b]; i < h->start[b + 1]; i++) {
        const hint *x = &h->h[i];
        if (x->len > n || (x->exact && x->len != n)) continue;
        if (memcmp(x->word, t, x->len) != 0) continue;
        *sum += x->weight;
        if (x->remove) *rm = 1;
        return; /* one hint per token */
    }
}

int vg_html_hints_weigh(const vg_html_hints *h, const char *s, size_t n, int *remove)
{
    int sum = 0, rm = 0;
    *remove = 0;
    if (!h || !n) return 0;
    if (n > 512) n = 512;
    char tok[MAX_WORD + 1];
    size_t i = 0;
    while (i < n) {
        while (i < n && !is_alnum((unsigned char)s[i])) i++;
        size_t k = 0;
        int prev_lower = 0;
        while (i < n && is_alnum((unsigned char)s[i])) {
            unsigned char c = (unsigned char)s[i];
            int up = c >= 'A' && c <= 'Z';
            if (up && prev_lower) break; /* lowerCamel hump starts a new token */
            if (k < MAX_WORD) tok[k++] = (char)(up ? c + 32 : c);
            prev_lower = !up && !(c >= '0' && c <= '9');
            i++;
        }
        if (k) weigh_token(h, tok, k, &sum, &rm);
    }
    if (sum > 100) sum = 100;
    if (sum < -100) sum = -100;
    *remove = rm && sum < 0;
    return sum;
}
