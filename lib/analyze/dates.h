/* dates.h - absolute, partial and relative date expressions resolved against a publication date (internal). */
#ifndef VG_DATES_H
#define VG_DATES_H
#include <stddef.h>

#include "lexicon.h"
#include "tokens.h"

/* How a/b/yyyy dates read (dates.tsv `numeric`); with no row, only where the figures leave no doubt. */
typedef enum { VG_NUMERIC_UNAMBIGUOUS, VG_NUMERIC_DAY_FIRST, VG_NUMERIC_MONTH_FIRST } vg_numeric_order;

#define VG_DATE_MAX_WORDS 8
#define VG_DATE_WORD 16
/* A language's date settings, data/<lang>/dates.tsv (folded words):
 *   numeric        day-first | month-first
 *   day-suffix     letters glued to a day's figures ("1er", "1st", "22nd")
 *   after-weekday  a word between a weekday and its date ("Thursday the 5th")
 *   joiner         a word between day, month and year ("5 de mayo de 2024")
 *   time-am        a word after a time of day that puts it before noon ("12: 12 AM", "a. m.")
 *   time-pm        a word after a time of day that puts it after noon ("02: 39 PM", "3: 00pm") */
typedef struct vg_date_words {
    vg_numeric_order numeric;
    char suffix[VG_DATE_MAX_WORDS][VG_DATE_WORD];
    char after_weekday[VG_DATE_MAX_WORDS][VG_DATE_WORD];
    char joiner[VG_DATE_MAX_WORDS][VG_DATE_WORD];
    char am[VG_DATE_MAX_WORDS][VG_DATE_WORD];
    char pm[VG_DATE_MAX_WORDS][VG_DATE_WORD];
    unsigned n_suffix, n_after_weekday, n_joiner, n_am, n_pm;
} vg_date_words;

/* Reads dates.tsv into *w (zeroed first). A missing file leaves the defaults
 * (VG_OK); an unknown setting, a word too long or too many words is
 * VG_ERR_RESOURCE with "FILE:LINE: ..." in err. */
vg_status vg_date_words_load(const char *path, vg_date_words *w, char *err, size_t errlen);

/* Lexicons: months.tsv `name<TAB>1..12`, weekdays.tsv `name<TAB>1..7`
 * (Monday = 1), reldates.tsv `phrase<TAB>offset_days<TAB>precision[<TAB>evening]`
 * (`evening`: the publication day up to its evening, "tonight", "today": read
 * against a publication made in the small hours, the day before);
 * words: the language's dates.tsv (NULL: none). */
typedef struct vg_date_lex {
    const vg_lexicon *months, *weekdays, *relative;
    const vg_date_words *words;
    /* each table's look-ups on one text's tokens, remembered (lexicon.h); NULL: none */
    vg_lex_memo *months_memo, *weekdays_memo, *relative_memo;
} vg_date_lex;

typedef struct vg_date {
    int y, m, d;       /* y == 0: year unknown; m == 0: only a year */
    int precision;     /* ACLED time_precision: 1 day, 2 week, 3 month (year only: 3 too) */
    int relative;      /* resolved from a weekday or "yesterday" */
    int said;          /* the day of a statement ("said Tuesday") or where a period starts ("since the war began
                        * on 27 December"), not of the event told */
    int context_year;  /* y was not written: read from a month and year just before ("In November
                        * 1973, ... on Nov. 17": mentions.c) */
    int small_hours;   /* a publication date: published after midnight, before the day's events
                        * (reldates.tsv `evening` phrases then mean the day before) */
    size_t t0, t1;     /* tokens [t0, t1) */
} vg_date;

/* pub: publication date (y == 0 when unknown). Returns 1 with *out filled
 * if a date expression starts at toks[i]. Weekdays and relative words need a
 * publication date to resolve; without one they are not dates. */
int vg_date_at(const vg_date_lex *lx, const vg_tok *t, size_t end, size_t i, const vg_date *pub, vg_date *out);

/* "YYYY-MM-DD..." (also "YYYY-MM-DDThh:mm") into *out; 0 if not a date. */
int vg_date_parse_iso(const char *s, size_t n, vg_date *out);
/* The hour of "YYYY-MM-DDThh:mm...", or -1 when no time is written. */
int vg_date_iso_hour(const char *s, size_t n);
/* A time of day at toks[i] ("02: 03", "02: 39 PM", "3: 00pm", "11: 25am"), read with the
 * language's time-am and time-pm words: the hour 0..23 and the minute, the token after it
 * in *next. 0 if none. */
int vg_time_at(const vg_date_words *w, const vg_tok *t, size_t end, size_t i, int *hour, int *minute, size_t *next);
/* Days from 1970-01-01 (proleptic Gregorian), and back. */
long vg_days_from_civil(int y, int m, int d);
void vg_civil_from_days(long z, int *y, int *m, int *d);
/* out[11]: "YYYY-MM-DD"; an unknown year is written "XXXX" (see analyze.h). */
void vg_date_format(const vg_date *dt, char out[11]);

#endif
