/* reference.c - reference document frequencies per language (see reference.h). */
#include "reference.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/alloc.h"
#include "../core/data_dir.h"
#include "../core/keytable.h"
#include "../core/tsv.h"

/* The compiled-in data folder (the Makefile sets it), as vg_env_open reads it. */
#ifndef VG_DATA_DIR
#define VG_DATA_DIR "data"
#endif

typedef struct ref_ent {
    int64_t term;
    uint32_t df;
} ref_ent;

struct vg_cl_reference {
    vg_keytable *t; /* of ref_ent */
    uint64_t docs;
};

void vg_cl_reference_free(vg_cl_reference *r)
{
    if (!r) return;
    vg_keytable_free(r->t);
    free(r);
}

static int parse_count(const char *s, unsigned long long *v)
{
    char *end;
    if (!*s || *s == '-') return -1;
    errno = 0;
    *v = strtoull(s, &end, 10);
    return *end || errno ? -1 : 0;
}

static vg_status read_rows(vg_tsv *t, vg_cl_reference *r)
{
    while (vg_tsv_next(t) == 1) {
        unsigned long long v;
        const char *term = vg_tsv_field(t, 0);
        if (vg_tsv_nfields(t) != 2 || !*term || parse_count(vg_tsv_field(t, 1), &v) || v > UINT32_MAX)
            return vg_tsv_fail(t, VG_ERR_RESOURCE, "expected TERM<TAB>COUNT");
        if (!strcmp(term, "@documents")) {
            r->docs = v;
            continue;
        }
        if (!r->docs) return vg_tsv_fail(t, VG_ERR_RESOURCE, "a term before the @documents row");
        if (v > r->docs) return vg_tsv_fail(t, VG_ERR_RESOURCE, "a count above @documents");
        ref_ent *e = vg_keytable_put(r->t, vg_cl_word_id(term, strlen(term)), NULL);
        if (!e) return vg_tsv_fail(t, VG_ERR_NOMEM, "no memory");
        e->df = (uint32_t)v;
    }
    if (!r->docs) return vg_tsv_fail(t, VG_ERR_RESOURCE, "no @documents row");
    return VG_OK;
}

static vg_status finish(vg_tsv *t, vg_cl_reference *r, vg_status st, vg_cl_reference **out)
{
    vg_status cs = vg_tsv_close(t);
    if (st == VG_OK) st = cs;
    if (st != VG_OK) {
        vg_cl_reference_free(r);
        return st;
    }
    *out = r;
    return VG_OK;
}

static vg_cl_reference *new_reference(void)
{
    vg_cl_reference *r = vg_calloc(1, sizeof *r);
    if (r && !(r->t = vg_keytable_new(sizeof(ref_ent)))) {
        free(r);
        r = NULL;
    }
    return r;
}

vg_status vg_cl_reference_parse(const char *name, const char *text, size_t len, vg_cl_reference **out, char *err,
                                size_t errlen)
{
    *out = NULL;
    vg_cl_reference *r = new_reference();
    if (!r) return VG_ERR_NOMEM;
    vg_tsv t;
    vg_tsv_open_mem(&t, name, text, len, 0, err, errlen);
    return finish(&t, r, read_rows(&t, r), out);
}

static vg_status load_file(const char *path, vg_cl_reference **out)
{
    *out = NULL;
    char err[256];
    vg_tsv t;
    if (vg_tsv_open(&t, path, 0, err, sizeof err) != VG_OK) return VG_ERR_NOT_FOUND;
    vg_cl_reference *r = new_reference();
    if (!r) {
        vg_tsv_close(&t);
        return VG_ERR_NOMEM;
    }
    vg_status st = finish(&t, r, read_rows(&t, r), out);
    if (st != VG_OK) fprintf(stderr, "vigie: %s; story weights use the collection's frequencies alone\n", err);
    return st;
}

/* ---------------------------------------------------------------- the process's references */

enum { REFS_MAX = 64 };

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct {
    char *path;         /* <dir>/<lang>/reference_df.tsv */
    vg_cl_reference *r; /* NULL: the language has none there */
} refs[REFS_MAX];
static size_t n_refs;

const char *vg_cl_reference_dir(const char *dir)
{
    return vg_data_dir(dir && *dir ? dir : NULL);
}

const vg_cl_reference *vg_cl_reference_for(const char *dir, const char *lang)
{
    if (!lang || !*lang || strlen(lang) >= 16 || strchr(lang, '/') || lang[0] == '.') return NULL;
    char path[1024];
    if ((size_t)snprintf(path, sizeof path, "%s/%s/reference_df.tsv", vg_cl_reference_dir(dir), lang) >= sizeof path)
        return NULL;
    vg_cl_reference *r = NULL;
    pthread_mutex_lock(&lock);
    size_t i;
    for (i = 0; i < n_refs; i++)
        if (!strcmp(refs[i].path, path)) break;
    if (i < n_refs) {
        r = refs[i].r;
    } else if (n_refs < REFS_MAX && (refs[n_refs].path = strdup(path))) {
        load_file(path, &r);
        refs[n_refs++].r = r;
    }
    pthread_mutex_unlock(&lock);
    return r;
}

/* ---------------------------------------------------------------- reading and mixing */

uint64_t vg_cl_reference_docs(const vg_cl_reference *r) { return r ? r->docs : 0; }

uint32_t vg_cl_reference_df(const vg_cl_reference *r, int64_t term)
{
    const ref_ent *e = r ? vg_keytable_get(r->t, term) : NULL;
    return e ? e->df : 0;
}

void vg_cl_reference_mix(const vg_cl_reference *r, double weight, const vg_cl_term *terms, size_t n_terms,
                         const uint32_t *df, uint64_t n, double *out_df, double *out_n)
{
    double scale = r && r->docs && weight > 0 ? weight * (double)(n + 1) / (double)r->docs : 0;
    for (size_t i = 0; i < n_terms; i++) {
        double ref = scale > 0 ? scale * vg_cl_reference_df(r, terms[i].id) : 0;
        out_df[i] = ref > df[i] ? ref : (double)df[i];
    }
    *out_n = (double)n;
}
