/* analyze.c - events from a document: sentences scored by trigger lexicons, ACLED precedence, then actors, place, date, counts, attribution. */
#include "analyze.h"
#include "analyze_int.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ANALYZED_BYTES (4u << 20) /* longer texts: the first 4 MiB are analysed */
/* Place resolution weighs every mention against the others (cost grows
 * faster than the text): places are read from the first 256 KiB, far more
 * than any article. */
#define MAX_PLACE_BYTES (256u << 10)
/* "According to ..." spans kept per text, a bound on the arena: past it
 * the later sentences' sources are not looked for. */
#define MAX_ATTRIBUTIONS 64
/* Events besides the main one, a bound on one text's output: sentences
 * past it add none. */
#define MAX_EXTRA_EVENTS 16

/* places-demonyms.tsv is the place resolver's file ("word<TAB>ISO2"); read
 * here too, as the last resort for an event's country. */
static const char *const lex_files[L_COUNT] = {
    "triggers.tsv", "cues.tsv", "actors.tsv", "numbers.tsv", "casualties.tsv", "attribution.tsv",
    "abbrev.tsv", "months.tsv", "weekdays.tsv", "reldates.tsv", "places-demonyms.tsv"};

static void free_lang(lang_res *l)
{
    for (int i = 0; i < L_COUNT; i++) vg_lex_free(l->lex[i]);
}

void vg_analyzer_free(vg_analyzer *a)
{
    if (!a) return;
    for (size_t i = 0; i < a->n_langs; i++) free_lang(&a->langs[i]);
    vg_gazetteer_free(a->gaz);
    free(a);
}

/* data/<lang>/dates.tsv: `numeric<TAB>day-first|month-first`. A missing file or
 * row keeps the cautious default. */
static void load_date_settings(const char *path, lang_res *l)
{
    FILE *f = fopen(path, "r");
    if (!f) return;
    char line[256];
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "numeric\t", 8) != 0) continue;
        if (!strncmp(line + 8, "day-first", 9)) l->numeric_order = VG_NUMERIC_DAY_FIRST;
        else if (!strncmp(line + 8, "month-first", 11)) l->numeric_order = VG_NUMERIC_MONTH_FIRST;
    }
    fclose(f);
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
        vg_status st = vg_lex_load(path, &l->lex[i], err, errlen);
        if (st == VG_ERR_IO) { l->lex[i] = vg_lex_new(); st = l->lex[i] ? VG_OK : VG_ERR_NOMEM; }
        if (st != VG_OK) return st == VG_ERR_NOMEM ? st : VG_ERR_RESOURCE;
    }
    snprintf(path, sizeof path, "%s/%s/dates.tsv", dir, code);
    load_date_settings(path, l);
    /* "forces turques", "Iraqis": demonyms in the plural too, as the place resolver reads them */
    vg_status st = vg_lex_add_suffixed(l->lex[L_DEMONYMS], "s");
    if (st != VG_OK) return st;
    if (err && errlen) err[0] = 0;
    return VG_OK;
}

vg_status vg_analyzer_load(const char *data_dir, vg_analyzer **out, char *err, size_t errlen,
                           char *warn, size_t warnlen)
{
    *out = NULL;
    vg_analyzer *a = calloc(1, sizeof *a);
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
    *out = a;
    return VG_OK;
}

/* ---------------------------------------------------------------------- */


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


/* "the Storm Brigade", "Tempête Brigade": a capitalised cue word right before a unit word
 * (cues.tsv class "org") names an armed unit, not the weather. */
static int names_unit(const ctx *c, size_t end, size_t i, size_t len)
{
    size_t olen;
    if (!c->t[i].upper || i + len >= end) return 0;
    const char *next = vg_an_cue(c, end, i + len, &olen);
    return next && !strcmp(next, "org");
}

/* How many words after a cue it reaches (cues.tsv): a negation, the verb
 * right after it ("no one was killed", "n'a pas tué"); a threat or an
 * announcement, about the clause it opens ("threatened to attack the town
 * on Monday"); "since", the disaster named right after it ("a year since
 * Cyclone X"). */
#define NEG_REACH 2
#define FUTURE_REACH 7
#define SINCE_REACH 3

/* Scores one sentence: trigger weights per sub-type, cancelled by a negation
 * or a future/threat cue just before them. */
static void score_sentence(ctx *c, const vg_sent *s, sent_info *si)
{
    memset(si, 0, sizeof *si);
    size_t neg_until = 0, fut_until = 0, since_until = 0;
    for (size_t i = s->t0; i < s->t1;) {
        size_t len;
        const char *cue = vg_an_cue(c, s->t1, i, &len);
        if (cue) {
            if (!strcmp(cue, "neg")) neg_until = i + len + NEG_REACH;
            else if (!strcmp(cue, "future")) { fut_until = i + len + FUTURE_REACH; si->future++; }
            else if (!strcmp(cue, "since")) since_until = i + len + SINCE_REACH;
            /* "a year since Cyclone X": a disaster named as a time reference is background */
            else if (!strcmp(cue, "nonpol") && !names_unit(c, s->t1, i, len) && i >= since_until) si->nonpol++;
            else if (!strcmp(cue, "hist")) si->hist++;
            else if (!strcmp(cue, "fiction")) si->fiction++;
        }
        const vg_lexicon *tl = c->L->lex[L_TRIGGERS];
        const vg_lex_entry *e = vg_lex_match(tl, c->t, s->t1, i, &len);
        size_t mlen;
        /* "the hottest March day": a capitalised month name inside a sentence
         * is the month, not the word it spells ("march"). */
        if (e && len == 1 && c->t[i].upper && i > s->t0 &&
            vg_lex_match(c->L->lex[L_MONTHS], c->t, s->t1, i, &mlen) && mlen == 1)
            e = NULL;
        if (e) {
            for (; e; e = vg_lex_next_same(tl, e)) { /* one phrase may count for several sub-types */
                const char *name = e->cols[0];
                int mod = name[0] == '+';
                int sub = vg_subtype_find(name + mod);
                float w = (float)atof(e->cols[1]);
                if (w == 0) w = 1;
                if (sub >= 0 && (i < neg_until || i < fut_until)) si->cancelled++;
                if (sub >= 0 && i >= neg_until && i >= fut_until) {
                    if (mod) si->mods[sub] += w;
                    else si->sc[sub] += w;
                    if (mod && sub == VG_SUB_INTERVENTION && w < 2.5f) si->weak_int += w;
                    hit *h = mod ? &si->mfirst : &si->first;
                    if (w > h->w) { h->t0 = i; h->t1 = i + len; h->sub = sub; h->w = w; }
                }
            }
            i += len;
            continue;
        }
        if (!cue) len = 1;
        i += len ? len : 1;
    }
}

/* ACLED precedence on summed scores: a protest that met force is "with
 * intervention"; protesters' violence makes it a riot; killing protesters is
 * excessive force. Modifier rows count fully only next to a protest. */
static int choose_sub(const float *sc, const float *mods, float *score)
{
    float a[VG_SUB_COUNT];
    memcpy(a, sc, sizeof a);
    float protest = a[VG_SUB_PEACEFUL];
    for (int k = 0; k < VG_SUB_COUNT; k++) {
        if (mods[k] <= 0) continue;
        if (protest > 0) a[k] += protest + mods[k];
        else a[k] += 0.3f * mods[k];
    }
    int best = -1;
    float bw = 0;
    for (int k = 0; k < VG_SUB_COUNT; k++)
        if (a[k] > bw) { bw = a[k]; best = k; }
    /* Violence by the protesters outranks the force used on them. */
    if (protest > 0 && mods[VG_SUB_VIOLENT_DEMO] > 0 && (best == VG_SUB_INTERVENTION || best == VG_SUB_PEACEFUL)) {
        best = VG_SUB_VIOLENT_DEMO;
        bw = a[best];
    }
    *score = bw;
    return best;
}






/* The event's place: vg_places_primary's pick among the places of its
 * sentence, else of the nearest sentence before it, else of the document;
 * a pick outside the document's main country only when nothing else is
 * there (a story from Syria that mentions Paris happened in Syria). Places
 * inside a source's description ("une source militaire à Damas") are
 * skipped: where the source sits is not where the event happened. */
/* vg_places_primary's pick among the places v[0..n) of sentence k (NULL if none). */
static const vg_place *sentence_primary(const ctx *c, const vg_place *v, size_t n, size_t k)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v[mid].start < c->s[k].start) lo = mid + 1; else hi = mid;
    }
    size_t i1 = lo;
    while (i1 < n && v[i1].end <= c->s[k].end) i1++;
    if (i1 == lo) return NULL;
    size_t pk = vg_places_primary(v + lo, i1 - lo);
    return pk < i1 - lo ? &v[lo + pk] : NULL;
}

/* Is the place the first word of an organisation's name ("Amra
 * People's Militia", "Vesko Battalion")? cues.tsv rows of class "org". */
static int names_org(const ctx *c, const vg_place *p)
{
    size_t lo = 0, hi = c->nt;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->t[mid].start < p->end) lo = mid + 1; else hi = mid;
    }
    size_t len;
    const char *cue = lo < c->nt ? vg_an_cue(c, c->nt, lo, &len) : NULL;
    return cue && !strcmp(cue, "org");
}

/* The places that can be a scene, and the document's own pick among them:
 * the same for every event of the document, so made on the first. */
static int scene_places(ctx *c)
{
    if (c->scene_ready) return 0;
    if (!(c->scene = vg_arena_alloc(c->doc->arena, (c->n_places + 1) * sizeof *c->scene))) return -1;
    for (size_t k = 0; k < c->n_places; k++) {
        const vg_place *p = &c->places[k];
        if (p->iso2 && !vg_an_in_attr(c, p->start, p->end, UINT32_MAX) && !names_org(c, p)) c->scene[c->n_scene++] = *p;
    }
    c->scene_pick = c->n_scene ? vg_places_primary(c->scene, c->n_scene) : 0;
    c->scene_ready = 1;
    return 0;
}

static const vg_place *pick_place(ctx *c, size_t main_k)
{
    if (scene_places(c) != 0 || !c->n_scene) return NULL;
    const vg_place *v = c->scene;
    size_t n = c->n_scene, all = c->scene_pick;
    const char *iso = all < n ? v[all].iso2 : NULL;
    const vg_place *found = NULL;
    /* the event's sentence and up to 8 before it; places are in text order */
    for (size_t k = main_k + 1; k-- > 0 && main_k - k <= 8 && !found;) {
        const vg_place *p = sentence_primary(c, v, n, k);
        if (p && (k == main_k || !iso || !strcmp(p->iso2, iso))) found = p;
    }
    if (!found) found = all < n ? &v[all] : NULL;
    /* Only a country ("En Syrie, ..."): the next sentences often name the
     * province or town; take it when it is in that country. */
    for (size_t k = main_k + 1; found && found->kind == VG_PLACE_COUNTRY && k < c->ns && k <= main_k + 3; k++) {
        const vg_place *p = sentence_primary(c, v, n, k);
        if (p && p->kind != VG_PLACE_COUNTRY && !strcmp(p->iso2, found->iso2)) found = p;
    }
    return found;
}

static void add_ev(ctx *c, vg_event *e, const char *field, uint32_t s, uint32_t t, float conf);

static void set_place(ctx *c, vg_event *e, const vg_place *p)
{
    e->country = p->country;
    e->iso = p->iso2;
    e->admin1 = p->admin1;
    e->location = p->name;
    e->latitude = p->lat;
    e->longitude = p->lon;
    e->has_coords = 1;
    e->geo_precision = p->geo_precision ? p->geo_precision : (p->kind == VG_PLACE_CITY ? 1 : p->kind == VG_PLACE_COUNTRY ? 3 : 2);
    add_ev(c, e, "location", p->start, p->end, p->confidence);
    add_ev(c, e, "country", p->start, p->end, p->confidence);
}

/* The first place of the document in country iso2 (a town before a division), outside
 * sources' descriptions; NULL if none. */
static const vg_place *place_in(const ctx *c, const char *iso2)
{
    const vg_place *best = NULL;
    for (size_t k = 0; k < c->n_places; k++) {
        const vg_place *p = &c->places[k];
        if (!p->iso2 || strcmp(p->iso2, iso2) != 0 || p->kind == VG_PLACE_COUNTRY) continue;
        if (vg_an_in_attr(c, p->start, p->end, UINT32_MAX)) continue;
        if (!best || (p->kind == VG_PLACE_CITY && best->kind != VG_PLACE_CITY)) best = p;
        if (best->kind == VG_PLACE_CITY) break;
    }
    return best;
}

/* The event's place (and country) was a misreading: drop it with its evidence. */
static void drop_place(vg_event *e)
{
    e->country = e->iso = e->admin1 = e->location = NULL;
    e->has_coords = 0;
    e->geo_precision = 0;
    size_t w = 0;
    for (size_t r = 0; r < e->n_evidence; r++)
        if (strcmp(e->evidence[r].field, "location") != 0 && strcmp(e->evidence[r].field, "country") != 0)
            e->evidence[w++] = e->evidence[r];
    e->n_evidence = w;
}

/* Is iso2 the code of one of the countries in "A|B|C"? */
static int in_country_list(const ctx *c, const char *list, const char *iso2)
{
    for (const char *p = list; p; p = strchr(p, '|') ? strchr(p, '|') + 1 : NULL) {
        const vg_place *cp = vg_gazetteer_country(c->an->gaz, p, strcspn(p, "|"));
        if (cp && cp->iso2 && !strcmp(cp->iso2, iso2)) return 1;
    }
    return 0;
}

/* Do the country lists "A|B" and "B|C" share a country? */
static int lists_overlap(const ctx *c, const char *a, const char *b)
{
    for (const char *p = a; p; p = strchr(p, '|') ? strchr(p, '|') + 1 : NULL) {
        const vg_place *cp = vg_gazetteer_country(c->an->gaz, p, strcspn(p, "|"));
        if (cp && cp->iso2 && in_country_list(c, b, cp->iso2)) return 1;
    }
    return 0;
}

/* "military forces of Armenia" in an event in Azerbaijan: state forces named
 * after another country than the event's are external (ACLED inter 8). */
static const vg_place *foreign_forces(const ctx *c, const actor *a, const char *iso)
{
    const vg_place *cp = iso ? vg_an_forces_country(c, a) : NULL;
    return cp && cp->iso2 && strcmp(cp->iso2, iso) != 0 ? cp : NULL;
}

/* Fire that a monitoring mission reports without naming who fired: ACLED
 * credits it to the party the observer's row names (actors.tsv, fifth
 * column "inter:Actor"), e.g. the OSCE's ceasefire reports in Ukraine. */
static void observer_default_party(ctx *c, vg_event *e)
{
    int n;
    const actor *all = vg_an_doc_actors(c, 1, &n);
    for (int k = 0; k < n; k++) {
        const char *d = all[k].e->cols[3], *colon = strchr(d, ':');
        if (vg_an_inter(&all[k]) != 0 || !colon || !colon[1]) continue;
        e->inter1 = atoi(d);
        e->actor1 = colon + 1;
        add_ev(c, e, "actor1", c->t[all[k].t0].start, c->t[all[k].t1 - 1].end, 0.4f);
        return;
    }
}

static void mark_dates(ctx *c, sent_info *si)
{
    for (size_t k = 0; k < c->ns; k++) {
        for (size_t i = c->s[k].t0; i < c->s[k].t1; i++) {
            vg_date d;
            if (vg_date_at(&c->dl, c->t, c->s[k].t1, i, c->pub.y ? &c->pub : NULL, &d)) {
                for (size_t j = d.t0; j < d.t1; j++) c->in_date[j] = 1;
                if (!si[k].has_date) { si[k].has_date = 1; si[k].date = d; }
                i = d.t1 - 1;
            } else if (c->t[i].kind == VG_TOK_NUM && c->t[i].flen == 4) {
                int y = atoi(c->t[i].fold);
                if (y >= 1900 && y <= 2100) c->in_date[i] = 1;
            }
        }
    }
}

/* Is a sentence about the past (a year before the reference year)? */
static int is_history(const ctx *c, const sent_info *si, size_t k, int ref_year)
{
    /* dated this year: the event itself, even if it recalls an older one */
    if (ref_year && si->has_date && si->date.y == ref_year && !si->date.relative) return 0;
    /* "en mars", "in March" with no day: background, unless it is the
     * publication's own month */
    for (size_t i = c->s[k].t0; i + 1 < c->s[k].t1; i++) {
        size_t plen, len;
        const char *cue = vg_an_cue(c, c->s[k].t1, i, &plen);
        if (!cue || strcmp(cue, "month") != 0 || i + plen >= c->s[k].t1) continue; /* cues.tsv class "month" */
        const vg_lex_entry *m = vg_lex_match(c->L->lex[L_MONTHS], c->t, c->s[k].t1, i + plen, &len);
        if (!m) continue;
        size_t j = i + plen + len;
        if (j < c->s[k].t1 && c->t[j].kind == VG_TOK_NUM) continue; /* "in May 2020", "en mai 2019" are dates */
        if (!c->pub.y || atoi(m->cols[0]) != c->pub.m) return 1;
    }
    if (!ref_year) return 0;
    for (size_t i = c->s[k].t0; i < c->s[k].t1; i++) {
        if (c->t[i].kind != VG_TOK_NUM || c->t[i].flen != 4) continue;
        int y = atoi(c->t[i].fold);
        if (y >= 1900 && y < ref_year) return 1;
    }
    return 0;
}

static void add_ev(ctx *c, vg_event *e, const char *field, uint32_t s, uint32_t t, float conf)
{
    vg_event_add_evidence(c->doc, e, field, s, t, conf);
}

/* The event's date: in its sentence, else the nearest earlier sentence,
 * else the first in the text, else the publication's (precision 2). */
static void set_date(ctx *c, const sent_info *si, size_t main_k, vg_event *e)
{
    const vg_date *d = NULL;
    for (size_t k = main_k + 1; k-- > 0 && !d;)
        if (si[k].has_date && !si[k].hist) d = &si[k].date;
    for (size_t k = 0; k < c->ns && !d; k++)
        if (si[k].has_date) d = &si[k].date;
    if (d && d->m) {
        vg_date_format(d, e->event_date);
        e->time_precision = d->precision;
        add_ev(c, e, "event_date", c->t[d->t0].start, c->t[d->t1 - 1].end, d->relative ? 0.7f : 0.9f);
    } else if (c->pub.y) {
        vg_date_format(&c->pub, e->event_date);
        e->time_precision = 2;
    }
}

/* The actors of the event's sentence (else of the sentences before it, else
 * of the next one) in ac[8]; *i1 the first that is not civilians, *i2 the
 * first other one (-1: none). Returns how many. */
static int find_event_actors(ctx *c, size_t main_k, actor ac[8], int *i1, int *i2)
{
    const vg_sent *s = &c->s[main_k];
    int na = vg_an_find_actors(c, s->t0, s->t1, ac, 8, 0);
    /* none named: the sentences before it (the lede names them), then the next one */
    for (size_t k = main_k; na == 0 && k-- > 0;) na = vg_an_find_actors(c, c->s[k].t0, c->s[k].t1, ac, 8, 0);
    if (na == 0 && main_k + 1 < c->ns) na = vg_an_find_actors(c, c->s[main_k + 1].t0, c->s[main_k + 1].t1, ac, 8, 0);
    *i1 = *i2 = -1;
    for (int k = 0; k < na; k++)
        if (vg_an_inter(&ac[k]) != VG_INTER_CIVILIANS) { *i1 = k; break; }
    if (*i1 < 0 && na) *i1 = 0;
    for (int k = 0; k < na; k++)
        if (k != *i1) { *i2 = k; break; }
    return na;
}

static void country_by_actors(ctx *c, const vg_sent *s, vg_event *e)
{
    /* A place in another country than every country-bound actor of the
     * sentence names is most likely a homonym: keep the actors' country,
     * drop the coordinates. */
    actor all[8];
    int nall = vg_an_find_actors(c, s->t0, s->t1, all, 8, 1);
    const char *hint = NULL, *abroad = NULL;
    int agree = 1, hk = 0;
    for (int k = 0; k < nall; k++) {
        const char *cn = all[k].e->cols[2];
        /* police named after a country work at home ("Nepal Police"); other
         * forces often abroad: they only tell that countries disagree
         * ("Turkish police fired at a Greek border guard") */
        const vg_place *pc = !cn[0] ? vg_an_forces_country(c, &all[k]) : NULL;
        if (pc && strncmp(all[k].e->cols[0], "Police Forces", 13) != 0) {
            if (!abroad) abroad = pc->country;
            continue;
        }
        if (pc) cn = pc->country;
        if (!cn[0]) continue;
        /* "JNIM or ISGS": groups of the same few countries, listed in another order, agree;
         * a single country keeps the hint precise */
        if (hint && strcmp(hint, cn) != 0) {
            if (!lists_overlap(c, hint, cn)) agree = 0;
            else if (strchr(hint, '|')) { hint = cn; hk = k; }
            continue;
        }
        hint = cn;
        hk = k;
    }
    if (hint && abroad && strcmp(hint, abroad) != 0) agree = 0;
    /* a group active in a few countries ("Nigeria|Cameroon|Niger|Chad"):
     * a place outside them is a homonym too; a place the text names in
     * one of them replaces it, else the country stays unknown */
    if (hint && agree && strchr(hint, '|') && e->iso && !in_country_list(c, hint, e->iso)) {
        drop_place(e);
        const vg_place *alt = NULL;
        for (const char *q = hint; q && !alt; q = strchr(q, '|') ? strchr(q, '|') + 1 : NULL) {
            size_t n = strcspn(q, "|");
            const vg_place *cp = vg_gazetteer_country(c->an->gaz, q, n);
            alt = cp && cp->iso2 ? place_in(c, cp->iso2) : NULL;
        }
        if (alt) set_place(c, e, alt);
        hint = NULL;
    }
    const vg_place *cp = hint && agree ? vg_gazetteer_country(c->an->gaz, hint, strlen(hint)) : NULL;
    if (cp && cp->iso2 && e->iso && strcmp(cp->iso2, e->iso) != 0) {
        drop_place(e);
        e->country = cp->country;
        e->iso = cp->iso2;
        /* another place the text names in the actors' country is the better reading */
        const vg_place *alt = place_in(c, cp->iso2);
        if (alt) set_place(c, e, alt);
        else add_ev(c, e, "country", c->t[all[hk].t0].start, c->t[all[hk].t1 - 1].end, 0.5f);
    }
}

static void country_from_actor(ctx *c, const vg_sent *s, vg_event *e)
{
    /* No place found: an actor (or observer) tied to one country ("Ukrainian forces")
     * gives it, in the event's sentence first, then in the whole text. */
    actor in_sentence[VG_AN_DOC_ACTORS];
    const actor *all = in_sentence;
    int nall = vg_an_find_actors(c, s->t0, s->t1, in_sentence, VG_AN_DOC_ACTORS, 1);
    int has = 0;
    for (int k = 0; k < nall; k++) has |= all[k].e->cols[2][0] != 0;
    if (!has) all = vg_an_doc_actors(c, 1, &nall);
    for (int k = 0; k < nall && !e->country; k++) {
        const char *cn = all[k].e->cols[2]; /* of a list "A|B", the first: where the group is based */
        const vg_place *cp = cn[0] ? vg_gazetteer_country(c->an->gaz, cn, strcspn(cn, "|")) : NULL;
        if (cp) {
            e->country = cp->country;
            e->iso = cp->iso2;
            add_ev(c, e, "country", c->t[all[k].t0].start, c->t[all[k].t1 - 1].end, 0.5f);
        }
    }
}

static void country_from_demonym(ctx *c, const vg_sent *s, vg_event *e)
{
    /* Still none: a demonym ("Lebanese protesters", "Iraqi forces"), in the sentence first. */
    /* "Israeli forces fired at Palestinian farmers": forces named after a
     * country often act abroad, so their demonym counts last. */
    for (int pass = 0; pass < 3 && !e->country; pass++) {
        size_t a0 = pass ? 0 : s->t0, a1 = pass ? c->nt : s->t1;
        for (size_t i = a0; i < a1 && !e->country; i++) {
            size_t len, alen;
            const vg_lex_entry *de = vg_lex_match(c->L->lex[L_DEMONYMS], c->t, a1, i, &len);
            size_t rlen;
            const char *next = de && i + len < c->nt ? vg_an_cue(c, c->nt, i + len, &rlen) : NULL;
            if (next && !strcmp(next, "region")) de = NULL; /* "Somali region" is a place in Ethiopia */
            if (de && pass < 2 && i + len < c->nt) {
                const vg_lex_entry *ae = vg_lex_match(c->L->lex[L_ACTORS], c->t, c->nt, i + len, &alen);
                int it = ae ? atoi(ae->cols[1]) : 0;
                if (it == VG_INTER_STATE || it == VG_INTER_EXTERNAL) de = NULL;
            }
            const vg_place *cp = de && de->cols[0][0] ? vg_gazetteer_country(c->an->gaz, de->cols[0], strlen(de->cols[0])) : NULL;
            if (cp) {
                e->country = cp->country;
                e->iso = cp->iso2;
                add_ev(c, e, "country", c->t[i].start, c->t[i + len - 1].end, 0.4f);
            }
        }
    }
}

/* actor1 and actor2 from the actors found, ordered by roles.c, then ACLED's
 * conventions for who is named when nobody is. */
static void set_actors(ctx *c, vg_event *e, size_t main_k, int sub, actor ac[8], int na, int i1, int i2)
{
    const char *country = e->country;
    int type_is_protest = vg_sub_is_protest(sub), type_is_riot = vg_sub_is_riot(sub);
    vg_an_order_roles(c, main_k, sub, e->event_type, ac, &na, &i1, &i2);
    if (i1 >= 0) {
        const vg_place *fc = foreign_forces(c, &ac[i1], e->iso);
        e->actor1 = vg_an_actor_name(c, ac[i1].e, fc ? fc->country : country);
        e->inter1 = fc ? VG_INTER_EXTERNAL : vg_an_inter(&ac[i1]);
        add_ev(c, e, "actor1", c->t[ac[i1].t0].start, c->t[ac[i1].t1 - 1].end, 0.7f);
        const char *people = vg_an_ethnic_name(c, &ac[i1]);
        size_t olen;
        const char *next = ac[i1].t1 < c->nt ? vg_an_cue(c, c->nt, ac[i1].t1, &olen) : NULL;
        if (people) {
            e->inter1 = VG_INTER_IDENTITY_MILITIA;
            e->actor1 = vg_an_generic_actor(c, people, country);
            add_ev(c, e, "actor1", c->t[ac[i1].t0 - 1].start, c->t[ac[i1].t1 - 1].end, 0.5f);
        } else if (next && !strcmp(next, "origin") && vg_an_unnamed_militia(&ac[i1])) {
            /* "militias from two villages": a community's own militia */
            e->inter1 = VG_INTER_IDENTITY_MILITIA;
            e->actor1 = vg_an_generic_actor(c, "Communal Militia", country);
        }
    }
    if (i2 >= 0) {
        const vg_place *fc = foreign_forces(c, &ac[i2], e->iso);
        e->actor2 = vg_an_actor_name(c, ac[i2].e, fc ? fc->country : country);
        e->inter2 = fc ? VG_INTER_EXTERNAL : vg_an_inter(&ac[i2]);
        add_ev(c, e, "actor2", c->t[ac[i2].t0].start, c->t[ac[i2].t1 - 1].end, 0.6f);
    }
    /* ACLED always names someone: protesters, rioters, or an unidentified armed group. */
    if (type_is_protest && e->inter1 != VG_INTER_PROTESTERS) { e->inter1 = VG_INTER_PROTESTERS; e->actor1 = vg_an_generic_actor(c, "Protesters", country); }
    if (type_is_riot && e->inter1 != VG_INTER_RIOTERS) { e->inter1 = VG_INTER_RIOTERS; e->actor1 = vg_an_generic_actor(c, "Rioters", country); }
    /* Civilians are who violence is done to, never who does it: with no one else
     * named, the perpetrator is an unidentified armed group and they are actor2. */
    /* (looting and arson are done to civilians too: "an activist's house was set on fire") */
    int someone_did_it = strcmp(e->event_type, "Strategic developments") != 0 || sub == VG_SUB_LOOTING;
    if (e->inter1 == VG_INTER_CIVILIANS && !type_is_protest && !type_is_riot && someone_did_it) {
        int to2 = !e->actor2;
        if (to2) { e->actor2 = e->actor1; e->inter2 = VG_INTER_CIVILIANS; }
        e->actor1 = NULL;
        e->inter1 = 0;
        size_t w = 0; /* the civilians' words now support actor2, or nothing */
        for (size_t r = 0; r < e->n_evidence; r++) {
            if (!strcmp(e->evidence[r].field, "actor1")) {
                if (!to2) continue;
                e->evidence[r].field = "actor2";
            }
            e->evidence[w++] = e->evidence[r];
        }
        e->n_evidence = w;
    }
    if (!e->actor1 && strcmp(e->event_type, "Strategic developments") != 0 && !type_is_protest && !type_is_riot)
        observer_default_party(c, e);
    if (!e->actor1 && someone_did_it) {
        e->inter1 = VG_INTER_POLITICAL_MILITIA;
        e->actor1 = vg_an_generic_actor(c, "Unidentified Armed Group", country);
    }
}

/* Fatalities, injured and arrests: the event's sentence and the next two;
 * doc_note (the main event only) is the whole text's "fatalities" note. */
static void set_counts(ctx *c, const sent_info *si, size_t main_k, const count *doc_note, vg_event *e)
{
    const vg_sent *s = &c->s[main_k];
    count killed = {0}, injured = {0}, arrested = {0}, note = {0};
    size_t last = main_k + 3 < c->ns ? main_k + 3 : c->ns;
    vg_an_counts(c, s->t0, c->s[last - 1].t1, &killed, &injured, &arrested, &note);
    if (doc_note && doc_note->found) note = *doc_note;
    if (doc_note && !killed.found) {
        /* The main event read from a headline: its toll is usually in the
         * first sentence that gives one, among the first few that report violence. */
        for (size_t k = 0; k < c->ns && k < 4 && !killed.found; k++) {
            if (si[k].hist || si[k].nonpol || si[k].best <= 0) continue;
            count inj2 = {0}, arr2 = {0}, note2 = {0};
            vg_an_counts(c, c->s[k].t0, c->s[k].t1, &killed, &inj2, &arr2, &note2);
        }
    }
    if (note.found) {
        e->fatalities = (int)note.value;
        if (note.t1 > note.t0) add_ev(c, e, "fatalities", c->t[note.t0].start, c->t[note.t1 - 1].end, 0.9f);
    } else if (killed.found) {
        e->fatalities = (int)killed.value;
        add_ev(c, e, "fatalities", c->t[killed.t0].start, c->t[killed.t1 - 1].end, 0.7f);
    } else e->fatalities = 0;
    if (injured.found) {
        e->injured = (int)injured.value;
        add_ev(c, e, "injured", c->t[injured.t0].start, c->t[injured.t1 - 1].end, 0.7f);
    }
    if (arrested.found) {
        e->arrests = (int)arrested.value;
        add_ev(c, e, "arrests", c->t[arrested.t0].start, c->t[arrested.t1 - 1].end, 0.7f);
    }
}

static void set_attribution(ctx *c, const vg_sent *s, vg_event *e)
{
    /* attribution: in the event's sentence, else anywhere in the document */
    uint32_t as, ae;
    if (vg_an_find_attribution(c, s->t0, s->t1, &as, &ae) || vg_an_find_attribution(c, 0, c->nt, &as, &ae)) {
        e->attribution = vg_arena_strndup(c->doc->arena, c->text + as, ae - as);
        add_ev(c, e, "attribution", as, ae, 0.6f);
    }
}

static vg_status build_event(ctx *c, sent_info *si, size_t main_k, int sub, float conf, const count *doc_note)
{
    vg_event *e = vg_doc_add_event(c->doc);
    if (!e) return VG_ERR_NOMEM;
    const vg_sent *s = &c->s[main_k];
    e->event_type = vg_subtypes[sub].type;
    e->sub_event_type = vg_subtypes[sub].name;
    e->confidence = conf;
    e->sent_start = s->start;
    e->sent_end = s->end;
    hit h = si[main_k].first.t1 > si[main_k].first.t0 ? si[main_k].first : si[main_k].mfirst;
    if (h.t1 > h.t0) {
        add_ev(c, e, "event_type", c->t[h.t0].start, c->t[h.t1 - 1].end, conf);
        add_ev(c, e, "sub_event_type", c->t[h.t0].start, c->t[h.t1 - 1].end, conf);
    }

    const vg_place *p = pick_place(c, main_k);
    if (p) set_place(c, e, p);

    set_date(c, si, main_k, e);
    actor ac[8];
    int i1, i2;
    int na = find_event_actors(c, main_k, ac, &i1, &i2);
    if (e->country && c->an->gaz) country_by_actors(c, s, e);
    if (!e->country && c->an->gaz) country_from_actor(c, s, e);
    if (!e->country && c->an->gaz) country_from_demonym(c, s, e);
    set_actors(c, e, main_k, sub, ac, na, i1, i2);
    set_counts(c, si, main_k, doc_note, e);
    set_attribution(c, s, e);
    return VG_OK;
}

/* The lede carries the main event: earlier sentences weigh more. */
static float lede_weight(size_t k)
{
    return 1.0f / (1.0f + 0.5f * (float)k);
}

/* Scores every sentence (si[k]) and sums them into the document's totals,
 * each sentence weighed by its place in the text. Returns whether any
 * sentence scored a sub-type at all; *nonpol counts accident, disaster and
 * sport cues. */
static int weigh_sentences(ctx *c, sent_info *si, int ref_year, float total[VG_SUB_COUNT],
                           float mods[VG_SUB_COUNT], int *nonpol)
{
    int any = 0;
    for (size_t k = 0; k < c->ns; k++) {
        sent_info keep = si[k];
        score_sentence(c, &c->s[k], &si[k]);
        si[k].has_date = keep.has_date;
        si[k].date = keep.date;
        if (is_history(c, &si[k], k, ref_year)) si[k].hist = 1;
        if (si[k].weak_int > 0) {
            /* "activists who were detained", "the group stopped work": force
             * met a protest only if police or troops are there to use it */
            actor ac[8];
            int na = vg_an_find_actors(c, c->s[k].t0, c->s[k].t1, ac, 8, 1), state = 0;
            for (int j = 0; j < na; j++)
                if (vg_an_inter(&ac[j]) == VG_INTER_STATE) state = 1;
            if (!state) si[k].mods[VG_SUB_INTERVENTION] -= si[k].weak_int;
        }
        *nonpol += si[k].nonpol;
        /* An accident or disaster in the sentence: its deaths and blasts are no
         * political violence (a protest about a flood still is a protest). */
        float factor = si[k].hist ? 0.15f : 1.0f;
        /* A myth or a story retold ("enlevée par Zeus", "in the film, gunmen..."):
         * no event of any kind in that sentence. */
        if (si[k].fiction)
            for (int j = 0; j < VG_SUB_COUNT; j++) si[k].sc[j] = si[k].mods[j] = 0;
        if (si[k].nonpol)
            for (int j = 0; j < VG_SUB_COUNT; j++)
                if (!vg_sub_is_protest(j) && !vg_sub_is_riot(j)) si[k].sc[j] = si[k].mods[j] = 0;
        float pos = lede_weight(k);
        for (int j = 0; j < VG_SUB_COUNT; j++) {
            si[k].sc[j] *= factor;
            si[k].mods[j] *= factor;
            total[j] += si[k].sc[j] * pos;
            mods[j] += si[k].mods[j] * pos;
            if (si[k].sc[j] > si[k].best) si[k].best = si[k].sc[j];
            if (si[k].sc[j] > 0) any = 1;
        }
    }
    return any;
}

/* An article whose lede announces or threatens (its triggers cancelled,
 * none standing) reports no event unless a sentence says plainly that
 * one happened. */
static int only_announced(const ctx *c, const sent_info *si)
{
    for (size_t k = 0; k < c->ns; k++) {
        if (si[k].best <= 0 && !si[k].cancelled) continue;
        if (si[k].best <= 0 && si[k].cancelled) {
            float strongest = 0;
            for (size_t j = 0; j < c->ns; j++)
                if (si[j].best > strongest) strongest = si[j].best;
            if (strongest < 4.5f) return 1;
        }
        break;
    }
    return 0;
}

/* The main sentence: the strongest for the chosen sub-type (or for any
 * modifier of it), first on ties; else the first that scored anything. */
static size_t main_sentence(const ctx *c, const sent_info *si, int sub)
{
    size_t main_k = 0;
    float mb = -1;
    int protest_family = sub == VG_SUB_INTERVENTION || sub == VG_SUB_EXCESSIVE || sub == VG_SUB_VIOLENT_DEMO;
    for (size_t k = 0; k < c->ns; k++) {
        /* a protest met with force: the protest's own sentence carries the event */
        float v = si[k].sc[sub] + si[k].mods[sub] + (protest_family ? si[k].sc[VG_SUB_PEACEFUL] : 0);
        v *= lede_weight(k); /* the lede first, as in the totals */
        if (v > mb) { mb = v; main_k = k; }
    }
    if (mb <= 0)
        for (size_t k = 0; k < c->ns; k++)
            if (si[k].best > 0) { main_k = k; break; }
    return main_k;
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

/* Armed actors (interaction codes 1-4) and civilians (7) named in sentence k. */
static void count_armed_and_civilians(ctx *c, size_t k, int mode, int *armed, int *civ)
{
    actor ac[8];
    int na = vg_an_find_actors(c, c->s[k].t0, c->s[k].t1, ac, 8, mode);
    *armed = *civ = 0;
    for (int j = 0; j < na; j++) {
        int it = vg_an_inter(&ac[j]);
        if (vg_an_inter_armed(it)) (*armed)++;
        else if (it == VG_INTER_CIVILIANS) (*civ)++;
    }
}

/* The sub-type the scores chose, corrected by who the main sentence names
 * (ACLED codes some sub-types by their actors, not by their words). */
static int sub_by_actors(ctx *c, const sent_info *si, size_t main_k, int sub, const float total[VG_SUB_COUNT])
{
    int armed, civ;
    /* ACLED: violence against civilians needs unarmed victims; armed men on
     * both sides (a soldier killed by militants) is a battle. */
    if (sub == VG_SUB_ATTACK) {
        count_armed_and_civilians(c, main_k, 2, &armed, &civ);
        if (armed >= 2 && civ == 0) sub = VG_SUB_ARMED_CLASH;
    } else if (sub == VG_SUB_ARMED_CLASH) {
        /* ...and fire at unarmed people by one armed side is an attack. */
        count_armed_and_civilians(c, main_k, 1, &armed, &civ);
        int explicit_clash = si[main_k].first.sub == VG_SUB_ARMED_CLASH && si[main_k].first.w >= 3.5f;
        if (armed <= 1 && civ >= 1 && total[VG_SUB_ATTACK] > 0 && !explicit_clash) sub = VG_SUB_ATTACK;
    }
    /* Territory taken: by the state (or forces on its side) it is regained;
     * by a rebel group it is overtaken. */
    if (sub == VG_SUB_GOV_REGAINS || sub == VG_SUB_NSA_OVERTAKES) {
        actor ac[8];
        int na = vg_an_find_actors(c, c->s[main_k].t0, c->s[main_k].t1, ac, 8, 0);
        if (na) sub = vg_an_inter(&ac[0]) == VG_INTER_REBELS ? VG_SUB_NSA_OVERTAKES : VG_SUB_GOV_REGAINS;
    }
    /* ACLED: violence by a crowd with no armed group behind it (villagers,
     * "a group of people") is mob violence, whoever the victim. */
    if (sub == VG_SUB_ATTACK || sub == VG_SUB_ARMED_CLASH || sub == VG_SUB_LOOTING) {
        actor ac[8];
        int na = vg_an_find_actors(c, c->s[main_k].t0, c->s[main_k].t1, ac, 8, 1);
        for (int k = 0; k < na; k++) {
            int it = vg_an_inter(&ac[k]);
            if (vg_an_inter_armed(it)) break; /* an armed actor named first */
            if (it == VG_INTER_RIOTERS) { sub = VG_SUB_MOB; break; }
        }
    }
    return sub;
}

vg_status vg_analyze(const vg_analyzer *a, vg_doc *doc)
{
    const char *text = VG_DOC_TEXT(doc);
    if (!a || !text) return VG_OK;
    ctx c;
    memset(&c, 0, sizeof c);
    c.an = a;
    c.doc = doc;
    c.L = pick_lang(a, doc->fields[VG_F_LANG]);
    if (!c.L) return VG_OK;
    c.text = text;
    c.n = doc->text_len < MAX_ANALYZED_BYTES ? doc->text_len : MAX_ANALYZED_BYTES;
    while (c.n < doc->text_len && c.n > 0 && ((unsigned char)text[c.n] & 0xC0) == 0x80) c.n--;
    const char *pub = doc->fields[VG_F_PUBLISHED];
    if (!pub || !vg_date_parse_iso(pub, strlen(pub), &c.pub)) memset(&c.pub, 0, sizeof c.pub);
    c.dl.months = c.L->lex[L_MONTHS];
    c.dl.weekdays = c.L->lex[L_WEEKDAYS];
    c.dl.relative = c.L->lex[L_RELDATES];

    vg_status st = vg_tokenize(doc->arena, text, c.n, &c.t, &c.nt);
    if (st != VG_OK) return st;
    if (c.nt == 0) return VG_OK;
    st = vg_sentences(doc->arena, text, c.t, c.nt, c.L->lex[L_ABBREV], &c.s, &c.ns);
    if (st != VG_OK) return st;
    c.in_date = vg_arena_calloc(doc->arena, c.nt, 1);
    sent_info *si = vg_arena_calloc(doc->arena, c.ns, sizeof *si);
    if (!c.in_date || !si) return VG_ERR_NOMEM;

    mark_dates(&c, si);
    /* Reference year for "is this background?": publication, else the latest dated sentence. */
    int ref_year = c.pub.y;
    if (!ref_year)
        for (size_t k = 0; k < c.ns; k++)
            if (si[k].has_date && si[k].date.y > ref_year) ref_year = si[k].date.y;

    float total[VG_SUB_COUNT] = {0}, mods[VG_SUB_COUNT] = {0};
    int nonpol = 0;
    if (!weigh_sentences(&c, si, ref_year, total, mods, &nonpol)) return VG_OK;
    float score;
    int sub = choose_sub(total, mods, &score);
    if (sub < 0 || score < 1.0f) return VG_OK; /* one ambiguous word (weight < 1) is not an event */
    /* A document mostly about an accident, a disaster or sport: no event. */
    if (nonpol >= 2 && score < 2.0f * (float)nonpol) return VG_OK;
    if (only_announced(&c, si)) return VG_OK;

    size_t main_k = main_sentence(&c, si, sub);
    if ((st = find_attributions(&c, doc->arena)) != VG_OK) return st;
    sub = sub_by_actors(&c, si, main_k, sub, total);

    if (a->gaz) {
        size_t pn = c.n < MAX_PLACE_BYTES ? c.n : MAX_PLACE_BYTES;
        while (pn < c.n && pn > 0 && ((unsigned char)text[pn] & 0xC0) == 0x80) pn--;
        st = vg_places_find(a->gaz, doc->arena, text, pn, c.L->code, &c.places, &c.n_places);
        if (st != VG_OK) { c.places = NULL; c.n_places = 0; }
    }
    count note = {0}, k0 = {0}, k1 = {0}, k2 = {0};
    vg_an_counts(&c, 0, c.nt, &k0, &k1, &k2, &note);
    float conf = score / (score + 2.0f);
    st = build_event(&c, si, main_k, sub, conf, &note);
    if (st != VG_OK) return st;

    /* Other events: sentences whose own best sub-type differs from the main one. */
    size_t extra = 0;
    for (size_t k = 0; k < c.ns && extra < MAX_EXTRA_EVENTS; k++) {
        if (k == main_k || si[k].best < 2.0f) continue;
        float sc2;
        float nomods[VG_SUB_COUNT] = {0};
        int sub2 = choose_sub(si[k].sc, nomods, &sc2);
        if (sub2 < 0 || sub2 == sub) continue;
        float conf2 = 0.5f * conf * sc2 / (sc2 + 2.0f);
        st = build_event(&c, si, k, sub2, conf2, NULL);
        if (st != VG_OK) return st;
        extra++;
    }
    return VG_OK;
}
