/* roles.c - who did it: the order of the actors an event's sentence names (ACLED's actor1 first), from cue words and ACLED's conventions. */
#include "analyze_int.h"

#include <stdlib.h>
#include <string.h>

/* The actors of one event as vg_an_order_roles reorders them: ac[0..*na) (room for 8),
 * ac[*i1] who did it, ac[*i2] the other party (-1: none). */
typedef struct roles {
    ctx *c;
    size_t main_k;
    int sub;
    const char *event_type;
    actor *ac;
    int *na, *i1, *i2;
} roles;

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

/* Adds a to the actors; its index, or -1 when there is no room. */
static int append(roles *r, const actor *a)
{
    if (*r->na >= 8) return -1;
    r->ac[*r->na] = *a;
    return (*r->na)++;
}

/* Is a cue of class `cls` right before token t0 (ending at it when `adjacent`, else within
 * `back` tokens)? */
static int cue_before(const ctx *c, size_t t0, size_t back, int cls, int adjacent)
{
    for (size_t j = t0 >= back ? t0 - back : 0; j < t0; j++) {
        size_t len;
        int cue = vg_an_cue(c, t0, j, &len);
        if (cue == cls && (adjacent ? j + len == t0 : j + len <= t0)) return 1;
    }
    return 0;
}

/* "frappes aériennes russes", "Russian airstrikes", "Israeli shelling": a remote attack whose
 * trigger carries a demonym names the state that carried it out. Returns the trigger as an
 * actor of the country's armed forces (actors.tsv "Military Forces of {country}"; the
 * demonym beside it gives the country, see vg_an_forces_country), or 0. */
static int attacker_on_weapon(const roles *r, size_t k, actor *out)
{
    ctx *c = r->c;
    if (r->sub != VG_SUB_AIR && r->sub != VG_SUB_SHELLING) return 0;
    const vg_lexicon *tl = c->L->lex[L_TRIGGERS];
    const vg_sent *s = &c->s[k];
    for (size_t i = s->t0; i < s->t1; i++) {
        size_t len, dlen;
        const vg_lex_entry *e = vg_an_match(c, L_TRIGGERS, s->t1, i, &len);
        int same = 0;
        for (const vg_lex_entry *x = e; x && !same; x = vg_lex_next_same(tl, x)) same = x->cls == r->sub;
        if (!same) continue;
        const vg_lex_entry *after = i + len < s->t1 ? vg_an_match(c, L_DEMONYMS, s->t1, i + len, &dlen) : NULL;
        int before = 0;
        for (size_t j = i > s->t0 + 2 ? i - 2 : s->t0; j < i && !before; j++) {
            const vg_lex_entry *d = vg_an_match(c, L_DEMONYMS, i, j, &dlen);
            before = d && d->cols[0][0] && j + dlen == i && c->t[j].upper;
        }
        if (!(after && after->cols[0][0]) && !before) { i += len - 1; continue; }
        const vg_lex_entry *forces = vg_lex_find(c->L->lex[L_ACTORS], 0, "Military Forces of {country}");
        if (!forces) return 0;
        *out = (actor){forces, i, i + len};
        return vg_an_forces_country(c, out) != NULL;
    }
    return 0;
}

/* Does a violent verb or noun come shortly before token k, within its sentence from t0
 * ("tués par", "killed by", "a landmine planted in a vehicle by")? A trigger or a casualty
 * phrase within AGENT_REACH tokens. "la ville d'Abou Kamal, contrôlée par Daech depuis 2014" describes the town: its
 * agent did nothing in the event. */
#define AGENT_REACH 10 /* "an IED planted in a QSD military vehicle by", "were shot while driving along the road by" */
static int violence_before(const ctx *c, size_t t0, size_t k)
{
    for (size_t j = k >= t0 + AGENT_REACH ? k - AGENT_REACH : t0; j < k; j++) {
        size_t len;
        if (vg_an_match(c, L_TRIGGERS, k, j, &len) || vg_an_match(c, L_CASUALTIES, k, j, &len))
            return 1;
    }
    return 0;
}

/* The agent cue ("by", "par") before actor a, and the violence it is the agent of. */
static int agent_cue(const ctx *c, size_t t0, const actor *a)
{
    for (size_t j = a->t0 >= 3 ? a->t0 - 3 : 0; j < a->t0; j++) {
        size_t len;
        int cue = vg_an_cue(c, a->t0, j, &len);
        if (cue == VG_CUE_AGENT && j + len <= a->t0) return violence_before(c, t0, j);
    }
    return 0;
}

/* "killed by suspected Taliban militants": the agent of a passive verb of violence acts,
 * whoever the sentence names first (cue class "agent": "by", "par"). Returns the agent's
 * index or -1. */
static int agent_of_passive(roles *r)
{
    for (int k = 0; k < *r->na && *r->i1 >= 0; k++) {
        if (k == *r->i1 || vg_an_inter(&r->ac[k]) == VG_INTER_CIVILIANS) continue;
        if (!agent_cue(r->c, vg_an_sentence_start(r->c, r->ac[k].t0), &r->ac[k])) continue;
        *r->i2 = *r->i1;
        *r->i1 = k;
        return k;
    }
    return -1;
}

/* "Israeli forces fired at fishermen. Soldiers also shot...": generic troops refer back to
 * the forces the text named before them. */
static void troops_refer_back(roles *r)
{
    ctx *c = r->c;
    actor *a1 = *r->i1 >= 0 ? &r->ac[*r->i1] : NULL;
    if (!a1 || vg_an_inter(a1) != VG_INTER_STATE || !strstr(a1->e->cols[0], "{country}") || vg_an_forces_country(c, a1))
        return;
    actor prev[8];
    int np = vg_an_find_actors(c, 0, a1->t0, prev, 8, 2);
    for (int k = np; k-- > 0;) {
        int it = vg_an_inter(&prev[k]);
        int named = !strstr(prev[k].e->cols[0], "{country}") || vg_an_forces_country(c, &prev[k]);
        if ((it == VG_INTER_STATE || it == VG_INTER_EXTERNAL) && named) {
            *a1 = prev[k];
            return;
        }
    }
}

/* "Turkish forces and rebel factions operating under OPS": the umbrella named after "under"
 * (cue class "umbrella") is the party ACLED codes. */
static void umbrella_leads(roles *r)
{
    for (int k = 0; k < *r->na && *r->i1 >= 0; k++) {
        if (k == *r->i1 || r->ac[k].t0 < r->ac[*r->i1].t0 || strstr(r->ac[k].e->cols[0], "{country}")) continue;
        if (!cue_before(r->c, r->ac[k].t0, 2, VG_CUE_UMBRELLA, 1)) continue;
        lead(k, r->i1, r->i2);
        return;
    }
}

/* "repelled an IS attack", "killed in a Taliban ambush": a party named right before the
 * attack (cue class "assault") made it. */
static void assault_leads(roles *r)
{
    ctx *c = r->c;
    const vg_sent *s = &c->s[r->main_k];
    for (int k = 0; k < *r->na && *r->i1 >= 0; k++) {
        size_t len;
        int cue = r->ac[k].t1 < s->t1 ? vg_an_cue(c, s->t1, r->ac[k].t1, &len) : -1;
        if (k == *r->i1 || vg_an_inter(&r->ac[k]) == VG_INTER_CIVILIANS || cue != VG_CUE_ASSAULT) continue;
        lead(k, r->i1, r->i2);
        return;
    }
}

/* "At least one soldier was killed": a party named only as the victim did not do it. The
 * doer is another party of the sentence that is not a victim, else an armed one named in
 * the sentences before (the lede), else unidentified. Not in an armed clash: there ACLED
 * often names first the side that lost men ("an NPA militant was killed during a
 * firefight"). */
static void victim_is_not_doer(roles *r)
{
    ctx *c = r->c;
    const vg_sent *s = &c->s[r->main_k];
    if (*r->i1 < 0 || r->sub == VG_SUB_ARMED_CLASH || !strcmp(r->event_type, "Strategic developments") ||
        !vg_an_is_victim(c, &r->ac[*r->i1], s->t1))
        return;
    int k2 = -1;
    for (int k = 0; k < *r->na && k2 < 0; k++) {
        int it = vg_an_inter(&r->ac[k]);
        if (k != *r->i1 && it != VG_INTER_CIVILIANS && it != 0 && !vg_an_is_victim(c, &r->ac[k], s->t1)) k2 = k;
    }
    for (size_t k = r->main_k; k2 < 0 && *r->na < 8 && k-- > 0 && r->main_k - k <= 3;) {
        actor prev[8];
        int np = vg_an_find_actors(c, c->s[k].t0, c->s[k].t1, prev, 8, 0);
        for (int j = 0; j < np && k2 < 0; j++) {
            int it = vg_an_inter(&prev[j]);
            if (vg_an_inter_armed(it) && !vg_an_is_victim(c, &prev[j], c->s[k].t1) && prev[j].e != r->ac[*r->i1].e)
                k2 = append(r, &prev[j]);
        }
    }
    *r->i2 = *r->i1;
    *r->i1 = k2;
}

/* An exchange of fire between state forces and gunmen or a gang: ACLED codes the state
 * forces first (a police or army operation). */
static void state_first_in_shootout(roles *r)
{
    ctx *c = r->c;
    const vg_sent *s = &c->s[r->main_k];
    if (r->sub != VG_SUB_ARMED_CLASH || *r->i1 < 0 || vg_an_inter(&r->ac[*r->i1]) != VG_INTER_POLITICAL_MILITIA) return;
    for (size_t j = s->t0; j < s->t1; j++) {
        size_t len;
        int cue = vg_an_cue(c, s->t1, j, &len);
        if (cue == VG_CUE_SHOOTOUT) {
            lead_first_of(r->ac, *r->na, VG_INTER_STATE, r->i1, r->i2);
            return;
        }
    }
}

/* Is actor a said to be arrested ("two jihadists were arrested", "ont été interpellés"; cue
 * class "detained" within the next four words of its clause)? */
static int detained(const ctx *c, const actor *a)
{
    for (size_t j = a->t1; j < c->nt && j < a->t1 + 4; j++) {
        size_t len;
        int cue = vg_an_cue(c, c->nt, j, &len);
        if (cue == VG_CUE_DETAINED) return 1;
        if (c->t[j].kind == VG_TOK_PUNCT) return 0;
    }
    return 0;
}

/* Arrests and weapons seized or defused: the state forces named did it, whoever planted
 * the bomb ("IEDs planted by NPA militants"). With none named, a party said to be arrested is
 * actor2 and the country's police made the arrest (ACLED's default arresting party). */
static void state_arrests(roles *r)
{
    if ((r->sub != VG_SUB_DISRUPTED && r->sub != VG_SUB_ARRESTS) || *r->i1 < 0 ||
        vg_an_inter(&r->ac[*r->i1]) == VG_INTER_STATE)
        return;
    lead_first_of(r->ac, *r->na, VG_INTER_STATE, r->i1, r->i2);
    if (r->sub != VG_SUB_ARRESTS || vg_an_inter(&r->ac[*r->i1]) == VG_INTER_STATE ||
        vg_an_inter(&r->ac[*r->i1]) == VG_INTER_EXTERNAL)
        return;
    if (!detained(r->c, &r->ac[*r->i1])) return; /* "QSD arrested civilians": the arresting party */
    const vg_lex_entry *police = vg_lex_find(r->c->L->lex[L_ACTORS], 0, "Police Forces of {country}");
    actor a = {police, r->ac[*r->i1].t0, r->ac[*r->i1].t1};
    int k = police ? append(r, &a) : -1;
    *r->i2 = *r->i1;
    *r->i1 = k;
}

/* "militias from the X and Y clans": a militia the sentence ties to a clan, tribe or
 * community (an inter 4 actor) is that identity militia. */
static void identity_militia_leads(roles *r)
{
    if (*r->i1 >= 0 && vg_an_unnamed_militia(&r->ac[*r->i1]))
        lead_first_of(r->ac, *r->na, VG_INTER_IDENTITY_MILITIA, r->i1, r->i2);
}

/* A roadside bomb or a suicide bomber: the troops named are its targets (unless "planted
 * by" them); the armed group named, else a named rebel group of the text (who claimed or
 * planted it), else an unidentified one. */
static void bomber_leads(roles *r, int agent_k)
{
    if ((r->sub != VG_SUB_IED && r->sub != VG_SUB_SUICIDE) || *r->i1 < 0 || *r->i1 == agent_k) return;
    int it = vg_an_inter(&r->ac[*r->i1]);
    if (it != VG_INTER_STATE && it != VG_INTER_EXTERNAL && it != VG_INTER_CIVILIANS) return;
    int k2 = -1;
    for (int k = 0; k < *r->na && k2 < 0; k++) {
        int ik = vg_an_inter(&r->ac[k]);
        if (ik >= VG_INTER_REBELS && ik <= VG_INTER_IDENTITY_MILITIA) k2 = k; /* a non-state armed group */
    }
    int nd = 0;
    const actor *doc_ac = k2 < 0 && *r->na < 8 ? vg_an_doc_actors(r->c, 0, &nd) : NULL;
    for (int k = 0; k < nd && k2 < 0; k++)
        if (vg_an_inter(&doc_ac[k]) == VG_INTER_REBELS && !strstr(doc_ac[k].e->cols[0], "{country}")) k2 = append(r, &doc_ac[k]);
    if (it != VG_INTER_CIVILIANS || k2 >= 0) {
        if (it != VG_INTER_CIVILIANS || *r->i2 < 0) *r->i2 = *r->i1;
        *r->i1 = k2;
    }
}

/* Protesters and rioters come first in ACLED's coding of those events. */
static void crowd_first(roles *r)
{
    int protest = vg_sub_is_protest(r->sub), riot = vg_sub_is_riot(r->sub);
    if (!protest && !riot) return;
    for (int k = 0; k < *r->na; k++) {
        int it = vg_an_inter(&r->ac[k]);
        if ((protest && it == VG_INTER_PROTESTERS) || (riot && it == VG_INTER_RIOTERS)) {
            if (*r->i1 != k) { *r->i2 = *r->i1; *r->i1 = k; }
            return;
        }
    }
}

/* The state whose weapon the sentence names did it, unless its sentence names the party
 * that acted ("frappes aériennes russes" in a sentence naming no armed party: Russia's
 * forces, not an unidentified group or a party of an earlier sentence). */
static void weapon_owner_leads(roles *r)
{
    actor w;
    if (!attacker_on_weapon(r, r->main_k, &w)) return;
    const vg_sent *s = &r->c->s[r->main_k];
    for (int k = 0; k < *r->na; k++)
        if (r->ac[k].t0 >= s->t0 && r->ac[k].t1 <= s->t1 &&
            (vg_an_inter_armed(vg_an_inter(&r->ac[k])) || vg_an_inter(&r->ac[k]) == VG_INTER_EXTERNAL) &&
            !vg_an_is_victim(r->c, &r->ac[k], s->t1))
            return;
    int k = append(r, &w);
    if (k < 0) return;
    /* the victims or a party of the same sentence are on the other side */
    if (*r->i2 < 0 && *r->i1 >= 0 && r->ac[*r->i1].t0 >= s->t0 && r->ac[*r->i1].t1 <= s->t1) *r->i2 = *r->i1;
    *r->i1 = k;
}

/* Is actor a, of sentence [s0, s1), a party that carries arms and is named for who it is: a
 * group of its own, or forces a country's name or demonym beside them gives ("Russian jets",
 * "les avions du régime syrien"; not "the army", whose country the event's place would have to
 * tell)? */
static int named_armed(const ctx *c, const actor *a, size_t s1)
{
    int it = vg_an_inter(a);
    if (!vg_an_inter_armed(it) && it != VG_INTER_EXTERNAL) return 0;
    if (vg_an_is_victim(c, a, s1)) return 0;
    return !strstr(a->e->cols[0], "{country}") || vg_an_forces_country(c, a);
}

/* Does sentence k tell of the strike too: a trigger of violence in it, not a crowd's ("Les avions
 * du régime syrien ont visé ...": "avions"; "Russian jets carried out the raids": "raids")? */
static int tells_strike(const ctx *c, size_t k)
{
    const vg_lexicon *tl = c->L->lex[L_TRIGGERS];
    for (size_t i = c->s[k].t0; i < c->s[k].t1; i++) {
        size_t len;
        for (const vg_lex_entry *e = vg_an_match(c, L_TRIGGERS, c->s[k].t1, i, &len); e; e = vg_lex_next_same(tl, e)) {
            int mod, es = vg_an_trigger_sub(e, &mod);
            if (!mod && es >= 0 && !vg_sub_is_crowd(es)) return 1;
        }
    }
    return 0;
}

/* An air strike whose sentence names no armed party that did it (its victims only, no one, a
 * party of another sentence, or the strike itself read as the event country's forces: "Air
 * strikes killed ..."): the aircraft's owner the next sentence names, when that
 * sentence tells of the strike too ("Des frappes aériennes ont tué douze civils à Idlib. Les
 * avions du régime syrien ..."; "... Russian jets carried out the raids") is the attacker, not
 * an unidentified armed group. */
static void air_attacker_ahead(roles *r)
{
    ctx *c = r->c;
    if (r->sub != VG_SUB_AIR || r->main_k + 1 >= c->ns) return;
    const vg_sent *s = &c->s[r->main_k];
    if (*r->i1 >= 0) {
        const actor *a1 = &r->ac[*r->i1];
        if (a1->t0 >= s->t0 && a1->t1 <= s->t1 && named_armed(c, a1, s->t1)) return;
    }
    size_t k = r->main_k + 1;
    if (!tells_strike(c, k)) return;
    actor w, next[8];
    int found = attacker_on_weapon(r, k, &w);
    int nn = found ? 0 : vg_an_find_actors(c, c->s[k].t0, c->s[k].t1, next, 8, 0);
    for (int j = 0; j < nn && !found; j++)
        if (named_armed(c, &next[j], c->s[k].t1)) { w = next[j]; found = 1; }
    if (!found) return;
    /* the party the row had, if any, is the other side unless it is the same */
    int old = *r->i1;
    int idx = append(r, &w);
    if (idx < 0) return;
    if (old >= 0 && r->ac[old].e != w.e && (*r->i2 < 0 || vg_an_inter(&r->ac[old]) == VG_INTER_CIVILIANS)) *r->i2 = old;
    if (*r->i2 >= 0 && r->ac[*r->i2].e == w.e) *r->i2 = -1;
    *r->i1 = idx;
}

void vg_an_order_roles(ctx *c, size_t main_k, int sub, const char *event_type, actor *ac, int *na, int *i1, int *i2)
{
    roles r = {c, main_k, sub, event_type, ac, na, i1, i2};
    int agent_k = agent_of_passive(&r);
    troops_refer_back(&r);
    umbrella_leads(&r);
    assault_leads(&r);
    victim_is_not_doer(&r);
    state_first_in_shootout(&r);
    state_arrests(&r);
    identity_militia_leads(&r);
    bomber_leads(&r, agent_k);
    crowd_first(&r);
    weapon_owner_leads(&r);
    air_attacker_ahead(&r);
}
