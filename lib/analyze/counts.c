/* counts.c - casualty figures: the number nearest each killed/injured/arrested word, ACLED's own tallies first. */
#include "analyze_int.h"

#include "weights.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* casualties.tsv classes besides the counted ones: "subset" ("including
 * three children"), "partof" after a number ("two of the dead"), "measure" (a unit after a number: "15-year-old", "five
 * days", "15 ans": an age or a duration, no toll) and "aggregate" (a total
 * over time or another conflict: "since the assault began", "over the past
 * decade", "in the civil war": no figure of that sentence is this incident's). */
static int class_at(const ctx *c, size_t end, size_t k, vg_casualty_class cls, size_t *len)
{
    return vg_an_match_class(c, L_CASUALTIES, end, k, (int)cls, len);
}

/* Is the number starting at token k introduced by a subset marker ("dont",
 * "including", "among them")? "Seven civilians, including three children,
 * were killed": the toll is seven, three is part of it. */
static int is_subset(const ctx *c, size_t t0, size_t t1, size_t k)
{
    for (size_t back = 1; back <= 3 && k >= t0 + back; back++) {
        size_t len;
        if (class_at(c, t1, k - back, VG_CAS_SUBSET, &len) && k - back + len == k) return 1;
    }
    return 0;
}

static int punct_is(const ctx *c, size_t k, char ch)
{
    return c->t[k].kind == VG_TOK_PUNCT && c->t[k].fold[0] == ch;
}

/* Is the number nb no toll at all: followed by a unit ("a 15-year-old",
 * "sparked five days of rioting", "un adolescent de 15 ans"), or set
 * between commas after a name ("Alexis Grigoropoulos, 15, was killed":
 * an age in apposition)? */
static int not_a_toll(const ctx *c, size_t end, const vg_number *nb)
{
    size_t len;
    if (class_at(c, end, nb->t1, VG_CAS_MEASURE, &len)) return 1;
    size_t k = nb->t0;
    return k >= 2 && nb->t1 < end && punct_is(c, k - 1, ',') && punct_is(c, nb->t1, ',') &&
           c->t[k - 2].kind == VG_TOK_WORD && c->t[k - 2].upper && nb->t1 == nb->t0 + 1;
}

static int ends_sentence(const ctx *c, size_t k)
{
    return c->t[k].kind == VG_TOK_PUNCT && (c->t[k].fold[0] == '.' || c->t[k].fold[0] == '!' || c->t[k].fold[0] == '?');
}

/* The sentence around token i within [t0,t1): [*s0, *s1). */
static void sentence_of(const ctx *c, size_t t0, size_t t1, size_t i, size_t *s0, size_t *s1)
{
    size_t a = i, b = i;
    while (a > t0 && !ends_sentence(c, a - 1)) a--;
    while (b < t1 && !ends_sentence(c, b)) b++;
    *s0 = a;
    *s1 = b;
}

/* What trigger_in() looks for. */
enum trigger_want {
    WANT_CROWD,      /* a protest's or a riot's trigger, modifiers included */
    WANT_CROWD_OWN,  /* ... a word of its own ("rioters"; not "killed" read as excessive force) */
    WANT_ATTACK_OWN  /* an attack's word of its own */
};

/* Is there a trigger of the wanted kind among tokens [s0,s1)? Date tokens are skipped for the
 * crowd's own words ("on March 9" names no march). */
static int trigger_in(const ctx *c, size_t s0, size_t s1, enum trigger_want want)
{
    const vg_lexicon *tl = c->L->lex[L_TRIGGERS];
    for (size_t k = s0; k < s1; k++) {
        size_t len;
        if (want == WANT_CROWD_OWN && c->in_date[k]) continue;
        for (const vg_lex_entry *e = vg_an_match(c, L_TRIGGERS, s1, k, &len); e; e = vg_lex_next_same(tl, e)) {
            int mod, sub = vg_an_trigger_sub(e, &mod);
            if (sub < 0 || (mod && want != WANT_CROWD)) continue;
            if (want == WANT_ATTACK_OWN ? sub == VG_SUB_ATTACK : vg_sub_is_crowd(sub)) return 1;
        }
    }
    return 0;
}

/* Does the sentence [s0,s1) speak of a protest or a riot: a trigger of those sub-types, or a
 * casualties.tsv "protest" row (plurals the triggers leave out: "riots", "émeutes")? */
static int protest_in(const ctx *c, size_t s0, size_t s1)
{
    return vg_an_class_in(c, L_CASUALTIES, s0, s1, VG_CAS_PROTEST) || trigger_in(c, s0, s1, WANT_CROWD);
}

/* Is the casualty phrase [i, i+len) the cause a protest is about ("against the killing of a
 * demonstrator", "riots over the police shooting of a teenager", "contre la mort d'un
 * manifestant"; "a teenager was shot and killed by police, triggering violent protests")?
 * A "cause" phrase of casualties.tsv (column 3 "before": it stands before the death)
 * ending at most two words before it, after a protest or a riot its sentence [s0,s1) names;
 * or one marked "after" that follows it in its sentence, a protest or riot after that:
 * that death is the crowd's cause, another incident's toll. */
static int names_a_cause(const ctx *c, size_t s0, size_t s1, size_t i, size_t len)
{
    for (size_t j = i > s0 + 5 ? i - 5 : s0; j < i; j++) {
        size_t clen;
        /* the protest is named before its cause; "charged over the killing of a shepherd that
         * sparked riots" is about the killing itself */
        if (class_at(c, i, j, VG_CAS_CAUSE, &clen) && j + clen <= i && j + clen + 2 >= i) return protest_in(c, s0, j);
    }
    for (size_t j = i + len; j < s1; j++) {
        size_t clen;
        const vg_lex_entry *e = vg_an_match(c, L_CASUALTIES, s1, j, &clen);
        for (; e; e = vg_lex_next_same(c->L->lex[L_CASUALTIES], e))
            if (e->cls == VG_CAS_CAUSE && !strcmp(e->cols[1], "after")) return protest_in(c, j + clen, s1);
    }
    return 0;
}

/* Does sentence [s0,s1) name a killing as what a crowd rose against: a "cause" phrase, a
 * protest or a riot, and a death or an attack ("riots over the police shooting of a
 * teenager", "protests following the fatal shooting of a student")? */
static int tells_crowd_cause(const ctx *c, size_t s0, size_t s1)
{
    if (!vg_an_class_in(c, L_CASUALTIES, s0, s1, VG_CAS_CAUSE) || !protest_in(c, s0, s1)) return 0;
    return vg_an_class_in(c, L_CASUALTIES, s0, s1, VG_CAS_KILLED) || vg_an_class_in(c, L_CASUALTIES, s0, s1, VG_CAS_KILLED1) ||
           trigger_in(c, s0, s1, WANT_ATTACK_OWN);
}

/* Does the text name a killing as a crowd's cause (any sentence, tells_crowd_cause)? Read once. */
static int crowd_cause(ctx *c)
{
    if (c->crowd_cause < 0) {
        c->crowd_cause = 0;
        for (size_t k = 0; k < c->ns && !c->crowd_cause; k++) c->crowd_cause = tells_crowd_cause(c, c->s[k].t0, c->s[k].t1);
    }
    return c->crowd_cause;
}

int vg_an_crowd_cause(ctx *c)
{
    return crowd_cause(c);
}

/* Is a protester or a rioter the victim of the casualty phrase [i, i+len) (sentence
 * [s0,s1)): named in its clause at most three words before it or three after ("a protester
 * was killed", "police shot dead a demonstrator")? */
static int victim_in_crowd(const ctx *c, size_t s0, size_t s1, size_t i, size_t len)
{
    size_t a = i, b = i + len;
    while (a > s0 && a + 3 > i && !(c->t[a - 1].kind == VG_TOK_PUNCT && (c->t[a - 1].fold[0] == ',' || c->t[a - 1].fold[0] == ';'))) a--;
    while (b < s1 && b < i + len + 4 && !(c->t[b].kind == VG_TOK_PUNCT && (c->t[b].fold[0] == ',' || c->t[b].fold[0] == ';'))) b++;
    return vg_an_class_in(c, L_CASUALTIES, a, b, VG_CAS_PROTEST) || trigger_in(c, a, b, WANT_CROWD_OWN);
}

/* A span of years ("from 1983 - 2005") in [s0,s1)? */
static int year_span_in(const ctx *c, size_t s0, size_t s1)
{
    for (size_t k = s0; k + 1 < s1; k++) {
        if (c->in_date[k] && c->in_date[k + 1] && c->t[k].kind == VG_TOK_NUM && c->t[k].flen == 4 &&
            c->t[k + 1].kind == VG_TOK_NUM && c->t[k + 1].flen == 4 &&
            memchr(c->text + c->t[k].end, '-', c->t[k + 1].start - c->t[k].end))
            return 1;
    }
    return 0;
}

/* Is the casualty word at token i (sentence [s0,s1)) part of a total over time or
 * another war: an "aggregate" phrase or a span of years before it in its sentence,
 * or after it in its own clause? "900 have been killed since the assault began",
 * "Since 2011, 400,000 have died"; but "43 were killed in the school, pushing the
 * toll above 680 since the conflict began" gives this incident's 43. */
static int in_aggregate(const ctx *c, size_t s0, size_t s1, size_t i)
{
    size_t clause_end = i;
    while (clause_end < s1 && !(c->t[clause_end].kind == VG_TOK_PUNCT &&
                                (c->t[clause_end].fold[0] == ',' || c->t[clause_end].fold[0] == ';')))
        clause_end++;
    return vg_an_class_in(c, L_CASUALTIES, s0, clause_end, VG_CAS_AGGREGATE) || year_span_in(c, s0, clause_end);
}

/* "every day since the death of X": a casualty word right after an aggregate cue (one article
 * between at most) is what the running total counts from, an incident of its own, not the
 * total (for the killing's row: a crowd's row does not count it). */
static int since_what(const ctx *c, size_t s0, size_t i)
{
    for (size_t back = 1; back <= 2 && back <= i - s0; back++)
        for (size_t j = s0; j + back <= i; j++) {
            size_t len;
            if (vg_an_match_class(c, L_CASUALTIES, i, j, VG_CAS_AGGREGATE, &len) && j + len + back - 1 == i) return 1;
        }
    return 0;
}

/* A figure read for a casualty word: its number and how far from the word. */
typedef struct figure { vg_number n; size_t dist; int found; } figure;

static int stops_back(const vg_tok *tk)
{
    return tk->kind == VG_TOK_PUNCT && (tk->fold[0] == ';' || tk->fold[0] == '.' || tk->fold[0] == ':' ||
                                        tk->fold[0] == '(' || tk->fold[0] == ')' || tk->fold[0] == '[');
}

static int stops_ahead(const vg_tok *tk)
{
    return tk->kind == VG_TOK_PUNCT && (tk->fold[0] == ';' || tk->fold[0] == '.' || tk->fold[0] == ',' || tk->fold[0] == '(');
}

/* The figure before the casualty word at token i: up to 7 tokens back, stopping at clause
 * punctuation, skipping dates, subset figures (which extend the reach: "Seven civilians,
 * including three children, were killed") and numbers that are no toll; a multi-token
 * number read from its start ("1 300", "at least 5"). */
/* How far back from a casualty word figure_before reads: its clause's figure ("at least 12
 * people were killed"); past a subset figure ("..., including seven young children,"), the
 * toll's own noun phrase before it, which may be longer ("12 members of an extended family").
 * en-dev: 9 reaches the one toll there whose noun phrase and subset run that long (41_8ecb; the
 * shape of "at least 12 guests of one wedding, including five children, were killed"); 7 did
 * not; see commit for the figures. */
#define TOLL_REACH 7
/* The longest lead-in a figure is read back over (numbers.tsv mod/above rows: "по меньшей мере") */
#define LEAD_IN_WORDS 3
#define TOLL_REACH_PAST_SUBSET 9
/* How far back a relative pronoun is looked for (figure_before_relative), and how many tokens
 * may stand between the figure and it (its noun, a comma: "three farmers, who"). en-dev:
 * 16 reaches the one relative clause there that runs 14 tokens (41_7ecb; the shape of "three
 * brothers who had sheltered with hundreds of others in a mosque were killed"); see commit for
 * the figures. */
#define RELATIVE_CLAUSE_REACH 16
#define RELATIVE_NOUN_GAP 3

static figure figure_before(const ctx *c, size_t t0, size_t t1, size_t i)
{
    const vg_lexicon *nums = c->L->lex[L_NUMBERS];
    figure f = {{0}, 99, 0};
    vg_number nb;
    size_t reach = TOLL_REACH;
    for (size_t j = i; j-- > t0 && i - j <= reach;) {
        if (stops_back(&c->t[j])) break;
        if (c->in_date[j]) continue;
        if (!vg_number_at(nums, c->t, t1, j, &nb) || nb.t1 > i) continue;
        size_t k = j;
        for (;;) { /* back over "at least", "more than", "1 300", and the group separator of "1.500", "1,500" */
            size_t back = k > t0 + 1 && c->t[k - 1].kind == VG_TOK_PUNCT && c->t[k - 1].start == c->t[k - 2].end ? 2 : 1, nk = k;
            /* a lead-in of up to LEAD_IN_WORDS words ("at least", "more than", "по меньшей мере") */
            for (size_t w = back; w < back + LEAD_IN_WORDS && k >= t0 + w && !c->in_date[k - w]; w++)
                if (vg_number_at(nums, c->t, t1, k - w, &nb) && nb.t1 >= j + 1 && nb.t1 <= i) { nk = k - w; break; }
            if (nk == k) break;
            k = nk;
        }
        vg_number_at(nums, c->t, t1, k, &nb);
        if (is_subset(c, t0, t1, k)) { reach = i - k + TOLL_REACH_PAST_SUBSET; j = k; continue; }
        if (not_a_toll(c, t1, &nb)) { j = k; continue; }
        return (figure){nb, i - nb.t1, 1};
    }
    return f;
}

/* With no figure within reach before the casualty word at token i: the figure of the victims a
 * relative clause describes between them ("three brothers who had found shelter with dozens of
 * other families in a village mosque were killed", "three farmers, who had found shelter in a
 * mosque, died when a rocket hit"): a relative pronoun (casualties.tsv "relative") up to
 * RELATIVE_CLAUSE_REACH tokens back in the clause, and the figure right before it, its noun
 * between (RELATIVE_NOUN_GAP tokens at most). Figures inside the clause are the clause's. */
static figure figure_before_relative(const ctx *c, size_t t0, size_t t1, size_t i)
{
    figure none = {{0}, 99, 0};
    for (size_t j = i; j-- > t0 && i - j <= RELATIVE_CLAUSE_REACH;) {
        size_t len;
        if (stops_back(&c->t[j])) break;
        if (!class_at(c, t1, j, VG_CAS_RELATIVE, &len) || j + len > i) continue;
        figure f = figure_before(c, t0, t1, j);
        /* one victim so described is the singular verb's ("a man who ... was killed") */
        return f.found && f.n.value >= 2 && f.n.t1 + RELATIVE_NOUN_GAP >= j ? f : none;
    }
    return none;
}

/* Rows of casualties.tsv that count nothing themselves. */
static int no_count_class(int kind)
{
    return kind == VG_CAS_SUBSET || kind == VG_CAS_PARTOF || kind == VG_CAS_MEASURE || kind == VG_CAS_AGGREGATE ||
           kind == VG_CAS_ONE || kind == VG_CAS_CAUSE || kind == VG_CAS_PROTEST || kind == VG_CAS_AND ||
           kind == VG_CAS_RELATIVE || kind == VG_CAS_ALONG || kind == VG_CAS_OTHERS;
}

/* Is a casualty phrase that counts (not a no_count_class row) at token j, within [.., end)? With
 * read_after, only one whose figure may follow it (direction not "before"). Its tokens in *len. */
static int counting_phrase(const ctx *c, size_t end, size_t j, int read_after, size_t *len)
{
    for (const vg_lex_entry *e = vg_an_match(c, L_CASUALTIES, end, j, len); e; e = vg_lex_next_same(c->L->lex[L_CASUALTIES], e))
        if (!no_count_class(e->cls) && !(read_after && strcmp(e->cols[1], "before") == 0)) return 1;
    return 0;
}

/* Does a casualty phrase that reads its figure after it end right before token k ("perdieron la
 * vida dos policías y tres civiles resultaron heridos": the two are the dead, not a group of the
 * wounded)? */
static int after_casualty_word(const ctx *c, size_t t0, size_t k)
{
    for (size_t j = k > t0 + 4 ? k - 4 : t0; j < k; j++) {
        size_t len;
        if (counting_phrase(c, k, j, 1, &len) && j + len == k) return 1;
    }
    return 0;
}

/* How many groups a list of victims may join (joined_figure): "four policemen, two militiamen,
 * and one soldier" is three. Not tuned on a dev figure. */
#define JOINED_GROUPS 4
/* How far back from the "and" (or comma) the figure of the group before it may stand: its noun
 * phrase ("two local border police officers": four words). 4 read three words; 5 reads four. */
#define JOINED_NOUN_REACH 5

/* "63 terroristes et 25 personnes ont été tués": the figure read before a casualty word is the
 * second of two groups joined by "et" (casualties.tsv "and"); the first group's figure, a word or
 * more before the "and" with no casualty word between ("5 blessés et 3 morts" are two tolls) and
 * no figure that is no toll ("deux jours et"), adds to it: f becomes both, from the first. */
static void joined_figure(const ctx *c, size_t t0, size_t t1, figure *f)
{
    const vg_lexicon *nums = c->L->lex[L_NUMBERS];
    /* a list of groups: "3 policemen, 2 militiamen, and 1 soldier were killed" joins each group
     * to the next by a comma once the last one is joined by "and" (JOINED_GROUPS at most) */
    for (int groups = 0; groups < JOINED_GROUPS; groups++) {
        size_t k = f->n.t0, alen, conj;
        if (k >= t0 + 3 && class_at(c, t1, k - 1, VG_CAS_AND, &alen) && alen == 1)
            conj = k - 1 > t0 && punct_is(c, k - 2, ',') ? k - 2 : k - 1;
        else if (groups > 0 && k >= t0 + 3 && punct_is(c, k - 1, ','))
            conj = k - 1;
        else
            return;
        int joined = 0;
        for (size_t j = conj - 1; j-- > t0 && conj - j <= JOINED_NOUN_REACH;) {
            const vg_tok *tk = &c->t[j + 1];
            size_t clen;
            if (tk->kind != VG_TOK_WORD || c->in_date[j + 1] || vg_an_match(c, L_CASUALTIES, conj, j + 1, &clen)) return;
            vg_number nb;
            if (!vg_number_at(nums, c->t, conj, j, &nb) || nb.t1 != j + 1 || c->in_date[j]) continue;
            if (not_a_toll(c, t1, &nb) || nb.kind == VG_NUM_VAGUE || after_casualty_word(c, t0, nb.t0)) return;
            f->n.value += nb.value;
            f->n.t0 = nb.t0;
            joined = 1;
            break;
        }
        if (!joined) return;
    }
}

/* The figure after the casualty phrase [i, i+len) (up to 4 tokens, within the clause, and not
 * past an agent: "killed by two gunmen", "застрелен двумя неизвестными", a cues.tsv "agent" phrase
 * before the figure or right after it, count who did it):
 * "killing 3", "killing a militia leader", "the killing of a teenager" (casualties.tsv class
 * "one": an article right after the word is one). It
 * replaces f (the figure before) when it follows at once, or when the phrase reads its
 * figure after it (`after_only`); an article right after a phrase read both ways (`both`)
 * makes it an active verb with its object. */
static void figure_after(const ctx *c, size_t t1, size_t i, size_t len, int after_only, int both, figure *f)
{
    const vg_lexicon *nums = c->L->lex[L_NUMBERS];
    vg_number nb;
    for (size_t j = i + len; j < t1 && j - (i + len) <= 4; j++) {
        const vg_tok *tk = &c->t[j];
        size_t olen;
        if (stops_ahead(tk) || c->in_date[j] || vg_an_cue(c, t1, j, &olen) == VG_CUE_AGENT) return;
        if (j == i + len && class_at(c, t1, j, VG_CAS_ONE, &olen)) {
            /* an active verb and its object: "two officers shot and killed a teenager" counts the
             * one killed, not the two who shot ("killed a day later" is no victim) */
            size_t mlen;
            if (!f->found || (both && !class_at(c, t1, j + olen, VG_CAS_MEASURE, &mlen)))
                *f = (figure){{1, VG_NUM_EXACT, j, j + olen, 0}, 0, 1};
            return;
        }
        if (!vg_number_at(nums, c->t, t1, j, &nb)) continue;
        if (not_a_toll(c, t1, &nb) || (nb.t1 < t1 && vg_an_cue(c, t1, nb.t1, &olen) == VG_CUE_AGENT)) return;
        size_t d = j - (i + len);
        if (!f->found || (d == 0 && d < f->dist) || after_only) *f = (figure){nb, d, 1};
        return;
    }
}

/* How many words the first group's noun may take between its figure and the "and" of a second
 * group read after a casualty phrase (joined_after: "un guardia nacional y dos soldados"): a noun
 * and two modifiers ("un guardia nacional y" needs 2). Not a tuned figure: the length of a noun
 * phrase, kept short so that a clause after the figure is not read as its noun. */
#define JOINED_NOUN_WORDS 3

/* Does a casualty word of its own follow the figure ending at token k, past its noun (up to
 * JOINED_NOUN_WORDS words, within the clause): "perdieron la vida dos policías y tres civiles
 * resultaron heridos", the second group is the wounded? */
static int own_casualty_word(const ctx *c, size_t t1, size_t k)
{
    for (size_t j = k; j < t1 && j <= k + JOINED_NOUN_WORDS; j++) {
        size_t clen;
        if (c->t[j].kind == VG_TOK_PUNCT) return 0;
        if (counting_phrase(c, t1, j, 0, &clen)) return 1;
    }
    return 0;
}

/* "perdieron la vida un guardia nacional y dos soldados rasos": a figure read after a
 * casualty phrase (figure_after), its noun (words only, no casualty word, date or punctuation),
 * then "and" (casualties.tsv "and") and a second group's figure: the two groups add up, as the
 * groups read before a casualty word do (joined_figure). */
static void joined_after(const ctx *c, size_t t1, figure *f)
{
    const vg_lexicon *nums = c->L->lex[L_NUMBERS];
    for (size_t j = f->n.t1; j < t1 && j <= f->n.t1 + JOINED_NOUN_WORDS; j++) {
        size_t alen, clen;
        if (class_at(c, t1, j, VG_CAS_AND, &alen) && alen == 1 && j > f->n.t1) {
            vg_number nb;
            size_t k = j + 1;
            if (k >= t1 || c->in_date[k] || !vg_number_at(nums, c->t, t1, k, &nb) || nb.t0 != k ||
                nb.kind == VG_NUM_VAGUE || not_a_toll(c, t1, &nb) || own_casualty_word(c, t1, nb.t1))
                return;
            f->n.value += nb.value;
            f->n.t1 = nb.t1;
            return;
        }
        const vg_tok *tk = &c->t[j];
        if (tk->kind != VG_TOK_WORD || c->in_date[j] || vg_an_match(c, L_CASUALTIES, t1, j, &clen)) return;
    }
}

/* Do tokens [j, j+2) name a person: two capitalised words that start no actor, demonym, date
 * or place ("killed Alexandros Grigoropoulos", "Abed Sultan ... died"; not "killed Hamas
 * fighters", "killed Israeli soldiers", "killed New York police")? */
static int names_person(const ctx *c, size_t j, size_t end)
{
    if (j + 2 > end) return 0;
    for (size_t k = j; k < j + 2; k++) {
        const vg_tok *t = &c->t[k];
        if (t->kind != VG_TOK_WORD || !t->upper || t->flen < 2 || c->in_date[k]) return 0;
        size_t len;
        if (vg_an_match(c, L_ACTORS, end, k, &len) || vg_an_match(c, L_DEMONYMS, end, k, &len))
            return 0;
        for (size_t p = 0; p < c->n_places; p++)
            if (c->places[p].start < t->end && t->start < c->places[p].end) return 0;
    }
    return 1;
}

/* With no figure, a person named as the one killed is one death: "the bullet that killed
 * Alexandros Grigoropoulos", "Alexandros Grigoropoulos died"; or after a word saying who they
 * were, "the death of teenager Alexandros Grigoropoulos" (a crowd's row leaves that one to the
 * killing it rose against). The casualty phrase is [i, i+len), read in direction dir. */
static figure person_named(const ctx *c, unsigned flags, const char *dir, size_t t0, size_t t1, size_t i, size_t len)
{
    figure none = {{0}, 99, 0};
    if (strcmp(dir, "before") != 0 && names_person(c, i + len, t1)) return (figure){{1, VG_NUM_EXACT, i + len, i + len + 2, 0}, 0, 1};
    if (!(flags & VG_COUNT_CROWD) && strcmp(dir, "before") != 0 && i + len < t1 && c->t[i + len].kind == VG_TOK_WORD &&
        !c->t[i + len].upper && names_person(c, i + len + 1, t1))
        return (figure){{1, VG_NUM_EXACT, i + len, i + len + 3, 0}, 0, 1};
    if (strcmp(dir, "after") != 0 && i >= t0 + 2 && names_person(c, i - 2, i)) return (figure){{1, VG_NUM_EXACT, i - 2, i, 0}, 0, 1};
    return none;
}

/* The companions of one victim: at token j, a phrase joining others to them (casualties.tsv
 * "along": "along with", "en même temps que", "and") and a figure that an "others" word follows
 * ("two others", "deux autres personnes"); their number, and in *end the token after "others";
 * 0 if none. */
static long companions_at(const ctx *c, size_t t1, size_t j, size_t *end)
{
    size_t alen, olen;
    vg_number nb;
    if (j >= t1 || !class_at(c, t1, j, VG_CAS_ALONG, &alen)) return 0;
    if (!vg_number_at(c->L->lex[L_NUMBERS], c->t, t1, j + alen, &nb) || nb.t0 != j + alen || c->in_date[nb.t0] ||
        nb.kind == VG_NUM_VAGUE || nb.t1 >= t1 || !class_at(c, t1, nb.t1, VG_CAS_OTHERS, &olen))
        return 0;
    *end = nb.t1 + olen;
    return nb.value;
}

/* "X a été abattu en même temps que trois autres personnes", "X was killed, along with two others":
 * a singular casualty phrase [i, i+len) whose companions follow it (companions_at, within
 * COMPANION_REACH tokens: an adverb or a comma between) counts them too. 0 if none. Not tuned:
 * no dev figure (eval-articles, five sets; eval-events) moves for any value from 0 to 8; 3 lets
 * "was killed on Sunday, along with" reach its companions. */
#define COMPANION_REACH 3
static figure singular_with_companions(const ctx *c, size_t t1, size_t i, size_t len)
{
    figure none = {{0}, 99, 0};
    for (size_t j = i + len; j < t1 && j <= i + len + COMPANION_REACH; j++) {
        size_t end;
        long n = companions_at(c, t1, j, &end);
        if (n > 0) return (figure){{n + 1, VG_NUM_EXACT, i, end, 0}, 0, 1};
        if (c->t[j].kind == VG_TOK_PUNCT && c->t[j].fold[0] != ',') break;
    }
    return none;
}

/* "Diatta et deux autres ont été tués", "Gray and two others were killed": a figure read before
 * a casualty word that counts the companions of one person named right before them (a
 * capitalised word, not the sentence's first, then the joining word) leaves that person out: 1
 * more. */
static void named_with_companions(const ctx *c, size_t t0, size_t t1, figure *f)
{
    for (size_t j = f->n.t0 > t0 + 2 ? f->n.t0 - 2 : t0; j < f->n.t0; j++) {
        size_t end;
        if (j < t0 + 2 || companions_at(c, t1, j, &end) != f->n.value || end > t1) continue;
        const vg_tok *w = &c->t[j - 1];
        if (w->kind != VG_TOK_WORD || !w->upper || c->in_date[j - 1]) return;
        f->n.value += 1;
        f->n.t0 = j - 1;
        return;
    }
}

/* Numbers already bound, as token spans with the casualty class that read them: "faisant au
 * moins 25 morts" counts once, whether a word reads the figure from its start ("au moins 25")
 * or from its last token ("25"). */
typedef struct bound { size_t span[32][2]; int kind[32]; size_t n; } bound;

/* Binds n's tokens for casualty class kind; 0 when a figure already bound overlaps them. A
 * death may read a figure an arrest read first: "Douze personnes arrêtées pour terrorisme ont
 * été retrouvées mortes" (twelve arrested, the same twelve dead). */
static int bind_once(bound *u, const vg_number *n, int kind)
{
    size_t b1 = n->t1 > n->t0 ? n->t1 : n->t0 + 1;
    for (size_t k = 0; k < u->n; k++)
        if (n->t0 < u->span[k][1] && u->span[k][0] < b1) {
            if (kind != VG_CAS_KILLED || u->kind[k] != VG_CAS_ARRESTED) return 0;
            u->kind[k] = kind;
            return 1;
        }
    if (u->n < 32) { u->span[u->n][0] = n->t0; u->span[u->n][1] = b1; u->kind[u->n] = kind; u->n++; }
    return 1;
}

/* Adds a figure of the casualty phrase [i, i+len) in the sentence starting at s0 to dst:
 * the first sets it (evidence: number and word, whichever comes first); a part of a toll
 * read before adds nothing; in the same sentence, figures for two groups add up ("2
 * soldiers and 3 rebels killed"); a later sentence's is another account: the lowest stays.
 * A vague word ("plusieurs morts", "several killed": 3 by ACLED's convention when nothing
 * better is told) gives way to a figure a later sentence gives ("63 terroristes et 25
 * personnes ont été tués"), and never replaces one. Arrests are never added up. The lowest
 * figure is the lowest that all the accounts allow: "more than 40" (a bound, n->above) and "41
 * bodies" give 41, in either order (within ABOVE_REACH of the bound: a total far above it is not
 * this incident's count). */
static int satisfies_bound(long exact, long floor_)
{
    return exact > floor_ && (double)exact <= (double)floor_ * ABOVE_REACH;
}

static void record(count *dst, int is_arrest, const vg_number *n, int part, size_t i, size_t len, size_t s0)
{
    int vague = n->kind == VG_NUM_VAGUE;
    if (!dst->found || (dst->vague && !vague && dst->t0 < s0 && !part))
        *dst = (count){n->value, 1, n->t0 < i ? n->t0 : i, n->t1 > i + len ? n->t1 : i + len, vague, n->above && !vague};
    else if (part || is_arrest || (vague && !dst->vague)) return;
    else if (dst->t0 >= s0) dst->value += n->value;
    else if (dst->above && !n->above && !vague && satisfies_bound(n->value, dst->value)) {
        dst->value = n->value;
        dst->above = 0;
    } else if (n->above && !dst->above && satisfies_bound(dst->value, n->value)) return;
    else if (n->value < dst->value) { dst->value = n->value; dst->above = n->above && !vague; }
}

/* A casualty word that is a number itself, a row of numbers.tsv too ("قتيلين", two dead: an
 * Arabic dual noun): its own figure, before any number near it ("أسفر الهجوم على ثلاثة حواجز عن
 * قتيلين" counts two). */
static figure own_figure(const ctx *c, size_t t1, size_t i, size_t len)
{
    vg_number nb;
    if (vg_number_at(c->L->lex[L_NUMBERS], c->t, t1, i, &nb) && nb.t0 == i && nb.t1 == i + len && nb.kind == VG_NUM_EXACT)
        return (figure){nb, 0, 1};
    return (figure){{0}, 99, 0};
}

/* Casualty figures in tokens [t0,t1): the number nearest to each casualty
 * word (before or after). ACLED's own note ("3 fatalities", "Fatalities
 * coded as 3") wins over counts read from the story. Figures of one
 * sentence for two groups add up ("2 soldiers and 3 rebels killed"); a
 * later sentence's figure for the same kind is another account of the same
 * toll ("police said 11 ... officials gave 14"): the lowest is kept, as
 * ACLED keeps the lowest credible figure. */
void vg_an_counts(ctx *c, size_t t0, size_t t1, unsigned flags, count *killed, count *injured, count *arrested, count *note)
{
    bound used = {.n = 0};
    for (size_t i = t0; i < t1;) {
        size_t len;
        const vg_lex_entry *e = vg_an_match(c, L_CASUALTIES, t1, i, &len);
        if (!e) { i++; continue; }
        if (c->in_related && c->in_related[i]) { i += len; continue; } /* another article's headline */
        int kind = e->cls;
        const char *dir = e->cols[1];
        if (no_count_class(kind)) { i += len; continue; }
        size_t s0, s1;
        sentence_of(c, t0, t1, i, &s0, &s1);
        if (in_aggregate(c, s0, s1, i) && ((flags & VG_COUNT_CROWD) || !since_what(c, s0, i))) {
            i += len;
            continue;
        }
        /* a crowd's cause, told in its sentence: the toll of the act that set it off, which
         * counts for that act's row (VG_COUNT_CAUSES), not the crowd's */
        if (!(flags & VG_COUNT_CAUSES) && names_a_cause(c, s0, s1, i, len)) { i += len; continue; }
        /* "killed1": a singular verb ("was killed", "a été tué"): one death unless a figure says otherwise. */
        int singular = kind == VG_CAS_KILLED1;
        if (singular) kind = VG_CAS_KILLED;
        figure f = own_figure(c, t1, i, len);
        if (!f.found && strcmp(dir, "after") != 0) f = figure_before(c, t0, t1, i);
        if (f.found) {
            size_t first = f.n.t0;
            joined_figure(c, t0, t1, &f);
            if (f.n.t0 == first) named_with_companions(c, t0, t1, &f);
        }
        if (strcmp(dir, "before") != 0) {
            figure_after(c, t1, i, len, !strcmp(dir, "after"), !strcmp(dir, "both"), &f);
            if (f.found && f.n.t0 >= i + len) joined_after(c, t1, &f);
        }
        /* "Two of the dead were soldiers": a part of a toll already given ("partof" rows after the number) */
        int part = f.found && class_at(c, t1, f.n.t1, VG_CAS_PARTOF, &(size_t){0});
        if (!f.found && strcmp(dir, "after") != 0) f = figure_before_relative(c, t0, t1, i);
        if (!f.found && singular) f = singular_with_companions(c, t1, i, len);
        if (!f.found && singular) f = (figure){{1, VG_NUM_EXACT, i, i + len, 0}, 0, 1};
        if (!f.found) f = person_named(c, flags, dir, t0, t1, i, len);
        /* a crowd's row: one death, in a text that names a killing as the crowd's cause, is
         * that killing told again unless a protester or a rioter is the victim */
        if (f.found && (flags & VG_COUNT_CROWD) && kind == VG_CAS_KILLED && f.n.value == 1 &&
            crowd_cause(c) && !victim_in_crowd(c, s0, s1, i, len))
            f.found = 0;
        if (f.found) f.found = bind_once(&used, &f.n, kind);
        count *dst = kind == VG_CAS_KILLED ? killed : kind == VG_CAS_INJURED ? injured
                   : kind == VG_CAS_ARRESTED ? arrested : kind == VG_CAS_NOTE ? note : NULL;
        if (kind == VG_CAS_NONE) { /* "no fatalities", "aucun mort": an explicit zero */
            if (note && !note->found) *note = (count){0, 1, i, i + len, 0, 0};
        } else if (dst == note && f.found) {
            if (!note->found) *note = (count){f.n.value, 1, f.n.t0, f.n.t1, 0, 0};
        } else if (dst && f.found) {
            record(dst, dst == arrested, &f.n, part, i, len, s0);
        }
        i += len;
    }
}

/* The headline's death toll ("Quinze morts dans une attaque au Burkina Faso", "Six civils tués
 * dans trois villages"): the headline is metadata, not text, so it is read on its own tokens,
 * with its dates marked, as one sentence. */
int vg_an_title_killed(ctx *c, unsigned flags, count *killed)
{
    const char *title = c->doc->fields[VG_F_TITLE];
    if (!title || !*title) return 0;
    ctx tc = *c;
    tc.lm = NULL; /* the memos remember the text's tokens, not the headline's */
    tc.dl.months_memo = tc.dl.weekdays_memo = tc.dl.relative_memo = NULL;
    tc.text = title;
    tc.n = strnlen(title, 1024);
    if (vg_tokenize(c->doc->arena, title, tc.n, &tc.t, &tc.nt) != VG_OK || !tc.nt) return 0;
    if (c->L->clitics && vg_tok_clitic_forms(c->doc->arena, c->L->clitics, tc.t, tc.nt) != VG_OK) return 0;
    vg_sent one = {0, tc.nt, 0, (uint32_t)tc.n};
    tc.s = &one;
    tc.ns = 1;
    tc.in_date = vg_arena_calloc(c->doc->arena, tc.nt, 1);
    if (!tc.in_date) return 0;
    for (size_t i = 0; i < tc.nt; i++) {
        vg_date d;
        if (!vg_date_at(&tc.dl, tc.t, tc.nt, i, NULL, &d)) continue;
        for (size_t j = d.t0; j < d.t1; j++) tc.in_date[j] = 1;
        i = d.t1 - 1;
    }
    tc.in_related = NULL;
    tc.places = NULL;
    tc.n_places = 0;
    tc.crowd_cause = -1;
    count injured = {0}, arrested = {0}, note = {0};
    *killed = (count){0};
    vg_an_counts(&tc, 0, tc.nt, flags, killed, &injured, &arrested, &note);
    return killed->found && killed->value > 0;
}
