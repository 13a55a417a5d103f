/* score.h - how close a document is to a story: cosine of terms, pushed apart by disagreeing anchors. */
#ifndef VG_CL_SCORE_H
#define VG_CL_SCORE_H
#include <stddef.h>
#include <stdint.h>

#include "features.h"

/* Minimum score for a document to join a story rather than start one. */
#define VG_CL_THRESHOLD 0.17

/* What a story remembers besides its centroid. */
typedef struct vg_cl_story {
    int64_t id;
    double norm2;           /* squared norm of the summed member vectors */
    uint16_t years[VG_CL_MAX_YEARS];
    size_t n_years;
    char event_date[11];    /* of the first member with one */
    double lat, lon;
    int has_coords;
    long first_day, last_day; /* publication day numbers, -1 unknown */
} vg_cl_story;

/* dot: dot product of the document's unit vector with the story centroid.
 * other_lang: the story has no article in the document's language; then
 * words are a weak signal and the same town-level place (coordinates within
 * 10 km) adds VG_CL_PLACE_BONUS, before the disagreement factors. */
#define VG_CL_PLACE_BONUS 0.15
double vg_cl_score(const vg_cl_doc *d, const vg_cl_story *s, double dot, int other_lang);

/* Fold a new member's anchors into the story (years, dates, place). */
void vg_cl_story_add(vg_cl_story *s, const vg_cl_doc *d);

/* Serialise the years as "2008,2013" (out: at least VG_CL_MAX_YEARS*5+1 bytes) and back. */
void vg_cl_years_format(const uint16_t *years, size_t n, char *out);
size_t vg_cl_years_parse(const char *s, uint16_t *years);

#endif
