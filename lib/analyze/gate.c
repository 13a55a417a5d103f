/* gate.c - the document gate: a logistic regression (trained by liblinear) over the analyser's structural signals and a few hashed word n-grams. */
#include "gate.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/alloc.h"
#include "../core/hash.h"

/* Tuned numbers. Chosen by leave-one-topic-out cross-validation on the
 * training sets named in scripts/train-gate.sh (figures in its output and
 * in the commit that set them).
 * - VG_GATE_THRESHOLD: a document whose probability is below it reports no
 *   event. Held-out topics: see scripts/train-gate.sh's report.
 * - NGRAM_BUCKETS: hashed unigram + bigram slots. Few on purpose: words
 *   name a topic and topics shift between sets, so they may only nudge.
 * - NGRAM_SCALE: the n-grams' share of the vector (L2 norm of the n-gram
 *   part). Liblinear regularises every weight alike; a small scale makes a
 *   word cost more to weigh, so the structural signals carry the decision.
 * - MAX_NGRAM_TOKENS: tokens read for n-grams; the lede and the body's
 *   first part say what the article is about (and hashing is a cost paid
 *   per token). */
#define VG_GATE_THRESHOLD 0.5
#define NGRAM_BUCKETS 4096
#define NGRAM_SCALE 0.5
#define MAX_NGRAM_TOKENS 600

/* The structural features, in model order (indices 1..N_SIGNALS), each
 * scaled to about [0, 1]. */
enum {
    F_SUB = 0,                        /* log1p(score) per sub-type */
    F_BEST = F_SUB + VG_SUB_COUNT,    /* log1p(best score) */
    F_TRIG_SHARE,                     /* share of sentences with a standing trigger */
    F_STRONG_SHARE,                   /* ... scoring >= 2 */
    F_TRIG_SENT,                      /* log1p(sentences with a trigger) / 3 */
    F_LEDE,                           /* a trigger in the first two sentences */
    F_FIRST_POS,                      /* 1 / (1 + index of the first sentence with a trigger) */
    F_INTER,                          /* min(actors of code k, 3) / 3, k = 0..8 */
    F_KILLED = F_INTER + 9,           /* a killed figure found */
    F_N_KILLED,                       /* log1p(killed) / 5 */
    F_INJURED, F_ARRESTED, F_TALLY,
    F_PLACE,                          /* a place found */
    F_SCENE,                          /* a place that can be a scene */
    F_N_SCENE,                        /* log1p(scene places) / 3 */
    F_DATED_SHARE,                    /* share of sentences with a date */
    F_NEAR,                           /* a date within a month of publication */
    F_FAR_SHARE,                      /* share of dated sentences a year or more before */
    F_ATTR_SHARE,                     /* share of sentences naming a source */
    F_ATTR,                           /* any source named */
    F_NEG, F_FUTURE, F_HIST, F_FICTION, F_NONPOL, F_CANCELLED, /* share of sentences with each cue */
    F_NONPOL_ANY,                     /* an accident, disaster or sport cue anywhere */
    F_DOMAIN,                         /* share of sentences with a word of each domain */
    F_DOMAIN_LEDE = F_DOMAIN + VG_GATE_DOMAINS, /* such a word in the lede (gate.h VG_GATE_LEDE) */
    F_INCIDENT = F_DOMAIN_LEDE + VG_GATE_DOMAINS, /* share of sentences telling an incident (a trigger with a scene) */
    F_INCIDENT_LEDE,                  /* such a sentence among the first two */
    F_INCIDENT_FULL,                  /* a trigger, a scene and a date in one sentence */
    F_TRIG_ATTR,                      /* share of trigger sentences naming a source */
    F_TRIG_DOMAIN,                    /* a trigger sentence with a word of each domain */
    F_CURRENT_SHARE = F_TRIG_DOMAIN + VG_GATE_DOMAINS, /* share of sentences with a current trigger */
    F_CURRENT_OF_TRIG,                /* share of trigger sentences that are current */
    F_CURRENT_LEDE,                   /* a current trigger among the first two sentences */
    F_TRIG_LEDE_SHARE,                /* share of trigger sentences in the lede (gate.h VG_GATE_LEDE); learnt
                                       * negative beside the lede signals above (a text whose violence is all in
                                       * its first sentences and none in its body), but without it es held out
                                       * whole loses an event article (leave-one-set-out 9 -> 10 errors) */
    N_SIGNALS
};

const char *const vg_gate_domains[VG_GATE_DOMAINS] = {"crime", "sport", "business", "tech", "disaster", "accident",
                                                      "conflict", "target", "motive"};

/* The model is liblinear's (scripts/train-gate.sh trains it with liblinear-train), read and
 * applied here as liblinear 2.3's load_model and predict_probability do for a two-class
 * logistic regression (the same sum, in the same order, so the same probability to the bit):
 * linking liblinear brought it, BLAS and the C++ runtime into every start of vigie, and
 * load_model read the 4,171 weights with fscanf (3-5 ms of `vigie analyze`'s start-up). */
struct feature_node {
    int index;                        /* 1-based; -1 ends a vector */
    double value;
};

struct vg_gate {
    int nr_feature;
    double bias;                      /* < 0: none */
    double *w;                        /* nr_feature (+ 1 with a bias) weights */
    int pos;                          /* index of label +1 in the model's labels */
};

struct vg_gate_x {
    struct feature_node *x;           /* terminated by index -1; room for the bias node */
    size_t n;
};

/* The next whitespace-separated word of *p (NUL-terminated text), moved past; NULL at the end. */
static char *next_word(char **p)
{
    char *s = *p + strspn(*p, " \t\r\n");
    if (!*s) return NULL;
    char *e = s + strcspn(s, " \t\r\n");
    if (*e) *e++ = 0;
    *p = e;
    return s;
}

/* liblinear's model file: "solver_type", "nr_class", "label", "nr_feature", "bias" lines, then
 * "w" and the weights. 0 and *g filled, or -1 for a file that is not one. */
static int parse_model(char *text, vg_gate *g, int *nr_class, int *labels, int *probability)
{
    char *p = text, *w, *end;
    *nr_class = 0;
    *probability = 0;
    g->bias = -1;
    g->nr_feature = -1;
    while ((w = next_word(&p)) && strcmp(w, "w") != 0) {
        char *v = next_word(&p);
        if (!v) return -1;
        if (!strcmp(w, "solver_type")) {
            /* liblinear's probability models (check_probability_model) */
            *probability = !strcmp(v, "L2R_LR") || !strcmp(v, "L1R_LR") || !strcmp(v, "L2R_LR_DUAL");
        } else if (!strcmp(w, "nr_class")) {
            *nr_class = (int)strtol(v, &end, 10);
            if (*end || *nr_class < 1 || *nr_class > 2) return -1;
        } else if (!strcmp(w, "nr_feature")) {
            g->nr_feature = (int)strtol(v, &end, 10);
            if (*end || g->nr_feature < 0) return -1;
        } else if (!strcmp(w, "bias")) {
            g->bias = strtod(v, &end);
            if (*end) return -1;
        } else if (!strcmp(w, "label")) {
            for (int i = 0; i < *nr_class; i++) {
                if (i && !(v = next_word(&p))) return -1;
                labels[i] = (int)strtol(v, &end, 10);
                if (*end) return -1;
            }
        } else return -1;
    }
    if (!w || g->nr_feature < 0 || *nr_class < 1) return -1;
    size_t n = (size_t)g->nr_feature + (g->bias >= 0);
    if (!(g->w = vg_calloc(n ? n : 1, sizeof *g->w))) return -1;
    for (size_t i = 0; i < n; i++) {
        char *v = next_word(&p);
        if (!v) return -1;
        g->w[i] = strtod(v, &end);
        if (*end) return -1;
    }
    return 0;
}

vg_status vg_gate_load(const char *path, vg_gate **out, char *err, size_t errlen)
{
    *out = NULL;
    FILE *f = fopen(path, "r");
    if (!f) {
        if (err && errlen) snprintf(err, errlen, "%s: not found", path);
        return VG_ERR_IO;
    }
    vg_gate *g = vg_calloc(1, sizeof *g);
    char *text = NULL;
    size_t len = 0, cap = 0;
    int ok = g != NULL;
    while (ok) {
        if (len + 1 >= cap && vg_grow(&text, &cap, len + 65536, 1)) { ok = 0; break; }
        size_t r = fread(text + len, 1, cap - len - 1, f);
        len += r;
        if (r == 0) break;
    }
    ok = ok && !ferror(f);
    fclose(f);
    if (!ok) { free(text); free(g); return VG_ERR_NOMEM; }
    text[len] = 0;
    int nr_class, labels[2] = {0, 0}, probability;
    int parsed = parse_model(text, g, &nr_class, labels, &probability);
    free(text);
    if (parsed != 0) {
        if (err && errlen) snprintf(err, errlen, "%s: not a liblinear model", path);
        vg_gate_free(g);
        return VG_ERR_RESOURCE;
    }
    g->pos = -1;
    for (int i = 0; i < nr_class; i++)
        if (labels[i] == 1) g->pos = i;
    if (nr_class != 2 || g->pos < 0 || !probability || g->nr_feature != N_SIGNALS + NGRAM_BUCKETS) {
        if (err && errlen)
            snprintf(err, errlen, "%s: want a 2-class logistic model of %d features, labels +1/-1 (got %d)", path,
                     N_SIGNALS + NGRAM_BUCKETS, g->nr_feature);
        vg_gate_free(g);
        return VG_ERR_RESOURCE;
    }
    *out = g;
    return VG_OK;
}

void vg_gate_free(vg_gate *g)
{
    if (!g) return;
    free(g->w);
    free(g);
}

static double share(int k, int n) { return n > 0 ? (double)(k > n ? n : k) / n : 0; }
static double capped(int k, int cap) { return (double)(k < cap ? k : cap) / cap; }

static void signals(const vg_gate_signals *s, double *v)
{
    for (int k = 0; k < VG_SUB_COUNT; k++) v[F_SUB + k] = log1p(s->sub_score[k] > 0 ? s->sub_score[k] : 0) / 3;
    v[F_BEST] = log1p(s->best > 0 ? s->best : 0) / 3;
    v[F_TRIG_SHARE] = share(s->n_trigger_sent, s->n_sent);
    v[F_STRONG_SHARE] = share(s->n_strong_sent, s->n_sent);
    v[F_TRIG_SENT] = log1p(s->n_trigger_sent) / 3;
    v[F_LEDE] = s->lede_trigger != 0;
    v[F_FIRST_POS] = s->first_sent >= 0 ? 1.0 / (1.0 + s->first_sent) : 0;
    for (int k = 0; k < 9; k++) v[F_INTER + k] = capped(s->inter[k], 3);
    v[F_KILLED] = s->killed != 0;
    v[F_N_KILLED] = log1p(s->n_killed > 0 ? (double)s->n_killed : 0) / 5;
    v[F_INJURED] = s->injured != 0;
    v[F_ARRESTED] = s->arrested != 0;
    v[F_TALLY] = s->tally != 0;
    v[F_PLACE] = s->n_places > 0;
    v[F_SCENE] = s->n_scene > 0;
    v[F_N_SCENE] = log1p(s->n_scene) / 3;
    v[F_DATED_SHARE] = share(s->n_dated, s->n_sent);
    v[F_NEAR] = s->dated_near > 0;
    v[F_FAR_SHARE] = share(s->dated_far, s->n_dated);
    v[F_ATTR_SHARE] = share(s->n_attr, s->n_sent);
    v[F_ATTR] = s->n_attr > 0;
    v[F_NEG] = share(s->neg, s->n_sent);
    v[F_FUTURE] = share(s->future, s->n_sent);
    v[F_HIST] = share(s->hist, s->n_sent);
    v[F_FICTION] = share(s->fiction, s->n_sent);
    v[F_NONPOL] = share(s->nonpol, s->n_sent);
    v[F_CANCELLED] = share(s->cancelled, s->n_sent);
    v[F_NONPOL_ANY] = s->nonpol > 0;
    for (int k = 0; k < VG_GATE_DOMAINS; k++) {
        v[F_DOMAIN + k] = share(s->domain[k], s->n_sent);
        v[F_DOMAIN_LEDE + k] = s->domain_lede[k] > 0;
        v[F_TRIG_DOMAIN + k] = s->trig_domain[k] > 0;
    }
    v[F_INCIDENT] = share(s->n_incident, s->n_sent);
    v[F_INCIDENT_LEDE] = s->incident_lede != 0;
    v[F_INCIDENT_FULL] = s->incident_full != 0;
    v[F_TRIG_ATTR] = share(s->trig_attr, s->n_trigger_sent);
    v[F_CURRENT_SHARE] = share(s->n_current, s->n_sent);
    v[F_CURRENT_OF_TRIG] = share(s->n_current, s->n_trigger_sent);
    v[F_CURRENT_LEDE] = s->current_lede != 0;
    v[F_TRIG_LEDE_SHARE] = share(s->trig_lede, s->n_trigger_sent);
}

/* A bigram's hash from its words' hashes (each word is hashed once). */
static uint64_t pair_hash(uint64_t a, uint64_t b)
{
    uint64_t h = a * 0x9e3779b97f4a7c15ull ^ b;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return h;
}

static int by_index(const void *a, const void *b)
{
    int x = ((const struct feature_node *)a)->index, y = ((const struct feature_node *)b)->index;
    return (x > y) - (x < y);
}

const vg_gate_x *vg_gate_features(vg_arena *a, const vg_gate_signals *s, const vg_tok *t, size_t nt)
{
    if (nt > MAX_NGRAM_TOKENS) nt = MAX_NGRAM_TOKENS;
    vg_gate_x *gx = vg_arena_alloc(a, sizeof *gx);
    /* signals + at most two n-grams per token + bias + terminator */
    struct feature_node *x = vg_arena_alloc(a, (N_SIGNALS + 2 * nt + 2) * sizeof *x);
    uint8_t *seen = vg_arena_calloc(a, NGRAM_BUCKETS / 8, 1);
    if (!gx || !x || !seen) return NULL;
    double v[N_SIGNALS];
    signals(s, v);
    size_t n = 0;
    for (int k = 0; k < N_SIGNALS; k++)
        if (v[k] != 0) { x[n].index = k + 1; x[n].value = v[k]; n++; }
    size_t g0 = n;
    uint64_t prev = 0; /* 0: no word before (start, or after punctuation) */
    for (size_t i = 0; i < nt; i++) {
        if (t[i].kind == VG_TOK_PUNCT) { prev = 0; continue; }
        uint64_t h = t[i].kind == VG_TOK_NUM ? vg_hash64("#", 1, 0x9a7e) : vg_hash64(t[i].fold, t[i].flen, 0x9a7e);
        h |= 1; /* never 0 */
        uint32_t b[2] = {(uint32_t)(h % NGRAM_BUCKETS), prev ? (uint32_t)(pair_hash(prev, h) % NGRAM_BUCKETS) : UINT32_MAX};
        for (int j = 0; j < 2; j++) {
            if (b[j] == UINT32_MAX || (seen[b[j] >> 3] & (1u << (b[j] & 7)))) continue;
            seen[b[j] >> 3] |= (uint8_t)(1u << (b[j] & 7));
            x[n].index = N_SIGNALS + 1 + (int)b[j];
            n++;
        }
        prev = h;
    }
    /* binary presence, the n-gram part's L2 norm NGRAM_SCALE */
    double val = n > g0 ? NGRAM_SCALE / sqrt((double)(n - g0)) : 0;
    for (size_t k = g0; k < n; k++) x[k].value = val;
    gx->x = x;
    gx->n = n;
    x[n].index = -1; /* the bias node goes here at prediction */
    x[n + 1].index = -1;
    return gx;
}

double vg_gate_prob(const vg_gate *g, const vg_gate_x *gx)
{
    assert(g && gx);
    struct feature_node *x = gx->x;
    /* the bias node, as liblinear's caller adds it: index nr_feature + 1 */
    if (g->bias >= 0) {
        x[gx->n].index = g->nr_feature + 1;
        x[gx->n].value = g->bias;
    }
    /* predict_values: the decision value over the nodes in their order; predict_probability */
    int n = g->nr_feature + (g->bias >= 0);
    double dec = 0;
    for (const struct feature_node *lx = x; lx->index != -1; lx++)
        if (lx->index <= n) dec += g->w[lx->index - 1] * lx->value;
    double p[2];
    p[0] = 1 / (1 + exp(-dec));
    p[1] = 1. - p[0];
    x[gx->n].index = -1;
    return p[g->pos];
}

int vg_gate_pass(double p) { return p >= VG_GATE_THRESHOLD; }

void vg_gate_x_print(vg_buf *b, const vg_gate_x *gx)
{
    /* n-grams are in text order: sort a copy's tail (the signals come first, already in order) */
    size_t n = gx->n;
    struct feature_node *x = gx->x;
    qsort(x, n, sizeof *x, by_index); /* in place: prediction does not care about order */
    for (size_t k = 0; k < n; k++) vg_buf_printf(b, k ? " %d:%.17g" : "%d:%.17g", x[k].index, x[k].value);
}
