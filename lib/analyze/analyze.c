/* analyze.c - loads the per-language resources and runs the analysis of one
 * document: mentions (mentions.c), then incidents as rows (incidents.c,
 * row.c). */
#include "analyze.h"
#include "analyze_int.h"
#include "classes.h"
#include "clauses.h"
#include "incidents.h"
#include "mentions.h"
#include "weights.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/alloc.h"
#include "../core/tsv.h"
#include "../text/clitics.h"
#include "../text/translit.h"

#define MAX_ANALYZED_BYTES (4u << 20) /* longer texts: the first 4 MiB are analysed */
/* Place resolution weighs every mention against the others (cost grows
 * faster than the text): places are read from the first 256 KiB, far more
 * than any article. */
#define MAX_PLACE_BYTES (256u << 10)
/* "According to ..." spans kept per text, a bound on the arena: past it
 * the later sentences' sources are not looked for. */
#define MAX_ATTRIBUTIONS 64

/* places-demonyms.tsv is the place resolver's file ("word<TAB>ISO2"); read
 * here too, as the last resort for an event's country. */
static const char *const lex_files[L_COUNT] = {
    "triggers.tsv", "cues.tsv", "actors.tsv", "numbers.tsv", "casualties.tsv", "attribution.tsv",
    "abbrev.tsv", "months.tsv", "weekdays.tsv", "reldates.tsv", "places-demonyms.tsv", "gate.tsv"};

static void free_lang(lang_res *l)
{
    for (int i = 0; i < L_COUNT; i++) vg_lex_free(l->lex[i]);
    vg_clitics_free(l->clitics);
    vg_translit_free(l->translit);
}

void vg_analyzer_free(vg_analyzer *a)
{
    if (!a) return;
    for (size_t i = 0; i < a->n_langs; i++) free_lang(&a->langs[i]);
    vg_gazetteer_free(a->gaz);
    vg_gate_free(a->gate);
    free(a);
}

/* Tables whose second column is a class the code acts on. */
typedef struct { const char *const *names; size_t n; } class_table;
static const class_table class_tables[L_COUNT] = {
    [L_TRIGGERS] = {vg_trigger_class_names, VG_TRIGGER_CLASSES},
    [L_CUES] = {vg_cue_class_names, VG_CUE_COUNT},
    [L_ATTRIBUTION] = {vg_attr_class_names, VG_ATTR_COUNT},
    [L_CASUALTIES] = {vg_casualty_class_names, VG_CAS_COUNT},
    [L_GATE] = {vg_gate_domains, VG_GATE_DOMAINS},
};

/* calibration.tsv, optional: "extra_row_offset<TAB>X", a number the calibration script fitted. */
static vg_status load_calibration(const char *path, lang_res *l, char *err, size_t errlen)
{
    static const char *const keys[] = {"extra_row_offset"};
    vg_tsv t;
    vg_status st = vg_tsv_open(&t, path, 0, err, errlen);
    if (st == VG_ERR_IO) return VG_OK;
    if (st != VG_OK) return st;
    while (vg_tsv_next(&t) == 1) {
        if (vg_tsv_nfields(&t) != 2) { vg_tsv_fail(&t, VG_ERR_RESOURCE, "expected KEY<TAB>NUMBER"); break; }
        if (vg_tsv_enum(&t, 0, "key", keys, sizeof keys / sizeof *keys) < 0) break;
        char *end;
        double v = strtod(vg_tsv_field(&t, 1), &end);
        if (end == vg_tsv_field(&t, 1) || *end || v < -5 || v > 5) {
            vg_tsv_fail(&t, VG_ERR_RESOURCE, "expected a number between -5 and 5");
            break;
        }
        l->extra_row_offset = (float)v;
    }
    return vg_tsv_close(&t);
}

static vg_status load_lang(const char *dir, const char *code, lang_res *l, char *err, size_t errlen)
{
    char path[4096];
    memset(l, 0, sizeof *l);
    size_t cl = strlen(code) < sizeof l->code - 1 ? strlen(code) : sizeof l->code - 1; /* callers pass <= 3 bytes */
    memcpy(l->code, code, cl);
    l->code[cl] = 0;
    for (int i = 0; i < L_COUNT; i++) {
        snprintf(path, sizeof path, "%s/%s/%s", dir, code, lex_files[i]);
        const class_table *ct = &class_tables[i];
        vg_status st = vg_lex_load_classes(path, &l->lex[i], ct->names, ct->n, err, errlen);
        if (st == VG_ERR_IO) { l->lex[i] = vg_lex_new(); st = l->lex[i] ? VG_OK : VG_ERR_NOMEM; }
        if (st != VG_OK) return st == VG_ERR_NOMEM ? st : VG_ERR_RESOURCE;
    }
    snprintf(path, sizeof path, "%s/%s/dates.tsv", dir, code);
    vg_status st = vg_date_words_load(path, &l->dates, err, errlen);
    if (st != VG_OK) return st == VG_ERR_NOMEM ? st : VG_ERR_RESOURCE;
    /* The language's own calibration (scripts/calibrate-confidence.py --offsets writes it). */
    snprintf(path, sizeof path, "%s/%s/calibration.tsv", dir, code);
    st = load_calibration(path, l, err, errlen);
    if (st != VG_OK) return st == VG_ERR_NOMEM ? st : VG_ERR_RESOURCE;
    /* Attached prefixes: every table of the language reads words without them too. */
    snprintf(path, sizeof path, "%s/%s/clitics.tsv", dir, code);
    st = vg_clitics_load(path, &l->clitics, err, errlen);
    if (st != VG_OK && st != VG_ERR_IO) return st == VG_ERR_NOMEM ? st : VG_ERR_RESOURCE;
    if (vg_clitics_count(l->clitics) == 0) { vg_clitics_free(l->clitics); l->clitics = NULL; }
    for (int i = 0; i < L_COUNT; i++) vg_lex_set_clitics(l->lex[i], l->clitics);
    /* Its letters in Latin: place names the gazetteer holds in no other script (optional) */
    snprintf(path, sizeof path, "%s/%s/translit.tsv", dir, code);
    st = vg_translit_load(path, &l->translit, err, errlen);
    if (st != VG_OK && st != VG_ERR_IO) return st == VG_ERR_NOMEM ? st : VG_ERR_RESOURCE;
    /* "forces turques", "Iraqis": demonyms in the plural too, as the place resolver reads them */
    st = vg_lex_add_suffixed(l->lex[L_DEMONYMS], "s");
    if (st != VG_OK) return st;
    if (err && errlen) err[0] = 0;
    return VG_OK;
}

vg_status vg_analyzer_load(const char *data_dir, vg_analyzer **out, char *err, size_t errlen,
                           char *warn, size_t warnlen)
{
    *out = NULL;
    vg_analyzer *a = vg_calloc(1, sizeof *a);
    if (!a) return VG_ERR_NOMEM;
    DIR *d = opendir(data_dir);
    if (d) {
        struct dirent *de;
        char path[4096];
        while ((de = readdir(d)) && a->n_langs < MAX_LANGS) {
            if (de->d_name[0] == '.' || strlen(de->d_name) > 3) continue;
            snprintf(path, sizeof path, "%s/%s/triggers.tsv", data_dir, de->d_name);
            FILE *f = fopen(path, "r");
            if (!f) continue; /* a language folder with no analysis resources */
            fclose(f);
            vg_status st = load_lang(data_dir, de->d_name, &a->langs[a->n_langs], err, errlen);
            a->n_langs++;
            if (st != VG_OK) { closedir(d); vg_analyzer_free(a); return st; }
        }
        closedir(d);
    }
    char path[4096], gerr[256] = "";
    snprintf(path, sizeof path, "%s/geo/gazetteer.bin", data_dir);
    if (vg_gazetteer_load(path, &a->gaz, gerr, sizeof gerr) != VG_OK) {
        a->gaz = NULL;
        if (warn && warnlen)
            snprintf(warn, warnlen, "no gazetteer (%s): events get no coordinates; run `make gazetteer`", gerr[0] ? gerr : path);
    }
    a->row_features = getenv("VIGIE_ROW_FEATURES") != NULL;
    /* The document gate: without its model every text passes, as before it existed. */
    snprintf(path, sizeof path, "%s/gate/model.txt", data_dir);
    vg_status gst = vg_gate_load(path, &a->gate, gerr, sizeof gerr);
    if (gst == VG_ERR_NOMEM || gst == VG_ERR_RESOURCE) {
        if (err && errlen) snprintf(err, errlen, "%s", gerr);
        vg_analyzer_free(a);
        return gst;
    }
    *out = a;
    return VG_OK;
}

/* The tables whose look-ups at a token are remembered (c->lm): those read at the same token
 * again and again. English dev texts, look-ups a document per token looked up: cues 4.1,
 * actors 2.7, casualties 2.4, demonyms 2.4, attribution 1.9, months 1.6, weekdays and
 * relative dates 1.6; triggers 1.05 and the gate's domain words 1.0 are read once (a memo
 * there costs its slot and saves nothing). */
static const unsigned char remembered[L_COUNT] = {
    [L_CUES] = 1, [L_ACTORS] = 1, [L_CASUALTIES] = 1, [L_DEMONYMS] = 1, [L_ATTRIBUTION] = 1,
    [L_MONTHS] = 1, [L_WEEKDAYS] = 1, [L_RELDATES] = 1,
};

/* ---------------------------------------------------------------------- */

size_t vg_an_sentence_start(const ctx *c, size_t k)
{
    size_t lo = 0, hi = c->ns;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->s[mid].t1 <= k) lo = mid + 1; else hi = mid;
    }
    return lo < c->ns ? c->s[lo].t0 : 0;
}

size_t vg_an_token_from(const ctx *c, uint32_t byte)
{
    size_t lo = 0, hi = c->nt;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->t[mid].start < byte) lo = mid + 1; else hi = mid;
    }
    return lo;
}

const lang_res *vg_an_lang(const vg_analyzer *a, const char *code)
{
    for (size_t i = 0; code && i < a->n_langs; i++)
        if (strcmp(a->langs[i].code, code) == 0) return &a->langs[i];
    return NULL;
}

static const lang_res *pick_lang(const vg_analyzer *a, const char *lang)
{
    if (!a->n_langs) return NULL;
    if (lang && !strcmp(lang, "und")) lang = NULL; /* undetermined: try the default */
    const lang_res *l = vg_an_lang(a, lang);
    if (l) return l;
    if (lang && *lang) return NULL; /* detected, but not a language we analyse */
    for (size_t i = 0; i < a->n_langs; i++)
        if (strcmp(a->langs[i].code, "en") == 0) return &a->langs[i];
    return &a->langs[0];
}

/* Attributions ("according to ...") of the whole text, at most MAX_ATTRIBUTIONS. */
static vg_status find_attributions(ctx *c, vg_arena *arena)
{
    c->attr = vg_arena_alloc(arena, MAX_ATTRIBUTIONS * sizeof *c->attr);
    if (!c->attr) return VG_ERR_NOMEM;
    for (size_t k = 0; k < c->ns && c->n_attr < MAX_ATTRIBUTIONS; k++) {
        uint32_t as, ae;
        if (vg_an_find_attribution(c, c->s[k].t0, c->s[k].t1, &as, &ae)) { c->attr[c->n_attr][0] = as; c->attr[c->n_attr][1] = ae; c->n_attr++; }
    }
    return VG_OK;
}

/* The shape of sentence k, which has a standing trigger (gate.h): a scene place in it, a date, a
 * source named, the domains of its words (seen). */
static void incident_shape(ctx *c, const sent_info *si, size_t k, const int *seen, vg_gate_signals *g)
{
    uint32_t s0 = c->s[k].start, s1 = c->s[k].end;
    int scene = 0, attr = 0;
    for (size_t p = 0; p < c->n_places && !scene; p++)
        scene = c->places[p].start >= s0 && c->places[p].end <= s1 && c->places[p].iso2 &&
                !vg_an_in_attr(c, c->places[p].start, c->places[p].end, UINT32_MAX);
    for (size_t a = 0; a < c->n_attr && !attr; a++) attr = c->attr[a][0] >= s0 && c->attr[a][1] <= s1;
    if (scene) {
        g->n_incident++;
        g->incident_lede |= k < 2;
    }
    g->incident_full |= scene && si->has_date;
    g->trig_attr += attr;
    for (int d = 0; d < VG_GATE_DOMAINS; d++) g->trig_domain[d] += seen[d];
}

/* What the document gate reads (gate.h), from the mentions and the
 * resolvers' findings over the whole text: trigger scores, actors, casualty
 * figures (killed, injured, arrested, note: vg_an_counts over the whole
 * text), places, written dates, sources, cues and domain words. */
static void gate_signals(ctx *c, const sent_info *si, const mention_sums *sum, float score, const count *killed,
                         const count *injured, const count *arrested, const count *note, vg_gate_signals *g)
{
    memset(g, 0, sizeof *g);
    memcpy(g->sub_score, sum->total, sizeof g->sub_score);
    g->best = score;
    g->n_sent = (int)c->ns;
    g->first_sent = -1;
    /* the reference date: publication, else the latest written date in the text */
    long ref_day = c->pub.y && c->pub.m ? vg_days_from_civil(c->pub.y, c->pub.m, c->pub.d ? c->pub.d : 15) : 0;
    for (size_t k = 0; k < c->ns && !c->pub.y; k++) {
        const vg_date *d = &si[k].date;
        if (si[k].has_date && !d->relative && d->y && d->m && vg_days_from_civil(d->y, d->m, d->d ? d->d : 15) > ref_day)
            ref_day = vg_days_from_civil(d->y, d->m, d->d ? d->d : 15);
    }
    for (size_t k = 0; k < c->ns; k++) {
        if (si[k].best > 0) {
            g->n_trigger_sent++;
            if (g->first_sent < 0) g->first_sent = (int)k;
        }
        if (si[k].best >= 2) g->n_strong_sent++;
        g->neg += si[k].neg > 0;
        g->future += si[k].future > 0;
        g->hist += si[k].hist > 0;
        g->fiction += si[k].fiction > 0;
        g->nonpol += si[k].nonpol > 0;
        g->cancelled += si[k].cancelled > 0;
        int seen[VG_GATE_DOMAINS] = {0};
        for (size_t i = c->s[k].t0; i < c->s[k].t1;) {
            size_t len;
            const vg_lex_entry *e = vg_an_match(c, L_GATE, c->s[k].t1, i, &len);
            if (e) seen[e->cls] = 1;
            i += e ? len : 1;
        }
        /* a crime word beside a political target or cause tells a political attack in the words of a
         * crime report ("the mayor's murder", "prosecutors said the attack on the mosque"), not
         * ordinary crime */
        if (seen[VG_GATE_TARGET] || seen[VG_GATE_MOTIVE]) seen[VG_GATE_CRIME] = 0;
        for (int d = 0; d < VG_GATE_DOMAINS; d++) {
            g->domain[d] += seen[d];
            g->domain_lede[d] += seen[d] && k < VG_GATE_LEDE;
        }
        if (si[k].best > 0) {
            incident_shape(c, &si[k], k, seen, g);
            int current = !si[k].hist && !si[k].future && !si[k].fiction && !si[k].talk && !si[k].aggregate &&
                          !si[k].earlier && !si[k].back;
            g->n_current += current;
            g->current_lede |= current && k < 2;
            g->trig_lede += k < VG_GATE_LEDE;
        }
        /* written dates only: a weekday or "yesterday" resolves only when the
         * publication date is known, and would make the signal say that */
        const vg_date *d = &si[k].date;
        if (!si[k].has_date || d->relative) continue;
        g->n_dated++;
        if (!ref_day || !d->y) continue;
        long day = d->m ? vg_days_from_civil(d->y, d->m, d->d ? d->d : 15) : vg_days_from_civil(d->y, 7, 1);
        if (day <= ref_day + 31 && day >= ref_day - 31) g->dated_near++;
        else if (day < ref_day - 365) g->dated_far++;
    }
    int n;
    const actor *ac = vg_an_doc_actors(c, 0, &n);
    for (int k = 0; k < n; k++) {
        int it = vg_an_inter(&ac[k]);
        if (it >= 0 && it <= 8) g->inter[it]++;
    }
    g->killed = killed->found;
    g->n_killed = killed->found ? killed->value : 0;
    g->injured = injured->found;
    g->arrested = arrested->found;
    g->tally = note->found;
    g->n_places = (int)c->n_places;
    for (size_t k = 0; k < c->n_places; k++)
        if (c->places[k].iso2 && !vg_an_in_attr(c, c->places[k].start, c->places[k].end, UINT32_MAX)) g->n_scene++;
    g->n_attr = (int)c->n_attr;
}

/* The countries the text's groups and monitoring missions act in (actors.tsv, fourth column:
 * "Ukraine", "Mali|Burkina Faso|Niger"), each list once, for the place finder to read names there. */
static vg_status actor_hints(ctx *c, vg_place_hint **out, size_t *n_out)
{
    int na;
    const actor *ac = vg_an_doc_actors(c, 1, &na);
    *out = NULL;
    *n_out = 0;
    if (na <= 0) return VG_OK;
    vg_place_hint *h = vg_arena_alloc(c->doc->arena, (size_t)na * 8 * sizeof *h);
    if (!h) return VG_ERR_NOMEM;
    size_t nh = 0;
    const char *seen[VG_AN_DOC_ACTORS];
    int n_seen = 0;
    for (int k = 0; k < na; k++) {
        const char *list = ac[k].e->cols[2];
        int dup = 0;
        for (int j = 0; j < n_seen && !dup; j++) dup = !strcmp(seen[j], list);
        if (!list[0] || dup || n_seen == VG_AN_DOC_ACTORS) continue;
        seen[n_seen++] = list;
        size_t first = nh;
        for (const char *q = list; q && nh < first + 8; q = strchr(q, '|') ? strchr(q, '|') + 1 : NULL) {
            const vg_place *cp = vg_gazetteer_country(c->an->gaz, q, strcspn(q, "|"));
            if (!cp || !cp->iso2) continue;
            memcpy(h[nh].iso2, cp->iso2, 3);
            nh++;
        }
        for (size_t j = first; j < nh; j++) h[j].share = 1.0f / (float)(nh - first);
    }
    *out = h;
    *n_out = nh;
    return VG_OK;
}

/* How far before a place's first word an actor's name that holds it may start ("the al Shabab
 * militia": the name of the group, not a place). */
#define ACTOR_NAME_REACH 4

/* Drops the places named inside an actor's name ("al Shabab", "the Kurdistan Workers' Party",
 * "ДНР"): the group, not the scene. A country stays (it still says whose forces). */
static void drop_places_in_actors(ctx *c)
{
    size_t w = 0, ti = 0;
    for (size_t k = 0; k < c->n_places; k++) {
        const vg_place *p = &c->places[k];
        while (ti < c->nt && c->t[ti].start < p->start) ti++;
        int inside = 0;
        for (size_t i = ti >= ACTOR_NAME_REACH ? ti - ACTOR_NAME_REACH : 0; p->kind != VG_PLACE_COUNTRY && i <= ti && i < c->nt && !inside; i++) {
            size_t len;
            const vg_lex_entry *e = vg_an_match(c, L_ACTORS, c->nt, i, &len);
            inside = e && i + len > ti && c->t[i + len - 1].end >= p->end;
        }
        if (!inside) c->places[w++] = *p;
    }
    c->n_places = w;
}

/* Is q a quote mark of its side: '"', or the guillemet and the curly quote that open
 * (opening) or close? */
static int quote_mark(const vg_tok *q, int opening)
{
    return (q->flen == 1 && q->fold[0] == '"') ||
           (q->flen == 2 && !memcmp(q->fold, opening ? "\xC2\xAB" : "\xC2\xBB", 2)) ||
           (q->flen == 3 && !memcmp(q->fold, opening ? "\xE2\x80\x9C" : "\xE2\x80\x9D", 3));
}

/* Is token j a quote mark that closes what came before (a space after it, none before)? */
static int closing_quote(const ctx *c, size_t j)
{
    const vg_tok *q = &c->t[j];
    if (q->kind != VG_TOK_PUNCT || q->space_before || j + 1 >= c->nt || !c->t[j + 1].space_before) return 0;
    return quote_mark(q, 0);
}

/* Where the links a related cue opens end in the sentence ending at t1 (cue at token i, len tokens):
 * the last capitalised opener (cues.tsv "opener": "Les", "Cette", "C'est") past the link's
 * own first word, after a word, a figure or a closing quote, and not before another
 * capitalised word ("La Haye", "Le Caire": a name). Pages flatten "Lire aussi : <headline>
 * <headline> <the article's next sentence>" into one line; 0 when no opener says where the
 * article goes on. */
/* Words after a related cue from which what follows, opening with an opener and with no
 * headline's end in it, is the article's own sentence rather than a link's headline (pages
 * that drop the links keep their cue: "A lire aussi : Les affrontements qui ont suivi le scrutin
 * ont fait trois morts dans la ville de Kaya, au nord du pays."). Headlines run to 15 words or
 * fewer; fr dev: the two such sentences have 27 and 31 words, the links' headlines 5 to 14. */
#define RELATED_SENTENCE_WORDS 16

/* The token after the related cue's colon at token i (len tokens), or 0 when no colon follows
 * within a few words ("Lire aussi sur BBC Afrique :"). */
static size_t after_cue_colon(const ctx *c, size_t t1, size_t i, size_t len)
{
    for (size_t j = i + len; j < t1 && j <= i + len + 4; j++)
        if (c->t[j].kind == VG_TOK_PUNCT) return c->t[j].fold[0] == ':' && j + 1 < t1 ? j + 1 : 0;
    return 0;
}

static size_t related_end(const ctx *c, size_t t1, size_t i, size_t len)
{
    size_t cut = 0;
    for (size_t j = i + len + 2; j < t1; j++) {
        const vg_tok *w = &c->t[j], *prev = &c->t[j - 1];
        size_t olen;
        if (w->kind != VG_TOK_WORD || !w->upper || !w->space_before) continue;
        if (prev->kind == VG_TOK_PUNCT && !closing_quote(c, j - 1)) continue;
        if (!vg_an_match_class(c, L_CUES, t1, j, VG_CUE_OPENER, &olen)) continue;
        if (j + olen < t1 && c->t[j + olen].kind == VG_TOK_WORD && c->t[j + olen].upper) continue;
        cut = j;
    }
    return cut;
}

/* Is token j a quote mark that opens what follows (a space before it or the sentence's start)? */
static int opening_quote(const ctx *c, size_t j)
{
    const vg_tok *q = &c->t[j];
    if (q->kind != VG_TOK_PUNCT || (j > 0 && !q->space_before)) return 0;
    return quote_mark(q, 1);
}

/* Where a flattened headline ends inside the sentence [t0, t1) and the article goes on: the last
 * capitalised opener (cues.tsv "opener") right after a word, a figure or a closing quote, with
 * no punctuation between and no capitalised word after it (a name: "La Haye"), as related_end
 * reads it; or the opening quote before such an opener, right after a closing quote ('...
 * marché" « Les villages ...'). 0 when none. Pages flatten links to other articles into the
 * text with no stop after them: "Niger : embuscade contre une patrouille Près de 3 000 ...". */
static size_t headline_end(const ctx *c, size_t t0, size_t t1)
{
    size_t cut = 0;
    for (size_t j = t0 + 2; j < t1; j++) {
        const vg_tok *w = &c->t[j];
        size_t olen;
        if (w->kind != VG_TOK_WORD || !w->upper || !w->space_before) continue;
        if (!vg_an_match_class(c, L_CUES, t1, j, VG_CUE_OPENER, &olen)) continue;
        if (j + olen < t1 && c->t[j + olen].kind == VG_TOK_WORD && c->t[j + olen].upper) continue;
        const vg_tok *prev = &c->t[j - 1];
        if (prev->kind != VG_TOK_PUNCT || closing_quote(c, j - 1)) cut = j;
        else if (opening_quote(c, j - 1) && j >= t0 + 3 && (c->t[j - 2].kind != VG_TOK_PUNCT || closing_quote(c, j - 2)))
            cut = j - 1;
    }
    return cut;
}

/* How many words a headline's label may have before its colon ("Burkina Faso :",
 * "Coronavirus - Madagascar :", "Terrorisme:"). Not tuned: no dev figure (eval-articles, five
 * sets; eval-events) moves for any value from 1 to 10; 4 holds a country's longest names. */
#define LABEL_WORDS 4

/* Does the sentence [t0, t1) open with a headline's label: capitalised words (a hyphen or a dash
 * between them) and a colon ("Niger : embuscade contre une patrouille")? */
static int opens_with_label(const ctx *c, size_t t0, size_t t1)
{
    size_t words = 0;
    for (size_t j = t0; j < t1 && words <= LABEL_WORDS; j++) {
        const vg_tok *w = &c->t[j];
        if (w->kind == VG_TOK_WORD) {
            if (!w->upper && !(words && w->flen <= 3)) return 0; /* "Côte d'Ivoire", "Afrique du Sud" */
            words++;
            continue;
        }
        if (w->kind != VG_TOK_PUNCT || !words) return 0;
        if (w->fold[0] == ':') return 1;
        if (w->fold[0] != '-' && (w->flen != 3 || memcmp(w->fold, "\xE2\x80\x93", 3))) return 0;
    }
    return 0;
}

/* Does the sentence [t0, t1) end without a stop ('.', '!', '?', or one before a closing quote)? */
static int ends_unstopped(const ctx *c, size_t t0, size_t t1)
{
    for (size_t j = t1; j-- > t0;) {
        const vg_tok *w = &c->t[j];
        if (w->kind != VG_TOK_PUNCT) return 1;
        if (w->fold[0] == '.' || w->fold[0] == '!' || w->fold[0] == '?') return 0;
    }
    return 1;
}

/* Is [j, t1) the article's own sentence after a related cue whose links the page dropped: it
 * opens with a capitalised opener, runs to RELATED_SENTENCE_WORDS words or more and ends with a
 * stop (headlines have none: "A lire aussi: Des hommes armés ont tué 12 villageois dans le
 * sud-ouest du Niger Le Mali en deuil après une attaque" is two of them)? */
static int article_after_cue(const ctx *c, size_t j, size_t t1)
{
    size_t olen, words = 0;
    if (!j || c->t[j].kind != VG_TOK_WORD || !c->t[j].upper || !vg_an_match_class(c, L_CUES, t1, j, VG_CUE_OPENER, &olen))
        return 0;
    for (size_t k = j; k < t1; k++) words += c->t[k].kind == VG_TOK_WORD;
    return words >= RELATED_SENTENCE_WORDS && !ends_unstopped(c, j, t1);
}

/* A sentence that opens with links to other articles flattened into the text with no cue
 * (headline_end: the article's sentence goes on after them; or a label and no stop at all: the
 * whole sentence is headlines). Not the text's first sentence, which a headline of its own
 * may open. Returns the cut (0: none) and marks the headlines' tokens in c->in_related. */
static size_t headline_run(ctx *c, size_t k)
{
    size_t t0 = c->s[k].t0, t1 = c->s[k].t1;
    if (k == 0 || t1 <= t0 + 2) return 0;
    size_t cut = headline_end(c, t0, t1);
    size_t stop = cut ? cut : opens_with_label(c, t0, t1) && ends_unstopped(c, t0, t1) ? t1 : 0;
    for (size_t j = t0; j < stop; j++) c->in_related[j] = 1;
    return cut;
}

/* A sentence holding a related cue ("Lire aussi :", "Read more:") and, after the links'
 * headlines, the article's own next sentence is cut in two where the headlines end
 * (related_end): the article's sentence is read again, the links' stay unread (the cue
 * stops a sentence's triggers, mentions.c) and their tolls are no event's (c->in_related).
 * Headlines flattened with no cue are cut off the same way (headline_run). */
static vg_status split_related(ctx *c, vg_arena *arena)
{
    size_t extra = 0;
    size_t *cuts = vg_arena_calloc(arena, c->ns ? c->ns : 1, sizeof *cuts);
    if (!cuts) return VG_ERR_NOMEM;
    for (size_t k = 0; k < c->ns; k++) {
        int cued = 0;
        for (size_t i = c->s[k].t0; i < c->s[k].t1; i++) {
            size_t len;
            if (vg_an_cue(c, c->s[k].t1, i, &len) != VG_CUE_RELATED) continue;
            if (!c->in_related && !(c->in_related = vg_arena_calloc(arena, c->nt, 1))) return VG_ERR_NOMEM;
            cuts[k] = related_end(c, c->s[k].t1, i, len);
            size_t after = after_cue_colon(c, c->s[k].t1, i, len);
            if (!cuts[k] && article_after_cue(c, after, c->s[k].t1)) cuts[k] = after;
            size_t stop = cuts[k] ? cuts[k] : c->s[k].t1;
            for (size_t j = i; j < stop; j++) c->in_related[j] = 1;
            extra += cuts[k] != 0;
            cued = 1;
            break;
        }
        if (cued || !c->L->lex[L_CUES]) continue;
        if (!c->in_related && !(c->in_related = vg_arena_calloc(arena, c->nt, 1))) return VG_ERR_NOMEM;
        cuts[k] = headline_run(c, k);
        extra += cuts[k] != 0;
    }
    if (!extra) return VG_OK;
    vg_sent *s = vg_arena_alloc(arena, (c->ns + extra) * sizeof *s);
    if (!s) return VG_ERR_NOMEM;
    size_t n = 0;
    for (size_t k = 0; k < c->ns; k++) {
        s[n] = c->s[k];
        if (!cuts[k]) { n++; continue; }
        s[n].t1 = cuts[k];
        s[n].end = c->t[cuts[k] - 1].end;
        n++;
        s[n] = c->s[k];
        s[n].t0 = cuts[k];
        s[n].start = c->t[cuts[k]].start;
        n++;
    }
    c->s = s;
    c->ns = n;
    return VG_OK;
}

/* The country the text's places name most often (first on ties), or NULL. A dateline's place
 * ("LONDON (Reuters) - ... in the capital of Kenya") is where the report was filed: it counts
 * only when the text names no other place. */
static const char *main_country(const ctx *c)
{
    const char *best = NULL;
    int best_n = 0;
    for (int datelines = 0; datelines < 2 && !best; datelines++)
        for (size_t k = 0; k < c->n_places; k++) {
            int n = 0;
            if (c->places[k].dateline && !datelines) continue;
            for (size_t j = 0; j < c->n_places; j++)
                n += (datelines || !c->places[j].dateline) && c->places[k].iso2 && c->places[j].iso2 &&
                     !strcmp(c->places[k].iso2, c->places[j].iso2);
            if (n > best_n) { best_n = n; best = c->places[k].iso2; }
        }
    return best;
}

/* Does "the capital" at tokens [i, i+len) stand for the city itself: not its name's lead-in ("la
 * capitale Ouagadougou", "la capitale, Khartoum": the name is found anyway), not another kind of
 * capital ("la capitale régionale"), not a point a distance is measured from ("à 140 km au nord
 * de la capitale")? It ends the sentence or a clause, or a preposition or a date follows. */
static int capital_alone(const ctx *c, size_t i, size_t len, size_t t1)
{
    const vg_gazetteer *g = c->an->gaz;
    for (size_t j = i > 3 ? i - 3 : 0; j < i; j++)
        if (c->t[j].kind == VG_TOK_WORD && vg_gz_word_is(g, c->t[j].fold, c->t[j].flen, VG_GZ_NEAR)) return 0;
    size_t n = i + len;
    if (n >= t1) return 1;
    const vg_tok *t = &c->t[n];
    if (t->kind == VG_TOK_PUNCT) return !(n + 1 < t1 && t->fold[0] == ',' && c->t[n + 1].upper);
    return c->in_date[n] || (t->kind == VG_TOK_WORD && !t->upper && vg_gz_word_is(g, t->fold, t->flen, VG_GZ_PREP));
}

/* "العاصمة الأفغانية", "la capitale afghane": a demonym right after the capital's word names
 * whose capital it is. 1 and iso2 filled when token i is a demonym (as written or without its
 * clitics), else 0. */
static int capital_demonym(const ctx *c, size_t i, size_t t1, char iso2[3])
{
    if (i >= t1) return 0;
    const vg_tok *t = &c->t[i];
    if (t->kind != VG_TOK_WORD) return 0;
    if (vg_gazetteer_demonym(c->an->gaz, t->fold, t->flen, iso2)) return 1;
    for (size_t b = 0; b < t->n_bare; b++)
        if (vg_gazetteer_demonym(c->an->gaz, t->bare[b], t->bare_len[b], iso2)) return 1;
    return 0;
}

/* Does the cues.tsv "capital" phrase at token i open with a possessive's "s" ("Kenya's capital")? */
static int possessive_capital(const ctx *c, size_t i)
{
    return c->t[i].flen == 1 && c->t[i].fold[0] == 's';
}

/* "Kenya's capital" (possessive_capital at i): the capital of the country right before it. Returns
 * that country's place, or NULL (another owner: "the group's capital"). */
static const vg_place *capital_owner(const ctx *c, size_t i)
{
    if (i == 0) return NULL;
    uint32_t end = c->t[i - 1].end;
    for (size_t k = 0; k < c->n_places; k++)
        if (c->places[k].end == end && c->places[k].kind == VG_PLACE_COUNTRY && c->places[k].iso2) return &c->places[k];
    return NULL;
}

/* "dans la capitale", "in the capital" (cues.tsv class "capital"): the capital of the country the
 * text is about (the gazetteer's GeoNames PPLC), as a place named there, when the text names
 * that country's places and the phrase stands for the city (capital_alone); followed by a
 * demonym, the capital of the demonym's country; after a country's possessive ("Kenya's capital"),
 * that country's. */
static vg_status add_capitals(ctx *c, vg_arena *arena)
{
    const char *iso = NULL;
    vg_place main_cap, cap;
    int have = -1;
    for (size_t k = 0; k < c->ns; k++)
        for (size_t i = c->s[k].t0; i < c->s[k].t1; i++) {
            size_t len;
            if (vg_an_cue(c, c->s[k].t1, i, &len) != VG_CUE_CAPITAL) continue;
            char diso[3];
            int dem = capital_demonym(c, i + len, c->s[k].t1, diso);
            /* the demonym already says which city: only a distance measured from it is not it */
            size_t end = i + len + (size_t)dem;
            if (!capital_alone(c, i, end - i, dem ? end : c->s[k].t1)) continue;
            if (possessive_capital(c, i)) {
                const vg_place *owner = capital_owner(c, i);
                if (!owner || !vg_gazetteer_capital(c->an->gaz, owner->iso2, &cap)) continue;
            } else if (dem) {
                if (!vg_gazetteer_capital(c->an->gaz, diso, &cap)) continue;
                len++;
            } else {
                if (have < 0) have = (iso = main_country(c)) && vg_gazetteer_capital(c->an->gaz, iso, &main_cap);
                if (!have) continue;
                cap = main_cap;
            }
            vg_place *np = vg_arena_alloc(arena, (c->n_places + 1) * sizeof *np);
            if (!np) return VG_ERR_NOMEM;
            size_t w = 0, at = c->t[i].start;
            for (; w < c->n_places && c->places[w].start < at; w++) np[w] = c->places[w];
            np[w] = cap;
            np[w].start = c->t[i].start;
            np[w].end = c->t[i + len - 1].end;
            np[w].confidence = 0.8f;
            for (size_t r = w; r < c->n_places; r++) np[r + 1] = c->places[r];
            c->places = np;
            c->n_places++;
            i += len - 1;
        }
    return VG_OK;
}

vg_status vg_analyze(const vg_analyzer *a, vg_doc *doc)
{
    const char *text = VG_DOC_TEXT(doc);
    if (!a || !text) return VG_OK;
    ctx c;
    memset(&c, 0, sizeof c);
    c.an = a;
    c.doc = doc;
    c.crowd_cause = -1;
    c.L = pick_lang(a, doc->fields[VG_F_LANG]);
    if (!c.L) return VG_OK;
    c.text = text;
    c.n = doc->text_len < MAX_ANALYZED_BYTES ? doc->text_len : MAX_ANALYZED_BYTES;
    while (c.n < doc->text_len && c.n > 0 && ((unsigned char)text[c.n] & 0xC0) == 0x80) c.n--;
    const char *pub = doc->fields[VG_F_PUBLISHED];
    if (!pub || !vg_date_parse_iso(pub, strlen(pub), &c.pub)) memset(&c.pub, 0, sizeof c.pub);
    else {
        int hour = vg_date_iso_hour(pub, strlen(pub));
        c.pub.small_hours = hour >= 0 && hour < SMALL_HOURS_END;
    }
    c.dl.months = c.L->lex[L_MONTHS];
    c.dl.weekdays = c.L->lex[L_WEEKDAYS];
    c.dl.relative = c.L->lex[L_RELDATES];
    c.dl.words = &c.L->dates;

    vg_status st = vg_tokenize(doc->arena, text, c.n, &c.t, &c.nt);
    if (st != VG_OK) return st;
    if (c.L->clitics && (st = vg_tok_clitic_forms(doc->arena, c.L->clitics, c.t, c.nt)) != VG_OK) return st;
    if (c.nt == 0) return VG_OK;
    if (!(c.lm = vg_arena_alloc(doc->arena, L_COUNT * sizeof *c.lm))) return VG_ERR_NOMEM;
    for (int k = 0; k < L_COUNT; k++) vg_lex_memo_init(&c.lm[k], c.L->lex[k], c.t, c.nt, doc->arena, remembered[k]);
    c.dl.months_memo = &c.lm[L_MONTHS];
    c.dl.weekdays_memo = &c.lm[L_WEEKDAYS];
    c.dl.relative_memo = &c.lm[L_RELDATES];
    st = vg_sentences(doc->arena, text, c.t, c.nt, c.L->lex[L_ABBREV], &c.s, &c.ns);
    if (st != VG_OK) return st;
    if ((st = split_related(&c, doc->arena)) != VG_OK) return st;
    int dated_by_meta = c.pub.y != 0;
    if (!c.pub.y) vg_an_text_dateline(&c, &c.pub, &c.dateline_end); /* plain text with its dateline still in it */
    c.in_date = vg_arena_calloc(doc->arena, c.nt, 1);
    sent_info *si = vg_arena_calloc(doc->arena, c.ns, sizeof *si);
    if (!c.in_date || !si) return VG_ERR_NOMEM;

    mention_sums sum;
    int found = vg_an_mentions(&c, si, &sum);
    /* No publication date: the day the text dates itself by, what its dates were read
     * against (its own dateline, else the first full date it names: mark_dates). */
    if (!dated_by_meta && c.ref.y && c.ref.m && c.ref.d) vg_date_format(&c.ref, doc->own_date);
    if (!found) return VG_OK;
    float score;
    int sub = vg_an_lead(&c, si, &sum, &score);
    if (sub < 0) return VG_OK;
    if ((st = find_attributions(&c, doc->arena)) != VG_OK) return st;
    if (a->gaz) {
        size_t pn = c.n < MAX_PLACE_BYTES ? c.n : MAX_PLACE_BYTES;
        while (pn < c.n && pn > 0 && ((unsigned char)text[pn] & 0xC0) == 0x80) pn--;
        vg_place_hint *hints = NULL;
        size_t n_hints = 0;
        if ((st = actor_hints(&c, &hints, &n_hints)) != VG_OK) return st;
        st = vg_places_find_translit(a->gaz, doc->arena, text, pn, c.L->code, c.L->clitics, c.L->translit, hints, n_hints,
                                     c.t, c.nt, &c.places, &c.n_places);
        if (st != VG_OK) { c.places = NULL; c.n_places = 0; }
        drop_places_in_actors(&c);
        if ((st = add_capitals(&c, doc->arena)) != VG_OK) return st;
    }
    /* The document gate: a text that does not read as a report of political
     * violence or protest yields no event (gate.c). */
    /* the whole text's casualty figures: the gate reads them all, the lead row its "fatalities" note */
    count killed = {0}, injured = {0}, arrested = {0}, note = {0};
    vg_an_counts(&c, 0, c.nt, 0, &killed, &injured, &arrested, &note);
    vg_gate_signals gs;
    gate_signals(&c, si, &sum, score, &killed, &injured, &arrested, &note, &gs);
    if (!(doc->gate_x = vg_gate_features(doc->arena, &gs, c.t, c.nt))) return VG_ERR_NOMEM;
    if (a->gate && !vg_gate_pass(doc->gate_p = (float)vg_gate_prob(a->gate, doc->gate_x))) return VG_OK;
    /* two incidents in one sentence, at two places: two clauses, two mentions (the gate read
     * the sentences as written) */
    if (a->gaz && (st = vg_an_split_clauses(&c, &si, &sum)) != VG_OK) return st;
    return vg_an_incidents(&c, si, &sum, sub, score, &note);
}
