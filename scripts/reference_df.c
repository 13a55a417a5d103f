/* reference_df.c - document frequencies of a corpus's words as story clustering folds them, for
 * data/<lang>/reference_df.tsv (scripts/build-reference-df.sh builds and runs it).
 *
 * Usage: reference_df TOP MIN_DF < documents
 * Documents on stdin, each ending in a NUL byte: a title line, then the text (features.c reads
 * the two the same way). Prints "@documents<TAB>N", then the TOP terms found in the most
 * documents (at least MIN_DF), "TERM<TAB>DF", by count then term bytes: the same bytes for the
 * same input. Terms are the word terms of lib/cluster/features.c (vg_cl_word_term), numbers
 * left out (their counts say when the corpus was written, not what is common). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/cluster/features.h"
#include "../lib/core/arena.h"
#include "../lib/dedup/words.h"

typedef struct count {
    char *term;
    unsigned long df;
} count;

static int by_bytes(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static int by_df(const void *pa, const void *pb)
{
    const count *a = pa, *b = pb;
    if (a->df != b->df) return a->df < b->df ? 1 : -1;
    return strcmp(a->term, b->term);
}

static char **terms;     /* every document's distinct terms, one after another */
static size_t n_terms, cap_terms;

static void add(char *t)
{
    if (n_terms == cap_terms) {
        cap_terms = cap_terms ? 2 * cap_terms : 1 << 16;
        if (!(terms = realloc(terms, cap_terms * sizeof *terms))) { perror("reference_df"); exit(1); }
    }
    terms[n_terms++] = t;
}

/* The distinct word terms of one document (title line + text), appended to terms. */
static void read_doc(vg_arena *a, const char *s, size_t len)
{
    const char *nl = memchr(s, '\n', len);
    size_t title = nl ? (size_t)(nl - s) : len;
    size_t first = n_terms;
    const char *part[2] = {s, s + title};
    size_t plen[2] = {title, len - title};
    for (int p = 0; p < 2; p++) {
        vg_word *w;
        size_t n;
        if (vg_words(a, part[p], plen[p], VG_CL_MAX_WORDS, &w, &n) != 0) { fputs("no memory\n", stderr); exit(1); }
        for (size_t i = 0; i < n; i++)
            if (vg_cl_word_term(&w[i]) && !w[i].numeric) add(strdup(w[i].fold));
    }
    qsort(terms + first, n_terms - first, sizeof *terms, by_bytes);
    size_t k = first;
    for (size_t i = first; i < n_terms; i++) {
        if (k > first && !strcmp(terms[k - 1], terms[i])) { free(terms[i]); continue; }
        terms[k++] = terms[i];
    }
    n_terms = k;
}

int main(int argc, char **argv)
{
    if (argc != 3) { fputs("usage: reference_df TOP MIN_DF < documents (each ending in a NUL byte)\n", stderr); return 2; }
    size_t top = (size_t)atol(argv[1]);
    unsigned long min_df = (unsigned long)atol(argv[2]);
    vg_arena *a = vg_arena_new(1 << 20);
    char *doc = NULL;
    size_t cap = 0;
    ssize_t got;
    unsigned long docs = 0;
    while ((got = getdelim(&doc, &cap, '\0', stdin)) > 0) {
        size_t len = (size_t)got;
        if (doc[len - 1] == '\0') len--;
        if (!len) continue;
        read_doc(a, doc, len);
        vg_arena_reset(a);
        docs++;
    }
    qsort(terms, n_terms, sizeof *terms, by_bytes);
    count *c = malloc((n_terms + 1) * sizeof *c);
    size_t n = 0;
    for (size_t i = 0; i < n_terms; i++) {
        if (n && !strcmp(c[n - 1].term, terms[i])) c[n - 1].df++;
        else c[n++] = (count){terms[i], 1};
    }
    qsort(c, n, sizeof *c, by_df);
    printf("@documents\t%lu\n", docs);
    for (size_t i = 0; i < n && i < top && c[i].df >= min_df; i++) printf("%s\t%lu\n", c[i].term, c[i].df);
    for (size_t i = 0; i < n_terms; i++) free(terms[i]);
    free(terms);
    free(c);
    free(doc);
    vg_arena_free(a);
    return 0;
}
