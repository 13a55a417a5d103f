/* postings.h - in-memory cache of the most recent stories per term (the head of story_terms). */
#ifndef VG_CL_POSTINGS_H
#define VG_CL_POSTINGS_H
#include <stddef.h>
#include <stdint.h>

/* Why: reading up to 64 postings for each of 300 terms per article, and an
 * upsert per term per join, were most of the cost of clustering. A loaded
 * list holds exactly the VG_CL_POSTINGS_TOP highest story ids of its term
 * with their current weights, newest first, as story_terms would answer
 * them; changed weights are dirty until the store writes them back. */
enum { VG_CL_POSTINGS_TOP = 64 };

typedef struct vg_cl_post {
    int64_t story;
    double w;
    int dirty;
} vg_cl_post;

typedef struct vg_cl_plist {
    int64_t term;
    vg_cl_post *p; /* n entries, story ids descending */
    uint32_t n, cap;
} vg_cl_plist;

typedef struct vg_cl_postings vg_cl_postings;

vg_cl_postings *vg_cl_postings_new(void);
void vg_cl_postings_free(vg_cl_postings *m);
/* The loaded list of a term, or NULL. Valid until the next _add or _clear. */
vg_cl_plist *vg_cl_postings_get(vg_cl_postings *m, int64_t term);
/* A new empty list for a term not loaded yet; NULL on no memory. */
vg_cl_plist *vg_cl_postings_add(vg_cl_postings *m, int64_t term);
/* Append a posting older than all in the list (loading); -1 on no memory. */
int vg_cl_plist_append(vg_cl_postings *m, vg_cl_plist *l, int64_t story, double w);
/* Insert a posting at its place. If that pushes the list past the top, the
 * oldest is dropped and copied to *evicted (return 1); 0 otherwise; -1 on no
 * memory. The caller knows the story is not in the list and belongs there. */
int vg_cl_plist_insert(vg_cl_postings *m, vg_cl_plist *l, int64_t story, double w, vg_cl_post *evicted);
/* Index of a story in the list, or -1. */
long vg_cl_plist_find(const vg_cl_plist *l, int64_t story);
size_t vg_cl_postings_entries(const vg_cl_postings *m);
void vg_cl_postings_clear(vg_cl_postings *m);

#endif
