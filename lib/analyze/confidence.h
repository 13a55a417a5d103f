/* confidence.h - a row's confidence: the probability, calibrated on the dev
 * articles, that it is a real incident of the right type and country that no
 * other row of the article already covers (internal to lib/analyze). */
#ifndef VG_AN_CONFIDENCE_H
#define VG_AN_CONFIDENCE_H
#include <stddef.h>

/* What the confidence reads of a row (scripts/calibrate-confidence.py learns
 * their weights; weights.h holds them). */
enum {
    RF_LEAD,          /* 1: the document's lead incident */
    RF_HEAD_SCORE,    /* log(1 + score of its strongest mention) */
    RF_DOC_SCORE,     /* log(1 + the document's lead score) */
    RF_MENTIONS,      /* log(its mentions): sentences that tell it */
    RF_SHARE,         /* its mentions' scores over all incidents' */
    RF_LEDE,          /* 1 / (1 + W_LEDE * its first sentence) */
    RF_PLACE,         /* its mentions name a town or division */
    RF_DAY,           /* its mentions name a full day */
    RF_NONPOL,        /* the text has accident, disaster or sport cues */
    RF_DENSITY,       /* share of the text's sentences where a trigger stands */
    RF_ACTOR,         /* actor1 named in the text (not a default) */
    RF_SOURCE,        /* a source named ("police said", "according to") */
    RF_OTHER_COUNTRY, /* another country than the lead row's */
    RF_DEATHS,        /* fatalities > 0 */
    RF_TOLL,          /* its strongest mention's sentence gives a toll (killed, injured, arrested) */
    RF_LENGTH,        /* log(1 + the text's sentences): a coder's one-event note or a whole article */
    RF_STRATEGIC,     /* a strategic development (arrests, looting, agreements, territory): in a whole
                       * article mostly background to the violence it reports (en-dev + fr: 2 of 21 such
                       * extra rows right) */
    RF_OTHER_TYPE,    /* an extra row of another event type than the lead's (a battle in a text about a
                       * riot): the lead's own kind is told again more often than a second kind happens */
    RF_COUNT
};
extern const char *const vg_an_row_feature_names[RF_COUNT];

/* The calibrated probability for features x of a row of a text of
 * n_sentences sentences (short notes and whole articles have a model each);
 * extra_offset: the text's language's own offset for the rows besides the lead
 * of a whole article (lang_res extra_row_offset, data/<lang>/calibration.tsv). */
float vg_an_confidence(const float x[RF_COUNT], size_t n_sentences, float extra_offset);

#endif
