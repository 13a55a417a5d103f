/* incidents.c - which events a document reports: the lead sub-type (ACLED
 * precedence, corrected by who is named), the main sentence, and the rows
 * other sentences add. */
#include "incidents.h"
#include "confidence.h"
#include "row.h"
#include "weights.h"
#include "../core/geo.h"

#include <math.h>
#include <stdio.h>

/* Events besides the main one, a bound on one text's output: sentences
 * past it add none. */
#define MAX_EXTRA_EVENTS 16

/* The main sentence: the strongest for the chosen sub-type (or for any
 * modifier of it), first on ties; else the first that scored anything. */
static size_t main_sentence(const ctx *c, const sent_info *si, int sub)
{
    size_t main_k = 0;
    float mb = -1;
    int protest_family = sub == VG_SUB_INTERVENTION || sub == VG_SUB_EXCESSIVE || sub == VG_SUB_VIOLENT_DEMO;
    /* a sentence that tells an earlier incident than the text's own ("Cette embuscade survient au
     * lendemain de deux attaques qui ont fait 6 morts", "last month, 20 were killed") carries
     * the main event only when no other sentence tells it */
    for (int pass = 0; pass < 2 && mb <= 0; pass++)
        for (size_t k = 0; k < c->ns; k++) {
            if (!pass && si[k].earlier) continue;
            /* a protest met with force: the protest's own sentence carries the event */
            float v = si[k].sc[sub] + si[k].mods[sub] + (protest_family ? si[k].sc[VG_SUB_PEACEFUL] : 0);
            v *= vg_an_lede_weight(vg_an_sent_no(c, k)); /* the lede first, as in the totals */
            if (v > mb) { mb = v; main_k = k; }
        }
    if (mb <= 0)
        for (size_t k = 0; k < c->ns; k++)
            if (si[k].best > 0) { main_k = k; break; }
    return main_k;
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
        /* a sentence that names no one ("confirmed the attack, with deaths on both
         * sides"): who fought is told in the next ones */
        for (size_t k = main_k + 1; armed + civ == 0 && k < c->ns && k <= main_k + 2; k++)
            count_armed_and_civilians(c, k, 2, &armed, &civ);
        if (armed >= 2 && civ == 0) sub = VG_SUB_ARMED_CLASH;
    } else if (sub == VG_SUB_ARMED_CLASH) {
        /* ...and fire at unarmed people by one armed side is an attack. */
        count_armed_and_civilians(c, main_k, 1, &armed, &civ);
        int explicit_clash = si[main_k].first.sub == VG_SUB_ARMED_CLASH && si[main_k].first.w >= W_EXPLICIT_CLASH;
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

int vg_an_lead(const ctx *c, const sent_info *si, const mention_sums *sum, float *score)
{
    int sub = vg_an_choose_sub(sum->total, sum->mods, score);
    if (sub < 0 || *score < MIN_DOC_SCORE) return -1; /* one ambiguous word (weight < 1) is not an event */
    /* A document mostly about an accident, a disaster or sport: no event. */
    if (sum->nonpol >= 2 && *score < W_NONPOL_PER_CUE * (float)sum->nonpol) return -1;
    if (vg_an_only_announced(c, si)) return -1;
    return sub;
}

/* One incident: the mentions of one event (same type, compatible place and
 * day), however many sentences tell it. Its row is built from its head, the
 * strongest mention; its place and day are the first its mentions name. */
typedef struct incident {
    int sub;
    size_t head;
    float score;               /* the head's score */
    float sum;                 /* all its mentions' scores */
    int n;                     /* its mentions */
    const vg_place *place;     /* the first town or division its mentions name, or NULL */
    const vg_date *date;       /* the first full day its mentions name, or NULL */
    size_t last;               /* its latest mention's sentence */
    size_t told_before;        /* the sentence of its latest mention before last's sentence (last when none) */
    const vg_place *scene;     /* with no place of its own: the town or division its row will take (implied_scene) */
    int scene_read;
} incident;

/* Does sentence k tell of the crowd itself: protesters or rioters named, or
 * (unless actors_only) a protest or riot trigger? */
static int names_crowd(ctx *c, const sent_info *si, size_t k, int actors_only)
{
    for (int j = 0; j < VG_SUB_COUNT && !actors_only; j++)
        if (vg_sub_is_crowd(j) && (si->sc[j] > 0 || si->mods[j] > 0)) return 1;
    actor ac[8];
    int na = vg_an_find_actors(c, c->s[k].t0, c->s[k].t1, ac, 8, 1);
    for (int j = 0; j < na; j++) {
        int it = vg_an_inter(&ac[j]);
        if (it == VG_INTER_RIOTERS || it == VG_INTER_PROTESTERS) return 1;
    }
    return 0;
}

/* Does sentence k report someone killed? */
static int reports_deaths(ctx *c, size_t k)
{
    count killed = {0}, injured = {0}, arrested = {0}, note = {0};
    vg_an_counts(c, c->s[k].t0, c->s[k].t1, 0, &killed, &injured, &arrested, &note);
    return killed.found && killed.value > 0;
}

/* A town or division named in sentence k (a country alone names no scene; nor does a place
 * the resolver doubts, below MIN_SCENE_CONFIDENCE: "Snyder Avenue" read as a town in Texas
 * would part a riot in Brooklyn from itself). */
static const vg_place *own_place(ctx *c, size_t k)
{
    const vg_place *p = vg_an_sentence_place(c, k);
    return p && p->kind != VG_PLACE_COUNTRY && p->confidence >= MIN_SCENE_CONFIDENCE ? p : NULL;
}

/* Does sentence k give a toll: people killed, injured or arrested? */
static int reports_toll(ctx *c, size_t k)
{
    count killed = {0}, injured = {0}, arrested = {0}, note = {0};
    vg_an_counts(c, c->s[k].t0, c->s[k].t1, 0, &killed, &injured, &arrested, &note);
    return killed.found || injured.found || arrested.found;
}

/* Does sentence k give a figure of people arrested, or any figure? In a text about a crowd,
 * arrests told with none ("Todos los detenidos fueron identificados", "the detainees were released") are
 * the crowd's, as many arrests are (mass_arrests). */
static int counts_arrests(ctx *c, size_t k)
{
    count killed = {0}, injured = {0}, arrested = {0}, note = {0};
    vg_an_counts(c, c->s[k].t0, c->s[k].t1, 0, &killed, &injured, &arrested, &note);
    if (arrested.found) return 1;
    /* ("The two officers involved in the shooting have been arrested": a figure counts says
     * nothing of is someone's arrest all the same) */
    vg_number nb;
    for (size_t i = c->s[k].t0; i < c->s[k].t1; i++)
        if (!c->in_date[i] && vg_number_at(c->L->lex[L_NUMBERS], c->t, c->s[k].t1, i, &nb)) return 1;
    return 0;
}

/* Does sentence k report arrests by the score ("46 people were arrested",
 * "86 arrests")? During a protest, those are the crowd's. */
static int mass_arrests(ctx *c, size_t k)
{
    count killed = {0}, injured = {0}, arrested = {0}, note = {0};
    vg_an_counts(c, c->s[k].t0, c->s[k].t1, 0, &killed, &injured, &arrested, &note);
    return arrested.found && arrested.value >= MASS_ARRESTS;
}

/* Is an act of violence told at token i (before end): a death (casualties.tsv "killed") or a
 * trigger of an attack, a battle or remote violence ("the shooting", "the killing")? */
static int violent_act_at(const ctx *c, size_t end, size_t i)
{
    size_t len;
    if (vg_an_match_class(c, L_CASUALTIES, end, i, VG_CAS_KILLED, &len) ||
        vg_an_match_class(c, L_CASUALTIES, end, i, VG_CAS_KILLED1, &len))
        return 1;
    for (const vg_lex_entry *e = vg_an_match(c, L_TRIGGERS, end, i, &len); e; e = vg_lex_next_same(c->L->lex[L_TRIGGERS], e)) {
        int mod, sub = vg_an_trigger_sub(e, &mod);
        if (!mod && (sub == VG_SUB_ATTACK || sub == VG_SUB_ARMED_CLASH || vg_sub_is_remote(sub))) return 1;
    }
    return 0;
}

/* Does sentence k name an act of violence as what a crowd rose against: a casualties.tsv
 * "cause" phrase whose object is that act ("in protest at the killing", "sparked by the police
 * shooting", "contra el asesinato": the act within CAUSE_OBJECT_REACH words after a phrase marked
 * "before"), or an act followed by a phrase marked "after" ("was shot dead, triggering
 * protests")? That act is an event of its own. A cause phrase whose object is no such act
 * ("marched against the reform", "contra el alza de las tarifas") names none: the crowd's own
 * attacks in that sentence are its riot. */
static int tells_a_cause(ctx *c, size_t k)
{
    size_t s0 = c->s[k].t0, s1 = c->s[k].t1;
    if (!vg_an_class_in(c, L_CASUALTIES, s0, s1, VG_CAS_CAUSE)) return 0;
    for (size_t j = s0; j < s1; j++) {
        size_t len;
        for (const vg_lex_entry *e = vg_an_match(c, L_CASUALTIES, s1, j, &len); e; e = vg_lex_next_same(c->L->lex[L_CASUALTIES], e)) {
            if (e->cls != VG_CAS_CAUSE) continue;
            if (!strcmp(e->cols[1], "after")) {
                for (size_t i = s0; i < j; i++)
                    if (violent_act_at(c, j, i)) return 1;
            } else {
                for (size_t i = j + len; i < s1 && i <= j + len + CAUSE_OBJECT_REACH; i++)
                    if (violent_act_at(c, s1, i)) return 1;
            }
        }
    }
    return 0;
}

/* ACLED precedence in the document's context (lead: its sub-type) for a
 * mention of sub-type sub in sentence k. In a protest or riot, clashes with
 * the police and the damage done are the riot; an attack the sentence ties
 * to the crowd belongs to it when no one is killed, and so do arrests of the
 * crowd itself (protesters or rioters named, or arrests by the score). In a text about a shelling or
 * a bombing, an attack is that weapon's. */
static int in_context(ctx *c, const sent_info *si, size_t k, int lead, int sub)
{
    /* an attack in a text about a shelling or a bombing is that shelling */
    if (sub == VG_SUB_ATTACK && vg_sub_is_remote(lead)) return lead;
    /* ...and in a text about a clash, "the attack" with no toll and no scene of its own is
     * that clash told again ("after the attack, the gate was closed") */
    if (sub == VG_SUB_ATTACK && lead == VG_SUB_ARMED_CLASH && !reports_toll(c, k) && !own_place(c, k)) return lead;
    /* ...and an explosion in a text about a suicide bombing is that bombing ("the blast") */
    if (sub == VG_SUB_IED && lead == VG_SUB_SUICIDE) return lead;
    if (!vg_sub_is_crowd(lead)) return sub;
    int crowd_sub = vg_sub_is_riot(lead) ? lead : VG_SUB_VIOLENT_DEMO;
    if (sub == VG_SUB_ARMED_CLASH || sub == VG_SUB_LOOTING) return crowd_sub;
    /* rockets, petrol bombs, firecrackers thrown by the crowd, killing no one, are its riot
     * (not the cause it rose against) */
    if ((sub == VG_SUB_SHELLING || sub == VG_SUB_IED || sub == VG_SUB_GRENADE) && names_crowd(c, si, k, 1) &&
        !reports_deaths(c, k) && !tells_a_cause(c, k))
        return crowd_sub;
    if (sub == VG_SUB_ATTACK && names_crowd(c, si, k, 0) && !reports_deaths(c, k) && !tells_a_cause(c, k)) return crowd_sub;
    if (sub == VG_SUB_ARRESTS && (names_crowd(c, si, k, 1) || mass_arrests(c, k) || !counts_arrests(c, k))) return lead;
    return sub;
}

/* ACLED: an attack whose sentence names armed men of two kinds (the state's and a group's:
 * their interaction codes differ) and no civilians ("14 militaires ont également été tués lors
 * d'une attaque terroriste", "71 soldats ... tués ... dans une opération revendiquée par l'Etat
 * islamique") is a battle, for a row besides the lead as for the lead (sub_by_actors, which
 * also reads the sentences after the lead's). One kind named twice ("police officers shot a
 * boy ... the police") is no battle. */
static int armed_victims(ctx *c, size_t k, int sub)
{
    if (sub != VG_SUB_ATTACK) return sub;
    actor ac[8];
    int na = vg_an_find_actors(c, c->s[k].t0, c->s[k].t1, ac, 8, 2), sides = 0;
    unsigned seen = 0;
    for (int j = 0; j < na; j++) {
        int it = vg_an_inter(&ac[j]);
        if (it == VG_INTER_CIVILIANS) return sub;
        if (vg_an_inter_armed(it) && !(seen & (1u << it))) { seen |= 1u << it; sides++; }
    }
    return sides >= 2 ? VG_SUB_ARMED_CLASH : sub;
}

/* Sentence k's event mentions, at most two: its best sub-type, and the best
 * one of another event type ("riots in protest at the killing of a cyclist
 * by police" tells a riot and a killing), each read in context. Returns how
 * many, sub-types and scores in sub[] and sc[]. */
static int mentions_of(ctx *c, const sent_info *si, size_t k, int lead, int sub[2], float sc[2])
{
    if (si->best < MIN_EXTRA_SCORE) return 0;
    sub[0] = vg_an_choose_sub(si->sc, si->mods, &sc[0]);
    if (sub[0] < 0) return 0;
    sub[0] = armed_victims(c, k, in_context(c, si, k, lead, sub[0]));
    int second = -1;
    for (int j = 0; j < VG_SUB_COUNT; j++)
        if (si->sc[j] >= MIN_EXTRA_SCORE && strcmp(vg_subtypes[j].type, vg_subtypes[sub[0]].type) != 0 &&
            (second < 0 || si->sc[j] > si->sc[second]))
            second = j;
    if (second < 0) return 1;
    sub[1] = armed_victims(c, k, in_context(c, si, k, lead, second));
    sc[1] = si->sc[second];
    /* ACLED: a demonstration that turns violent is one riot. A sentence telling
     * both of one crowd ("riots in protest at...") tells the riot once. */
    int crowd0 = vg_sub_is_crowd(sub[0]);
    int crowd1 = vg_sub_is_crowd(sub[1]);
    if (crowd0 && crowd1) {
        if (vg_sub_is_riot(sub[1])) { sub[0] = sub[1]; sc[0] = sc[0] > sc[1] ? sc[0] : sc[1]; }
        return 1;
    }
    return strcmp(vg_subtypes[sub[1]].type, vg_subtypes[sub[0]].type) != 0 ? 2 : 1;
}

/* Are two places the same scene? Unknown on either side agrees. A crowd's
 * event is one per city and day (ACLED merges same-day gatherings in one
 * city; a riot spreads over neighbourhoods): for it, places within
 * CROWD_SCENE_KM agree. */
static int same_place(const vg_place *a, const vg_place *b, int crowd)
{
    if (!a || !b) return 1;
    if (a->name && b->name && !strcmp(a->name, b->name)) return 1;
    /* a town and the division that holds it */
    if (a->kind != VG_PLACE_CITY && a->admin1 && b->admin1 && !strcmp(a->admin1, b->admin1) && a->name && !strcmp(a->name, b->admin1)) return 1;
    if (b->kind != VG_PLACE_CITY && a->admin1 && b->admin1 && !strcmp(a->admin1, b->admin1) && b->name && !strcmp(b->name, a->admin1)) return 1;
    /* "south of Kabul" (a place named approximately) and the province there ("Logar province")
     * are one scene when near enough */
    if (((a->geo_precision == 2 && b->kind != VG_PLACE_CITY) || (b->geo_precision == 2 && a->kind != VG_PLACE_CITY)) &&
        vg_km_between(a->lat, a->lon, b->lat, b->lon) <= NEAR_SCENE_KM)
        return 1;
    return crowd && vg_km_between(a->lat, a->lon, b->lat, b->lon) <= CROWD_SCENE_KM;
}

/* Can two mentions tell one incident? ACLED's unit has one type: a protest's
 * mentions are one protest whatever force met it, a riot's one riot; other
 * sub-types differ in what was done (an air strike and a shelling, an attack
 * and an abduction are two events). */
static int same_kind(int a, int b)
{
    if (vg_sub_is_crowd(a)) return !strcmp(vg_subtypes[a].type, vg_subtypes[b].type);
    return a == b;
}

/* An attack and a clash told in neighbouring sentences are one fight seen twice ("an
 * attack on a convoy ... the buses were ambushed"): ACLED codes it once. */
static int fighting(int a, int b)
{
    return (a == VG_SUB_ATTACK && b == VG_SUB_ARMED_CLASH) || (a == VG_SUB_ARMED_CLASH && b == VG_SUB_ATTACK);
}

/* One blast told in two words ("the aerial bombing of the camp ... two of the bombs fell within
 * the camp": an air strike, then its bombs): remote violence of another sub-type is the same
 * incident where one of them is only a bomb or a blast (the IED reading of "bombing",
 * "explosion": what any strike leaves) within NEAR_SENTENCES of it (the caller checks place and
 * day). An air strike and a shelling told apart stay two, and so do a truck bomb and a suicide
 * attack in one city. */
static int one_blast(const incident *in, int sub, size_t k)
{
    if (!vg_sub_is_remote(in->sub) || !vg_sub_is_remote(sub) || k > in->last + NEAR_SENTENCES) return 0;
    return (sub == VG_SUB_IED) != (in->sub == VG_SUB_IED);
}

/* A protest and a riot on the same named day (d, the mention's; the caller checks the place)
 * are one demonstration that turned violent: ACLED codes it once, as the riot ("a vigil
 * turned violent Monday night ... dozens gathered Monday"). With no day on one side they
 * may be two crowds (a student vigil, and a riot in the same city that night; merging those,
 * even in adjacent sentences, cost en-dev recall 0.725 -> 0.706, ru 0.640 -> 0.600, es
 * 0.706 -> 0.647). */
static int one_crowd(const incident *in, int sub, const vg_date *d)
{
    if (!vg_sub_is_crowd(in->sub) || !vg_sub_is_crowd(sub) || in->sub == VG_SUB_MOB || sub == VG_SUB_MOB) return 0;
    if (vg_sub_is_riot(in->sub) == vg_sub_is_riot(sub)) return 0;
    if (!in->date || !d) return 0;
    return in->date->y == d->y && in->date->m == d->m && in->date->d == d->d;
}

static int same_day(const vg_date *a, const vg_date *b)
{
    return !a || !b || (a->y == b->y && a->m == b->m && a->d == b->d);
}

/* ACLED's unit has one type, chosen from all its mentions by precedence. An incident of sub-type
 * a told again in the next sentence, in words of sub-type b that hurt no one there, is that
 * incident (the caller checks sentence, place and day); returns the type the incident takes, or
 * -1 when b's words tell another act: a crowd's scuffles and projectiles are its demonstration
 * ("clashes broke out ... two factions threw projectiles"); the gunmen who followed a car bomb
 * are the bombing ("rammed into the base ... followed by two gunmen"); an attack whose next words
 * give its weapon (rockets, a drone) is that remote violence. Not an attack beside a crowd: that
 * is as often the police killing the crowd rose against (en-dev: with attacks in, and the same
 * sentence allowed, recall 0.743 -> 0.716; the attacks were two such killings). */
static int one_incident_type(int a, int b)
{
    if (vg_sub_is_crowd(a) && a != VG_SUB_MOB && (b == VG_SUB_ARMED_CLASH || vg_sub_is_remote(b))) return a;
    if (vg_sub_is_remote(a) && (b == VG_SUB_ATTACK || b == VG_SUB_ARMED_CLASH)) return a;
    if (a == VG_SUB_ATTACK && vg_sub_is_remote(b)) return b;
    return -1;
}

/* A full day named in sentence k, not background, not a statement's ("said Tuesday"), and for a
 * crowd's mention (crowd) not the day of the act it rose against ("a vigil where the boy was
 * shot by police on Saturday"): the day row.c's set_date would give it. */
static const vg_date *own_day(const ctx *c, const sent_info *si, int crowd)
{
    if (!si->has_date || si->hist || !si->date.d || !si->date.m || si->date.said) return NULL;
    return crowd && vg_an_dates_an_act(c, &si->date) ? NULL : &si->date;
}

/* An incident whose mentions name no place of their own still gets one: its row takes the
 * place of a sentence before its head, else the text's (row.c's pick). When that is a town or
 * a division, a mention at another scene is another incident ("protests across the country
 * ... in Sofia ... a man set himself on fire in Varna": the nationwide protest's row is
 * Sofia's, the self-immolation Varna's own). Read once an incident, on first need. */
static const vg_place *implied_scene(ctx *c, const sent_info *si, incident *in)
{
    if (!in->scene_read) {
        const vg_place *s = vg_an_pick_place(c, si, in->head, in->sub);
        in->scene = s && s->kind != VG_PLACE_COUNTRY && s->confidence >= MIN_SCENE_CONFIDENCE ? s : NULL;
        in->scene_read = 1;
    }
    return in->scene;
}

/* Mention k (score sc, its place p and day d) joins incident in: the first place and day named stay. */
static void join_incident(incident *in, size_t k, float sc, const vg_place *p, const vg_date *d)
{
    in->n++;
    if (k > in->last) { in->told_before = in->last; in->last = k; }
    in->sum += sc;
    if (!in->place) in->place = p;
    if (!in->date) in->date = d;
}

/* One incident told in words of two types (one_incident_type): does mention k (sub-type sub, score
 * sc, its own place p and day d) join the latest incident told in the sentence before (and maybe in
 * this one too: "it was hit by a truck packed with explosives, followed by two gunmen"), with no
 * place or day of the mention's own apart from its own? Not an incident this sentence opens, whose
 * second type mentions_of() read as another act ("heavy clashes continued in the north and
 * airstrikes across the strip": two events, en-dev lost a clash row), nor two sentences on
 * (NEAR_SENTENCES: fr row precision 0.917 -> 0.892). */
static int joins_in_other_words(ctx *c, const sent_info *si, incident *inc, size_t n, size_t k, int sub, float sc,
                                const vg_place *p, const vg_date *d)
{
    if (reports_toll(c, k) || tells_a_cause(c, k)) return 0;
    for (size_t j = n; j-- > 0;) {
        if (inc[j].last + 1 != k && !(inc[j].last == k && inc[j].told_before + 1 == k)) continue;
        int t = one_incident_type(inc[j].sub, sub);
        if (t < 0) continue;
        const vg_place *at = inc[j].place ? inc[j].place : p ? implied_scene(c, si, &inc[j]) : NULL;
        if (!same_place(at, p, vg_sub_is_crowd(t)) || !same_day(inc[j].date, d)) continue;
        inc[j].sub = t;
        join_incident(&inc[j], k, sc, p, d);
        return 1;
    }
    return 0;
}

/* Adds mention k (sub-type sub, score sc) to the incident it tells, or opens
 * one. Returns the incident count. */
static size_t add_mention(ctx *c, const sent_info *si, incident *inc, size_t n, size_t max, size_t k, int sub, float sc)
{
    const vg_place *p = own_place(c, k);
    const vg_date *d = own_day(c, &si[k], vg_sub_is_crowd(sub));
    /* "this attack", "cet attentat": a demonstrative points back to the incident told
     * last, whatever word told it ("l'attaque ... cet attentat" is one incident) */
    size_t back = n;
    if (si[k].back && si[k].first.sub == sub)
        for (size_t j = 0; j < n; j++)
            if (inc[j].last <= k && (back == n || inc[j].last > inc[back].last)) back = j;
    /* "Le 17 mars, 9 gendarmes ont également été tués", "last month, 20 people were
     * killed": a mention dated on its own calendar day, or said to be earlier, away from
     * an incident told undated, is another incident */
    int dated_apart = si[k].earlier || (d && !d->relative);
    /* the story goes on: a riot's mention with no day of its own, in the sentence right after the
     * latest mention of a protest told on its own day, at its place, is that protest turned
     * violent, which ACLED codes once as the riot (one_crowd): "A vigil was held on Wednesday
     * night. The crowd then threw bottles at officers" after a Monday riot is Wednesday's riot,
     * not Monday's riot told again. Not the lead, whose type the whole text decided (in ACLED's
     * notes, "On 1 May, workers protested. Police fired tear gas at them" stays a protest). */
    if (!d && sub == VG_SUB_VIOLENT_DEMO && !si[k].earlier)
        for (size_t j = n; j-- > 1;) {
            if (inc[j].last + 1 != k || !inc[j].date || !vg_sub_is_crowd(inc[j].sub) || vg_sub_is_riot(inc[j].sub) ||
                !same_place(inc[j].place, p, 1))
                continue;
            inc[j].sub = sub;
            join_incident(&inc[j], k, sc, p, d);
            return n;
        }
    for (size_t j = 0; j < n; j++) {
        int turned = one_crowd(&inc[j], sub, d);
        if (!same_kind(inc[j].sub, sub) && j != back && !(fighting(inc[j].sub, sub) && k <= inc[j].last + NEAR_SENTENCES) &&
            !one_blast(&inc[j], sub, k) && !turned)
            continue;
        if (j != back && dated_apart && !inc[j].date && k > inc[j].head + 1) continue;
        const vg_place *at = inc[j].place ? inc[j].place : p ? implied_scene(c, si, &inc[j]) : NULL;
        if (!same_place(at, p, vg_sub_is_crowd(sub)) || !same_day(inc[j].date, d)) continue;
        if (turned && vg_sub_is_riot(sub)) inc[j].sub = sub;
        /* an attack besides the lead that met a clash is a fight: the battle ACLED codes ("the
         * militants stormed the town after heavy clashes with the army" is one Armed clash, not an
         * Attack row). Not the lead, whose type the whole text decided (sub_by_actors): retyping it
         * too lost ru and fr rows (ru recall 0.720 -> 0.640, fr row P 0.882 -> 0.829) */
        if (j > 0 && inc[j].sub == VG_SUB_ATTACK && sub == VG_SUB_ARMED_CLASH && j != back) inc[j].sub = sub;
        join_incident(&inc[j], k, sc, p, d);
        return n;
    }
    /* one incident told in words of two types */
    if (joins_in_other_words(c, si, inc, n, k, sub, sc, p, d)) return n;
    /* a tally of many incidents, a plan or an opinion joins the incident it
     * speaks of but tells none of its own */
    if (n >= max || (n > 0 && (si[k].aggregate || si[k].talk))) return n;
    inc[n] = (incident){.sub = sub, .head = k, .score = sc, .sum = sc, .n = 1, .place = p, .date = d, .last = k, .told_before = k};
    return n + 1;
}

/* ACLED: an attack carried out by shelling, an air strike or a bomb is
 * "Explosions/Remote violence". A generic word ("attack", "killed") leads
 * the scores (total: the document's, or the main sentence's) while they name
 * the weapon too ("the shelling", "mortar rounds"): the weapon decides, when
 * it weighs at least W_WEAPON_SHARE of the attack. */
static int by_weapon(const float total[VG_SUB_COUNT], int sub)
{
    if (sub != VG_SUB_ATTACK) return sub;
    int best = -1;
    for (int j = VG_SUB_CHEM; j <= VG_SUB_GRENADE; j++)
        if (total[j] > 0 && (best < 0 || total[j] > total[best])) best = j;
    return best >= 0 && total[best] >= W_WEAPON_SHARE * total[VG_SUB_ATTACK] ? best : sub;
}

/* Does row e give evidence for field? */
static int has_evidence(const vg_event *e, const char *field)
{
    for (size_t r = 0; r < e->n_evidence; r++)
        if (!strcmp(e->evidence[r].field, field)) return 1;
    return 0;
}

/* What the confidence reads of incident in (row e; the lead row lead). */
static void row_features(ctx *c, const mention_sums *sum, const incident *in, int is_lead, float score, float all,
                         float density, const vg_event *lead, const vg_event *e, float x[RF_COUNT])
{
    memset(x, 0, RF_COUNT * sizeof *x);
    x[RF_LEAD] = (float)is_lead;
    x[RF_HEAD_SCORE] = logf(1.0f + in->score);
    x[RF_DOC_SCORE] = logf(1.0f + score);
    x[RF_MENTIONS] = logf((float)in->n);
    x[RF_SHARE] = all > 0 ? in->sum / all : 0;
    x[RF_LEDE] = vg_an_lede_weight(vg_an_sent_no(c, in->head));
    x[RF_PLACE] = in->place != NULL;
    x[RF_DAY] = in->date != NULL;
    x[RF_NONPOL] = sum->nonpol > 0;
    x[RF_DENSITY] = density;
    x[RF_ACTOR] = has_evidence(e, "actor1");
    x[RF_SOURCE] = e->attribution != NULL;
    x[RF_OTHER_COUNTRY] = !is_lead && (!e->iso || !lead->iso || strcmp(e->iso, lead->iso) != 0);
    x[RF_DEATHS] = e->fatalities > 0;
    x[RF_TOLL] = reports_toll(c, in->head);
    x[RF_LENGTH] = logf(1.0f + (float)vg_an_text_sentences(c));
    x[RF_STRATEGIC] = !strcmp(vg_subtypes[in->sub].type, "Strategic developments");
    x[RF_OTHER_TYPE] = !is_lead && strcmp(vg_subtypes[in->sub].type, lead->event_type) != 0;
}

/* The row's confidence, and its event type's evidence with it. */
static void set_confidence(vg_event *e, float conf)
{
    e->confidence = conf;
    for (size_t r = 0; r < e->n_evidence; r++)
        if (!strcmp(e->evidence[r].field, "event_type") || !strcmp(e->evidence[r].field, "sub_event_type"))
            e->evidence[r].confidence = conf;
}

/* Training hook (VIGIE_ROW_FEATURES set): one line per row on stderr,
 * "row<TAB>doc<TAB>index<TAB>features" (doc as in the JSON output), read by
 * scripts/calibrate-confidence.py. */
static void print_features(const ctx *c, size_t j, const float x[RF_COUNT])
{
    const char *src = c->doc->fields[VG_F_EXT_ID] ? c->doc->fields[VG_F_EXT_ID] : "";
    char line[1024];
    int len = snprintf(line, sizeof line, "row\t%s\t%zu", src, j);
    for (int i = 0; i < RF_COUNT && len > 0 && (size_t)len < sizeof line; i++)
        len += snprintf(line + len, sizeof line - (size_t)len, "\t%.4f", (double)x[i]);
    fprintf(stderr, "%s\n", line);
}

/* The crowd's sub-type the document's scores choose (its score in *score), or -1 when none
 * scored. */
static int crowd_lead(const mention_sums *sum, float *score)
{
    float sc[VG_SUB_COUNT] = {0}, mods[VG_SUB_COUNT] = {0};
    for (int j = 0; j < VG_SUB_COUNT; j++)
        if (vg_sub_is_crowd(j)) { sc[j] = sum->total[j]; mods[j] = sum->mods[j]; }
    return vg_an_choose_sub(sc, mods, score);
}

/* A text about a protest or a riot that a killing set off ("riots after
 * police shot a teenager") reports the crowd's event first: the killing is
 * its cause, told again in every paragraph, and gets a row of its own. The
 * crowd leads when its score reaches W_CROWD_SHARE of the attack's. */
static int by_crowd(const mention_sums *sum, int sub)
{
    if (sub != VG_SUB_ATTACK && sub != VG_SUB_ARMED_CLASH) return sub;
    float crowd;
    int best = crowd_lead(sum, &crowd);
    /* clashes with the police at a riot are the riot (in_context) */
    if (sub == VG_SUB_ARMED_CLASH && (best < 0 || !vg_sub_is_riot(best))) return sub;
    return best >= 0 && crowd >= W_CROWD_SHARE * sum->total[sub] ? best : sub;
}

/* The words of row e's death toll, or 0. */
static int toll_span(const vg_event *e, uint32_t *s, uint32_t *end)
{
    if (e->fatalities <= 0) return 0;
    for (size_t r = 0; r < e->n_evidence; r++)
        if (!strcmp(e->evidence[r].field, "fatalities")) { *s = e->evidence[r].start; *end = e->evidence[r].end; return 1; }
    return 0;
}

/* A protest or a riot, whose deaths are usually someone else's doing (a mob's
 * violence is its own). */
static int tells_crowd(const vg_event *e)
{
    int sub = vg_subtype_find(e->sub_event_type);
    return vg_sub_is_crowd(sub) && sub != VG_SUB_MOB;
}

/* Which of rows a and b (sharing the toll at [s, end); a_lead: a is the text's main
 * event) it belongs to: the violence that set off or met a crowd, when it is a row
 * that prints; else the main event ("Two clans clashed. 4 were killed": the killing
 * is the clash's); else the one whose own sentence holds it; else the nearer
 * sentence before it. */
static int toll_owner(const vg_event *a, const vg_event *b, int a_lead, uint32_t s, uint32_t end)
{
    if (tells_crowd(a) && !tells_crowd(b) && b->confidence >= VG_DEFAULT_MIN_CONFIDENCE) return 1;
    if (tells_crowd(b) && !tells_crowd(a) && a->confidence >= VG_DEFAULT_MIN_CONFIDENCE) return 0;
    if (a_lead) return 0;
    int in_a = s >= a->sent_start && end <= a->sent_end, in_b = s >= b->sent_start && end <= b->sent_end;
    if (in_a != in_b) return in_a ? 0 : 1;
    int before_a = a->sent_start <= s, before_b = b->sent_start <= s;
    if (before_a != before_b) return before_a ? 0 : 1;
    return a->sent_start >= b->sent_start ? 0 : 1;
}

/* One toll, one row: the words that give a death toll are the toll of one incident
 * of the text. Rows that read the same figure ("a boy was shot dead ... riots" gives
 * both the killing and the riot "1 killed"; two shellings read the sentence after
 * them) leave it to one (toll_owner); the others report no death. Run once the rows
 * have their confidence (which read the figure as each row's window gave it). */
static void one_toll_one_row(vg_event *rows, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        uint32_t s, end;
        if (!toll_span(&rows[i], &s, &end)) continue;
        for (size_t j = i + 1; j < n; j++) {
            uint32_t s2, end2;
            if (!toll_span(&rows[j], &s2, &end2) || s2 != s || end2 != end) continue;
            vg_event *loser = toll_owner(&rows[i], &rows[j], i == 0, s, end) == 0 ? &rows[j] : &rows[i];
            loser->fatalities = 0;
            size_t w = 0;
            for (size_t r = 0; r < loser->n_evidence; r++)
                if (strcmp(loser->evidence[r].field, "fatalities") != 0) loser->evidence[w++] = loser->evidence[r];
            loser->n_evidence = w;
            if (loser == &rows[i]) break;
        }
    }
}

/* Does the text say the person the police shot had aimed a weapon at them ("pointed a gun at
 * the officers": cues.tsv class "armed")? */
static int tells_armed_threat(const ctx *c)
{
    for (size_t i = 0; i < c->nt; i++) {
        size_t len;
        if (vg_an_cue(c, c->nt, i, &len) == VG_CUE_ARMED) return 1;
    }
    return 0;
}

/* Is the first party sentence k names the state's forces? */
static int state_acts(ctx *c, size_t k)
{
    actor ac[8];
    int na = vg_an_find_actors(c, c->s[k].t0, c->s[k].t1, ac, 8, 1);
    return na > 0 && vg_an_inter(&ac[0]) == VG_INTER_STATE;
}

/* Is row e an event ACLED codes? Force by the state against a person said to have aimed a
 * weapon at it (tells_armed_threat) is no violence against civilians: ACLED's rules leave out
 * police force met by an armed threat. The text is read for the threat only when a row is the
 * state's attack (*armed: -1 until read), not for every document. */
static int codable(const ctx *c, const vg_event *e, int *armed)
{
    if (e->inter1 != VG_INTER_STATE || vg_subtype_find(e->sub_event_type) != VG_SUB_ATTACK) return 1;
    if (*armed < 0) *armed = tells_armed_threat(c);
    return !*armed;
}

/* Rows a and b on one day (an unknown day agrees). */
static int same_row_day(const vg_event *a, const vg_event *b)
{
    return !a->event_date[0] || !b->event_date[0] || !strcmp(a->event_date, b->event_date);
}

/* Rows a and b at one scene on one day (an unknown day agrees). */
static int same_scene_day(const vg_event *a, const vg_event *b)
{
    int place = a->location && b->location ? !strcmp(a->location, b->location) : a->location == b->location;
    return place && same_row_day(a, b);
}

static int hurt_people(const vg_event *e) { return e->fatalities > 0 || e->injured > 0; }

/* ACLED codes property looted or destroyed in an attack or a battle as part of that event: beside
 * a violent row (an attack, a clash, a strike or blast) of its scene and day that hurt people, a
 * property row is that event ("Quinze morts dans une attaque ... Les assaillants ont aussi
 * incendié des commerces"; "killed 15 IS militants and left 13 warehouses ... burnt"). Not the
 * other way: an attack that hurt no one beside destruction is still an attack when people were
 * its target ("attacked Debiro and burnt several public buildings": ACLED dev, Attack), and the
 * words do not tell an office from a village. Does row j of rows[0..n) stay? */
static int own_event(const vg_event *rows, size_t n, size_t j)
{
    int sj = vg_subtype_find(rows[j].sub_event_type);
    for (size_t i = 0; i < n; i++) {
        if (i == j || !same_scene_day(&rows[i], &rows[j])) continue;
        int si_ = vg_subtype_find(rows[i].sub_event_type);
        int violent = si_ == VG_SUB_ATTACK || si_ == VG_SUB_ARMED_CLASH || vg_sub_is_remote(si_);
        if (sj == VG_SUB_LOOTING && violent && hurt_people(&rows[i])) return 0;
    }
    return 1;
}

/* Rows a and b at one scene: the same place, or points within RETOLD_SCENE_KM. */
static int same_scene(const vg_event *a, const vg_event *b)
{
    if (a->location && b->location && !strcmp(a->location, b->location)) return 1;
    return a->has_coords && b->has_coords && a->geo_precision && b->geo_precision &&
           vg_km_between(a->latitude, a->longitude, b->latitude, b->longitude) <= RETOLD_SCENE_KM;
}

/* ACLED's unit is one date, one place, one actor pair, one type: a row of the same sub-type as an
 * earlier row (the lead, or one told before it), at its scene (the same place, or within
 * RETOLD_SCENE_KM: "a clinic in Amra" and "the clinic in Vesko camp") on its day (an
 * unknown day agrees), that reports no one killed or hurt is that incident told again ("the
 * hospital said 35 people died at the Vesko clinic", after the lead's rocket strike that killed
 * about 30: the words of the toll went to the lead; en-dev 41_7ecb). Two strikes each with its own
 * toll stay two (three cousins killed in one school, a family of twelve in a house). Does row j
 * of rows[0..n) tell an incident an earlier row tells? */
static int retold(const vg_event *rows, size_t j)
{
    const vg_event *b = &rows[j];
    if (hurt_people(b) || !b->iso) return 0;
    int sb = vg_subtype_find(b->sub_event_type);
    for (size_t i = 0; i < j; i++) {
        const vg_event *a = &rows[i];
        /* a bomb or a blast (the IED reading of "bombings", "explosion") beside a strike: what the
         * strike left (one_blast, across the text) */
        int sa = vg_subtype_find(a->sub_event_type);
        int blast = sb == VG_SUB_IED && vg_sub_is_remote(sa);
        if ((sa != sb && !blast) || !a->iso || strcmp(a->iso, b->iso) != 0) continue;
        if (same_row_day(a, b) && same_scene(a, b)) return 1;
    }
    return 0;
}

/* Does row e name its place in its own sentence (not the text's, nor a sentence's before it)? */
static int places_itself(const vg_event *e)
{
    for (size_t r = 0; r < e->n_evidence; r++)
        if (!strcmp(e->evidence[r].field, "location"))
            return e->evidence[r].start >= e->sent_start && e->evidence[r].end <= e->sent_end;
    return 0;
}

/* ACLED: a demonstration that turns violent is one Riots event, at one place on one day. A
 * protest row after a riot row (not mob violence: no demonstration there) at the riot's scene
 * (same_scene) on its day (an unknown day agrees), in its country, that hurt no one, is that
 * riot's demonstration told again ("protesters threw stones at the police station ... the
 * protesters had gathered in the square"). The protest's scene must be its own: named in its
 * sentence, or the riot's sentence itself; a mention that names no place takes the text's,
 * which says nothing of where that crowd was (a vigil in another quarter stays a row). A riot
 * told after a protest is left alone: which of the two is the text's demonstration the rows do
 * not say. Returns the index of the riot row j of rows[0..n) tells again, or -1. */
static int riot_told_again(const vg_event *rows, size_t j)
{
    const vg_event *b = &rows[j];
    if (!b->iso || hurt_people(b) || !vg_sub_is_protest(vg_subtype_find(b->sub_event_type))) return -1;
    for (size_t i = 0; i < j; i++) {
        const vg_event *a = &rows[i];
        int sa = vg_subtype_find(a->sub_event_type);
        if (!vg_sub_is_riot(sa) || sa == VG_SUB_MOB || !a->iso || strcmp(a->iso, b->iso) != 0) continue;
        if (a->sent_start != b->sent_start && !places_itself(b)) continue;
        if (same_row_day(a, b) && same_scene(a, b)) return (int)i;
    }
    return -1;
}

vg_status vg_an_incidents(ctx *c, sent_info *si, const mention_sums *sum, int sub, float score, const count *doc_note)
{
    sub = by_crowd(sum, by_weapon(sum->total, sub));
    size_t main_k = main_sentence(c, si, sub);
    sub = sub_by_actors(c, si, main_k, sub, sum->total);
    /* ...and the main sentence's own weapon decides ("the bombing of UN schools ... killed
     * more than 50 people"), however many "killed" the rest of the text counts */
    sub = by_weapon(si[main_k].sc, sub);
    int armed = sub == VG_SUB_ATTACK ? tells_armed_threat(c) : -1;
    /* the police shooting of a man who aimed at them is no event: a crowd it set off leads */
    if (armed > 0 && state_acts(c, main_k)) {
        float crowd_score;
        int crowd = crowd_lead(sum, &crowd_score);
        if (crowd >= 0) main_k = main_sentence(c, si, sub = crowd);
    }
    incident inc[MAX_EXTRA_EVENTS + 1];
    size_t n = add_mention(c, si, inc, 0, 1, main_k, sub, si[main_k].best);
    for (size_t k = 0; k < c->ns; k++) {
        int ms[2];
        float sc[2];
        int nm = mentions_of(c, &si[k], k, sub, ms, sc);
        for (int m = k == main_k; m < nm; m++) n = add_mention(c, si, inc, n, MAX_EXTRA_EVENTS + 1, k, ms[m], sc[m]);
    }
    float all = 0;
    for (size_t j = 0; j < n; j++) all += inc[j].sum;
    /* the same for every row: the share of sentences where a trigger stands */
    size_t standing = 0, ns = vg_an_text_sentences(c);
    for (size_t k = 0; k < c->ns; k++) /* (a sentence whose clauses were parted counts once) */
        standing += si[k].best > 0 && !(k > 0 && vg_an_sent_no(c, k) == vg_an_sent_no(c, k - 1) && si[k - 1].best > 0);
    float density = ns ? (float)standing / (float)ns : 0;
    size_t first = c->doc->n_events;
    for (size_t j = 0; j < n; j++) {
        vg_status st = vg_an_row(c, si, inc[j].head, inc[j].sub, 0, j == 0 ? doc_note : NULL, inc[j].date);
        if (st != VG_OK) return st;
    }
    /* property destroyed in a violent event that hurt people is that event */
    vg_event *rows = &c->doc->events[first];
    int keep[MAX_EXTRA_EVENTS + 1];
    for (size_t j = 0; j < n; j++) keep[j] = own_event(rows, n, j) && !retold(rows, j);
    size_t m = 0;
    for (size_t j = 0; j < n; j++)
        if (keep[j]) { rows[m] = rows[j]; inc[m] = inc[j]; m++; }
    n = m;
    c->doc->n_events = first + n;
    float lead_conf = 1;
    for (size_t j = 0; j < n; j++) {
        vg_event *e = &c->doc->events[first + j];
        float x[RF_COUNT];
        row_features(c, sum, &inc[j], j == 0, score, all, density, &c->doc->events[first], e, x);
        float conf = vg_an_confidence(x, vg_an_text_sentences(c), c->L->extra_row_offset);
        /* the lead row stays the document's main event (the highest) */
        if (j == 0) lead_conf = conf;
        else if (conf > lead_conf) conf = lead_conf;
        set_confidence(e, conf);
        if (c->an->row_features) print_features(c, j, x);
    }
    one_toll_one_row(&c->doc->events[first], n);
    /* a riot's demonstration told again is the riot's row, as sure as the surer of the two */
    int drop[MAX_EXTRA_EVENTS + 1] = {0};
    for (size_t j = 1; j < n; j++) {
        int i = riot_told_again(rows, j);
        if (i < 0) continue;
        drop[j] = 1;
        if (rows[j].confidence > rows[i].confidence) set_confidence(&rows[i], rows[j].confidence);
    }
    /* rows of no codable event go once they have left the tolls they read to the others */
    size_t kept = 0;
    for (size_t j = 0; j < n; j++)
        if (!drop[j] && codable(c, &rows[j], &armed)) rows[kept++] = rows[j];
    c->doc->n_events = first + kept;
    return VG_OK;
}
