/* gate.h - the document gate: does this text report political violence or protest at all? (internal to lib/analyze) */
#ifndef VG_GATE_H
#define VG_GATE_H
#include <stddef.h>

#include "vigie.h"
#include "../core/arena.h"
#include "../core/buf.h"
#include "taxonomy.h"
#include "tokens.h"

/* What the analyser found in the whole text, the structure of a report of
 * an incident rather than its topic. Plain numbers so that any stage that
 * finds mentions can fill it (analyze.c's gate_signals today). Counts are
 * raw; gate.c scales them. */
/* What a sentence is about: data/<lang>/gate.tsv's classes, general words
 * of each domain (ordinary crime and courts, sport, business, technology,
 * disasters, accidents, and the setting of political violence), and two that
 * make an attack by individuals political: its target (an official, the
 * police, a journalist, a place of worship, a party's office) and its cause
 * (an assassination, a claim of responsibility, extremism, hate). */
enum { VG_GATE_CRIME, VG_GATE_SPORT, VG_GATE_BUSINESS, VG_GATE_TECH, VG_GATE_DISASTER, VG_GATE_ACCIDENT,
       VG_GATE_CONFLICT, VG_GATE_TARGET, VG_GATE_MOTIVE, VG_GATE_DOMAINS };
/* The class names, in enum order: gate.tsv's second column, resolved when it loads
 * (a row's vg_lex_entry cls; any other name is a load error). */
extern const char *const vg_gate_domains[VG_GATE_DOMAINS];

/* The lede: the headline and the first sentences, what the article is about. Its domain words
 * (gate.tsv) say what the text reports; a domain word anywhere in a long article says little (a
 * riot report that tells the officer's murder trial further down). Chosen on the held-out report
 * (train-gate.sh --report, threshold 0.5), first 2 / 3 / 4 / 5 / 6 / 8 sentences: en-dev P/R
 * 0.867/0.867, 0.935/0.956, 0.917/0.978, 0.957/0.978, 0.957/0.978, 0.956/0.956; es 0.833/0.769,
 * 0.917/0.846, 0.917/0.846, 0.846/0.846, 0.857/0.923, 0.917/0.846; ECB+ other false pass 15, 13,
 * 10, 8, 6, 6 of 416 (before: domain words anywhere, en-dev 0.854/0.778, es 0.857/0.923, 10). */
#define VG_GATE_LEDE 6

typedef struct vg_gate_signals {
    float sub_score[VG_SUB_COUNT]; /* trigger weight per ACLED sub-type, summed over sentences (lede weighs more, background less) */
    float best;                    /* the chosen sub-type's score */
    int n_sent;                    /* sentences */
    int n_trigger_sent;            /* sentences where a trigger stands (not cancelled) */
    int n_strong_sent;             /* ... scoring >= 2 */
    int lede_trigger;              /* a trigger stands in the first two sentences */
    int first_sent;                /* index of the first sentence where a trigger stands (-1: none) */
    int inter[9];                  /* actors named in the text by ACLED interaction code 1-8 (0: a label) */
    int killed, injured, arrested; /* casualty figures found (1) or not (0) */
    long n_killed;                 /* the killed figure (0 if none) */
    int tally;                     /* ACLED's own "N fatalities" note */
    int n_places, n_scene;         /* places found; of them, places that can be a scene (country known, not a source's) */
    int n_dated, dated_near, dated_far; /* sentences with a written date (not a weekday); of them, within a month of the reference
                                         * date (publication, else the latest date in the text); a year or more before it */
    int n_attr;                    /* sentences naming a source ("according to", "police said") */
    int neg, future, hist, fiction, nonpol, cancelled; /* sentences with each cue (cues.tsv classes); hist: background sentences */
    int domain[VG_GATE_DOMAINS];   /* sentences with a word of each gate.tsv domain */
    int domain_lede[VG_GATE_DOMAINS]; /* ... of them, sentences of the lede (the first VG_GATE_LEDE) */
    /* The report of an incident, sentence by sentence: who did what (a standing trigger) where and
     * when, according to whom, to whom. Words name a topic and topics shift between sets; this
     * shape carries over (a stabbing of a mayor told as an incident, not as a court case). */
    int n_incident;                /* sentences with a standing trigger and a scene place */
    int incident_lede;             /* such a sentence among the first two */
    int incident_full;             /* a sentence with a standing trigger, a scene place and a date */
    int trig_attr;                 /* sentences with a standing trigger that name a source */
    int trig_domain[VG_GATE_DOMAINS]; /* sentences with a standing trigger and a word of each domain */
    /* Where the violence sits and when: a report of an incident tells it in its lede as news; an
     * article about something else (a trial, an anniversary, a policy, a disaster) tells violence
     * later, as background, history, talk or a tally. */
    int n_current;                 /* sentences with a current trigger: standing, not background (history, a date long
                                    * before, an earlier incident, one told before), not talk, a plan or a tally */
    int current_lede;              /* such a sentence among the first two */
    int trig_lede;                 /* sentences with a standing trigger among the first VG_GATE_LEDE */
} vg_gate_signals;

typedef struct vg_gate vg_gate;

/* Loads the model at path (liblinear's model format, written by
 * scripts/train-gate.sh). VG_ERR_IO when the file is missing: the analyser
 * then runs without a gate. On error *out is NULL. */
vg_status vg_gate_load(const char *path, vg_gate **out, char *err, size_t errlen);
void vg_gate_free(vg_gate *g); /* accepts NULL */

/* The features of one document: the signals scaled, then hashed word
 * unigrams and bigrams of tokens t[0..nt) (folded words; numbers as one
 * class). Arena memory; NULL on no memory. Opaque outside gate.c. */
typedef struct vg_gate_x vg_gate_x;
const vg_gate_x *vg_gate_features(vg_arena *a, const vg_gate_signals *s, const vg_tok *t, size_t nt);

/* Probability that the document reports political violence or protest. */
double vg_gate_prob(const vg_gate *g, const vg_gate_x *x);
/* Does p pass the gate? (VG_GATE_THRESHOLD, gate.c) */
int vg_gate_pass(double p);

/* Appends the features as liblinear's sparse format ("i:v i:v ...",
 * ascending indices), for training (`vigie analyze --gate-features`). */
void vg_gate_x_print(vg_buf *b, const vg_gate_x *x);

#endif
