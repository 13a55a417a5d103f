/* stories.h - which story an article joins: assignment, the second look and
 * its window, over a small interface any store implements (vg_cl_store_ops).
 *
 * The clustering decides; the store keeps. The store behind the interface
 * (lib/store/stories_sql.c for SQLite, an in-memory fake in tests/unit/fake_store.c)
 * answers document frequencies, the newest stories per term and story rows,
 * and writes what the clustering decided; it never chooses a story. */
#ifndef VG_CL_STORIES_H
#define VG_CL_STORIES_H
#include <stddef.h>
#include <stdint.h>

#include "vigie.h"
#include "../core/arena.h"
#include "features.h"
#include "postings.h" /* VG_CL_POSTINGS_TOP: how many postings per term retrieval reads */
#include "score.h"

/* A posting as retrieval reads it: a story and one term's weight in the sum
 * of its members' vectors. */
typedef struct vg_cl_hit {
    int64_t story;
    double w;
} vg_cl_hit;

/* What the clustering asks of a store. Each call runs inside the store's
 * open write transaction and returns VG_OK or the store's error (the put
 * then fails and the store drops its batch, calling vg_cl_stories_forget).
 * `ud` is the pointer given to vg_cl_stories_new. */
typedef struct vg_cl_store_ops {
    /* Count a new document: df[i] = the document frequency of d->terms[i]
     * with it counted, *n_docs = the documents counted with it. */
    vg_status (*count_terms)(void *ud, const vg_cl_doc *d, uint32_t *df, uint64_t *n_docs);
    /* The document frequencies of d->terms as they are now (0: none). */
    vg_status (*term_df)(void *ud, const vg_cl_doc *d, uint32_t *df);
    /* The newest stories holding a term (highest ids first) with their
     * weights, as added and taken below: at most VG_CL_POSTINGS_TOP in out.
     * Retrieval reads no more, so a store may keep no older posting. */
    vg_status (*postings)(void *ud, int64_t term, vg_cl_hit *out, size_t *n);
    /* Called before `postings` is asked for each of d's terms in turn: a
     * store that pays a round trip per statement reads them all at once
     * here. May be NULL. */
    vg_status (*prefetch_postings)(void *ud, const vg_cl_doc *d);
    /* A member joins: add w to the story's weight for the term; *now = the
     * weight after. A store that keeps no posting for the pair (the story
     * is older than the term's newest VG_CL_POSTINGS_TOP) sets *now = w. */
    vg_status (*posting_add)(void *ud, int64_t term, int64_t story, double w, double *now);
    /* A member leaves: take w from the weight, or set it to 0 when
     * `emptied` (the story's last member left); *now = the weight after, 0
     * when the store keeps no posting for the pair. */
    vg_status (*posting_take)(void *ud, int64_t term, int64_t story, double w, int emptied, double *now);
    /* A story as saved (an unknown id: all zero but id, days -1). */
    vg_status (*load_story)(void *ud, int64_t id, vg_cl_story *s);
    /* Write a story's norm, member count and anchors. */
    vg_status (*save_story)(void *ud, const vg_cl_story *s);
    /* A new empty story (no members, norm 0) started by an article. */
    vg_status (*new_story)(void *ud, int64_t first_article, int64_t *id);
    /* Does any article of the story (copies included) have this language? */
    vg_status (*has_lang)(void *ud, int64_t story, const char *lang, int *has);
    /* Called before `has_lang` is asked for some of these stories in turn:
     * a store that pays a round trip per statement answers them all at
     * once here. May be NULL. */
    vg_status (*prefetch_langs)(void *ud, const int64_t *stories, size_t n, const char *lang);
    /* The article's story (0: none, while it is between stories). What
     * the clustering knows already, for a store that keeps caches: `from`,
     * the story it leaves (when story is 0), and `lang`, its language
     * (NULL: not known; the store reads what it needs). */
    vg_status (*assign)(void *ud, int64_t article, int64_t story, int64_t from, const char *lang);
    /* The story of the article's copies (articles whose dup_of it is). */
    vg_status (*assign_copies)(void *ud, int64_t article, int64_t story);
} vg_cl_store_ops;

/* The clustering's own state between puts: the recent articles kept for a
 * second look. One per store connection; not thread-safe. */
typedef struct vg_cl_stories vg_cl_stories;

/* NULL on no memory. ops must outlive the result. */
vg_cl_stories *vg_cl_stories_new(const vg_cl_store_ops *ops, void *ud);
void vg_cl_stories_free(vg_cl_stories *c); /* accepts NULL */
/* The store dropped its batch or learnt that another writer changed it:
 * forget the window (what it holds may not be stored). Accepts NULL. */
void vg_cl_stories_forget(vg_cl_stories *c);
/* The data folder term weights read the reference corpora of each language from
 * (reference.h: <data_dir>/<lang>/reference_df.tsv): the folder of the documents' vg_env,
 * which the store passes on at each put. NULL keeps the folder set before (none: $VIGIE_DATA,
 * else the compiled-in one). VG_ERR_NOMEM, the folder unchanged, when it cannot copy it. */
vg_status vg_cl_stories_set_data(vg_cl_stories *c, const char *data_dir);

/* A new article that is not a copy: count its terms, weigh them, join the
 * story that scores best or start one, keep it for a second look. raw: its
 * features from vg_cl_extract, weighed in place (its terms are reordered and
 * cut). Scratch memory from arena. Every LOOK_EVERY articles of an open
 * batch this also runs vg_cl_stories_settle. */
vg_status vg_cl_stories_put(vg_cl_stories *c, vg_cl_doc *raw, const char *lang, int64_t article, vg_arena *arena);

/* The second look, before the store commits: the recent articles whose
 * story or near stories changed, or whose weights went stale, may move. */
vg_status vg_cl_stories_settle(vg_cl_stories *c);

#endif
