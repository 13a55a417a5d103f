/* confidence.c - a row's confidence: a logistic model over what the analyser
 * knows of the row (confidence.h), its weights learnt on the dev articles by
 * scripts/calibrate-confidence.py and kept in weights.h. */
#include "confidence.h"
#include "weights.h"

#include <math.h>

const char *const vg_an_row_feature_names[RF_COUNT] = {
    "lead", "head_score", "doc_score", "mentions", "share", "lede", "place", "day", "nonpol",
    "density", "actor", "source", "other_country", "deaths", "toll", "length", "strategic", "other_type"};

static const float short_w[RF_COUNT] = ROW_CONF_WEIGHTS_SHORT;
static const float long_w[RF_COUNT] = ROW_CONF_WEIGHTS_LONG;

float vg_an_confidence(const float x[RF_COUNT], size_t n_sentences, float extra_offset)
{
    int is_short = n_sentences <= SHORT_TEXT_SENTENCES;
    const float *w = is_short ? short_w : long_w;
    float z = is_short ? ROW_CONF_BIAS_SHORT : ROW_CONF_BIAS_LONG;
    /* a language's analyser may find right extra rows more or less often than the shared model says */
    if (!is_short && x[RF_LEAD] == 0) z += extra_offset;
    for (int i = 0; i < RF_COUNT; i++) z += w[i] * x[i];
    return 1.0f / (1.0f + expf(-z));
}
