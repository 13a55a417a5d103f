/* roles.c - who did it: the order of the actors an event's sentence names (ACLED's actor1 first), from cue words and ACLED's conventions. */
#include "analyze_int.h"

#include <stdlib.h>
#include <string.h>

/* Actor k becomes actor1; when it was actor2, the former actor1 takes its place. */
static void lead(int k, int *i1, int *i2)
{
    if (*i2 == k) *i2 = *i1;
    *i1 = k;
}

/* The first of ac[0..na) with interaction code `inter`, if any, leads (see lead). */
static void lead_first_of(const actor *ac, int na, int inter, int *i1, int *i2)
{
    for (int k = 0; k < na; k++)
        if (vg_an_inter(&ac[k]) == inter) {
            lead(k, i1, i2);
            return;
        }
}

void vg_an_order_roles(ctx *c, size_t main_k, int sub, const char *event_type, actor *ac, int *na, int *i1, int *i2)
{
    const vg_sent *s = &c->s[main_k];
    int type_is_protest = vg_sub_is_protest(sub), type_is_riot = vg_sub_is_riot(sub);
    int agent_k = -1; /* the actor named after "by" ("a landmine planted by regime forces") */
    /* "killed by suspected Taliban militants": the agent of a passive verb acts,
     * whoever the sentence names first (cue class "agent": "by", "par"). */
    for (int k = 0; k < *na && *i1 >= 0; k++) {
        if (k == *i1 || vg_an_inter(&ac[k]) == VG_INTER_CIVILIANS) continue;
        int agent = 0;
        for (size_t j = ac[k].t0 >= 3 ? ac[k].t0 - 3 : 0; j < ac[k].t0 && !agent; j++) {
            size_t len;
            const char *cue = vg_an_cue(c, ac[k].t0, j, &len);
            agent = cue && !strcmp(cue, "agent") && j + len <= ac[k].t0;
        }
        if (agent) { *i2 = *i1; *i1 = k; agent_k = k; break; }
    }
    /* "Israeli forces fired at fishermen. Soldiers also shot...": generic
     * troops refer back to the forces the text named before them. */
    if (*i1 >= 0 && vg_an_inter(&ac[*i1]) == VG_INTER_STATE && strstr(ac[*i1].e->cols[0], "{country}") && !vg_an_forces_country(c, &ac[*i1])) {
        actor prev[8];
        int np = vg_an_find_actors(c, 0, ac[*i1].t0, prev, 8, 2), found = -1;
        for (int k = np; k-- > 0 && found < 0;) {
            int it = vg_an_inter(&prev[k]);
            int named = !strstr(prev[k].e->cols[0], "{country}") || vg_an_forces_country(c, &prev[k]);
            if ((it == VG_INTER_STATE || it == VG_INTER_EXTERNAL) && named) found = k;
        }
        if (found >= 0) ac[*i1] = prev[found];
    }
    /* "Turkish forces and rebel factions operating under OPS": the umbrella
     * named after "under" (cue class "umbrella") is the party ACLED codes. */
    for (int k = 0; k < *na && *i1 >= 0; k++) {
        if (k == *i1 || ac[k].t0 < ac[*i1].t0 || strstr(ac[k].e->cols[0], "{country}")) continue;
        int under = 0;
        for (size_t j = ac[k].t0 >= 2 ? ac[k].t0 - 2 : 0; j < ac[k].t0 && !under; j++) {
            size_t len;
            const char *cue = vg_an_cue(c, ac[k].t0, j, &len);
            under = cue && !strcmp(cue, "umbrella") && j + len == ac[k].t0;
        }
        if (!under) continue;
        lead(k, i1, i2);
        break;
    }
    /* "repelled an IS attack", "killed in a Taliban ambush": a party named
     * right before the attack (cue class "assault") made it. */
    for (int k = 0; k < *na && *i1 >= 0; k++) {
        size_t len;
        const char *cue = ac[k].t1 < s->t1 ? vg_an_cue(c, s->t1, ac[k].t1, &len) : NULL;
        if (k == *i1 || vg_an_inter(&ac[k]) == VG_INTER_CIVILIANS || !cue || strcmp(cue, "assault") != 0) continue;
        lead(k, i1, i2);
        break;
    }
    /* "At least one soldier was killed": a party named only as the victim
     * did not do it. The doer is another party of the sentence that is not
     * a victim, else one named in the sentences before (the lede), else
     * unidentified. Not in an armed clash: there ACLED often names first the
     * side that lost men ("an NPA militant was killed during a firefight"). */
    if (*i1 >= 0 && sub != VG_SUB_ARMED_CLASH && strcmp(event_type, "Strategic developments") != 0 &&
        vg_an_is_victim(c, &ac[*i1], s->t1)) {
        int k2 = -1;
        for (int k = 0; k < *na && k2 < 0; k++) {
            int it = vg_an_inter(&ac[k]);
            if (k != *i1 && it != VG_INTER_CIVILIANS && it != 0 && !vg_an_is_victim(c, &ac[k], s->t1)) k2 = k;
        }
        for (size_t k = main_k; k2 < 0 && *na < 8 && k-- > 0 && main_k - k <= 3;) {
            actor prev[8];
            int np = vg_an_find_actors(c, c->s[k].t0, c->s[k].t1, prev, 8, 0);
            for (int j = 0; j < np && k2 < 0; j++) {
                int it = vg_an_inter(&prev[j]);
                if (vg_an_inter_armed(it) && !vg_an_is_victim(c, &prev[j], c->s[k].t1) && prev[j].e != ac[*i1].e) {
                    ac[*na] = prev[j];
                    k2 = (*na)++;
                }
            }
        }
        *i2 = *i1;
        *i1 = k2;
    }
    /* An exchange of fire between state forces and gunmen or a gang: ACLED
     * codes the state forces first (a police or army operation). */
    if (sub == VG_SUB_ARMED_CLASH && *i1 >= 0 && vg_an_inter(&ac[*i1]) == VG_INTER_POLITICAL_MILITIA) {
        int shootout = 0;
        for (size_t j = s->t0; j < s->t1 && !shootout; j++) {
            size_t len;
            const char *cue = vg_an_cue(c, s->t1, j, &len);
            shootout = cue && !strcmp(cue, "shootout");
        }
        if (shootout) lead_first_of(ac, *na, VG_INTER_STATE, i1, i2);
    }
    /* Arrests and weapons seized or defused: the state forces named did it,
     * whoever planted the bomb ("IEDs planted by NPA militants"). */
    if ((sub == VG_SUB_DISRUPTED || sub == VG_SUB_ARRESTS) && *i1 >= 0 && vg_an_inter(&ac[*i1]) != VG_INTER_STATE)
        lead_first_of(ac, *na, VG_INTER_STATE, i1, i2);
    /* "militias from the X and Y clans": a militia the sentence ties to a
     * clan, tribe or community (an inter 4 actor) is that identity militia. */
    if (*i1 >= 0 && vg_an_unnamed_militia(&ac[*i1]))
        lead_first_of(ac, *na, VG_INTER_IDENTITY_MILITIA, i1, i2);
    /* A roadside bomb or a suicide bomber: the troops named are its targets
     * (unless "planted by" them); the armed group named, else a named group
     * the text says claimed or planted it, else an unidentified one. */
    if ((sub == VG_SUB_IED || sub == VG_SUB_SUICIDE) && *i1 >= 0 && *i1 != agent_k) {
        int it = vg_an_inter(&ac[*i1]);
        if (it == VG_INTER_STATE || it == VG_INTER_EXTERNAL || it == VG_INTER_CIVILIANS) {
            int k2 = -1;
            for (int k = 0; k < *na && k2 < 0; k++) {
                int ik = vg_an_inter(&ac[k]);
                if (ik >= VG_INTER_REBELS && ik <= VG_INTER_IDENTITY_MILITIA) k2 = k; /* a non-state armed group */
            }
            int nd = 0;
            const actor *doc_ac = k2 < 0 && *na < 8 ? vg_an_doc_actors(c, 0, &nd) : NULL;
            for (int k = 0; k < nd && k2 < 0; k++) {
                int ik = vg_an_inter(&doc_ac[k]);
                if (ik == VG_INTER_REBELS && !strstr(doc_ac[k].e->cols[0], "{country}")) {
                    ac[*na] = doc_ac[k];
                    k2 = (*na)++;
                }
            }
            if (it != VG_INTER_CIVILIANS || k2 >= 0) {
                if (it != VG_INTER_CIVILIANS || *i2 < 0) *i2 = *i1;
                *i1 = k2;
            }
        }
    }
    /* Protesters and rioters come first in ACLED's coding of those events. */
    if (type_is_protest || type_is_riot) {
        for (int k = 0; k < *na; k++) {
            int it = vg_an_inter(&ac[k]);
            if ((type_is_protest && it == VG_INTER_PROTESTERS) || (type_is_riot && it == VG_INTER_RIOTERS)) { if (*i1 != k) { *i2 = *i1; *i1 = k; } break; }
        }
    }
}
