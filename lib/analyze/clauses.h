/* clauses.h - a sentence that tells two incidents at two places, parted into clauses (internal
 * to lib/analyze). */
#ifndef VG_AN_CLAUSES_H
#define VG_AN_CLAUSES_H
#include "mentions.h"

/* Parts the sentences whose clauses, joined by a joiner (cues.tsv class "joiner", or a
 * conjunction joined to a trigger's word: clitics.tsv flag "and"), each tell an incident at a
 * scene of their own (clauses.c); when any is parted, c->s, c->sent_no and c->ns_text say so,
 * and every sentence is scored again into a new *si and *sum. Needs c->places and c->attr. */
vg_status vg_an_split_clauses(ctx *c, sent_info **si, mention_sums *sum);

#endif
