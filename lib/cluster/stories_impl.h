/* stories_impl.h - what stories.c (joining) and second_look.c (the window) share. Internal to lib/cluster. */
#ifndef VG_CL_STORIES_IMPL_H
#define VG_CL_STORIES_IMPL_H
#include "stories.h"
#include "story_weights.h"

/* A recent article (not a copy) with its vectors, for a second look at the
 * next commits, when the stories made after it exist. Kept while the
 * window holds it (second_look.c), or until the store forgets. */
typedef struct vg_cl_single {
    int64_t story, article;
    vg_cl_doc f, raw;    /* its story vector and raw counts (heap copies) */
    char lang[16];
    int looks, sure;     /* commits it was looked at; joined with SURE_JOIN or more */
    uint64_t weighed_at; /* documents counted when f was weighed */
    uint64_t arrived_at; /* documents counted when it came */
    int64_t near[NEAR_STORIES]; /* stories it nearly joined at its last look, 0 past the end */
} vg_cl_single;

struct vg_cl_stories {
    const vg_cl_store_ops *ops;
    void *ud;
    uint64_t n_docs;         /* documents counted, as the store last said */
    uint64_t docs_at_commit; /* ... at the last second look */
    int counting;            /* n_docs known since the last forget */
    vg_cl_single *single;
    size_t n_single, cap_single;
    /* Stories changed since the articles of the window were last looked at
     * (sorted for bsearch): only their members and near members are looked
     * at again, so the work of a commit follows the batch, not the window. */
    int64_t *touched;
    size_t n_touched, cap_touched;
    char *data_dir; /* where the references of term weights are read (vg_cl_stories_set_data); NULL: the default */
};

/* Document frequencies of raw's terms among the documents of its language
 * (df, aligned with raw->terms) and how many documents that language has
 * (*n_lang, at least 1), each term at least as common as the language's
 * reference corpus says (reference.h, REFERENCE_WEIGHT). count: the article is new, count it (and set
 * c->n_docs, all documents); otherwise read them as they are now. Terms
 * keep their language-neutral ids in story vectors (a name or a place
 * matches across languages); only their weights are read against the
 * article's own language, so words common in it weigh nothing however few
 * its documents are among the others (issue 11). Scratch from arena. */
vg_status vg_cl_lang_df(vg_cl_stories *c, vg_arena *arena, const vg_cl_doc *raw, const char *lang, int count,
                        double *df, double *n_lang);

/* The story whose score is best, if at least VG_CL_THRESHOLD (*story 0:
 * none). Postings of `skip` are not candidates; their dot product with f
 * goes to *skip_dot (may be NULL), and *skip_lacks_name (may be NULL) says
 * whether that story without f names f's main name (vg_cl_score's
 * lacks_name). near (may be NULL): the candidates that scored NEAR_FLOOR
 * or more, 0 past the end. */
vg_status vg_cl_best_story(vg_cl_stories *c, const char *lang, vg_arena *arena, const vg_cl_doc *f, int64_t skip,
                           int64_t *story, double *skip_dot, int *skip_lacks_name, double *best_score,
                           int64_t near[NEAR_STORIES]);
/* dots[k]: the dot product of f with stories[k]'s summed member vectors
 * as retrieval reads them (the stories' postings among f's terms);
 * lacks[k]: vg_cl_score's lacks_name for it. n <= MERGE_CANDIDATES. */
vg_status vg_cl_dots_to(vg_cl_stories *c, const vg_cl_doc *f, const int64_t *stories, size_t n, double *dots,
                        int *lacks);
/* Add the article's vector to the story (centroid, norm, anchors) and
 * assign it there. */
vg_status vg_cl_join(vg_cl_stories *c, const vg_cl_doc *f, int64_t story, int64_t article, const char *lang);
/* Take its vector out of the story `stored` (as loaded) and leave it with
 * no story: the inverse of vg_cl_join, anchors aside (its dated count goes). */
vg_status vg_cl_leave(vg_cl_stories *c, const vg_cl_doc *f, const vg_cl_story *stored, int64_t article);

#endif
