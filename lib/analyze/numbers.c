/* numbers.c - reads one number at a token: digits with thousands groups, or a number phrase from the lexicon. */
#include "numbers.h"

#include <stdlib.h>
#include <string.h>

#define MAX_VALUE 100000000L

static long digits_of(const char *s, uint32_t n)
{
    long v = 0;
    for (uint32_t k = 0; k < n; k++) {
        v = v * 10 + (s[k] - '0');
        if (v > MAX_VALUE) return MAX_VALUE;
    }
    return v;
}

static long digits_value(const vg_tok *t)
{
    return digits_of(t->fold, t->flen);
}

/* A word that is digits behind an attached prefix (clitics.tsv: Arabic "و30", and 30): the
 * digits' folded form in *s, *n. Not a year ("بين 2014 و2015"): the date reader, which marks
 * the years of a text so that no toll reads them, takes no word for a number. */
static int clitic_digits(const vg_tok *t, const char **s, uint32_t *n)
{
    for (uint8_t r = 0; t->kind == VG_TOK_WORD && r < t->n_bare; r++) {
        uint32_t k = 0;
        while (k < t->bare_len[r] && t->bare[r][k] >= '0' && t->bare[r][k] <= '9') k++;
        if (k == 0 || k != t->bare_len[r]) continue;
        long v = digits_of(t->bare[r], k);
        if (k == 4 && v >= 1900 && v <= 2099) return 0;
        *s = t->bare[r];
        *n = k;
        return 1;
    }
    return 0;
}

/* Digits, possibly grouped: "1,300", "1.300", "1 300" (a group is exactly 3 digits); the first
 * group may carry a prefix ("و1,300"). */
static int numeral(const vg_tok *t, size_t end, size_t i, long *v, size_t *j)
{
    const char *ds = t[i].fold;
    uint32_t dn = t[i].flen;
    if (t[i].kind != VG_TOK_NUM && !clitic_digits(&t[i], &ds, &dn)) return 0;
    long val = digits_of(ds, dn);
    size_t k = i + 1;
    if (dn <= 3) {
        for (;;) {
            if (k + 1 < end && t[k].kind == VG_TOK_PUNCT && t[k].flen == 1 && (t[k].fold[0] == ',' || t[k].fold[0] == '.') &&
                t[k].start == t[k - 1].end && t[k + 1].start == t[k].end && t[k + 1].kind == VG_TOK_NUM && t[k + 1].flen == 3) {
                val = val * 1000 + digits_value(&t[k + 1]);
                k += 2;
            } else if (k < end && t[k].kind == VG_TOK_NUM && t[k].flen == 3 && t[k].start == t[k - 1].end + 1) {
                /* "1 300": one space, three digits */
                val = val * 1000 + digits_value(&t[k]);
                k += 1;
            } else break;
            if (val > MAX_VALUE) val = MAX_VALUE;
        }
    }
    *v = val;
    *j = k;
    return 1;
}

/* The value of the number word at token k when numbers.tsv calls it exact (its tokens in *len),
 * else 0: the units after a tens word, joined or not. */
static long exact_word(const vg_lexicon *words, const vg_tok *t, size_t end, size_t k, size_t *len)
{
    const vg_lex_entry *u = vg_lex_match(words, t, end, k, len);
    return u && !strcmp(u->cols[1], "exact") ? strtol(u->cols[0], NULL, 10) : 0;
}

/* A tens word's units joined by "and" (numbers.tsv class "and": es "treinta y cinco"): at token
 * k, the "and" and a units word 1-9; adds them to *value and returns their tokens, else 0. */
static size_t joined_units(const vg_lexicon *words, const vg_tok *t, size_t end, size_t k, long *value)
{
    size_t la, lu;
    const vg_lex_entry *a = vg_lex_match(words, t, end, k, &la);
    if (!a || strcmp(a->cols[1], "and") != 0 || k + la >= end) return 0;
    long uv = exact_word(words, t, end, k + la, &lu);
    if (uv < 1 || uv > 9) return 0;
    *value += uv;
    return la + lu;
}

/* Units then their tens joined by "and" (numbers.tsv class "andtens", a tens word with the
 * conjunction written on it: Arabic "خمسة وعشرون", twenty-five): at token k, such a tens word;
 * adds it to *value and returns its tokens, else 0. */
static size_t units_and_tens(const vg_lexicon *words, const vg_tok *t, size_t end, size_t k, long *value)
{
    size_t lt;
    const vg_lex_entry *tens = vg_lex_match(words, t, end, k, &lt);
    if (!tens || strcmp(tens->cols[1], "andtens") != 0) return 0;
    *value += strtol(tens->cols[0], NULL, 10);
    return lt;
}

int vg_number_at(const vg_lexicon *words, const vg_tok *t, size_t end, size_t i, vg_number *out)
{
    size_t k = i;
    int mods = 0, above = 0;
    for (;;) {
        size_t len;
        const vg_lex_entry *e = vg_lex_match(words, t, end, k, &len);
        if (e && (strcmp(e->cols[1], "mod") == 0 || strcmp(e->cols[1], "above") == 0) && mods < 3) {
            above |= e->cols[1][0] == 'a';
            k += len;
            mods++;
            continue;
        }
        out->above = above;
        long v;
        size_t j;
        if (numeral(t, end, k, &v, &j)) {
            /* A decimal ("1.5 million") or a year-like figure glued to letters is not a count. */
            out->value = v;
            out->kind = mods ? VG_NUM_APPROX : VG_NUM_EXACT;
            out->t0 = i;
            out->t1 = j;
            /* "2 million": scale words are number rows with value >= 1000 */
            if (j < end) {
                const vg_lex_entry *s = vg_lex_match(words, t, end, j, &len);
                long sv = s ? strtol(s->cols[0], NULL, 10) : 0;
                if (s && sv >= 1000 && strcmp(s->cols[1], "scale") == 0) {
                    out->value = v * sv > MAX_VALUE ? MAX_VALUE : v * sv;
                    out->t1 = j + len;
                }
            }
            return 1;
        }
        if (e && strcmp(e->cols[1], "scale") != 0 && strcmp(e->cols[1], "and") != 0) {
            out->value = strtol(e->cols[0], NULL, 10);
            size_t k2 = k + len, l2;
            /* "twenty-five", "vingt-cinq", "soixante-dix": tens then units */
            if (out->value >= 20 && out->value <= 90 && out->value % 10 == 0 && k2 < end) {
                long uv = exact_word(words, t, end, k2, &l2);
                long umax = (out->value == 60 || out->value == 80) ? 19 : 9;
                if (uv >= 1 && uv <= umax && t[k2].start <= t[k2 - 1].end + 1) { out->value += uv; len += l2; }
                else len += joined_units(words, t, end, k2, &out->value);
            } else if (out->value >= 1 && out->value <= 9 && k2 < end && !strcmp(e->cols[1], "exact"))
                len += units_and_tens(words, t, end, k2, &out->value);
            out->kind = strcmp(e->cols[1], "vague") == 0 ? VG_NUM_VAGUE
                      : (strcmp(e->cols[1], "approx") == 0 || mods) ? VG_NUM_APPROX : VG_NUM_EXACT;
            out->t0 = i;
            out->t1 = k + len;
            return 1;
        }
        return 0;
    }
}
