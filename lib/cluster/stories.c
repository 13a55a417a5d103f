/* stories.c - incremental story clustering: a new article joins the story
 * that scores best or starts one (the second look is in second_look.c).
 *
 * Moved from lib/store/stories.c, which decided stories and saved them: the
 * decisions are here, over the store interface of stories.h, so another
 * store backend reuses them; the SQL stayed in lib/store/stories_sql.c.
 *
 * Per-article cost is bounded whatever the archive size: candidates come
 * from the postings of the article's terms, which hold only the newest
 * VG_CL_POSTINGS_TOP stories per term, so a word every story shares costs
 * the same at 1,000 or 1,000,000 articles. */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "postings.h"
#include "../core/alloc.h"
#include "../core/hash.h"
#include "reference.h"
#include "stories_impl.h"

vg_cl_stories *vg_cl_stories_new(const vg_cl_store_ops *ops, void *ud)
{
    vg_cl_stories *c = vg_calloc(1, sizeof *c);
    if (!c) return NULL;
    c->ops = ops;
    c->ud = ud;
    return c;
}

static void forget_singles(vg_cl_stories *c)
{
    for (size_t i = 0; i < c->n_single; i++) {
        free(c->single[i].f.terms);
        free(c->single[i].raw.terms);
    }
    c->n_single = 0;
}

void vg_cl_stories_forget(vg_cl_stories *c)
{
    if (!c) return;
    forget_singles(c);
    c->counting = 0;
}

void vg_cl_stories_free(vg_cl_stories *c)
{
    if (!c) return;
    forget_singles(c);
    free(c->single);
    free(c->touched);
    free(c->data_dir);
    free(c);
}

vg_status vg_cl_stories_set_data(vg_cl_stories *c, const char *data_dir)
{
    if (!data_dir || (c->data_dir && !strcmp(c->data_dir, data_dir))) return VG_OK;
    char *d = vg_strdup(data_dir);
    if (!d) return VG_ERR_NOMEM;
    free(c->data_dir);
    c->data_dir = d;
    return VG_OK;
}

/* ---------------------------------------------------------------- weights */

vg_status vg_cl_lang_df(vg_cl_stories *c, vg_arena *arena, const vg_cl_doc *raw, const char *lang, int count,
                        double *df, double *n_lang)
{
    if (!lang) lang = "";
    uint64_t seed = vg_hash64(lang, strlen(lang), 0x6c616e675f646621ULL);
    vg_cl_doc t = *raw;
    if (!(t.terms = vg_arena_alloc(arena, (raw->n + 1) * sizeof *t.terms))) return VG_ERR_NOMEM;
    uint32_t *tdf = vg_arena_alloc(arena, (raw->n + 1) * sizeof *tdf);
    if (!tdf) return VG_ERR_NOMEM;
    for (size_t i = 0; i < raw->n; i++) {
        t.terms[i] = raw->terms[i];
        t.terms[i].id = (int64_t)(vg_hash64(&raw->terms[i].id, sizeof raw->terms[i].id, seed) >> 1);
    }
    /* the language's own document count: a term every article of it holds */
    t.terms[raw->n] = (vg_cl_term){(int64_t)(vg_hash64("documents", 9, seed) >> 1), 1, 0};
    t.n = raw->n + 1;
    vg_status s;
    if (count) {
        uint64_t n_docs = 0;
        if ((s = c->ops->count_terms(c->ud, &t, tdf, &n_docs)) != VG_OK) return s;
        if (!c->counting) { /* the first count since the store (re)read its total */
            c->docs_at_commit = n_docs - 1;
            c->counting = 1;
        }
        c->n_docs = n_docs;
    } else if ((s = c->ops->term_df(c->ud, &t, tdf)) != VG_OK) {
        return s;
    }
    if (!count)
        for (size_t i = 0; i < raw->n; i++)
            if (!tdf[i]) tdf[i] = 1; /* the article counted it: never below one */
    vg_cl_reference_mix(vg_cl_reference_for(c->data_dir, lang), REFERENCE_WEIGHT, raw->terms, raw->n, tdf,
                        tdf[raw->n] ? tdf[raw->n] : 1, df, n_lang);
    return VG_OK;
}

/* ---------------------------------------------------------------- retrieval */

typedef struct cand {
    int64_t story;
    double dot;
    double name_w; /* the story's weight on the document's main name (0: none of its members names it) */
} cand;

static int by_dot_desc(const void *pa, const void *pb)
{
    const cand *a = pa, *b = pb;
    if (a->dot != b->dot) return a->dot < b->dot ? 1 : -1;
    return a->story > b->story ? -1 : a->story < b->story; /* newer first on ties */
}

/* Move the k first candidates in by_dot_desc order to the front, sorted,
 * and return how many that is (min(n, k)). Retrieval gathers up to
 * CANDIDATES_MAX candidates and only SCORED_STORIES are scored: one pass
 * keeping a small sorted window costs ~n comparisons where sorting them all
 * cost n log n, and it grew with the archive until the cap. The order is
 * total (story ids are unique), so the first k are those a full sort gives. */
static size_t keep_best(cand *c, size_t n, size_t k)
{
    cand top[SCORED_STORIES];
    assert(k <= SCORED_STORIES);
    if (n <= k) {
        qsort(c, n, sizeof *c, by_dot_desc);
        return n;
    }
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (m == k && by_dot_desc(&c[i], &top[k - 1]) >= 0) continue;
        size_t j = m < k ? m++ : k - 1;
        while (j > 0 && by_dot_desc(&c[i], &top[j - 1]) < 0) {
            top[j] = top[j - 1];
            j--;
        }
        top[j] = c[i];
    }
    memcpy(c, top, m * sizeof *c);
    return m;
}

/* Every hit of the postings of f's terms, with its term, to visit (the one walk gather and
 * vg_cl_dots_to share); n_hits: how many the term's postings gave. */
typedef void (*hit_visit)(void *ud, const vg_cl_term *term, const vg_cl_hit *hit, size_t n_hits);

/* A story's weight on a name this small or less: no member names it (what a
 * member that left takes away may leave behind in floating point). */
#define NAME_W_NONE 1e-6

/* Does f's main name tell, from the walk of its postings, which stories never name it?
 * Only if f kept the term (its postings are walked), another report names it (a name no
 * other report gives is this report's own detail, a witness, a spokesman: no sign of
 * another incident), and its postings list every story that has it. */
typedef struct name_seen {
    int kept;  /* f's main name is among its terms */
    int named; /* a report other than f names it (in any story, f's own included) */
    int full;  /* its postings gave VG_CL_POSTINGS_TOP stories: older ones may name it too */
} name_seen;

static name_seen name_kept(const vg_cl_doc *f)
{
    name_seen n = {0, 0, 0};
    for (size_t i = 0; f->main_name && i < f->n; i++)
        if (f->terms[i].id == f->main_name) n.kept = 1;
    return n;
}

static void see_name(name_seen *n, size_t n_hits, int own, double w)
{
    if (n_hits >= VG_CL_POSTINGS_TOP) n->full = 1;
    if (!own && w > NAME_W_NONE) n->named = 1;
}

static int lacks_name(const name_seen *n, double name_w)
{
    return n->kept && n->named && !n->full && name_w <= NAME_W_NONE;
}

static vg_status walk_postings(vg_cl_stories *c, const vg_cl_doc *f, hit_visit visit, void *ud)
{
    vg_cl_hit hits[VG_CL_POSTINGS_TOP];
    if (c->ops->prefetch_postings) {
        vg_status s = c->ops->prefetch_postings(c->ud, f);
        if (s != VG_OK) return s;
    }
    for (size_t i = 0; i < f->n; i++) {
        size_t n_hits = 0;
        vg_status s = c->ops->postings(c->ud, f->terms[i].id, hits, &n_hits);
        if (s != VG_OK) return s;
        assert(n_hits <= VG_CL_POSTINGS_TOP);
        for (size_t j = 0; j < n_hits; j++) visit(ud, &f->terms[i], &hits[j], n_hits);
    }
    return VG_OK;
}

/* gather's table of candidates: story -> its dot product. */
typedef struct gathered {
    cand *cd;
    int64_t *slot;   /* story -> index+1 */
    int32_t *idx;
    size_t n, cap;
    int64_t skip;
    double *skip_dot;
    double skip_name_w;
    const vg_cl_doc *f;
    name_seen name;
} gathered;

static void gather_hit(void *ud, const vg_cl_term *term, const vg_cl_hit *hit, size_t n_hits)
{
    gathered *g = ud;
    int64_t sid = hit->story;
    int is_name = g->f->main_name && term->id == g->f->main_name;
    if (is_name) see_name(&g->name, n_hits, sid == g->skip, hit->w);
    if (sid == g->skip) {
        if (g->skip_dot) *g->skip_dot += term->w * hit->w;
        if (is_name) g->skip_name_w = hit->w;
        return;
    }
    size_t h = (size_t)((uint64_t)sid * 0x9e3779b97f4a7c15ULL >> 40) & (2 * g->cap - 1);
    while (g->slot[h] && g->slot[h] != sid) h = (h + 1) & (2 * g->cap - 1);
    if (!g->slot[h]) {
        if (g->n == g->cap) return; /* enough candidates: ignore new ones */
        g->slot[h] = sid;
        g->idx[h] = (int32_t)g->n;
        g->cd[g->n++] = (cand){sid, 0, 0};
    }
    g->cd[g->idx[h]].dot += term->w * hit->w;
    if (is_name) g->cd[g->idx[h]].name_w = hit->w;
}

/* The candidate stories of f with their dot products: every story in the
 * postings of f's terms but `skip` (its dot goes to *skip_dot, its weight on
 * f's main name to *skip_name_w), the first CANDIDATES_MAX met; *name: what
 * the walk says of f's main name. *out from arena. */
static vg_status gather(vg_cl_stories *c, vg_arena *arena, const vg_cl_doc *f, int64_t skip, double *skip_dot,
                        double *skip_name_w, name_seen *name, cand **out, size_t *n_out)
{
    gathered g = {.cap = CANDIDATES_MAX, .skip = skip, .skip_dot = skip_dot, .f = f, .name = name_kept(f)};
    g.cd = vg_arena_alloc(arena, g.cap * sizeof *g.cd);
    g.slot = vg_arena_calloc(arena, 2 * g.cap, sizeof *g.slot);
    g.idx = vg_arena_calloc(arena, 2 * g.cap, sizeof *g.idx);
    if (!g.cd || !g.slot || !g.idx) return VG_ERR_NOMEM;
    vg_status s = walk_postings(c, f, gather_hit, &g);
    if (s != VG_OK) return s;
    *skip_name_w = g.skip_name_w;
    *name = g.name;
    *out = g.cd;
    *n_out = g.n;
    return VG_OK;
}

vg_status vg_cl_best_story(vg_cl_stories *c, const char *lang, vg_arena *arena, const vg_cl_doc *f, int64_t skip,
                           int64_t *story, double *skip_dot, int *skip_lacks_name, double *best_score,
                           int64_t near[NEAR_STORIES])
{
    *story = 0;
    if (skip_dot) *skip_dot = 0;
    size_t n_near = 0;
    if (near) memset(near, 0, NEAR_STORIES * sizeof *near);
    cand *cd;
    size_t n;
    name_seen name;
    double skip_name_w = 0;
    vg_status s = gather(c, arena, f, skip, skip_dot, &skip_name_w, &name, &cd, &n);
    if (s != VG_OK) return s;
    if (skip_lacks_name) {
        /* its own story without it: f's own weight on its name taken out */
        double own = 0;
        for (size_t i = 0; i < f->n; i++)
            if (f->terms[i].id == f->main_name) own = f->terms[i].w;
        if (skip_name_w - own > NAME_W_NONE) name.named = 1; /* its story's other reports name it */
        *skip_lacks_name = lacks_name(&name, skip_name_w - own);
    }
    n = keep_best(cd, n, SCORED_STORIES);
    if (lang && f->has_coords && n && c->ops->prefetch_langs) {
        int64_t ids[SCORED_STORIES];
        for (size_t i = 0; i < n; i++) ids[i] = cd[i].story;
        if ((s = c->ops->prefetch_langs(c->ud, ids, n, lang)) != VG_OK) return s;
    }
    double best = VG_CL_THRESHOLD;
    for (size_t i = 0; i < n; i++) {
        vg_cl_story st;
        if ((s = c->ops->load_story(c->ud, cd[i].story, &st)) != VG_OK) return s;
        /* across languages the same town counts (vg_cl_score's place bonus) */
        int other_lang = 0;
        if (lang && f->has_coords && st.has_coords) {
            int has = 0;
            if ((s = c->ops->has_lang(c->ud, cd[i].story, lang, &has)) != VG_OK) return s;
            other_lang = !has;
        }
        double score = vg_cl_score(f, &st, cd[i].dot, other_lang, lacks_name(&name, cd[i].name_w));
        if (near && score >= NEAR_FLOOR && n_near < NEAR_STORIES) near[n_near++] = cd[i].story;
        if (score >= best) {
            best = score;
            *story = cd[i].story;
        }
    }
    if (best_score) *best_score = best;
    return VG_OK;
}

/* vg_cl_dots_to's sums: the dot product with each of the stories asked for,
 * and each one's weight on f's main name. */
typedef struct dots_to {
    const vg_cl_doc *f;
    const int64_t *stories;
    size_t n;
    double *dots;
    double name_w[MERGE_CANDIDATES];
    name_seen name;
} dots_to;

static void dots_hit(void *ud, const vg_cl_term *term, const vg_cl_hit *hit, size_t n_hits)
{
    dots_to *d = ud;
    int is_name = d->f->main_name && term->id == d->f->main_name;
    if (is_name) see_name(&d->name, n_hits, 0, hit->w);
    for (size_t k = 0; k < d->n; k++)
        if (hit->story == d->stories[k]) {
            d->dots[k] += term->w * hit->w;
            if (is_name) d->name_w[k] = hit->w;
        }
}

vg_status vg_cl_dots_to(vg_cl_stories *c, const vg_cl_doc *f, const int64_t *stories, size_t n, double *dots,
                        int *lacks)
{
    assert(n <= MERGE_CANDIDATES);
    memset(dots, 0, n * sizeof *dots);
    dots_to d = {.f = f, .stories = stories, .n = n, .dots = dots, .name = name_kept(f)};
    vg_status s = walk_postings(c, f, dots_hit, &d);
    for (size_t k = 0; s == VG_OK && k < n; k++) lacks[k] = lacks_name(&d.name, d.name_w[k]);
    return s;
}

/* ---------------------------------------------------------------- joining */

vg_status vg_cl_join(vg_cl_stories *c, const vg_cl_doc *f, int64_t story, int64_t article, const char *lang)
{
    vg_cl_story s;
    vg_status vs = c->ops->load_story(c->ud, story, &s);
    if (vs != VG_OK) return vs;
    for (size_t i = 0; i < f->n; i++) {
        double x = f->terms[i].w, now;
        /* A story older than the term's newest keeps no weight there (no
         * retrieval would read it): the store says now = x, so it counts in
         * the norm as new. */
        if ((vs = c->ops->posting_add(c->ud, f->terms[i].id, story, x, &now)) != VG_OK) return vs;
        double old = now - x;
        s.norm2 += now * now - old * old;
    }
    vg_cl_story_add(&s, f);
    s.n_articles++;
    if ((vs = c->ops->save_story(c->ud, &s)) != VG_OK) return vs;
    return c->ops->assign(c->ud, article, story, 0, lang && *lang ? lang : NULL);
}

/* The last member leaves a story with norm 0 and no weights: never a
 * candidate again. Anchors (years, dates, place) it brought stay. */
vg_status vg_cl_leave(vg_cl_stories *c, const vg_cl_doc *f, const vg_cl_story *stored, int64_t article)
{
    vg_cl_story s = *stored; /* as the caller loaded it */
    vg_status vs;
    int last = s.n_articles <= 1;
    for (size_t t = 0; t < f->n; t++) {
        double w = f->terms[t].w, now;
        /* Past the term's head the store keeps no weight (now = 0), and
         * vg_cl_join counted it in the norm as new; take that out. */
        if ((vs = c->ops->posting_take(c->ud, f->terms[t].id, s.id, w, last, &now)) != VG_OK) return vs;
        double old = now + w;
        s.norm2 += now * now - old * old;
    }
    if (last || s.norm2 < 0) s.norm2 = 0;
    s.n_articles--;
    if (s.n_dated > 0 && vg_cl_doc_dated(f)) s.n_dated--;
    if ((vs = c->ops->save_story(c->ud, &s)) != VG_OK) return vs;
    /* out of the story's languages too (best_story asks them), until it joins one */
    return c->ops->assign(c->ud, article, 0, s.id, NULL);
}

/* Keep the article for the second look: its raw counts (to weigh again
 * with the final frequencies) and the vector its story holds. */
static vg_status remember(vg_cl_stories *c, const vg_cl_doc *raw, const vg_cl_doc *f, const char *lang,
                          int64_t story, int64_t article, int sure, const int64_t near[NEAR_STORIES])
{
    if (!f->n || c->n_single >= SINGLES_MAX) return VG_OK;
    if (vg_grow(&c->single, &c->cap_single, c->n_single + 1, sizeof *c->single)) return VG_ERR_NOMEM;
    vg_cl_single *x = &c->single[c->n_single];
    x->story = story;
    x->article = article;
    x->looks = 0;
    x->sure = sure;
    x->weighed_at = x->arrived_at = c->n_docs;
    memcpy(x->near, near, sizeof x->near);
    x->f = *f;
    x->raw = *raw;
    x->raw.terms = vg_malloc(raw->n * sizeof *raw->terms);
    if (!(x->f.terms = vg_malloc(f->n * sizeof *f->terms)) || !x->raw.terms) {
        free(x->f.terms);
        free(x->raw.terms);
        return VG_ERR_NOMEM;
    }
    memcpy(x->f.terms, f->terms, f->n * sizeof *f->terms);
    memcpy(x->raw.terms, raw->terms, raw->n * sizeof *raw->terms);
    snprintf(x->lang, sizeof x->lang, "%s", lang ? lang : "");
    c->n_single++;
    return VG_OK;
}

vg_status vg_cl_stories_put(vg_cl_stories *c, vg_cl_doc *raw, const char *lang, int64_t article, vg_arena *arena)
{
    double *df = vg_arena_alloc(arena, (raw->n ? raw->n : 1) * sizeof *df);
    if (!df) return VG_ERR_NOMEM;
    double n_lang = 0;
    vg_status s = vg_cl_lang_df(c, arena, raw, lang, 1, df, &n_lang);
    if (s != VG_OK) return s;
    /* Weighed once: the raw terms kept for the second look, heaviest first;
     * the story vector is their head at unit length. */
    vg_cl_keep(raw, df, n_lang, RAW_TERMS);
    vg_cl_doc f = *raw;
    if (!(f.terms = vg_arena_alloc(arena, (raw->n ? raw->n : 1) * sizeof *f.terms))) return VG_ERR_NOMEM;
    memcpy(f.terms, raw->terms, raw->n * sizeof *raw->terms);
    vg_cl_normalize(&f);
    int64_t story = 0, near[NEAR_STORIES];
    double best = 0;
    if ((s = vg_cl_best_story(c, lang, arena, &f, 0, &story, NULL, NULL, &best, near)) != VG_OK) return s;
    int sure = story && best >= SURE_JOIN;
    if (!story && (s = c->ops->new_story(c->ud, article, &story)) != VG_OK) return s;
    if ((s = vg_cl_join(c, &f, story, article, lang)) != VG_OK) return s;
    if ((s = remember(c, raw, &f, lang, story, article, sure, near)) != VG_OK) return s;
    /* A large batch is looked at again every LOOK_EVERY articles, as if a
     * feed had committed them that often: stories then no longer depend on
     * the batch size (the look only reads and writes within the open
     * transaction; a failure rolls the batch back like any put's). */
    if (c->n_docs - c->docs_at_commit >= LOOK_EVERY) return vg_cl_stories_settle(c);
    return VG_OK;
}
