/* classes.h - the class columns of data/<lang>/ tables as enums, resolved when
 * the table loads: a class the code does not know is an error naming
 * file:line, never a row silently ignored (internal). */
#ifndef VG_CLASSES_H
#define VG_CLASSES_H
#include <stddef.h>

/* cues.tsv, column 2 (the legend at the top of data/en/cues.tsv says what each does). */
typedef enum vg_cue_class {
    VG_CUE_AGENT, VG_CUE_AGGREGATE, VG_CUE_ANTI, VG_CUE_ASSAULT, VG_CUE_FICTION,
    VG_CUE_FUTURE, VG_CUE_HIST, VG_CUE_MONTH, VG_CUE_NEG, VG_CUE_NONPOL,
    VG_CUE_OPINION, VG_CUE_ORG, VG_CUE_ORIGIN, VG_CUE_PLAN, VG_CUE_REGION,
    VG_CUE_SHOOTOUT, VG_CUE_SINCE, VG_CUE_UMBRELLA, VG_CUE_VICTIM, VG_CUE_DETAINED, VG_CUE_RELATED,
    VG_CUE_ANAPHOR, VG_CUE_EARLIER, VG_CUE_STATEMENT, VG_CUE_ARMED, VG_CUE_OPENER, VG_CUE_CAPITAL, VG_CUE_SCENE,
    VG_CUE_PURPOSE, VG_CUE_JOINER, VG_CUE_BEARING, VG_CUE_BEARING_OF, VG_CUE_NEG_AFTER, VG_CUE_CREDIT,
    VG_CUE_COUNT
} vg_cue_class;
extern const char *const vg_cue_class_names[VG_CUE_COUNT];

/* attribution.tsv, column 2: where the source named stands. */
/* stop: ends a source's name; nosource: a span opening with it names no one; aux: an
 * auxiliary before the verb of saying (attribution.c). */
typedef enum vg_attr_class {
    VG_ATTR_NEXT, VG_ATTR_PREV, VG_ATTR_NONE, VG_ATTR_STOP, VG_ATTR_NOSOURCE, VG_ATTR_AUX, VG_ATTR_COUNT
} vg_attr_class;
extern const char *const vg_attr_class_names[VG_ATTR_COUNT];

/* casualties.tsv, column 2: what a number next to the phrase counts. */
typedef enum vg_casualty_class {
    VG_CAS_KILLED, VG_CAS_KILLED1, VG_CAS_INJURED, VG_CAS_ARRESTED, VG_CAS_ABDUCTED,
    VG_CAS_NOTE, VG_CAS_NONE, VG_CAS_SUBSET,
    /* rows that count nothing themselves (counts.c): a part of a toll, a unit after a number,
     * a total over time, an article as one victim, a protest's cause, a protest word, a relative
     * pronoun opening a clause about the victims, a phrase joining a victim to companions ("along
     * with", "en même temps que"), the word that makes a figure the companions ("two others") */
    VG_CAS_PARTOF, VG_CAS_MEASURE, VG_CAS_AGGREGATE, VG_CAS_ONE, VG_CAS_CAUSE, VG_CAS_PROTEST, VG_CAS_AND,
    VG_CAS_RELATIVE, VG_CAS_ALONG, VG_CAS_OTHERS,
    VG_CAS_COUNT
} vg_casualty_class;
extern const char *const vg_casualty_class_names[VG_CAS_COUNT];

#endif
