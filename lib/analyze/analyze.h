/* analyze.h - events from a document's clean text (internal). */
#ifndef VG_ANALYZE_H
#define VG_ANALYZE_H
#include <stddef.h>

#include "vigie.h"
#include "../doc/doc.h"

typedef struct vg_analyzer vg_analyzer;

/* Loads lexicons, actors, month names from data_dir/<lang>/ and the compiled
 * gazetteer. A missing gazetteer is not fatal: a note goes into warn. */
vg_status vg_analyzer_load(const char *data_dir, vg_analyzer **out, char *err, size_t errlen,
                           char *warn, size_t warnlen);
void vg_analyzer_free(vg_analyzer *a);
/* Appends events to doc (vg_doc_add_event). Thread-safe on a shared analyzer;
 * all per-document memory comes from doc->arena.
 *
 * What it does, per document in a language with data/<lang>/triggers.tsv
 * (other languages get no events): sentences; trigger phrases scored per
 * ACLED sub-event type, cancelled by a negation or a threat/announcement
 * just before them, discounted in background sentences (a year before the
 * reference year) and dropped next to accidents, disasters and sport; ACLED's
 * precedence (protest + force = with intervention, protesters' violence =
 * riot, armed men on both sides = battle, crowd violence = mob violence,
 * territory taken by the state = regained). The main event (highest
 * confidence) comes from the whole document, earlier sentences weighing
 * more; other sentences of a different sub-type add lower-confidence events.
 *
 * event_date convention: "YYYY-MM-DD". Weekdays and relative words
 * ("jeudi", "hier", "last week") are resolved only against a publication
 * date. A day and month with no year and no publication date are written
 * with the year as "XXXX" ("XXXX-11-08"): the year is unknown, not invented.
 * Month-only dates ("March 2020") take day 15 with time_precision 3. With
 * no date in the text, the publication date with time_precision 2.
 *
 * Fatalities follow ACLED: an explicit tally in the note ("3 fatalities",
 * "Fatalities coded as 3", "no fatalities") wins; else the figures bound to
 * "killed"-words near the event, summed across groups; vague words use
 * ACLED's conventions from numbers.tsv (tens = 10, dozens = 12, hundreds =
 * 100, an unknown plural such as "several" = 3). */
vg_status vg_analyze(const vg_analyzer *a, vg_doc *doc);

/* dateline.c: the first full date (day, month, year) in a dateline such as
 * "Publié le 8 novembre 2023 à 10h05" or "Updated: May 9, 2020", read with
 * lang's month names; written "YYYY-MM-DD" into out, "YYYY-MM-DDThh:mm" when the line gives
 * the time of day next to it ("March 12, 2013 02: 03"). 0 if there is none.
 * Token memory comes from arena. */
int vg_analyze_dateline(const vg_analyzer *a, vg_arena *arena, const char *lang, const char *s, size_t n,
                        char out[17]);
/* The same for a title that opens or closes with a full date, where plain text's first lines
 * ran together ("Sudan Bombs Yida Refugee Camp on Nov 10, 2011", "11 November 2011 Last
 * updated at 12: 41 GMT"), with its time of day as vg_analyze_dateline writes it; a date
 * inside a title is the story's, not the page's: 0. */
int vg_analyze_title_date(const vg_analyzer *a, vg_arena *arena, const char *lang, const char *s, size_t n,
                          char out[17]);

/* countries.c: the ISO 3166-1 alpha-2 code of a country named by a name the
 * gazetteer knows (any language), an alpha-2 or an alpha-3 code; an may be
 * NULL (codes and English names only). VG_ERR_NOT_FOUND when none. */
vg_status vg_an_country_code(const vg_analyzer *an, const char *text, char iso2[3]);

#endif
