/* row.c - one event row: its fields from the per-field resolvers (place,
 * date, actors and country, counts, attribution) around its sentence. */
#include <math.h>

#include "row.h"
#include "weights.h"

static void add_ev(ctx *c, vg_event *e, const char *field, uint32_t s, uint32_t t, float conf)
{
    vg_event_add_evidence(c->doc, e, field, s, t, conf);
}

/* vg_places_primary's pick among the places v[0..n) of sentence k, its dateline aside (NULL if none). */
static const vg_place *sentence_primary(const ctx *c, const vg_place *v, size_t n, size_t k)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v[mid].start < c->s[k].start) lo = mid + 1; else hi = mid;
    }
    size_t i1 = lo;
    while (i1 < n && v[i1].end <= c->s[k].end) i1++;
    /* A dateline ("MOSCOW (Reuters) - Japan's government said...") is where the report was
     * filed, not a place its first sentence tells of: it counts for the document (pick_place) */
    while (lo < i1 && v[lo].dateline) lo++;
    if (i1 == lo) return NULL;
    size_t pk = vg_places_primary(v + lo, i1 - lo);
    return pk < i1 - lo ? &v[lo + pk] : NULL;
}

/* Is the place the first word of an organisation's name ("Amra People's Militia", "Vesko
 * Battalion", "Amra Coal Mine Company": up to ORG_NAME_WORDS more capitalised words before
 * the organisation word)? cues.tsv rows of class "org". */
static int names_org(const ctx *c, const vg_place *p)
{
    size_t lo = vg_an_token_from(c, p->end);
    for (size_t k = lo; k < c->nt && k <= lo + ORG_NAME_WORDS; k++) {
        size_t len;
        if (vg_an_cue(c, c->nt, k, &len) == VG_CUE_ORG) return 1;
        if (c->t[k].kind != VG_TOK_WORD || !c->t[k].upper) return 0;
    }
    return 0;
}

/* Is the place the one a statement speaks of or to ("officials have condemned Sudan", "said
 * Khartoum had bombed": a cues.tsv "statement" word right before it)? That is a party named,
 * the accused or the addressee, not where the event happened. */
static int spoken_of(const ctx *c, const vg_place *p)
{
    size_t lo = vg_an_token_from(c, p->start);
    for (size_t j = lo > STATEMENT_PHRASE_MAX ? lo - STATEMENT_PHRASE_MAX : 0; j < lo; j++) {
        size_t len;
        if (vg_an_cue(c, lo, j, &len) == VG_CUE_STATEMENT && j + len == lo) return 1;
    }
    return 0;
}

/* Is the place in a reporter's or editor's credit ("(Reporting by Amra Vesko in Cardo; Writing by ...)":
 * a cues.tsv "credit" phrase up to CREDIT_REACH words before it, no semicolon or bracket between)?
 * That is where the newsroom sits, not where anything happened. */
static int credited(const ctx *c, const vg_place *p)
{
    size_t lo = vg_an_token_from(c, p->start), s0 = vg_an_sentence_start(c, lo);
    for (size_t j = lo; j-- > s0 && lo - j <= CREDIT_REACH;) {
        const vg_tok *t = &c->t[j];
        char ch = c->text[t->start];
        if (t->kind == VG_TOK_PUNCT && (ch == ';' || ch == '(' || ch == ')')) return 0;
        size_t len;
        if (vg_an_cue(c, lo, j, &len) == VG_CUE_CREDIT) return 1;
    }
    return 0;
}

/* Is p a dateline filed from abroad: the text's other places are all in other countries
 * ("MOSCOW (Reuters) - Japan's government said ...", every mention of Japan its speaker)? */
static int filed_abroad(const ctx *c, const vg_place *p)
{
    int other = 0;
    for (size_t k = 0; k < c->n_places; k++) {
        const vg_place *q = &c->places[k];
        if (q == p || q->dateline || !q->iso2) continue;
        if (!strcmp(q->iso2, p->iso2)) return 0;
        other = 1;
    }
    return other;
}

/* The places that can be a scene, and the document's own pick among them:
 * the same for every event of the document, so made on the first. */
static int scene_places(ctx *c)
{
    if (c->scene_ready) return 0;
    if (!(c->scene = vg_arena_alloc(c->doc->arena, (c->n_places + 1) * sizeof *c->scene))) return -1;
    for (size_t k = 0; k < c->n_places; k++) {
        const vg_place *p = &c->places[k];
        if (p->iso2 && !vg_an_in_attr(c, p->start, p->end, UINT32_MAX) && !names_org(c, p) && !spoken_of(c, p) &&
            !credited(c, p) && !(p->dateline && filed_abroad(c, p)))
            c->scene[c->n_scene++] = *p;
    }
    c->scene_pick = c->n_scene ? vg_places_primary(c->scene, c->n_scene) : 0;
    c->scene_ready = 1;
    return 0;
}

const vg_place *vg_an_scene_places(ctx *c, size_t *n)
{
    *n = 0;
    if (scene_places(c) != 0) return NULL;
    *n = c->n_scene;
    return c->scene;
}

const vg_place *vg_an_sentence_place(ctx *c, size_t k)
{
    if (scene_places(c) != 0 || !c->n_scene) return NULL;
    return sentence_primary(c, c->scene, c->n_scene, k);
}

/* Does sentence k tell a crowd's event (its strongest trigger a protest's or a riot's)
 * while sub is not one? */
static int tells_crowd_after(const sent_info *si, size_t k, int sub)
{
    return si[k].best >= MIN_EXTRA_SCORE && si[k].first.t1 > si[k].first.t0 && vg_sub_is_crowd(si[k].first.sub) &&
           !vg_sub_is_crowd(sub);
}

/* The event's place: vg_places_primary's pick among the places of its
 * sentence, else of the nearest sentence before it, else of the document;
 * a pick outside the document's main country only when nothing else is
 * there (a story from Syria that mentions Paris happened in Syria). Places
 * inside a source's description ("une source militaire à Damas") are
 * skipped: where the source sits is not where the event happened. */
const vg_place *vg_an_pick_place(ctx *c, const sent_info *si, size_t main_k, int sub)
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
     * province or town; take it when it is in that country. A crowd told
     * after another event ("Quelques jours plus tard, des milliers ont protesté
     * dans la capitale") gathers where crowds do, not at that event's scene:
     * the look stops there (a killing told after a riot is its cause, and
     * where it was is the riot's town). */
    for (size_t k = main_k + 1; found && found->kind == VG_PLACE_COUNTRY && k < c->ns && k <= main_k + 3; k++) {
        if (tells_crowd_after(si, k, sub)) break;
        const vg_place *p = sentence_primary(c, v, n, k);
        if (p && p->kind != VG_PLACE_COUNTRY && !strcmp(p->iso2, found->iso2)) found = p;
    }
    /* Still only a country: a sentence that says where it happened ("L'incident s'est produit à Kasindi
     * dans le territoire de Beni", "the shooting took place in ...": cues.tsv class "scene"), anywhere
     * in the text, names the scene when it is in that country; not one that tells background or an
     * earlier incident ("une attaque semblable avait eu lieu à ... en 2019"): that scene is another's */
    for (size_t k = 0; found && found->kind == VG_PLACE_COUNTRY && k < c->ns; k++) {
        if (si[k].hist || si[k].earlier) continue;
        if (!vg_lex_class_in(c->L->lex[L_CUES], c->t, c->s[k].t0, c->s[k].t1, VG_CUE_SCENE)) continue;
        const vg_place *p = sentence_primary(c, v, n, k);
        if (p && p->kind != VG_PLACE_COUNTRY && !strcmp(p->iso2, found->iso2)) found = p;
    }
    /* Still only a country: where the report was filed, when it is in that country
     * ("MADRID (Reuters) - ... in Spain") */
    for (size_t k = 0; found && found->kind == VG_PLACE_COUNTRY && k < n; k++)
        if (v[k].dateline && !strcmp(v[k].iso2, found->iso2)) found = &v[k];
    return found;
}

/* Could token i start or continue a settlement's name: a capitalised word that
 * is no dictionary, listed, title or nationality word of the gazetteer. */
static int name_token(const ctx *c, size_t i)
{
    const vg_tok *t = &c->t[i];
    const vg_gazetteer *g = c->an->gaz;
    return t->kind == VG_TOK_WORD && t->upper && t->flen >= 2 && !vg_gz_word_is(g, t->fold, t->flen, VG_GZ_COMMON) &&
           !vg_gz_word_is(g, t->fold, t->flen, VG_GZ_STOP) && !vg_gz_word_is(g, t->fold, t->flen, VG_GZ_TITLE) &&
           !vg_gz_word_is(g, t->fold, t->flen, VG_GZ_DEMONYM) && !vg_gz_word_is(g, t->fold, t->flen, VG_GZ_AFTER);
}

/* Does [s, e) overlap a place the gazetteer resolved (wherever it put it)? */
static int resolved_at(const ctx *c, uint32_t s, uint32_t e)
{
    for (size_t k = 0; k < c->n_places; k++)
        if (c->places[k].start < e && s < c->places[k].end) return 1;
    return 0;
}

/* Is token i a word of three letters or more in lower case (an adjective after its noun)? */
static int lower_word(const ctx *c, size_t i)
{
    const vg_tok *t = &c->t[i];
    return t->kind == VG_TOK_WORD && !t->upper && t->flen > 2;
}

/* A settlement sentence k names that the gazetteer does not hold: a capitalised name
 * after a settlement word and a preposition ("la ville de Boungou", "the town of
 * Yida"), or before a settlement word with at most one word between ("the Yida
 * refugee camp"). Settlement words and prepositions: places-words.tsv ("after",
 * "prep"). Returns its token span, or 0. */
static int unlisted_settlement(const ctx *c, size_t k, size_t *n0, size_t *n1, size_t *word)
{
    const vg_gazetteer *g = c->an->gaz;
    size_t t0 = c->s[k].t0, t1 = c->s[k].t1;
    for (size_t i = t0; i < t1; i++) {
        const vg_tok *t = &c->t[i];
        if (t->kind != VG_TOK_WORD || t->upper || !vg_gz_word_is(g, t->fold, t->flen, VG_GZ_AFTER)) continue;
        size_t a = 0, b = 0;
        /* one lowercase word may describe the settlement before its preposition ("la localidad
         * fronteriza de Amra", "la ville côtière de Vesko") */
        const vg_tok *w = &c->t[i + 1 < t1 ? i + 1 : i];
        size_t q = i + 1 + (i + 3 < t1 && lower_word(c, i + 1) && !vg_gz_word_is(g, w->fold, w->flen, VG_GZ_PREP));
        int after = q + 1 < t1 && vg_gz_word_is(g, c->t[q].fold, c->t[q].flen, VG_GZ_PREP) && name_token(c, q + 1);
        /* "Amra village west of Vesko": a known town after a word that is no adjective of the settlement's
         * (a bearing) is a point of reference; the settlement is the name before its word */
        if (after && q > i + 1 && resolved_at(c, c->t[q + 1].start, c->t[q + 1].end)) after = 0;
        if (after) {
            a = q + 1; /* after: "ville de Boungou" */
            for (b = a + 1; b < t1 && b < a + 3 && name_token(c, b); b++) {}
        } else {
            /* before: "Yida (refugee) camp"; not the sentence's first word, which is capitalised anyway */
            size_t j = i > t0 && !c->t[i - 1].upper && c->t[i - 1].kind == VG_TOK_WORD ? i - 1 : i;
            if (j > t0 + 1 && name_token(c, j - 1)) { b = j; a = j - 1; }
        }
        if (!b || a == t0) continue;
        if (resolved_at(c, c->t[a].start, c->t[b - 1].end)) continue;
        *n0 = a;
        *n1 = b;
        if (word) *word = i;
        return 1;
    }
    return 0;
}

/* The settlement of tokens [a, b) the gazetteer lacks, placed at found's coordinates (ACLED's
 * geo_precision 3), with half found's confidence; NULL when out of memory. */
static const vg_place *unlisted_place(ctx *c, const vg_place *found, size_t a, size_t b)
{
    vg_place *p = vg_arena_alloc(c->doc->arena, sizeof *p);
    if (!p) return NULL;
    *p = *found;
    p->start = c->t[a].start;
    p->end = c->t[b - 1].end;
    p->name = vg_arena_strndup(c->doc->arena, c->text + p->start, p->end - p->start);
    p->kind = VG_PLACE_OTHER;
    p->geo_precision = 3;
    if (found->dateline) p->admin1 = NULL; /* the newsroom's division says nothing of the settlement's */
    p->dateline = 0;
    p->confidence = found->confidence * 0.5f;
    return p->name ? p : NULL;
}

/* The place of the sentence before sentence k that first names the settlement word at token w
 * with a town or a division ("A displaced persons' camp in Chad's Ouaddai province ... the
 * Amra camp"): the text introduced that settlement there, then names it; NULL when there is none. */
static const vg_place *introduced_at(ctx *c, size_t k, size_t w)
{
    const vg_tok *t = &c->t[w];
    for (size_t k0 = 0; k0 < k; k0++) {
        size_t i = c->s[k0].t0;
        while (i < c->s[k0].t1 && !(c->t[i].flen == t->flen && !memcmp(c->t[i].fold, t->fold, t->flen))) i++;
        if (i == c->s[k0].t1) continue;
        const vg_place *q = vg_an_sentence_place(c, k0);
        if (q && q->kind != VG_PLACE_COUNTRY) return q;
    }
    return NULL;
}

/* The scene is a country or a division while the event's sentence, or one of the
 * next three, names a settlement the gazetteer lacks: that settlement, placed at the
 * division's or country's coordinates (ACLED's geo_precision 3: the coordinates are a
 * larger area's), so that the row says where it happened. A town the sentence names
 * only as a bearing ("dans la commune de Zimtanga, à 125 km de Ouagadougou": a near
 * word before it, geo_precision 2) gives way to a settlement the same sentence names.
 * NULL when there is none. */
static const vg_place *unlisted_scene(ctx *c, size_t main_k, const vg_place *found, const vg_place **base)
{
    if (!found || !c->an->gaz) return NULL;
    /* a town named in another sentence (pick_place looked around the event's) gives way to a
     * settlement the event's own sentence names ("Le 25 décembre, 14 militaires ont été tués ...
     * dans la commune de Sanam", the region's seat named sentences before) */
    int borrowed = found->start < c->s[main_k].start || found->end > c->s[main_k].end;
    /* a dateline taken for want of any other town ("BAMAKO (Reuters) - ... near the town of Amra in
     * central Mali") is where the report was filed: a settlement the event's sentence names is the scene */
    borrowed |= found->dateline;
    if (found->kind == VG_PLACE_CITY && found->geo_precision != 2 && !borrowed) return NULL;
    /* a division the event's sentence names holds its scene; a later settlement may be elsewhere */
    size_t last = found->kind == VG_PLACE_COUNTRY ? main_k + 3 : main_k;
    for (size_t k = main_k; k < c->ns && k <= last; k++) {
        size_t a, b, w;
        if (!unlisted_settlement(c, k, &a, &b, &w)) continue;
        /* a later sentence in another country speaks of somewhere else */
        const vg_place *other = k == main_k ? NULL : vg_an_sentence_place(c, k);
        if (other && other->iso2 && strcmp(other->iso2, found->iso2) != 0) return NULL;
        const vg_place *intro = found->kind == VG_PLACE_COUNTRY || borrowed ? introduced_at(c, k, w) : NULL;
        if (intro) *base = intro;
        return unlisted_place(c, intro ? intro : found, a, b);
    }
    /* ... or, for a country borrowed from a sentence before the event's (pick_place's look back),
     * a settlement the sentences between name, the nearest first, as a listed town there would
     * have been taken ("... au Burkina Faso. Cinq autobus ont été pris en embuscade à 40 km de la
     * ville de Boungou. ... Un véhicule a touché une mine terrestre") */
    if (found->kind != VG_PLACE_COUNTRY || found->start >= c->s[main_k].start) return NULL;
    for (size_t k = main_k; k-- > 0 && c->s[k].end > found->start;) {
        size_t a, b;
        if (!unlisted_settlement(c, k, &a, &b, NULL)) continue;
        return unlisted_place(c, found, a, b);
    }
    return NULL;
}

/* A row placed only in a country: the town the whole text is about (the document's pick among
 * its scenes) when it is in that country and not named only in background ("the rallying cry
 * that has brought Amra's youths to the streets" in a report on the riots of Vesko, Amra's
 * capital; not "a similar attack took place in Vesko in 2019"); else p itself. Only the row's
 * place: which mentions make one incident was decided on the places they name. */
static const vg_place *text_town(const ctx *c, const sent_info *si, const vg_place *p)
{
    if (!p || p->kind != VG_PLACE_COUNTRY || c->scene_pick >= c->n_scene) return p;
    const vg_place *town = &c->scene[c->scene_pick];
    if (town->kind != VG_PLACE_CITY || strcmp(town->iso2, p->iso2) != 0) return p;
    for (size_t k = 0; k < c->ns; k++)
        if (c->s[k].start <= town->start && town->start < c->s[k].end) return si[k].hist || si[k].earlier ? p : town;
    return p;
}

/* The row's place p; its country's evidence is where `named` stands (p itself, or the
 * division or country an unlisted settlement was placed in). */
static void set_place(ctx *c, vg_event *e, const vg_place *p, const vg_place *named)
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
    add_ev(c, e, "country", named->start, named->end, named->confidence);
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

/* Is there, at token j (before end), someone killed or wounded (casualties.tsv killed, killed1,
 * injured) or an act of violence other than a crowd's own (in a riot, "clashed with police" and
 * looting are the riot)? */
static int act_at(const ctx *c, size_t end, size_t j)
{
    const vg_lexicon *tl = c->L->lex[L_TRIGGERS];
    size_t len;
    const vg_lex_entry *e = vg_an_match(c, L_CASUALTIES, end, j, &len);
    if (e && (e->cls == VG_CAS_KILLED || e->cls == VG_CAS_KILLED1 || e->cls == VG_CAS_INJURED)) return 1;
    for (e = vg_an_match(c, L_TRIGGERS, end, j, &len); e; e = vg_lex_next_same(tl, e)) {
        int mod, sub = vg_an_trigger_sub(e, &mod);
        if (sub >= 0 && !mod && !vg_sub_is_crowd(sub) && sub != VG_SUB_ARMED_CLASH && sub != VG_SUB_LOOTING) return 1;
    }
    return 0;
}

/* Only spaces between tokens a and b (no dash or other mark the tokenizer leaves out)? */
static int only_space_between(const ctx *c, size_t a, size_t b)
{
    for (uint32_t i = c->t[a].end; i < c->t[b].start; i++)
        if (c->text[i] != ' ' && c->text[i] != '\t' && c->text[i] != '\n') return 0;
    return 1;
}

/* Is there, at token j (before end), a crowd's own word (a protest's or a riot's trigger, not a
 * modifier: "fueled a riot", "a vigil")? */
static int crowd_at(const ctx *c, size_t end, size_t j)
{
    const vg_lexicon *tl = c->L->lex[L_TRIGGERS];
    size_t len;
    for (const vg_lex_entry *e = vg_an_match(c, L_TRIGGERS, end, j, &len); e; e = vg_lex_next_same(tl, e)) {
        int mod, sub = vg_an_trigger_sub(e, &mod);
        if (sub >= 0 && !mod && vg_sub_is_crowd(sub)) return 1;
    }
    return 0;
}

/* Does date d follow, within DATE_OF_ACT_REACH words, an act (act_at: "Hollis, who was shot
 * dead by police Saturday", "after he was shot 9 times by officers on Sunday"), or stand
 * right before the act's noun ("furious over the Dec. 6 killing of a shepherd", "The March 3
 * killing ... set off weeks of unrest")? For a crowd's row that is the day of the act it
 * rose against. */
int vg_an_dates_an_act(const ctx *c, const vg_date *d)
{
    size_t s0 = vg_an_sentence_start(c, d->t0), s1 = c->nt;
    for (size_t k = 0; k < c->ns; k++)
        if (c->s[k].t0 <= d->t0 && d->t0 < c->s[k].t1) { s1 = c->s[k].t1; break; }
    /* the act's noun right after the day, a space between ("the Dec. 6 killing") */
    if (d->t1 < s1 && only_space_between(c, d->t1 - 1, d->t1) && act_at(c, s1, d->t1)) return 1;
    /* within the date's own sentence: the last words of the one before tell another act; the
     * nearest word before the date owns it: a crowd's word after the act ("a young man killed by
     * officers fueled a riot across the centre of X Monday - bottles were hurled at officers")
     * makes it the crowd's day, whatever follows past a dash */
    size_t from = d->t0 > DATE_OF_ACT_REACH ? d->t0 - DATE_OF_ACT_REACH : 0;
    if (from < s0) from = s0;
    for (size_t j = d->t0; j-- > from;) {
        if (crowd_at(c, d->t0, j)) return 0;
        if (act_at(c, d->t0, j)) return 1;
    }
    return d->t1 < s1 && act_at(c, s1, d->t1);
}

/* Can date d of sentence k be the row's: not background, and for a crowd (crowd) not
 * the day of the act it rose against. */
static int usable_date(const ctx *c, const sent_info *si, size_t k, int crowd, const vg_date *d)
{
    return si[k].has_date && !d->said && !vg_an_background_date(c, d) && !(crowd && vg_an_dates_an_act(c, d));
}

/* The event's date: its incident's day (date, when not NULL), else its
 * sentence's, else the nearest earlier sentence's full day, else the first
 * full day in the text, else the publication's (precision 2). Dates far
 * before the reference are background, never the event's; a month alone
 * ("in March") counts only in the event's own sentence; a crowd's row
 * (sub) skips the day of the act it rose against (dates_an_act). */
static void set_date(ctx *c, const sent_info *si, size_t main_k, int sub, const vg_date *d, vg_event *e)
{
    int crowd = vg_sub_is_crowd(sub);
    if (d && ((crowd && vg_an_dates_an_act(c, d)) || d->said)) d = NULL;
    if (!d && usable_date(c, si, main_k, crowd, &si[main_k].date)) d = &si[main_k].date;
    /* another sentence's date only when it names a day: "in November 1973" elsewhere in a
     * text is background more often than the event's month */
    for (size_t k = main_k; k-- > 0 && !d;)
        if (!si[k].hist && si[k].date.precision == 1 && usable_date(c, si, k, crowd, &si[k].date)) d = &si[k].date;
    for (size_t k = 0; k < c->ns && !d; k++)
        if (si[k].date.precision == 1 && usable_date(c, si, k, crowd, &si[k].date)) d = &si[k].date;
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

/* Returns 1 when the actors' country replaced the place's (the place was a homonym abroad). */
static int country_by_actors(ctx *c, const vg_sent *s, vg_event *e)
{
    /* A place in another country than every country-bound actor of the
     * sentence names is most likely a homonym: keep the actors' country,
     * drop the coordinates. */
    actor all[8];
    int nall = vg_an_find_actors(c, s->t0, s->t1, all, 8, 1);
    const char *hint = NULL, *abroad = NULL;
    int agree = 1, hk = 0, overruled = 0;
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
        if (alt) set_place(c, e, alt, alt);
        hint = NULL;
        overruled = 1;
    }
    const vg_place *cp = hint && agree ? vg_gazetteer_country(c->an->gaz, hint, strlen(hint)) : NULL;
    if (cp && cp->iso2 && e->iso && strcmp(cp->iso2, e->iso) != 0) {
        drop_place(e);
        e->country = cp->country;
        e->iso = cp->iso2;
        /* another place the text names in the actors' country is the better reading */
        const vg_place *alt = place_in(c, cp->iso2);
        if (alt) set_place(c, e, alt, alt);
        else add_ev(c, e, "country", c->t[all[hk].t0].start, c->t[all[hk].t1 - 1].end, 0.5f);
        overruled = 1;
    }
    return overruled;
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
            const vg_lex_entry *de = vg_an_match(c, L_DEMONYMS, a1, i, &len);
            size_t rlen;
            int next = de && i + len < c->nt ? vg_an_cue(c, c->nt, i + len, &rlen) : -1;
            if (next == VG_CUE_REGION) de = NULL; /* "Somali region" is a place in Ethiopia */
            if (de && pass < 2 && i + len < c->nt) {
                const vg_lex_entry *ae = vg_an_match(c, L_ACTORS, c->nt, i + len, &alen);
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
        int next = ac[i1].t1 < c->nt ? vg_an_cue(c, c->nt, ac[i1].t1, &olen) : -1;
        if (people) {
            e->inter1 = VG_INTER_IDENTITY_MILITIA;
            e->actor1 = vg_an_generic_actor(c, people, country);
            add_ev(c, e, "actor1", c->t[ac[i1].t0 - 1].start, c->t[ac[i1].t1 - 1].end, 0.5f);
        } else if (next == VG_CUE_ORIGIN && vg_an_unnamed_militia(&ac[i1])) {
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

/* A calendar day sentence k names as its own (not relative, not a statement's), or NULL. */
static const vg_date *calendar_day(const sent_info *si, size_t k)
{
    const vg_date *d = &si[k].date;
    return si[k].has_date && !d->relative && !d->said && d->d && d->m ? d : NULL;
}

/* Does sentence k, after the row's own (main_k, sub-type sub), tell another strike of the row's
 * kind: its strongest trigger of that sub-type and scoring as an event of its own, a death toll
 * of its own, at a town or division that the row's sentence, which gives its own toll, neither
 * names nor shares a division with ("a rocket struck a school in the Amra district, killing at
 * least nine. Rockets fired at homes in the Vesko quarter left at least four dead")? Its toll
 * is that strike's, not another account of the row's (the lowest of which the row would take). */
static int another_strike(ctx *c, const sent_info *si, size_t main_k, size_t k, int sub, unsigned flags)
{
    if (si[k].best < MIN_EXTRA_SCORE || si[k].first.t1 <= si[k].first.t0 || si[k].first.sub != sub) return 0;
    const vg_place *p = vg_an_sentence_place(c, k);
    if (!p || p->kind == VG_PLACE_COUNTRY || p->confidence < MIN_SCENE_CONFIDENCE || !p->name) return 0;
    for (size_t j = 0; j < c->n_places; j++) {
        const vg_place *q = &c->places[j];
        if (q->start < c->s[main_k].start || q->end > c->s[main_k].end || q->kind == VG_PLACE_COUNTRY || !q->name) continue;
        /* the same place, or a division and a place in it */
        if (!strcmp(q->name, p->name) || (q->kind != VG_PLACE_CITY && p->admin1 && !strcmp(p->admin1, q->name)) ||
            (p->kind != VG_PLACE_CITY && q->admin1 && !strcmp(q->admin1, p->name)))
            return 0;
    }
    count killed = {0}, injured = {0}, arrested = {0}, note = {0};
    vg_an_counts(c, c->s[k].t0, c->s[k].t1, flags, &killed, &injured, &arrested, &note);
    if (!killed.found) return 0;
    count own = {0};
    injured = arrested = note = (count){0};
    vg_an_counts(c, c->s[main_k].t0, c->s[main_k].t1, flags, &own, &injured, &arrested, &note);
    return own.found;
}

/* Fatalities, injured and arrests: the event's sentence and the next two;
 * doc_note (the main event only) is the whole text's "fatalities" note. The
 * deaths a sentence names as a crowd's cause ("riots over the police killing of
 * a teenager") count for the killing's row, not for the protest's or the riot's. */
static void set_counts(ctx *c, const sent_info *si, size_t main_k, int sub, const count *doc_note, const vg_date *day,
                       vg_event *e)
{
    const vg_sent *s = &c->s[main_k];
    count killed = {0}, injured = {0}, arrested = {0}, note = {0};
    unsigned flags = vg_sub_is_crowd(sub) ? VG_COUNT_CROWD : VG_COUNT_CAUSES;
    /* ... up to a sentence that tells an earlier incident or background ("Cette embuscade survient
     * au lendemain de deux attaques qui ont fait 6 morts"), or one dated on another calendar day
     * than the row's ("... tués le 3 mars à Amra. ... Le 17 mars, 9 gendarmes ont
     * également été tués"), or one telling another strike at another scene (another_strike): its
     * toll is that incident's */
    if (!day) day = calendar_day(si, main_k);
    size_t last = main_k + 1;
    /* (nor the next clause of the event's own sentence: parted from it as another incident, clauses.c) */
    while (last < c->ns && last < main_k + 3 && !si[last].earlier && !si[last].hist &&
           vg_an_sent_no(c, last) != vg_an_sent_no(c, main_k)) {
        const vg_date *d = calendar_day(si, last);
        if (day && d && (d->y != day->y || d->m != day->m || d->d != day->d)) break;
        if (another_strike(c, si, main_k, last, sub, flags)) break;
        last++;
    }
    vg_an_counts(c, s->t0, c->s[last - 1].t1, flags, &killed, &injured, &arrested, &note);
    if (doc_note && doc_note->found) note = *doc_note;
    if (doc_note && !killed.found) {
        /* The main event read from a headline: its toll is usually in the
         * first sentence that gives one, among the first few that report violence. */
        for (size_t k = 0; k < c->ns && k < 4 && !killed.found; k++) {
            if (si[k].hist || si[k].earlier || si[k].nonpol || si[k].best <= 0) continue;
            if (k != main_k && vg_an_sent_no(c, k) == vg_an_sent_no(c, main_k)) continue; /* another incident's clause */
            count inj2 = {0}, arr2 = {0}, note2 = {0};
            vg_an_counts(c, c->s[k].t0, c->s[k].t1, flags, &killed, &inj2, &arr2, &note2);
        }
    }
    if (!killed.found && sub == VG_SUB_ATTACK && vg_an_crowd_cause(c)) {
        /* The killing a crowd rose against, told without its toll ("The shooting of a
         * 17-year-old student by officers set off a week of unrest"): its one death is the one
         * the text tells elsewhere ("charged with killing the student"). */
        for (size_t k = 0; k < c->ns && !killed.found; k++) {
            count k2 = {0}, inj2 = {0}, arr2 = {0}, note2 = {0};
            vg_an_counts(c, c->s[k].t0, c->s[k].t1, VG_COUNT_CAUSES, &k2, &inj2, &arr2, &note2);
            if (k2.found && k2.value == 1 && !si[k].hist) killed = k2;
        }
    }
    /* A strategic development has no toll of its own: the deaths its sentences tell are another
     * event's ("arrested after the shooting that killed six"). ACLED codes 119 of the 120 in
     * events/acled/dev.csv, and the hand-coded article sets all 28 of theirs, with 0; the one with
     * deaths is a disrupted weapons use (a bomb that went off as it was being laid), which keeps its toll. */
    if (vg_sub_is_strategic(sub) && sub != VG_SUB_DISRUPTED) e->fatalities = 0;
    else if (note.found) {
        e->fatalities = (int)note.value;
        if (note.t1 > note.t0) add_ev(c, e, "fatalities", c->t[note.t0].start, c->t[note.t1 - 1].end, 0.9f);
    } else if (killed.found) {
        e->fatalities = (int)killed.value;
        add_ev(c, e, "fatalities", c->t[killed.t0].start, c->t[killed.t1 - 1].end, 0.7f);
    } else if (doc_note && !vg_sub_is_crowd(sub) && vg_an_title_killed(c, flags, &killed)) {
        /* ...else the headline's, for a main event that is no crowd's (a protest's headline
         * names the killing it rose against); no evidence span: the headline is not in the text */
        e->fatalities = (int)killed.value;
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

/* Is the actor named `name` the state forces of country ("Military Forces of Israel (2009-)"): " of " and
 * the country's name, then the end or a space? ACLED's names (actors.tsv) say so. */
static int own_state_forces(const char *name, const char *country)
{
    size_t n = strlen(country);
    for (const char *p = strstr(name, " of "); p; p = strstr(p + 1, " of "))
        if (!strncmp(p + 4, country, n) && (p[4 + n] == 0 || p[4 + n] == ' ')) return 1;
    return 0;
}

/* Remote violence by a state's own forces whose scene is only that state's name
 * ("Israeli shelling killed 40", "Sudan's warplanes"): ACLED codes it where it
 * landed, and a text that names only the attacker's country names the scene
 * elsewhere: its first town or division in another country, when there is one. */
static void remote_violence_abroad(ctx *c, int sub, vg_event *e)
{
    if (strcmp(vg_subtypes[sub].type, "Explosions/Remote violence") != 0 || e->inter1 != VG_INTER_STATE) return;
    if (!e->iso || !e->country || !e->actor1 || (e->location && strcmp(e->location, e->country) != 0)) return;
    if (!own_state_forces(e->actor1, e->country) || scene_places(c) != 0) return;
    for (size_t k = 0; k < c->n_scene; k++) {
        const vg_place *p = &c->scene[k];
        if (p->kind == VG_PLACE_COUNTRY || p->origin || strcmp(p->iso2, e->iso) == 0) continue;
        drop_place(e);
        set_place(c, e, p, p);
        return;
    }
}

/* The bearing written before place p ("southern countryside of", "15 km north of", "in
 * western"): a cues.tsv "bearing" row (its third column the direction in degrees, 0 north,
 * 90 east) right before p's name, or BEARING_GAP words at most before a "bearing_of" word
 * right before it. The distance written before the bearing ("15 km"), else BEARING_KM, in
 * *km. 0 when there is none. */
static int bearing_before(const ctx *c, const vg_place *p, double *deg, double *km)
{
    size_t i0 = vg_an_token_from(c, p->start), len;
    if (i0 == 0 || i0 >= c->nt) return 0;
    size_t end = i0, from = i0 - 1;
    if (vg_an_cue(c, i0, i0 - 1, &len) == VG_CUE_BEARING_OF && len == 1) {
        end = i0 - 1;
        from = end > BEARING_GAP + 1 ? end - BEARING_GAP - 1 : 0;
    }
    for (size_t j = from; j < end; j++) {
        const vg_lex_entry *b = vg_an_match(c, L_CUES, end, j, &len);
        if (!b || b->cls != VG_CUE_BEARING || (end == i0 && j + len != i0)) continue;
        char *e;
        *deg = strtod(b->cols[1], &e);
        if (e == b->cols[1]) return 0;
        *km = BEARING_KM;
        /* "15 km north of", "à 30 km au nord de": a figure and a distance word ("near" in
         * places-words.tsv) right before it or one word before */
        for (size_t k = j; k-- > 1 && k + 2 >= j;) {
            if (c->t[k - 1].kind != VG_TOK_NUM || !vg_gz_word_is(c->an->gaz, c->t[k].fold, c->t[k].flen, VG_GZ_NEAR))
                continue;
            double d = strtod(c->t[k - 1].fold, NULL);
            if (d > 0 && d <= BEARING_MAX_KM) *km = d;
            break;
        }
        return 1;
    }
    return 0;
}

/* The row's point, placed at p, moves the way a bearing before p's name says (bearing_before):
 * "shelled a village in the southern countryside of Amra" is not at Amra. Not a country's point:
 * "in southern Amra" for a country is a region, for which a distance means nothing. */
static void toward_bearing(const ctx *c, const vg_place *p, vg_event *e)
{
    double deg, km;
    if (!e->has_coords || !p || p->kind == VG_PLACE_COUNTRY || !c->an->gaz || !bearing_before(c, p, &deg, &km)) return;
    const double rad = 3.14159265358979323846 / 180.0, km_per_deg = 111.2;
    double dlat = km * cos(deg * rad) / km_per_deg;
    double coslat = cos(e->latitude * rad);
    e->latitude += dlat;
    if (coslat > 0.01) e->longitude += km * sin(deg * rad) / (km_per_deg * coslat);
    /* near the place named (2); a division's or country's area stays one (3) */
    if (e->geo_precision < 2) e->geo_precision = 2;
}

vg_status vg_an_row(ctx *c, sent_info *si, size_t main_k, int sub, float conf, const count *doc_note, const vg_date *date)
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

    const vg_place *p = vg_an_pick_place(c, si, main_k, sub);
    const vg_place *base = p;
    const vg_place *unlisted = unlisted_scene(c, main_k, p, &base);
    if (!unlisted) base = p = text_town(c, si, p);
    if (p) {
        set_place(c, e, unlisted ? unlisted : p, base);
        toward_bearing(c, unlisted ? base : p, e);
    }

    set_date(c, si, main_k, sub, date, e);
    actor ac[8];
    int i1, i2;
    int na = find_event_actors(c, main_k, ac, &i1, &i2);
    /* the actors' country overruled a homonym abroad: that place is not the scene either */
    int homonym_abroad = e->country && c->an->gaz && country_by_actors(c, s, e);
    if (!e->country && c->an->gaz) country_from_actor(c, s, e);
    if (!e->country && c->an->gaz) country_from_demonym(c, s, e);
    set_actors(c, e, main_k, sub, ac, na, i1, i2);
    if (!homonym_abroad) remote_violence_abroad(c, sub, e);
    set_counts(c, si, main_k, sub, doc_note, date, e);
    set_attribution(c, s, e);
    return VG_OK;
}
