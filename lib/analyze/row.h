/* row.h - one event row from a sentence and a sub-type (internal to lib/analyze). */
#ifndef VG_AN_ROW_H
#define VG_AN_ROW_H
#include "mentions.h"

/* Adds a row to c->doc: sub-type sub, confidence conf, from sentence main_k
 * of si (its trigger for evidence); place, date, actors and country, counts
 * and attribution from the field resolvers. doc_note (the main row only, else
 * NULL) is the whole text's explicit fatalities note; date, when not NULL, the
 * day its incident's mentions name. */
vg_status vg_an_row(ctx *c, sent_info *si, size_t main_k, int sub, float conf, const count *doc_note,
                    const vg_date *date);

/* The place sentence k names as a scene (vg_places_primary's pick among its
 * places outside sources' descriptions), or NULL. Needs c->places. */
const vg_place *vg_an_sentence_place(ctx *c, size_t k);

/* The place a row of sub-type sub told in sentence main_k takes (its sentence's, else one
 * before it, else the text's; see row.c), or NULL. */
const vg_place *vg_an_pick_place(ctx *c, const sent_info *si, size_t main_k, int sub);

/* The places that can be an event's scene (outside sources' descriptions, not an
 * organisation's name, not a statement's addressee), in text order; *n their count. */
const vg_place *vg_an_scene_places(ctx *c, size_t *n);

/* Does date d follow, within DATE_OF_ACT_REACH words, someone killed or wounded or an act
 * of violence other than a crowd's own? For a crowd's row, that is the day of the act it
 * rose against, not its own. */
int vg_an_dates_an_act(const ctx *c, const vg_date *d);

#endif
