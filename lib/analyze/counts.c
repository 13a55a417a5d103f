/* counts.c - casualty figures: the number nearest each killed/injured/arrested word, ACLED's own tallies first. */
#include "analyze_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Casualty figures in tokens [t0,t1): the number nearest to each casualty
 * word (before or after). ACLED's own note ("3 fatalities", "Fatalities
 * coded as 3") wins over counts read from the story. */
/* Is the number starting at token k introduced by a subset marker ("dont",
 * "including", "among them")? "Seven civilians, including three children,
 * were killed": the toll is seven, three is part of it. */
static int is_subset(const ctx *c, const vg_lexicon *cas, size_t t0, size_t t1, size_t k)
{
    for (size_t back = 1; back <= 3 && k >= t0 + back; back++) {
        size_t len;
        const vg_lex_entry *e = vg_lex_match(cas, c->t, t1, k - back, &len);
        if (e && k - back + len == k && !strcmp(e->cols[0], "subset")) return 1;
    }
    return 0;
}

void vg_an_counts(ctx *c, size_t t0, size_t t1, count *killed, count *injured, count *arrested, count *note)
{
    const vg_lexicon *cas = c->L->lex[L_CASUALTIES], *nums = c->L->lex[L_NUMBERS];
    /* Numbers already bound, as token spans: "faisant au moins 25 morts" counts once, whether a
     * word reads the figure from its start ("au moins 25") or from its last token ("25"). */
    size_t used[32][2], n_used = 0;
    for (size_t i = t0; i < t1;) {
        size_t len;
        const vg_lex_entry *e = vg_lex_match(cas, c->t, t1, i, &len);
        if (!e) { i++; continue; }
        const char *kind = e->cols[0];
        const char *dir = e->cols[1];
        if (!strcmp(kind, "subset")) { i += len; continue; }
        /* "killed1": a singular verb ("was killed", "a été tué"): one death
         * unless a figure says otherwise. */
        int singular = !strcmp(kind, "killed1");
        if (singular) kind = "killed";
        vg_number best = {0}, nb;
        size_t bestd = 99;
        int found = 0;
        if (strcmp(dir, "after") != 0) {
            /* look back up to 7 tokens, stopping at clause punctuation */
            size_t reach = 7; /* tokens back; a skipped subset figure extends it */
            for (size_t j = i; j-- > t0 && i - j <= reach;) {
                const vg_tok *tk = &c->t[j];
                if (tk->kind == VG_TOK_PUNCT && (tk->fold[0] == ';' || tk->fold[0] == '.' || tk->fold[0] == ':' || tk->fold[0] == '(' || tk->fold[0] == ')' || tk->fold[0] == '[')) break;
                if (c->in_date[j]) continue;
                if (vg_number_at(nums, c->t, t1, j, &nb) && nb.t1 <= i + 0) {
                    /* prefer the start of a multi-token number ("1 300", "at least 5") */
                    size_t k = j;
                    while (k > t0 && !c->in_date[k - 1] && vg_number_at(nums, c->t, t1, k - 1, &nb) && nb.t1 >= j + 1 && nb.t1 <= i) k--;
                    vg_number_at(nums, c->t, t1, k, &nb);
                    if (is_subset(c, cas, t0, t1, k)) { reach = i - k + 7; j = k; continue; }
                    best = nb; bestd = i - nb.t1; found = 1;
                    break;
                }
            }
        }
        if (strcmp(dir, "before") != 0) {
            for (size_t j = i + len; j < t1 && j - (i + len) <= 4; j++) {
                const vg_tok *tk = &c->t[j];
                if (tk->kind == VG_TOK_PUNCT && (tk->fold[0] == ';' || tk->fold[0] == '.' || tk->fold[0] == ',' || tk->fold[0] == '(')) break;
                if (c->in_date[j]) break;
                if (j == i + len && tk->flen <= 2 && (!strcmp(tk->fold, "a") || !strcmp(tk->fold, "an"))) {
                    /* "killing a militia leader": an article right after the verb is one */
                    if (!found) { best = (vg_number){1, VG_NUM_EXACT, j, j + 1}; bestd = 0; found = 1; }
                    break;
                }
                if (vg_number_at(nums, c->t, t1, j, &nb)) {
                    size_t d = j - (i + len);
                    /* a figure before the word wins unless one follows it at once ("killing 3") */
                    if (!found || (d == 0 && d < bestd) || !strcmp(dir, "after")) { best = nb; bestd = d; found = 1; }
                    break;
                }
            }
        }
        if (!found && singular) { best = (vg_number){1, VG_NUM_EXACT, i, i + len}; found = 1; }
        if (found) {
            size_t b1 = best.t1 > best.t0 ? best.t1 : best.t0 + 1;
            for (size_t u = 0; u < n_used; u++)
                if (best.t0 < used[u][1] && used[u][0] < b1) found = 0;
            if (found && n_used < 32) { used[n_used][0] = best.t0; used[n_used][1] = b1; n_used++; }
        }
        count *dst = !strcmp(kind, "killed") ? killed : !strcmp(kind, "injured") ? injured
                   : !strcmp(kind, "arrested") ? arrested : !strcmp(kind, "note") ? note : NULL;
        if (!strcmp(kind, "none")) { /* "no fatalities", "aucun mort": an explicit zero */
            if (note && !note->found) { note->found = 1; note->value = 0; note->t0 = i; note->t1 = i + len; }
        } else if (dst && found) {
            if (dst == note) { if (!note->found) { *note = (count){best.value, 1, best.t0, best.t1}; } }
            else if (!dst->found) /* evidence: number and word, whichever comes first */
                *dst = (count){best.value, 1, best.t0 < i ? best.t0 : i, best.t1 > i + len ? best.t1 : i + len};
            else if (dst != arrested) dst->value += best.value; /* "2 soldiers and 3 rebels killed" */
        }
        i += len;
    }
}
