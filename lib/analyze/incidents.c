/* incidents.c - which events a document reports: the lead sub-type (ACLED
 * precedence, corrected by who is named), the main sentence, and the rows
 * other sentences add. */
#include "incidents.h"
#include "row.h"
#include "weights.h"

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
    for (size_t k = 0; k < c->ns; k++) {
        /* a protest met with force: the protest's own sentence carries the event */
        float v = si[k].sc[sub] + si[k].mods[sub] + (protest_family ? si[k].sc[VG_SUB_PEACEFUL] : 0);
        v *= vg_an_lede_weight(k); /* the lede first, as in the totals */
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

vg_status vg_an_incidents(ctx *c, sent_info *si, const mention_sums *sum, int sub, float score)
{
    size_t main_k = main_sentence(c, si, sub);
    sub = sub_by_actors(c, si, main_k, sub, sum->total);
    count note = {0}, k0 = {0}, k1 = {0}, k2 = {0};
    vg_an_counts(c, 0, c->nt, &k0, &k1, &k2, &note);
    float conf = score / (score + CONF_HALF);
    vg_status st = vg_an_row(c, si, main_k, sub, conf, &note);
    if (st != VG_OK) return st;

    /* Other events: sentences whose own best sub-type differs from the main one. */
    size_t extra = 0;
    for (size_t k = 0; k < c->ns && extra < MAX_EXTRA_EVENTS; k++) {
        if (k == main_k || si[k].best < MIN_EXTRA_SCORE) continue;
        float sc2;
        float nomods[VG_SUB_COUNT] = {0};
        int sub2 = vg_an_choose_sub(si[k].sc, nomods, &sc2);
        if (sub2 < 0 || sub2 == sub) continue;
        float conf2 = W_EXTRA_CONF * conf * sc2 / (sc2 + CONF_HALF);
        st = vg_an_row(c, si, k, sub2, conf2, NULL);
        if (st != VG_OK) return st;
        extra++;
    }
    return VG_OK;
}
