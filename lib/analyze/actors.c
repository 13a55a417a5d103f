/* actors.c - actors from the alias table, their ACLED names with the event's country filled in. */
#include "analyze_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "anti-Houthi forces": joined by a hyphen to a word of cue class "anti",
 * the name says who they fight, not who they are. */
static int after_anti(const ctx *c, size_t i)
{
    if (i == 0 || c->t[i].space_before || c->text[c->t[i].start - 1] != '-') return 0;
    size_t len;
    const vg_lex_entry *cue = vg_an_match(c, L_CUES, i, i - 1, &len);
    return cue && cue->cls == VG_CUE_ANTI;
}

/* Actors named in tokens [t0,t1): each canonical actor once (by_alias 0),
 * each alias once (1), or every mention (2: "GNA forces attacked LNA
 * forces" names two sides). */
const actor *vg_an_doc_actors(ctx *c, int by_alias, int *n)
{
    int k = by_alias ? 1 : 0;
    if (!c->doc_actors[k]) {
        if (!(c->doc_actors[k] = vg_arena_alloc(c->doc->arena, VG_AN_DOC_ACTORS * sizeof *c->doc_actors[k]))) {
            *n = 0;
            return NULL;
        }
        c->n_doc_actors[k] = vg_an_find_actors(c, 0, c->nt, c->doc_actors[k], VG_AN_DOC_ACTORS, by_alias);
    }
    *n = c->n_doc_actors[k];
    return c->doc_actors[k];
}

int vg_an_find_actors(ctx *c, size_t t0, size_t t1, actor *out, int max, int by_alias)
{
    int n = 0;
    size_t named_end = (size_t)-1; /* end of the last actor matched under its own name */
    for (size_t i = t0; i < t1 && n < max;) {
        size_t len;
        const vg_lex_entry *e = vg_an_match(c, L_ACTORS, t1, i, &len);
        if (!e) { i++; continue; }
        int generic = strstr(e->cols[0], "{country}") != NULL;
        /* "NPA militants", "National Resistance forces": a generic word
         * right after a named group is that group, not a second actor */
        if (generic && i == named_end) { named_end = i + len; i += len; continue; }
        /* (each alias once, by_alias 1, serves for the country: there the enemy's name still tells it) */
        if (by_alias != 1 && after_anti(c, i)) { i += len; continue; }
        /* "Movement of forces: On 4 May...": a heading's label, not an actor */
        if (i + len < c->nt && i + len - t0 <= 4 && c->t[i + len].kind == VG_TOK_PUNCT && c->text[c->t[i + len].start] == ':') {
            i += len;
            continue;
        }
        named_end = generic ? (size_t)-1 : i + len;
        /* "..., police said": the source, not a party; but a sentence that
         * opens with its source ("The army said it had retaken...") names
         * the actor too. */
        int dup = 0;
        if (vg_an_in_attr(c, c->t[i].start, c->t[i + len - 1].end, c->t[t0].start)) { i += len; continue; }
        for (int k = 0; k < n; k++)
            if (by_alias ? out[k].e == e : !strcmp(out[k].e->cols[0], e->cols[0])) dup = 1;
        /* inter 0: an observer (a monitoring mission), never a party */
        if ((!dup || by_alias == 2) && (by_alias || atoi(e->cols[1]) != 0)) out[n++] = (actor){e, i, i + len};
        i += len;
    }
    return n;
}

int vg_an_cue(const ctx *c, size_t end, size_t i, size_t *len)
{
    const vg_lex_entry *e = vg_an_match(c, L_CUES, end, i, len);
    return e ? e->cls : -1;
}

/* The country a demonym or a country's name at token i names ("Turkish",
 * "Nepal", "turques"), and its length in tokens; NULL if none. */
static const vg_place *country_word_at(const ctx *c, size_t i, size_t end, size_t *len)
{
    const vg_lex_entry *de = vg_an_match(c, L_DEMONYMS, end, i, len);
    if (de && de->cols[0][0]) return vg_gazetteer_country(c->an->gaz, de->cols[0], strlen(de->cols[0]));
    for (size_t n = 3; n >= 1; n--) {
        if (i + n > end || !c->t[i].upper) continue;
        const vg_place *cp = vg_gazetteer_country(c->an->gaz, c->text + c->t[i].start, c->t[i + n - 1].end - c->t[i].start);
        if (cp && cp->iso2) { *len = n; return cp; }
    }
    return NULL;
}

/* The country state forces are named after: "military forces of Armenia"
 * (after at most one short connector word), "Turkish border guards", "Nepal
 * Police", "forces turques"; NULL if none ("pro-Turkish forces" are not
 * Turkey's). */
const vg_place *vg_an_forces_country(const ctx *c, const actor *a)
{
    if (!c->an->gaz || vg_an_inter(a) != VG_INTER_STATE || !strstr(a->e->cols[0], "{country}")) return NULL;
    size_t len, k = a->t1;
    if (k < c->nt && !c->t[k].upper && c->t[k].kind == VG_TOK_WORD && c->t[k].flen <= 3 && k + 1 < c->nt && c->t[k + 1].upper) k++;
    const vg_place *cp = k < c->nt ? country_word_at(c, k, c->nt, &len) : NULL;
    if (cp) return cp; /* "of Armenia", or a French adjective after its noun */
    for (size_t j = a->t0 >= 3 ? a->t0 - 3 : 0; j < a->t0; j++) {
        cp = c->t[j].upper ? country_word_at(c, j, a->t0, &len) : NULL;
        if (!cp || j + len != a->t0) continue;
        if (j > 0 && !c->t[j].space_before && c->text[c->t[j].start - 1] == '-') return NULL; /* "pro-Turkish", "anti-..." */
        return cp;
    }
    return NULL;
}

/* "Tiv militias", "Dozo militiamen": a generic militia named after a people
 * (a capitalised word inside the sentence that names no country) is that
 * people's identity militia (ACLED inter 4): "Tiv Ethnic Militia". NULL if not. */
const char *vg_an_ethnic_name(const ctx *c, const actor *a)
{
    size_t j = a->t0, len;
    if (!vg_an_unnamed_militia(a) || j < 2 || !c->t[j].space_before) return NULL;
    const vg_tok *w = &c->t[j - 1];
    if (!w->upper || w->kind != VG_TOK_WORD || w->flen < 3 || !w->space_before) return NULL;
    const vg_tok *p = &c->t[j - 2]; /* a sentence's first word is capitalised anyway */
    if (p->kind != VG_TOK_WORD && p->end == p->start + 1 && strchr(".!?:;\"", c->text[p->start])) return NULL;
    if (c->an->gaz && country_word_at(c, j - 1, j, &len)) return NULL;
    size_t n = w->end - w->start + sizeof " Ethnic Militia";
    char *s = vg_arena_alloc(c->doc->arena, n);
    if (!s) return NULL;
    snprintf(s, n, "%.*s Ethnic Militia", (int)(w->end - w->start), c->text + w->start);
    return s;
}

/* Is the actor the subject of a passive casualty verb ("soldiers were
 * killed", "a été tué"; cue class "victim") within the next few words, past an
 * apposition ("two soldiers, one of them an officer, were killed")? */
/* The token after an apposition opening at token k ("soldiers, among them an officer, were
 * killed"): past the comma closing it within APPOSITION_REACH words, else k. */
#define APPOSITION_REACH 8
static size_t after_apposition(const ctx *c, size_t k, size_t end)
{
    if (k >= end || c->t[k].kind != VG_TOK_PUNCT || c->text[c->t[k].start] != ',') return k;
    for (size_t j = k + 1; j < end && j <= k + APPOSITION_REACH; j++) {
        if (c->t[j].kind != VG_TOK_PUNCT) continue;
        return c->text[c->t[j].start] == ',' ? j + 1 : k;
    }
    return k;
}

int vg_an_is_victim(const ctx *c, const actor *a, size_t end)
{
    size_t from = after_apposition(c, a->t1, end);
    for (size_t j = from; j < end && j < from + 4; j++) {
        size_t len;
        int cue = vg_an_cue(c, end, j, &len);
        if (cue == VG_CUE_VICTIM) return 1;
        if (c->t[j].kind == VG_TOK_PUNCT && c->text[c->t[j].start] != '(' && c->text[c->t[j].start] != ')') return 0;
    }
    return 0;
}

const char *vg_an_actor_name(ctx *c, const vg_lex_entry *e, const char *country)
{
    const char *tpl = e->cols[0];
    const char *ph = strstr(tpl, "{country}");
    if (!ph) return tpl;
    if (!country) country = e->cols[2][0] ? e->cols[2] : NULL;
    if (!country) {
        /* "Police Forces of {country}" with no country: drop the placeholder and the word
         * joining it, the one in lower case (ACLED capitalises the words of a name) */
        size_t n = (size_t)(ph - tpl);
        while (n && (tpl[n - 1] == ' ' || tpl[n - 1] == '(')) n--;
        size_t w = n;
        while (w && tpl[w - 1] != ' ') w--;
        if (w && w < n && tpl[w] >= 'a' && tpl[w] <= 'z') {
            n = w;
            while (n && tpl[n - 1] == ' ') n--;
        }
        return vg_arena_strndup(c->doc->arena, tpl, n);
    }
    size_t need = strlen(tpl) + strlen(country) + 1;
    char *s = vg_arena_alloc(c->doc->arena, need);
    if (!s) return tpl;
    snprintf(s, need, "%.*s%s%s", (int)(ph - tpl), tpl, country, ph + 9);
    return s;
}

const char *vg_an_generic_actor(ctx *c, const char *what, const char *country)
{
    if (!country) return what;
    size_t need = strlen(what) + strlen(country) + 4;
    char *s = vg_arena_alloc(c->doc->arena, need);
    if (!s) return what;
    snprintf(s, need, "%s (%s)", what, country);
    return s;
}
