/* score.h - how close a document is to a story: cosine of terms, pushed apart by disagreeing anchors. */
#ifndef VG_CL_SCORE_H
#define VG_CL_SCORE_H
#include <stddef.h>
#include <stdint.h>

#include "features.h"

/* Minimum score (mean cosine to the story's members, see vg_cl_score) for a
 * document to join a story rather than start one. */
#define VG_CL_THRESHOLD 0.10

/* What a story remembers besides its centroid. */
typedef struct vg_cl_story {
    int64_t id;
    double norm2;           /* squared norm of the summed member vectors */
    long n_articles;        /* members counted in the sum (0: unknown, treated as 1) */
    long n_dated;           /* of them, those with a date of their own (-1 unknown: saved before it was counted) */
    uint16_t years[VG_CL_MAX_YEARS];
    size_t n_years;
    uint16_t pub_year;      /* latest of the members' own years (vg_cl_doc.pub_year), 0 unknown */
    char event_date[11];    /* of the first member with one */
    char lead[VG_CL_LEAD_LEN]; /* of the first member with one (vg_cl_doc.lead) */
    double lat, lon;
    int has_coords;
    long first_day, last_day; /* publication day numbers, -1 unknown */
} vg_cl_story;

/* dot: dot product of the document's unit vector with the story's summed
 * member vectors; the score is its mean over the members (average link).
 * other_lang: the story has no article in the document's language; then
 * words are a weak signal and the same town-level place (coordinates within
 * 10 km) adds VG_CL_PLACE_BONUS, before the disagreement factors. */
#define VG_CL_PLACE_BONUS 0.15
/* lacks_name: none of the story's members names the document's main name
 * while another report does (vg_cl_doc.main_name; 0 when it has none or when
 * that is not known: see LACKS_NAME). */
double vg_cl_score(const vg_cl_doc *d, const vg_cl_story *s, double dot, int other_lang, int lacks_name);

/* Has the document a date of its own: a year from its own dating
 * (published, dateline, URL) or its main event's full date? */
int vg_cl_doc_dated(const vg_cl_doc *d);

/* The share of the story's members with a date of their own (0 to 1). */
double vg_cl_dated_share(const vg_cl_story *s);

/* Fold a new member's anchors into the story (years, dates, place). */
void vg_cl_story_add(vg_cl_story *s, const vg_cl_doc *d);

/* Add year y to a set of at most VG_CL_MAX_YEARS; a full set drops its oldest
 * year for a later one. */
void vg_cl_years_add(uint16_t *years, size_t *n, uint16_t y);

/* Serialise the years and the publication year as "2008,2013;2013" (no ";"
 * part when pub is 0; out: at least VG_CL_YEARS_TEXT bytes) and back. */
#define VG_CL_YEARS_TEXT (VG_CL_MAX_YEARS * 5 + 6)
void vg_cl_years_format(const uint16_t *years, size_t n, uint16_t pub, char *out);
size_t vg_cl_years_parse(const char *s, uint16_t *years, uint16_t *pub);

#endif
