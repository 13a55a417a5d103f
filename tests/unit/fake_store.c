/* fake_store.c - an in-memory store behind lib/cluster's story interface: what a second backend implements, minus the disk. */
#include "fake_store.h"

#include <stdlib.h>
#include <string.h>

enum { MAX_ARTICLES = 512, MAX_STORIES = 512, MAX_TERMS = 16384, MAX_POSTINGS = 32768 };

struct fake_store {
    struct { int64_t term; uint32_t n; } df[MAX_TERMS];
    size_t n_df;
    uint64_t n_docs;
    struct { int64_t term, story; double w; } post[MAX_POSTINGS];
    size_t n_post;
    vg_cl_story story[MAX_STORIES]; /* id i at [i - 1] */
    int64_t n_stories;
    struct { int64_t story, dup_of; char lang[8]; } art[MAX_ARTICLES]; /* id i at [i - 1] */
    int64_t n_articles;
    long n_new, n_save, n_copies;
};

fake_store *fake_store_new(void) { return calloc(1, sizeof(fake_store)); }
void fake_store_free(fake_store *fs) { free(fs); }

int64_t fake_store_article(fake_store *fs, const char *lang, int64_t dup_of)
{
    if (fs->n_articles == MAX_ARTICLES) return 0;
    int64_t id = ++fs->n_articles;
    fs->art[id - 1].story = 0;
    fs->art[id - 1].dup_of = dup_of;
    strncpy(fs->art[id - 1].lang, lang ? lang : "", sizeof fs->art[id - 1].lang - 1);
    return id;
}

int64_t fake_store_story_of(const fake_store *fs, int64_t article)
{
    return article >= 1 && article <= fs->n_articles ? fs->art[article - 1].story : -1;
}

int64_t fake_store_n_stories(const fake_store *fs) { return fs->n_stories; }

const vg_cl_story *fake_store_story(const fake_store *fs, int64_t id)
{
    return id >= 1 && id <= fs->n_stories ? &fs->story[id - 1] : NULL;
}

double fake_store_norm2(const fake_store *fs, int64_t story)
{
    double n2 = 0;
    for (size_t i = 0; i < fs->n_post; i++)
        if (fs->post[i].story == story) n2 += fs->post[i].w * fs->post[i].w;
    return n2;
}

long fake_store_calls(const fake_store *fs, const char *what)
{
    if (!strcmp(what, "new_story")) return fs->n_new;
    if (!strcmp(what, "save_story")) return fs->n_save;
    if (!strcmp(what, "assign_copies")) return fs->n_copies;
    return -1;
}

/* ---------------------------------------------------------------- the interface */

static uint32_t *df_slot(fake_store *fs, int64_t term, int add)
{
    for (size_t i = 0; i < fs->n_df; i++)
        if (fs->df[i].term == term) return &fs->df[i].n;
    if (!add || fs->n_df == MAX_TERMS) return NULL;
    fs->df[fs->n_df].term = term;
    fs->df[fs->n_df].n = 0;
    return &fs->df[fs->n_df++].n;
}

static vg_status count_terms(void *ud, const vg_cl_doc *d, uint32_t *df, uint64_t *n_docs)
{
    fake_store *fs = ud;
    for (size_t i = 0; i < d->n; i++) {
        uint32_t *n = df_slot(fs, d->terms[i].id, 1);
        if (!n) return VG_ERR_NOMEM;
        df[i] = ++*n;
    }
    *n_docs = ++fs->n_docs;
    return VG_OK;
}

static vg_status term_df(void *ud, const vg_cl_doc *d, uint32_t *df)
{
    for (size_t i = 0; i < d->n; i++) {
        uint32_t *n = df_slot(ud, d->terms[i].id, 0);
        df[i] = n ? *n : 0;
    }
    return VG_OK;
}

static int by_story_desc(const void *pa, const void *pb)
{
    const vg_cl_hit *a = pa, *b = pb;
    return (a->story < b->story) - (a->story > b->story);
}

static vg_status postings(void *ud, int64_t term, vg_cl_hit *out, size_t *n)
{
    fake_store *fs = ud;
    vg_cl_hit all[MAX_STORIES];
    size_t k = 0;
    for (size_t i = 0; i < fs->n_post && k < MAX_STORIES; i++)
        if (fs->post[i].term == term) all[k++] = (vg_cl_hit){fs->post[i].story, fs->post[i].w};
    qsort(all, k, sizeof *all, by_story_desc);
    *n = k < VG_CL_POSTINGS_TOP ? k : VG_CL_POSTINGS_TOP;
    memcpy(out, all, *n * sizeof *out);
    return VG_OK;
}

static double *weight(fake_store *fs, int64_t term, int64_t story, int add)
{
    for (size_t i = 0; i < fs->n_post; i++)
        if (fs->post[i].term == term && fs->post[i].story == story) return &fs->post[i].w;
    if (!add || fs->n_post == MAX_POSTINGS) return NULL;
    fs->post[fs->n_post].term = term;
    fs->post[fs->n_post].story = story;
    fs->post[fs->n_post].w = 0;
    return &fs->post[fs->n_post++].w;
}

static vg_status posting_add(void *ud, int64_t term, int64_t story, double w, double *now)
{
    double *x = weight(ud, term, story, 1);
    if (!x) return VG_ERR_NOMEM;
    *now = *x += w;
    return VG_OK;
}

static vg_status posting_take(void *ud, int64_t term, int64_t story, double w, int emptied, double *now)
{
    double *x = weight(ud, term, story, 0);
    *now = x ? (*x = emptied ? 0 : *x - w) : 0;
    return VG_OK;
}

static vg_status load_story(void *ud, int64_t id, vg_cl_story *s)
{
    const vg_cl_story *st = fake_store_story(ud, id);
    if (st) {
        *s = *st;
        return VG_OK;
    }
    memset(s, 0, sizeof *s);
    s->id = id;
    s->first_day = s->last_day = -1;
    return VG_OK;
}

static vg_status save_story(void *ud, const vg_cl_story *s)
{
    fake_store *fs = ud;
    if (s->id < 1 || s->id > fs->n_stories) return VG_ERR_ARG;
    fs->story[s->id - 1] = *s;
    fs->n_save++;
    return VG_OK;
}

static vg_status new_story(void *ud, int64_t first_article, int64_t *id)
{
    fake_store *fs = ud;
    (void)first_article;
    if (fs->n_stories == MAX_STORIES) return VG_ERR_NOMEM;
    *id = ++fs->n_stories;
    vg_cl_story *s = &fs->story[*id - 1];
    memset(s, 0, sizeof *s);
    s->id = *id;
    s->first_day = s->last_day = -1;
    fs->n_new++;
    return VG_OK;
}

static vg_status has_lang(void *ud, int64_t story, const char *lang, int *has)
{
    fake_store *fs = ud;
    *has = 0;
    for (int64_t i = 0; i < fs->n_articles && !*has; i++)
        *has = fs->art[i].story == story && !strcmp(fs->art[i].lang, lang);
    return VG_OK;
}

static vg_status assign(void *ud, int64_t article, int64_t story, int64_t from, const char *lang)
{
    fake_store *fs = ud;
    if (article < 1 || article > fs->n_articles) return VG_ERR_ARG;
    /* what the clustering says it knows must be what the store holds */
    if (!story && from != fs->art[article - 1].story) return VG_ERR_ARG;
    if (lang && strcmp(lang, fs->art[article - 1].lang)) return VG_ERR_ARG;
    fs->art[article - 1].story = story;
    return VG_OK;
}

static vg_status assign_copies(void *ud, int64_t article, int64_t story)
{
    fake_store *fs = ud;
    for (int64_t i = 0; i < fs->n_articles; i++)
        if (fs->art[i].dup_of == article) fs->art[i].story = story;
    fs->n_copies++;
    return VG_OK;
}

static const vg_cl_store_ops ops = {
    .count_terms = count_terms,
    .term_df = term_df,
    .postings = postings,
    .posting_add = posting_add,
    .posting_take = posting_take,
    .load_story = load_story,
    .save_story = save_story,
    .new_story = new_story,
    .has_lang = has_lang,
    .assign = assign,
    .assign_copies = assign_copies,
};

const vg_cl_store_ops *fake_store_ops(void) { return &ops; }
