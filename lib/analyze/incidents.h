/* incidents.h - which events a document reports, as rows (internal to lib/analyze). */
#ifndef VG_AN_INCIDENTS_H
#define VG_AN_INCIDENTS_H
#include "mentions.h"

/* The document's lead sub-type (-1: it reports no event) and its score. */
int vg_an_lead(const ctx *c, const sent_info *si, const mention_sums *sum, float *score);
/* Adds the document's rows for lead sub-type sub (score `score`): needs
 * c->attr and c->places made. doc_note: the whole text's "fatalities" note
 * (vg_an_counts over all of it), for the lead row. */
vg_status vg_an_incidents(ctx *c, sent_info *si, const mention_sums *sum, int sub, float score, const count *doc_note);

#endif
