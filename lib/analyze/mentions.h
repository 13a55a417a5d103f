/* mentions.h - each sentence's event mention: trigger scores per ACLED
 * sub-type and the flags that discount them (negation, threat, history,
 * accident/sport, fiction), summed over the document (internal to
 * lib/analyze). */
#ifndef VG_AN_MENTIONS_H
#define VG_AN_MENTIONS_H
#include "analyze_int.h"

typedef struct hit { size_t t0, t1; int sub; float w; } hit;

typedef struct sent_info {
    float sc[VG_SUB_COUNT];
    float mods[VG_SUB_COUNT]; /* "+Sub" rows: only count next to a protest */
    float weak_int;           /* weak intervention cues ("stopped", "were detained"): need police or troops named */
    float best;
    int nonpol, hist, future;
    int fiction;              /* myth, novel, film: what happens there happens to no one */
    int talk;                 /* plan or opinion cues: what it tells is expected or thought, not done */
    int aggregate;            /* a tally over many incidents or days ("since the start", "so far") */
    int cancelled;            /* triggers cancelled by a negation or a threat */
    int neg;                  /* negation cues */
    hit first;                /* strongest trigger, for evidence */
    hit mfirst;               /* strongest modifier, when the sentence has no trigger */
    int has_date;
    int n_dates;              /* date expressions in the sentence; with two or more, date is the one nearest its strongest trigger */
    vg_date date;
    int earlier;              /* "last month", "la semaine dernière": an earlier incident than the text's own */
    int back;                 /* its strongest trigger follows a demonstrative ("this attack", "cet attentat"): an incident told before */
} sent_info;

/* The whole document's scores: each sentence's, weighed by its place. */
typedef struct mention_sums {
    float total[VG_SUB_COUNT];
    float mods[VG_SUB_COUNT];
    int nonpol; /* accident, disaster and sport cues */
} mention_sums;

/* Marks dates (c->in_date, allocated by the caller, c->ns zeroed si), scores
 * every sentence into si[0..c->ns) and sums them into *sum. Returns whether
 * any sentence scored a sub-type at all. */
int vg_an_mentions(ctx *c, sent_info *si, mention_sums *sum);
/* ACLED precedence on scores sc with modifier rows mods: the sub-type
 * (-1: none) and its score in *score. */
int vg_an_choose_sub(const float *sc, const float *mods, float *score);
/* How much sentence k weighs against the lede's. */
float vg_an_lede_weight(size_t k);
/* Is date d background: more than BACKGROUND_DAYS before c->ref? */
int vg_an_background_date(const ctx *c, const vg_date *d);
/* Does the article only announce or threaten (see mentions.c)? */
int vg_an_only_announced(const ctx *c, const sent_info *si);

#endif
