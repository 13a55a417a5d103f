/* second_look.c - the window of recent articles and the second look that may move them to a better story.
 *
 * Order matters in incremental clustering: an article that came before the
 * rest of its event's reports found nothing to join and started a story of
 * its own, or joined the only near story there was then; and the first
 * articles of a fresh database were weighed with frequencies of a handful of
 * documents. At commit, an article of the window (the last WINDOW_ARTICLES
 * articles) is looked at again when its weights went stale, or when its
 * story or a story it nearly joined changed: the batch's articles joined,
 * started or nearly joined it, or an earlier round moved an article in or
 * out. It leaves its story, is weighed again if stale, and joins the story
 * that now scores best (its own among them), or starts one. Rounds repeat
 * while articles move. In arrival order (oldest first: with one large batch
 * this is the look every article had before); the batch's own articles
 * always, earlier ones LOOKS_PER_ARTICLE per article of the batch at most:
 * the cost of a commit follows the batch, not the window. Then a story the
 * batch touched may join another whole, when the two are one (merge_stories).
 *
 * Moved from lib/store/stories.c (second_look), and split into the steps
 * below; same decisions, same order. */
#include <stdlib.h>
#include <string.h>

#include "stories_impl.h"
#include "../core/alloc.h"

/* ---------------------------------------------------------------- touched stories */

static int by_id(const void *pa, const void *pb)
{
    int64_t a = *(const int64_t *)pa, b = *(const int64_t *)pb;
    return (a > b) - (a < b);
}

static vg_status touch(vg_cl_stories *c, int64_t story)
{
    if (!story) return VG_OK;
    if (vg_grow(&c->touched, &c->cap_touched, c->n_touched + 1, sizeof *c->touched)) return VG_ERR_NOMEM;
    c->touched[c->n_touched++] = story;
    return VG_OK;
}

/* Sort the first n touched stories and drop repeats; returns how many remain. */
static size_t touched_settle(vg_cl_stories *c, size_t n)
{
    if (n < 2) return n; /* and touched may be NULL: a first growth that failed */
    qsort(c->touched, n, sizeof *c->touched, by_id);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (!k || c->touched[k - 1] != c->touched[i]) c->touched[k++] = c->touched[i];
    return k;
}

static int is_touched(const int64_t *t, size_t n, int64_t story)
{
    return story && bsearch(&story, t, n, sizeof *t, by_id) != NULL;
}

/* Its story or a story it nearly joined changed: a second look may move it. */
static int near_change(const vg_cl_single *x, const int64_t *t, size_t n)
{
    if (is_touched(t, n, x->story)) return 1;
    for (size_t k = 0; k < NEAR_STORIES && x->near[k]; k++)
        if (is_touched(t, n, x->near[k])) return 1;
    return 0;
}

/* The first round's changes: what the batch's articles joined or nearly
 * joined. Returns how many stories that is (touched[0, n)). */
static vg_status touched_by_batch(vg_cl_stories *c, size_t *n)
{
    vg_status s = VG_OK;
    c->n_touched = 0;
    for (size_t i = 0; i < c->n_single && s == VG_OK; i++) {
        const vg_cl_single *x = &c->single[i];
        if (x->looks) continue;
        s = touch(c, x->story);
        for (size_t k = 0; k < NEAR_STORIES && s == VG_OK; k++) s = touch(c, x->near[k]);
    }
    *n = c->n_touched = touched_settle(c, c->n_touched);
    return s;
}

/* ---------------------------------------------------------------- one article's look */

static int is_stale(const vg_cl_stories *c, const vg_cl_single *x)
{
    return (double)c->n_docs >= STALE_GROWTH * (double)x->weighed_at;
}

/* Is the article looked at this round? Stale weights always; otherwise only
 * unsure ones whose story or near stories changed; the batch's own
 * articles always, earlier ones while the budget lasts (*budget counts it). */
static int wants_look(const vg_cl_stories *c, const vg_cl_single *x, size_t n_now, size_t *budget)
{
    int stale = is_stale(c, x);
    if (x->sure && !stale) return 0;
    if (!stale && !near_change(x, c->touched, n_now)) return 0;
    if (x->looks && !*budget) return 0;
    if (x->looks) (*budget)--;
    return 1;
}

static const char *lang_of(const vg_cl_single *x)
{
    return x->lang[0] ? x->lang : NULL;
}

/* Weights still good: score the other stories and its own without it
 * (centroid minus its vector) before writing anything; most articles stay
 * where they are (*to = x->story, nothing written). Otherwise it leaves its
 * story and *to is the one that scored better. */
static vg_status look_as_weighed(vg_cl_stories *c, vg_arena *a, vg_cl_single *x, const vg_cl_story *stored,
                                 int was_last, int64_t *to)
{
    double own_dot = 0, xx = 0, best = 0;
    int own_lacks = 0;
    vg_status s = vg_cl_best_story(c, lang_of(x), a, &x->f, x->story, to, &own_dot, &own_lacks, &best, x->near);
    if (s != VG_OK) return s;
    for (size_t t = 0; t < x->f.n; t++) xx += (double)x->f.terms[t].w * x->f.terms[t].w;
    double own_score = 0;
    if (!was_last) {
        vg_cl_story own = *stored;
        own.norm2 = own.norm2 - 2 * own_dot + xx;
        own.n_articles--;
        if (own.n_dated > 0 && vg_cl_doc_dated(&x->f)) own.n_dated--; /* the story without it */
        own_score = own.norm2 > 0 ? vg_cl_score(&x->f, &own, own_dot - xx, 0, own_lacks) : 0;
    }
    x->sure = best >= SURE_JOIN || own_score >= SURE_JOIN;
    if (!*to || own_score >= best) {
        *to = x->story;
        return VG_OK;
    }
    return vg_cl_leave(c, &x->f, stored, x->article);
}

/* The article's raw counts weighed with the frequencies as they are now. */
static vg_status reweigh(vg_cl_stories *c, vg_arena *a, const vg_cl_doc *raw, const char *lang, vg_cl_doc *out)
{
    *out = *raw;
    out->terms = vg_arena_alloc(a, (raw->n ? raw->n : 1) * sizeof *out->terms);
    double *df = vg_arena_alloc(a, (raw->n ? raw->n : 1) * sizeof *df);
    if (!out->terms || !df) return VG_ERR_NOMEM;
    memcpy(out->terms, raw->terms, raw->n * sizeof *raw->terms);
    double n_lang = 0;
    vg_status s = vg_cl_lang_df(c, a, raw, lang, 0, df, &n_lang);
    if (s != VG_OK) return s;
    vg_cl_weigh(out, df, n_lang);
    return VG_OK;
}

/* Stale weights: it leaves its story, is weighed again (*nf) and *to is
 * the story that now scores best (0: none). */
static vg_status look_weighed_again(vg_cl_stories *c, vg_arena *a, vg_cl_single *x, const vg_cl_story *own,
                                    vg_cl_doc *nf, int64_t *to)
{
    double best = 0;
    vg_status s = vg_cl_leave(c, &x->f, own, x->article);
    if (s == VG_OK) s = reweigh(c, a, &x->raw, lang_of(x), nf);
    if (s == VG_OK) s = vg_cl_best_story(c, lang_of(x), a, nf, 0, to, NULL, NULL, &best, x->near);
    if (s != VG_OK) return s;
    x->sure = *to && best >= SURE_JOIN;
    x->weighed_at = c->n_docs;
    return VG_OK;
}

/* The article, out of its story, joins `to` (0: a story of its own). */
static vg_status rejoin(vg_cl_stories *c, vg_cl_single *x, int64_t to, int was_last, const vg_cl_doc *nf)
{
    vg_status s;
    int64_t from = x->story;
    if (!to && was_last) to = x->story; /* alone again: its story stays its own */
    if (!to && (s = c->ops->new_story(c->ud, x->article, &to)) != VG_OK) return s;
    if (to != x->story) {
        /* both stories changed: their members and near members look again next round */
        if ((s = touch(c, from)) != VG_OK || (s = touch(c, to)) != VG_OK) return s;
        /* copies of the article follow it */
        if ((s = c->ops->assign_copies(c->ud, x->article, to)) != VG_OK) return s;
    }
    if ((s = vg_cl_join(c, nf, to, x->article, lang_of(x))) != VG_OK) return s;
    x->story = to;
    return VG_OK;
}

/* The window keeps the vector the article's story now holds. */
static vg_status keep_vector(vg_cl_single *x, const vg_cl_doc *nf)
{
    if (nf->terms == x->f.terms) return VG_OK;
    if (nf->n > x->f.n) {
        vg_cl_term *t = vg_realloc(x->f.terms, nf->n * sizeof *t);
        if (!t) return VG_ERR_NOMEM;
        x->f.terms = t;
    }
    memcpy(x->f.terms, nf->terms, nf->n * sizeof *nf->terms);
    x->f.n = nf->n;
    return VG_OK;
}

static vg_status look_again(vg_cl_stories *c, vg_arena *a, vg_cl_single *x)
{
    vg_arena_reset(a);
    vg_cl_story own;
    vg_status s = c->ops->load_story(c->ud, x->story, &own);
    if (s != VG_OK) return s;
    int was_last = own.n_articles <= 1;
    int64_t to = 0;
    vg_cl_doc nf = x->f;
    if (!is_stale(c, x)) {
        if ((s = look_as_weighed(c, a, x, &own, was_last, &to)) != VG_OK) return s;
        if (to == x->story) return VG_OK; /* stays: nothing written */
    } else if ((s = look_weighed_again(c, a, x, &own, &nf, &to)) != VG_OK) {
        return s;
    }
    if ((s = rejoin(c, x, to, was_last, &nf)) != VG_OK) return s;
    return keep_vector(x, &nf);
}

/* ---------------------------------------------------------------- stories that are one */

/* Moving one article at a time cannot bring two stories of one incident
 * together: each member scores best in the story it already shares with
 * the others (the story began while the weights were young, or before the
 * report that links them came), though the two would score as one story.
 * So a story the batch touched, whose members are all in the window, joins
 * the near story with which its average link (the mean of its members'
 * scores there, vg_cl_score with all its anchors) is the best and reaches
 * MERGE_LINK: what agglomerative average link does at that level. Not
 * across dating (see MERGE_LINK): a story of reports that carry their own
 * date and one of undated reports stay apart. */

/* Dated members, or none: which side of dating a story is on. */
static int dated_side(const vg_cl_story *s)
{
    return vg_cl_dated_share(s) > 0;
}

/* The stories near the members idx[0, n) of `from`, on its side of
 * dating, into st (at most MERGE_CANDIDATES); *n_st how many. */
static vg_status merge_candidates(vg_cl_stories *c, const size_t *idx, size_t n, const vg_cl_story *from,
                                  vg_cl_story *st, size_t *n_st)
{
    *n_st = 0;
    for (size_t i = 0; i < n; i++) {
        const vg_cl_single *m = &c->single[idx[i]];
        for (size_t k = 0; k < NEAR_STORIES && m->near[k] && *n_st < MERGE_CANDIDATES; k++) {
            int64_t t = m->near[k];
            int seen = t == from->id;
            for (size_t j = 0; j < *n_st && !seen; j++) seen = st[j].id == t;
            if (seen) continue;
            vg_status s = c->ops->load_story(c->ud, t, &st[*n_st]);
            if (s != VG_OK) return s;
            if (st[*n_st].n_articles > 0 && st[*n_st].norm2 > 0 && dated_side(&st[*n_st]) == dated_side(from))
                (*n_st)++;
        }
    }
    return VG_OK;
}

/* The candidate st[0, n_st) the members idx[0, n) have the best average
 * link with, if MERGE_LINK or more (*to 0: none). */
static vg_status best_link(vg_cl_stories *c, const size_t *idx, size_t n, const vg_cl_story *st, size_t n_st,
                           int64_t *to)
{
    int64_t ids[MERGE_CANDIDATES];
    double sum[MERGE_CANDIDATES] = {0}, dots[MERGE_CANDIDATES];
    int lacks[MERGE_CANDIDATES];
    for (size_t k = 0; k < n_st; k++) ids[k] = st[k].id;
    for (size_t i = 0; i < n; i++) {
        const vg_cl_single *m = &c->single[idx[i]];
        vg_status s = vg_cl_dots_to(c, &m->f, ids, n_st, dots, lacks);
        if (s != VG_OK) return s;
        for (size_t k = 0; k < n_st; k++) sum[k] += vg_cl_score(&m->f, &st[k], dots[k], 0, lacks[k]);
    }
    double best = MERGE_LINK * (double)n;
    *to = 0;
    for (size_t k = 0; k < n_st; k++)
        if (sum[k] >= best) {
            best = sum[k];
            *to = ids[k];
        }
    return VG_OK;
}

/* Every member of `from` (all in the window: idx[0, n)) moves to `to`. */
static vg_status merge_into(vg_cl_stories *c, const size_t *idx, size_t n, int64_t from, int64_t to)
{
    for (size_t i = 0; i < n; i++) {
        vg_cl_single *m = &c->single[idx[i]];
        vg_cl_story own;
        vg_status s = c->ops->load_story(c->ud, from, &own);
        if (s == VG_OK) s = vg_cl_leave(c, &m->f, &own, m->article);
        if (s == VG_OK) s = c->ops->assign_copies(c->ud, m->article, to);
        if (s == VG_OK) s = vg_cl_join(c, &m->f, to, m->article, lang_of(m));
        if (s != VG_OK) return s;
        m->story = to;
    }
    return VG_OK;
}

/* One story the batch touched, its members in the window idx[0, n): into
 * the story it is one with, if any. A story of one article is left to its
 * article's own look, which moves it to the best story when there is one. */
static vg_status merge_story(vg_cl_stories *c, const size_t *idx, size_t n, int64_t from)
{
    if (n < 2) return VG_OK;
    vg_cl_story self, st[MERGE_CANDIDATES];
    vg_status s = c->ops->load_story(c->ud, from, &self);
    if (s != VG_OK || self.n_articles != (long)n) return s; /* members outside the window cannot move */
    size_t n_st = 0;
    int64_t to = 0;
    if ((s = merge_candidates(c, idx, n, &self, st, &n_st)) != VG_OK) return s;
    if ((s = best_link(c, idx, n, st, n_st, &to)) != VG_OK || !to) return s;
    return merge_into(c, idx, n, from, to);
}

static vg_status merge_stories(vg_cl_stories *c, vg_arena *a)
{
    vg_arena_reset(a);
    size_t n_t = 0;
    vg_status s = touched_by_batch(c, &n_t);
    size_t *idx = vg_arena_alloc(a, (c->n_single ? c->n_single : 1) * sizeof *idx);
    if (s == VG_OK && !idx) s = VG_ERR_NOMEM;
    for (size_t t = 0; t < n_t && s == VG_OK; t++) {
        size_t n = 0;
        for (size_t i = 0; i < c->n_single; i++)
            if (c->single[i].story == c->touched[t]) idx[n++] = i;
        s = merge_story(c, idx, n, c->touched[t]);
    }
    c->n_touched = 0;
    return s;
}

/* ---------------------------------------------------------------- rounds and the window */

/* One round: every article of the window that wants a look, in arrival
 * order. Reads touched[0, n_now) and appends the next round's after it. */
static vg_status look_round(vg_cl_stories *c, vg_arena *a, size_t n_now, size_t *budget)
{
    for (size_t r = 0; r < c->n_single; r++) {
        vg_cl_single *x = &c->single[r];
        if (!wants_look(c, x, n_now, budget)) continue;
        vg_status s = look_again(c, a, x);
        if (s != VG_OK) return s;
    }
    return VG_OK;
}

/* The window moves on: an article stays for WINDOW_ARTICLES articles; past
 * that, while unsure for LOOK_COMMITS commits (large batches), or while the
 * next batch, as large as this one, would make its weights stale (a young
 * database), LOOK_MAX commits at most. */
static void move_window(vg_cl_stories *c, uint64_t batch)
{
    c->docs_at_commit = c->n_docs;
    size_t kept = 0;
    for (size_t i = 0; i < c->n_single; i++) {
        vg_cl_single *x = &c->single[i];
        x->looks++;
        int young = (double)(c->n_docs + batch) >= STALE_GROWTH * (double)x->weighed_at;
        if (c->n_docs - x->arrived_at < WINDOW_ARTICLES ||
            (x->looks < LOOK_MAX && ((!x->sure && x->looks < LOOK_COMMITS) || young))) {
            c->single[kept++] = *x;
            continue;
        }
        free(x->f.terms);
        free(x->raw.terms);
    }
    c->n_single = kept;
}

vg_status vg_cl_stories_settle(vg_cl_stories *c)
{
    if (!c->n_single) return VG_OK;
    vg_arena *a = vg_arena_new(0);
    if (!a) return VG_ERR_NOMEM;
    uint64_t batch = c->n_docs - c->docs_at_commit;
    size_t budget = LOOKS_PER_ARTICLE * (size_t)batch;
    size_t n_now;
    vg_status s = touched_by_batch(c, &n_now);
    for (int pass = 0; pass < LOOK_PASSES && n_now && s == VG_OK; pass++) {
        s = look_round(c, a, n_now, &budget);
        /* the next round: the stories this one changed */
        size_t n_next = c->n_touched - n_now;
        memmove(c->touched, c->touched + n_now, n_next * sizeof *c->touched);
        n_now = c->n_touched = touched_settle(c, n_next);
    }
    c->n_touched = 0;
    if (s == VG_OK) s = merge_stories(c, a);
    vg_arena_free(a);
    if (s != VG_OK) return s; /* the store drops the batch, forgetting the window */
    move_window(c, batch);
    return VG_OK;
}
