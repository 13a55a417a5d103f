/* dates.h - absolute, partial and relative date expressions resolved against a publication date (internal). */
#ifndef VG_DATES_H
#define VG_DATES_H
#include <stddef.h>

#include "lexicon.h"
#include "tokens.h"

/* Lexicons: months.tsv `name<TAB>1..12`, weekdays.tsv `name<TAB>1..7`
 * (Monday = 1), reldates.tsv `phrase<TAB>offset_days<TAB>precision`. */
typedef struct vg_date_lex {
    const vg_lexicon *months, *weekdays, *relative;
} vg_date_lex;

typedef struct vg_date {
    int y, m, d;       /* y == 0: year unknown; m == 0: only a year */
    int precision;     /* ACLED time_precision: 1 day, 2 week, 3 month (year only: 3 too) */
    int relative;      /* resolved from a weekday or "yesterday" */
    size_t t0, t1;     /* tokens [t0, t1) */
} vg_date;

/* pub: publication date (y == 0 when unknown). Returns 1 with *out filled
 * if a date expression starts at toks[i]. Weekdays and relative words need a
 * publication date to resolve; without one they are not dates. */
int vg_date_at(const vg_date_lex *lx, const vg_tok *t, size_t end, size_t i, const vg_date *pub, vg_date *out);

/* "YYYY-MM-DD..." (also "YYYY-MM-DDThh:mm") into *out; 0 if not a date. */
int vg_date_parse_iso(const char *s, size_t n, vg_date *out);
/* Days from 1970-01-01 (proleptic Gregorian), and back. */
long vg_days_from_civil(int y, int m, int d);
void vg_civil_from_days(long z, int *y, int *m, int *d);
/* out[11]: "YYYY-MM-DD"; an unknown year is written "XXXX" (see analyze.h). */
void vg_date_format(const vg_date *dt, char out[11]);

#endif
