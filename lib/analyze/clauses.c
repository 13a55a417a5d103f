/* clauses.c - one sentence that tells two incidents at two places ("killed in an attack in
 * Arish and a clash in Suez", "rebels shelled Aleppo while the army bombed Idlib") is read as
 * two clauses, each its own mention with its own place, actors and toll: rows are one per
 * mention (incidents.c), and a sentence read whole gives the second incident none. */
#include "clauses.h"
#include "row.h"
#include "weights.h"
#include "../core/geo.h"
#include "../text/clitics.h"

/* At most this many clauses parted in one text (a bound on the work and the arena). */
#define MAX_CLAUSE_CUTS 32

/* The weight of the event triggers (not a "+Sub" modifier) starting in tokens [a, b), not
 * crossing b; *first: the first one's token (b when none). */
static float trigger_weight(const ctx *c, size_t a, size_t b, size_t *first)
{
    const vg_lexicon *tl = c->L->lex[L_TRIGGERS];
    float w = 0;
    *first = b;
    for (size_t i = a; i < b;) {
        size_t len;
        const vg_lex_entry *e = vg_an_match(c, L_TRIGGERS, b, i, &len);
        if (!e) { i++; continue; }
        float best = 0;
        for (; e; e = vg_lex_next_same(tl, e)) {
            int mod;
            int sub = vg_an_trigger_sub(e, &mod);
            float ew = vg_an_trigger_weight(e);
            if (sub >= 0 && !mod && ew > best) best = ew;
        }
        if (best > 0 && *first == b) *first = i;
        w += best;
        i += len ? len : 1;
    }
    return w;
}

/* Does token i start a trigger read without a conjunction joined to its word ("واشتباك": "and"
 * + "a clash", data/<lang>/clitics.tsv rows flagged "and")? */
static int joined_trigger(const ctx *c, size_t end, size_t i)
{
    const vg_tok *t = &c->t[i];
    if (!c->L->clitics || t->kind != VG_TOK_WORD || !t->n_bare) return 0;
    if (!vg_clitics_conjunction(c->L->clitics, t->fold, t->flen)) return 0;
    size_t len;
    const vg_lex_entry *e = vg_an_match(c, L_TRIGGERS, end, i, &len);
    if (!e) return 0;
    /* the word as written is the trigger's ("وقع" is no "و" + "قع") */
    size_t n = e->tok_len[0];
    int whole = e->prefix_last && e->ntok == 1 ? t->flen >= n && !memcmp(t->fold, e->toks[0], n)
                                               : t->flen == n && !memcmp(t->fold, e->toks[0], n);
    return !whole;
}

/* Does a clause start at token j: a joiner word (cues.tsv class "joiner": "and", "while",
 * "et", "y", "и") or a trigger with a conjunction joined to it? */
static int joiner_at(const ctx *c, size_t end, size_t j)
{
    size_t len;
    return vg_an_cue(c, end, j, &len) == VG_CUE_JOINER || joined_trigger(c, end, j);
}

/* Could two places be one incident's scene: one name, a town and the division that holds it,
 * within CLAUSE_SCENE_KM, or one division (a neighbourhood the gazetteer reads as a village of the
 * town's province: "in Guadalupe, Zacatecas, ... in Fraccionamiento San Gabriel")? Places in two
 * countries are the gazetteer's homonym more often than two incidents ("in Joao Pessoa, Paraiba,
 * ... in Rangel neighborhood" read as Rangel, Luanda): they part nothing either. */
static int one_scene(const vg_place *a, const vg_place *b)
{
    if (!a->iso2 || !b->iso2 || strcmp(a->iso2, b->iso2) != 0) return 1;
    if (!a->admin1 || !b->admin1 || !strcmp(a->admin1, b->admin1)) return 1;
    if (a->name && b->name && !strcmp(a->name, b->name)) return 1;
    if (a->admin1 && b->name && !strcmp(a->admin1, b->name)) return 1;
    if (b->admin1 && a->name && !strcmp(b->admin1, a->name)) return 1;
    return vg_km_between(a->lat, a->lon, b->lat, b->lon) <= CLAUSE_SCENE_KM;
}

/* The scene places (towns and divisions the resolver is sure enough of) in bytes [s, e):
 * [*lo, *hi) of v. */
static int scenes_in(const vg_place *v, size_t n, uint32_t s, uint32_t e, size_t *lo, size_t *hi)
{
    size_t i = 0, hi_ = n;
    while (i < hi_) { /* places are in text order */
        size_t mid = i + (hi_ - i) / 2;
        if (v[mid].start < s) i = mid + 1; else hi_ = mid;
    }
    *lo = i;
    while (i < n && v[i].end <= e) i++;
    *hi = i;
    for (size_t k = *lo; k < *hi; k++)
        if (v[k].kind != VG_PLACE_COUNTRY && v[k].confidence >= MIN_SCENE_CONFIDENCE) return 1;
    return 0;
}

/* Do tokens [a, j) and [j, b) tell two incidents: each holds event triggers weighing
 * MIN_EXTRA_SCORE (what a mention of its own needs), the second's within CLAUSE_TRIGGER_REACH
 * words of the joiner (the clause opens with its incident: "and a clash in Suez"), each names a
 * scene (the second after its trigger), and no scene of one could be the other's? One incident told with two verbs at one
 * place ("exploded in Kabul and killed five") stays one sentence. */
static int two_incidents(const ctx *c, const vg_place *v, size_t n, size_t a, size_t j, size_t b)
{
    size_t first, words = 0, l0, l1, r0, r1;
    /* the first clause's scenes [l0, l1) once; the second's are taken again from its trigger on */
    if (!scenes_in(v, n, c->t[a].start, c->t[j - 1].end, &l0, &l1) || !scenes_in(v, n, c->t[j].start, c->t[b - 1].end, &r0, &r1))
        return 0;
    if (trigger_weight(c, a, j, &first) < MIN_EXTRA_SCORE) return 0;
    if (trigger_weight(c, j, b, &first) < MIN_EXTRA_SCORE) return 0;
    for (size_t i = j + 1; i < first; i++) words += c->t[i].kind == VG_TOK_WORD;
    if (words > CLAUSE_TRIGGER_REACH) return 0;
    /* the second clause's scene after its trigger: a place between the joiner and the trigger
     * continues a list ("reinforcements from Dhamar and Rada arrived in ...") */
    if (scenes_in(v, n, c->t[j].start, c->t[first].start, &r0, &r1)) return 0;
    if (!scenes_in(v, n, c->t[first].start, c->t[b - 1].end, &r0, &r1)) return 0;
    for (size_t x = l0; x < l1; x++) {
        if (v[x].kind == VG_PLACE_COUNTRY || v[x].confidence < MIN_SCENE_CONFIDENCE) continue;
        for (size_t y = r0; y < r1; y++) {
            if (v[y].kind == VG_PLACE_COUNTRY || v[y].confidence < MIN_SCENE_CONFIDENCE) continue;
            if (one_scene(&v[x], &v[y])) return 0;
        }
    }
    return 1;
}

vg_status vg_an_split_clauses(ctx *c, sent_info **psi, mention_sums *sum)
{
    size_t n_v;
    const vg_place *v = vg_an_scene_places(c, &n_v);
    if (!n_v) return VG_OK;
    const sent_info *si = *psi;
    size_t cut[MAX_CLAUSE_CUTS], n_cut = 0;
    for (size_t k = 0; k < c->ns && n_cut < MAX_CLAUSE_CUTS; k++) {
        if (si[k].best < MIN_EXTRA_SCORE) continue;
        size_t a = c->s[k].t0, b = c->s[k].t1, lo, hi, scenes = 0;
        /* two scenes at least, or no clause of it can be parted (most sentences: read no further) */
        scenes_in(v, n_v, c->s[k].start, c->s[k].end, &lo, &hi);
        for (size_t x = lo; x < hi && scenes < 2; x++) scenes += v[x].kind != VG_PLACE_COUNTRY && v[x].confidence >= MIN_SCENE_CONFIDENCE;
        if (scenes < 2) continue;
        for (size_t j = a + 1; j < b && n_cut < MAX_CLAUSE_CUTS; j++)
            if (joiner_at(c, b, j) && two_incidents(c, v, n_v, a, j, b)) cut[n_cut++] = a = j;
    }
    if (!n_cut) return VG_OK;
    size_t ns = c->ns + n_cut;
    vg_sent *s = vg_arena_alloc(c->doc->arena, ns * sizeof *s);
    uint32_t *no = vg_arena_alloc(c->doc->arena, ns * sizeof *no);
    sent_info *nsi = vg_arena_calloc(c->doc->arena, ns, sizeof *nsi);
    if (!s || !no || !nsi) return VG_ERR_NOMEM;
    size_t m = 0, x = 0;
    for (size_t k = 0; k < c->ns; k++) {
        vg_sent cur = c->s[k];
        while (x < n_cut && cut[x] > cur.t0 && cut[x] < cur.t1) {
            s[m] = cur;
            s[m].t1 = cut[x];
            s[m].end = c->t[cut[x] - 1].end;
            no[m++] = (uint32_t)k;
            cur.t0 = cut[x];
            cur.start = c->t[cut[x]].start;
            x++;
        }
        s[m] = cur;
        no[m++] = (uint32_t)k;
    }
    c->ns_text = c->ns;
    c->s = s;
    c->ns = m;
    c->sent_no = no;
    /* every sentence read again: the clauses' own triggers, dates and cues */
    vg_an_mentions(c, nsi, sum);
    *psi = nsi;
    return VG_OK;
}
