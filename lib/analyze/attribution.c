/* attribution.c - who says so: "selon l'OSDH", "according to police", "X said". */
#include "analyze_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "selon l'OSDH", "according to police", "X said": the source as written. */
int vg_an_find_attribution(ctx *c, size_t t0, size_t t1, uint32_t *bs, uint32_t *be)
{
    for (size_t i = t0; i < t1;) {
        size_t len;
        const vg_lex_entry *e = vg_lex_match(c->L->lex[L_ATTRIBUTION], c->t, t1, i, &len);
        if (!e) { i++; continue; }
        if (!strcmp(e->cols[0], "none")) { i += len; continue; } /* "selon lui": no source named */
        int next = strcmp(e->cols[0], "prev") != 0;
        size_t a, b;
        if (next) {
            a = i + len;
            b = a;
            while (b < t1 && b - a < 10) {
                const vg_tok *tk = &c->t[b];
                if (tk->kind == VG_TOK_PUNCT && strchr(",.;:()\"[]", tk->fold[0])) break;
                if (tk->kind == VG_TOK_PUNCT && tk->flen > 1) break; /* quotes « » */
                b++;
            }
        } else {
            b = i;
            a = b;
            while (a > t0 && b - a < 8) {
                const vg_tok *tk = &c->t[a - 1];
                if (tk->kind == VG_TOK_PUNCT) break;
                a--;
            }
        }
        int content = 0; /* "as reported": no source named */
        for (size_t k = a; k < b; k++)
            if (c->t[k].flen >= 3 || c->t[k].upper) content = 1;
        if (b > a && content) { *bs = c->t[a].start; *be = c->t[b - 1].end; return 1; }
        i += len;
    }
    return 0;
}
