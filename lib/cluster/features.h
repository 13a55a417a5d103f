/* features.h - what story clustering compares: weighted terms and language-neutral anchors of one document. */
#ifndef VG_CL_FEATURES_H
#define VG_CL_FEATURES_H
#include <stddef.h>
#include <stdint.h>

#include "vigie.h"
#include "../dedup/words.h"
#include "../doc/doc.h"

enum {
    VG_CL_MAX_WORDS = 3000, /* words read per document: bounded cost */
    VG_CL_MAX_TERMS = 300,  /* terms kept after weighting */
    VG_CL_MAX_YEARS = 8,
    VG_CL_LEAD_LEN = 96
};
/* A main event at this confidence or more anchors its document (score.c). At
 * 0.5, ECB+ dev fell to 0.917 (a row at 0.5 is wrong one time in four, and a
 * wrong lead splits a true story); 0.6 and 0.7: 0.922, as without the anchor,
 * and check-seeds 67 of 68 (64 without: 003 / 004 told apart, alone and
 * among other news). */
#define VG_CL_LEAD_SURE 0.6
/* vg_cl_doc.lead of an analysed text with no event at all (an announcement, a talk): it
 * disagrees with a sure incident (002, Al-Nosra announcing an offensive, no longer joins 003,
 * the army retaking Abou Kamal, among other news: check-seeds 68 of 68). ECB+ dev 0.922 ->
 * 0.920 in name order; 8 orders mean / min 0.927 / 0.902 -> 0.930 / 0.906. */
#define VG_CL_NO_EVENT "-"

/* Times the text must repeat its main name (vg_cl_doc.main_name); see story_weights.h
 * (LACKS_NAME) for the figures. */
#define VG_CL_MAIN_NAME_MIN 3

/* Term kinds, hashed into the id so a place "paris" and the word "paris"
 * are different features. */
typedef enum { VG_CL_WORD, VG_CL_NAME, VG_CL_PLACE, VG_CL_ACTOR, VG_CL_DATE, VG_CL_FIGURE } vg_cl_kind;

typedef struct vg_cl_term {
    int64_t id;   /* hash of kind + folded text, >= 0 */
    float tf;     /* raw weighted count */
    float w;      /* after vg_cl_weigh: tf-idf, unit-normalised */
} vg_cl_term;

/* Is y a year a news text can be about (1950..2099), as the story features keep them? */
static inline int vg_cl_news_year(long y) { return y >= 1950 && y <= 2099; }

typedef struct vg_cl_doc {
    vg_cl_term *terms; /* arena-owned, unique ids */
    size_t n;
    /* The name the text body repeats most (a capitalised word inside a sentence, at least
     * VG_CL_MAIN_NAME_MIN times and more often than any other): who or what the report is
     * about, the arrested player, the fighter, the town. Its term id (a VG_CL_WORD term), 0
     * none. A story whose members never name it is likely another incident (score.c). */
    int64_t main_name;
    uint16_t years[VG_CL_MAX_YEARS]; /* years written in the text (1950..2099) */
    size_t n_years;
    uint16_t pub_year; /* latest year of its own dating (published, dateline or URL lines), 0 unknown */
    uint16_t own_year; /* no publication date: the year of the day its text dates itself by
                        * (vg_doc.own_date), if it names no later year; 0 unknown */
    /* Anchors of the main event, when the analysis found one. */
    char event_date[11];   /* "" unknown */
    /* What happened and who did it, when the analysis is sure of its main event
     * (confidence >= VG_CL_LEAD_SURE): "event type<US>actor1", "" unknown. */
    char lead[VG_CL_LEAD_LEN];
    double lat, lon;
    int has_coords;        /* town-level coordinates (geo_precision 1-2) */
    int fatalities;        /* -1 unknown */
    char day[11];          /* publication date YYYY-MM-DD, "" unknown */
} vg_cl_doc;

/* Features of a loaded (optionally analysed) document. Memory from doc->arena.
 * VG_ERR_NOMEM on no memory. A document without words gives n == 0. */
vg_status vg_cl_extract(vg_doc *doc, vg_cl_doc *out);

/* Is this word of a text a word term of its features (VG_CL_WORD, as a name or not)?
 * Three letters or more; numbers count too, but the reference frequencies
 * (reference.h) leave them out. */
static inline int vg_cl_word_term(const vg_word *w) { return w->fold_len >= 3 || w->numeric; }
/* The term id of a folded word (VG_CL_WORD). */
int64_t vg_cl_word_id(const char *fold, size_t n);

/* Turn raw counts into unit tf-idf weights given each term's document
 * frequency df[i] (aligned with terms, including this document) among
 * n_docs documents, and keep the VG_CL_MAX_TERMS heaviest. Frequencies are
 * real numbers: the collection's own counts mixed with a reference corpus's
 * (vg_cl_reference_mix); below 1 counts as 1. */
void vg_cl_weigh(vg_cl_doc *d, const double *df, double n_docs);

/* Keep the `keep` heaviest terms by tf-idf (df as for vg_cl_weigh), raw
 * counts untouched, heaviest first (ties by term id): what is worth weighing
 * again once frequencies settle. */
void vg_cl_keep(vg_cl_doc *d, const double *df, double n_docs, size_t keep);
/* After vg_cl_keep: the VG_CL_MAX_TERMS heaviest, at unit length. vg_cl_weigh
 * is the two in one; a caller that keeps more raw terms copies and normalises
 * instead of weighing twice. */
void vg_cl_normalize(vg_cl_doc *d);

/* Days since 1970-01-01 of a "YYYY-MM-DD" prefix, or -1 if not a date. */
long vg_cl_day_number(const char *s);

#endif
