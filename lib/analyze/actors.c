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
    const vg_lex_entry *cue = vg_lex_match(c->L->lex[L_CUES], c->t, i, i - 1, &len);
    return cue && !strcmp(cue->cols[0], "anti");
}

/* Actors named in tokens [t0,t1): each canonical actor once (by_alias 0),
 * each alias once (1), or every mention (2: "GNA forces attacked LNA
 * forces" names two sides). */
int vg_an_find_actors(ctx *c, size_t t0, size_t t1, actor *out, int max, int by_alias)
{
    int n = 0;
    size_t named_end = (size_t)-1; /* end of the last actor matched under its own name */
    for (size_t i = t0; i < t1 && n < max;) {
        size_t len;
        const vg_lex_entry *e = vg_lex_match(c->L->lex[L_ACTORS], c->t, t1, i, &len);
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
        int dup = 0, in_attr = 0;
        for (size_t a = 0; a < c->n_attr; a++)
            if (c->t[i].start >= c->attr[a][0] && c->t[i + len - 1].end <= c->attr[a][1] && c->attr[a][0] != c->t[t0].start)
                in_attr = 1;
        if (in_attr) { i += len; continue; }
        for (int k = 0; k < n; k++)
            if (by_alias ? out[k].e == e : !strcmp(out[k].e->cols[0], e->cols[0])) dup = 1;
        /* inter 0: an observer (a monitoring mission), never a party */
        if ((!dup || by_alias == 2) && (by_alias || atoi(e->cols[1]) != 0)) out[n++] = (actor){e, i, i + len};
        i += len;
    }
    return n;
}

const char *vg_an_actor_name(ctx *c, const vg_lex_entry *e, const char *country)
{
    const char *tpl = e->cols[0];
    const char *ph = strstr(tpl, "{country}");
    if (!ph) return tpl;
    if (!country) country = e->cols[2][0] ? e->cols[2] : NULL;
    if (!country) {
        /* "Police Forces of {country}" with no country: drop the placeholder */
        size_t n = (size_t)(ph - tpl);
        while (n && (tpl[n - 1] == ' ' || tpl[n - 1] == '(')) n--;
        if (n >= 3 && !memcmp(tpl + n - 3, " of", 3)) n -= 3;
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
