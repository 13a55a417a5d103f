/* numbers.h - numerals and number words ("1,300", "1 300", "deux", "une trentaine", "dozens") (internal). */
#ifndef VG_NUMBERS_H
#define VG_NUMBERS_H
#include <stddef.h>

#include "lexicon.h"
#include "tokens.h"

enum { VG_NUM_EXACT = 0, VG_NUM_APPROX = 1, VG_NUM_VAGUE = 2 };

typedef struct vg_number {
    long value;
    int kind;      /* VG_NUM_* */
    size_t t0, t1; /* tokens [t0, t1), modifiers ("at least") included */
    int above;     /* a lead-in says the count exceeds the figure ("more than 40": 41 or more) */
} vg_number;

/* words: numbers.tsv rows `phrase<TAB>value<TAB>exact|approx|vague|mod|above|scale`
 * ("mod" rows are lead-ins like "at least" that keep the number after them; "above" rows
 * are lead-ins that say the count exceeds it, "more than", "plus de": out->above).
 * Returns 1 and fills *out if a number starts at toks[i]. */
int vg_number_at(const vg_lexicon *words, const vg_tok *t, size_t end, size_t i, vg_number *out);

#endif
