/* mentions.c - each sentence's event mention: triggers scored per sub-type,
 * cancelled by a negation or a threat before them, discounted as history,
 * dropped next to accidents, sport and fiction. */
#include "mentions.h"
#include "weights.h"

/* "the Storm Brigade", "Tempête Brigade": a capitalised cue word right before a unit word
 * (cues.tsv class "org") names an armed unit, not the weather. */
static int names_unit(const ctx *c, size_t end, size_t i, size_t len)
{
    size_t olen;
    if (!c->t[i].upper || i + len >= end) return 0;
    int next = vg_an_cue(c, end, i + len, &olen);
    return next == VG_CUE_ORG;
}

/* Is more than half of sentence s's words capitalised (a headline in title case: "Brooklyn Riot
 * Over Teen's Death")? */
static int title_case(const ctx *c, const vg_sent *s)
{
    size_t words = 0, upper = 0;
    for (size_t i = s->t0; i < s->t1; i++)
        if (c->t[i].kind == VG_TOK_WORD) { words++; upper += c->t[i].upper != 0; }
    return 2 * upper > words;
}

/* "Deputy Public Defender Peter Lynch asked", "Mr Lynch said": a capitalised trigger word right
 * after a capitalised word and before a lower-case one is the end of a name, not the act its
 * lower-case form tells. Not in a headline in title case, where every word is capitalised
 * ("Camp Bombed, Allegedly By ..."), nor an acronym ("The IED missed its target"). */
static int in_name(const ctx *c, const vg_sent *s, size_t i, int title)
{
    if (title || i == s->t0 || i + 1 >= s->t1 || !c->t[i].upper || c->t[i].caps) return 0;
    const vg_tok *p = &c->t[i - 1], *n = &c->t[i + 1];
    return p->kind == VG_TOK_WORD && p->upper && n->kind == VG_TOK_WORD && !n->upper && !n->caseless;
}

/* "Protests are not reported in the north", "la marcha no se realizó": a trigger ending at end
 * whose own clause denies it right after (a cues.tsv "negafter" phrase within NEG_AFTER_REACH
 * words, no punctuation between) tells no incident. A negation of anything else after the
 * trigger ("an attack that killed no one") leaves the act told. */
static int denied_after(const ctx *c, const vg_sent *s, size_t end)
{
    for (size_t j = end; j < s->t1 && j <= end + NEG_AFTER_REACH; j++) {
        size_t len;
        if (c->t[j].kind == VG_TOK_PUNCT) return 0;
        if (vg_an_cue(c, s->t1, j, &len) == VG_CUE_NEG_AFTER) return 1;
    }
    return 0;
}

/* Scores one sentence: trigger weights per sub-type, cancelled by a negation
 * or a future/threat cue just before them, or a denial just after. */
static void score_sentence(ctx *c, const vg_sent *s, sent_info *si)
{
    memset(si, 0, sizeof *si);
    if (c->in_related && s->t1 > s->t0 && c->in_related[s->t0]) return; /* other articles' headlines (analyze.c) */
    size_t neg_until = 0, fut_until = 0, purpose_until = 0, since_until = 0, anaphor_until = 0;
    int title = -1; /* title_case(s), read at the first trigger */
    for (size_t i = s->t0; i < s->t1;) {
        size_t len;
        int cue = vg_an_cue(c, s->t1, i, &len);
        if (cue >= 0) {
            if (cue == VG_CUE_NEG) { neg_until = i + len + NEG_REACH; si->neg++; }
            else if (cue == VG_CUE_FUTURE) { fut_until = i + len + FUTURE_REACH; si->future++; }
            /* "must halt rocket attacks", "to end the fighting": what should stop is no incident */
            else if (cue == VG_CUE_PURPOSE) purpose_until = i + len + PURPOSE_REACH;
            else if (cue == VG_CUE_SINCE) since_until = i + len + SINCE_REACH;
            /* "a year since Cyclone X": a disaster named as a time reference is background */
            else if (cue == VG_CUE_NONPOL && !names_unit(c, s->t1, i, len) && i >= since_until) si->nonpol++;
            else if (cue == VG_CUE_HIST) si->hist++;
            else if (cue == VG_CUE_FICTION) si->fiction++;
            else if (cue == VG_CUE_PLAN || cue == VG_CUE_OPINION) si->talk++;
            else if (cue == VG_CUE_AGGREGATE) si->aggregate++;
            else if (cue == VG_CUE_ANAPHOR) anaphor_until = i + len + ANAPHOR_REACH;
            else if (cue == VG_CUE_EARLIER) si->earlier++;
            /* "Lire aussi : ...", "Read more: ...": the rest of the sentence is other
             * articles' headlines, flattened into the text by the page's extraction */
            else if (cue == VG_CUE_RELATED) break;
        }
        const vg_lexicon *tl = c->L->lex[L_TRIGGERS];
        const vg_lex_entry *e = vg_an_match(c, L_TRIGGERS, s->t1, i, &len);
        size_t mlen;
        /* "the hottest March day": a capitalised month name inside a sentence
         * is the month, not the word it spells ("march"). */
        if (e && len == 1 && c->t[i].upper && i > s->t0 &&
            vg_an_match(c, L_MONTHS, s->t1, i, &mlen) && mlen == 1)
            e = NULL;
        if (e && title < 0) title = title_case(c, s);
        if (e && in_name(c, s, i, title)) e = NULL;
        if (e) {
            int denied = denied_after(c, s, i + len);
            for (; e; e = vg_lex_next_same(tl, e)) { /* one phrase may count for several sub-types */
                int mod;
                int sub = vg_an_trigger_sub(e, &mod);
                float w = vg_an_trigger_weight(e);
                int off = i < neg_until || i < fut_until || i < purpose_until || denied;
                if (sub >= 0 && off) si->cancelled++;
                if (sub >= 0 && !off) {
                    if (mod) si->mods[sub] += w;
                    else si->sc[sub] += w;
                    if (mod && sub == VG_SUB_INTERVENTION && w < W_WEAK_INTERVENTION) si->weak_int += w;
                    hit *h = mod ? &si->mfirst : &si->first;
                    if (w > h->w) {
                        *h = (hit){i, i + len, sub, w};
                        if (!mod) si->back = i < anaphor_until;
                    }
                }
            }
            i += len;
            continue;
        }
        if (cue < 0) len = 1;
        i += len ? len : 1;
    }
}

/* ACLED precedence on summed scores: a protest that met force is "with
 * intervention"; protesters' violence makes it a riot; killing protesters is
 * excessive force. Modifier rows count fully only next to a protest. */
int vg_an_choose_sub(const float *sc, const float *mods, float *score)
{
    float a[VG_SUB_COUNT];
    memcpy(a, sc, sizeof a);
    float protest = a[VG_SUB_PEACEFUL];
    for (int k = 0; k < VG_SUB_COUNT; k++) {
        if (mods[k] <= 0) continue;
        if (protest > 0) a[k] += protest + mods[k];
        else a[k] += W_MOD_ALONE * mods[k];
    }
    int best = -1;
    float bw = 0;
    for (int k = 0; k < VG_SUB_COUNT; k++)
        if (a[k] > bw) { bw = a[k]; best = k; }
    /* Violence by the protesters outranks the force used on them, and a
     * protest that turned into a riot is the riot (ACLED: one Riots event)
     * when the riot weighs W_RIOT_SHARE of it ("riots in the prisons last
     * week" in a report of a pot-banging protest is background). */
    if (protest > 0 && (mods[VG_SUB_VIOLENT_DEMO] > 0 || sc[VG_SUB_VIOLENT_DEMO] >= W_RIOT_SHARE * protest) &&
        (best == VG_SUB_INTERVENTION || best == VG_SUB_PEACEFUL)) {
        best = VG_SUB_VIOLENT_DEMO;
        if (a[best] > bw) bw = a[best]; /* the protest's words are the riot's too */
    }
    *score = bw;
    return best;
}

/* With no publication date, what relative dates are read against: the
 * first full day the text names (a report opens with its event's day:
 * "Saturday December 13 2008 ... on Sunday"; later ones are as often
 * deadlines or plans, "till 5 June 2021"). A day and month with no year
 * stay without one (analyze.h): the years a text names are as often its
 * background's ("held by IS since 2014"). */
static void text_anchor(ctx *c, vg_date *anchor)
{
    memset(anchor, 0, sizeof *anchor);
    for (size_t i = 0; i < c->nt && !anchor->y; i++) {
        vg_date d;
        if (!vg_date_at(&c->dl, c->t, c->nt, i, NULL, &d)) continue;
        if (d.y && d.m && d.d && d.precision == 1 && !d.relative) *anchor = d;
        i = d.t1 - 1;
    }
}

int vg_an_background_date(const ctx *c, const vg_date *d)
{
    /* a year read from the past a sentence tells, in a text with no date to read it against */
    if (d->context_year && !c->ref.y) return 1;
    if (!c->ref.y || !c->ref.m || !d->y || !d->m) return 0;
    long ref = vg_days_from_civil(c->ref.y, c->ref.m, c->ref.d ? c->ref.d : 28);
    return vg_days_from_civil(d->y, d->m, d->d ? d->d : 28) < ref - BACKGROUND_DAYS;
}

/* Is there punctuation among tokens [a, b)? */
static int punct_between(const ctx *c, size_t a, size_t b)
{
    for (size_t j = a; j < b; j++)
        if (c->t[j].kind == VG_TOK_PUNCT) return 1;
    return 0;
}

/* "the commissioner said Tuesday that ...", "at a hearing on Tuesday", "on Friday strongly
 * condemned the bombing": a weekday or a relative day bound to a statement (cues.tsv class
 * "statement", within STATEMENT_REACH words before the day or STATEMENT_REACH_AFTER after it,
 * no punctuation between) dates the statement, not the event the sentence tells: no row
 * takes it (row.c). "said Tuesday's attack" is the attack's day. */
static int dates_a_statement(const ctx *c, size_t k, const vg_date *d)
{
    size_t t0 = c->s[k].t0, t1 = c->s[k].t1, len;
    if (!d->relative) return 0;
    if (d->t1 < t1 && !c->t[d->t1].space_before && c->t[d->t1].flen == 1 && c->t[d->t1].fold[0] == 's') return 0;
    for (size_t j = d->t0 > t0 + STATEMENT_REACH + 3 ? d->t0 - STATEMENT_REACH - 3 : t0; j < d->t0; j++)
        if (vg_an_cue(c, t1, j, &len) == VG_CUE_STATEMENT && j + len <= d->t0 &&
            d->t0 - (j + len) <= STATEMENT_REACH && !punct_between(c, j + len, d->t0))
            return 1;
    for (size_t j = d->t1; j < t1 && j <= d->t1 + STATEMENT_REACH_AFTER; j++)
        if (vg_an_cue(c, t1, j, &len) == VG_CUE_STATEMENT && !punct_between(c, d->t1, j)) return 1;
    return 0;
}

/* "since the conflict began on December 27", "since 2 May", "depuis le 6 décembre": a date right
 * after a cues.tsv "aggregate" or "since" phrase (at most PERIOD_REACH words between, no
 * punctuation) is where a period or a running total starts, not the day of an event the
 * sentence tells: no row takes it. */
static int starts_a_period(const ctx *c, size_t k, const vg_date *d)
{
    size_t t0 = c->s[k].t0, t1 = c->s[k].t1, len;
    size_t from = d->t0 > t0 + PERIOD_REACH + 4 ? d->t0 - PERIOD_REACH - 4 : t0;
    for (size_t j = from; j < d->t0; j++) {
        int cue = vg_an_cue(c, t1, j, &len);
        if ((cue == VG_CUE_AGGREGATE || cue == VG_CUE_SINCE) && j + len <= d->t0 && d->t0 - (j + len) <= PERIOD_REACH &&
            !punct_between(c, j + len, d->t0))
            return 1;
    }
    return 0;
}

/* A date that is no event's day: a statement's or the start of a period. */
static int no_events_day(const ctx *c, size_t k, const vg_date *d)
{
    return dates_a_statement(c, k, d) || starts_a_period(c, k, d);
}

/* "In November 1973, students barricaded themselves inside ... on Nov. 17 the police moved in":
 * a day with no year written, in the month a date of the same sentence or the one before names
 * with its year (*ctx: that date, y == 0 when none), is that year's day. A report's own days go
 * without a year ("on 6 December"): a year written is a past being told. */
static void year_from_context(const vg_date *ctx_date, vg_date *d)
{
    if (d->y || !d->m || d->relative || !ctx_date->y || ctx_date->m != d->m) return;
    d->y = ctx_date->y;
    d->context_year = 1;
}

static void mark_dates(ctx *c, sent_info *si)
{
    vg_date anchor = c->pub;
    /* (a dateline with no year, "ATHENS, May 5 (Reuters) -", keeps its month and day) */
    if (!c->pub.y && !c->pub.m) text_anchor(c, &anchor);
    c->ref = anchor;
    vg_date ctx_date = {0}; /* the last date with its year written, of this sentence or the one before */
    size_t ctx_k = SIZE_MAX;
    for (size_t k = 0; k < c->ns; k++) {
        if (ctx_k != SIZE_MAX && ctx_k + 1 < k) { memset(&ctx_date, 0, sizeof ctx_date); ctx_k = SIZE_MAX; }
        for (size_t i = c->s[k].t0; i < c->s[k].t1; i++) {
            vg_date d;
            if (i < c->dateline_end) { c->in_date[i] = 1; continue; } /* the publication's, not an event's */
            if (vg_date_at(&c->dl, c->t, c->s[k].t1, i, anchor.m ? &anchor : NULL, &d)) {
                for (size_t j = d.t0; j < d.t1; j++) c->in_date[j] = 1;
                i = d.t1 - 1;
                d.said = no_events_day(c, k, &d);
                year_from_context(&ctx_date, &d);
                if (d.y && d.m && !d.context_year && !d.relative) { ctx_date = d; ctx_k = k; }
                if (!si[k].has_date) { si[k].has_date = 1; si[k].date = d; }
                si[k].n_dates++;
            } else if (c->t[i].kind == VG_TOK_NUM && c->t[i].flen == 4) {
                int y = atoi(c->t[i].fold);
                if (y >= 1900 && y <= 2100) c->in_date[i] = 1;
            }
        }
    }
}

/* "On Monday the march stayed peaceful, but on Thursday ... the marchers grew violent", "In a
 * November 9 press conference, X stated ... the bombing of Amra on Tuesday": of a sentence's
 * dates, its event's is the one nearest its strongest trigger (the first on ties). A calendar
 * date that opens the sentence or is set off by a comma ("On 3 May 2020, ...", "Around 2 May
 * 2020 (from 2 - 4 May)", as ACLED's notes open) frames the whole sentence and stays its
 * date: later ones there are background ("since 2 May", "his body was found on 7 May"). */
static void date_nearest_trigger(const ctx *c, size_t k, sent_info *si)
{
    const hit *h = si->first.t1 > si->first.t0 ? &si->first : &si->mfirst;
    const vg_date *d0 = &si->date;
    if (h->t1 <= h->t0) return;
    if (!d0->relative && (d0->t0 <= c->s[k].t0 + 1 || (d0->t1 < c->s[k].t1 && c->t[d0->t1].kind == VG_TOK_PUNCT &&
                                                         c->t[d0->t1].fold[0] == ',')))
        return;
    size_t best = SIZE_MAX;
    for (size_t i = c->s[k].t0; i < c->s[k].t1; i++) {
        vg_date d;
        if (i < c->dateline_end || !vg_date_at(&c->dl, c->t, c->s[k].t1, i, c->ref.m ? &c->ref : NULL, &d)) continue;
        i = d.t1 - 1;
        if (no_events_day(c, k, &d)) continue;
        size_t dist = d.t1 <= h->t0 ? h->t0 - d.t1 : d.t0 >= h->t1 ? d.t0 - h->t1 : 0;
        if (dist < best) { best = dist; si->date = d; }
    }
}

/* Is a sentence about the past (a year before the reference year)? */
static int is_history(const ctx *c, const sent_info *si, size_t k, int ref_year)
{
    /* dated this year: the event itself, even if it recalls an older one */
    if (ref_year && si->has_date && si->date.y == ref_year && !si->date.relative) return 0;
    /* "en mars", "in March" with no day: background, unless it is the
     * publication's own month */
    for (size_t i = c->s[k].t0; i + 1 < c->s[k].t1; i++) {
        size_t plen, len;
        int cue = vg_an_cue(c, c->s[k].t1, i, &plen);
        if (cue != VG_CUE_MONTH || i + plen >= c->s[k].t1) continue; /* cues.tsv class "month" */
        const vg_lex_entry *m = vg_an_match(c, L_MONTHS, c->s[k].t1, i + plen, &len);
        if (!m) continue;
        size_t j = i + plen + len;
        if (j < c->s[k].t1 && c->t[j].kind == VG_TOK_NUM) continue; /* "in May 2020", "en mai 2019" are dates */
        if (!c->pub.y || atoi(m->cols[0]) != c->pub.m) return 1;
    }
    if (!ref_year) return 0;
    for (size_t i = c->s[k].t0; i < c->s[k].t1; i++) {
        if (c->t[i].kind != VG_TOK_NUM || c->t[i].flen != 4) continue;
        int y = atoi(c->t[i].fold);
        if (y >= 1900 && y < ref_year) return 1;
    }
    return 0;
}

/* The lede carries the main event: earlier sentences weigh more. */
float vg_an_lede_weight(size_t k)
{
    return 1.0f / (1.0f + W_LEDE * (float)k);
}

/* Scores every sentence (si[k]) and sums them into the document's totals,
 * each sentence weighed by its place in the text. Returns whether any
 * sentence scored a sub-type at all; *nonpol counts accident, disaster and
 * sport cues. */
static int weigh_sentences(ctx *c, sent_info *si, int ref_year, float total[VG_SUB_COUNT],
                           float mods[VG_SUB_COUNT], int *nonpol)
{
    int any = 0;
    for (size_t k = 0; k < c->ns; k++) {
        sent_info keep = si[k];
        score_sentence(c, &c->s[k], &si[k]);
        si[k].has_date = keep.has_date;
        si[k].date = keep.date;
        si[k].n_dates = keep.n_dates;
        if (si[k].n_dates > 1) date_nearest_trigger(c, k, &si[k]);
        if (is_history(c, &si[k], k, ref_year)) si[k].hist = 1;
        /* "On 19 June 2008, a truce was reached": a date well before the reference is background */
        if (si[k].has_date && vg_an_background_date(c, &si[k].date)) si[k].hist = 1;
        if (si[k].weak_int > 0) {
            /* "activists who were detained", "the group stopped work": force
             * met a protest only if police or troops are there to use it */
            actor ac[8];
            int na = vg_an_find_actors(c, c->s[k].t0, c->s[k].t1, ac, 8, 1), state = 0;
            for (int j = 0; j < na; j++)
                if (vg_an_inter(&ac[j]) == VG_INTER_STATE) state = 1;
            if (!state) si[k].mods[VG_SUB_INTERVENTION] -= si[k].weak_int;
        }
        *nonpol += si[k].nonpol;
        /* An accident or disaster in the sentence: its deaths and blasts are no
         * political violence (a protest about a flood still is a protest). */
        float factor = si[k].hist ? W_HISTORY : 1.0f;
        /* "a rally is expected on Friday", "60 percent said the riots...": no event told */
        if (si[k].talk) factor *= W_TALK;
        /* A myth or a story retold ("enlevée par Zeus", "in the film, gunmen..."):
         * no event of any kind in that sentence. */
        if (si[k].fiction)
            for (int j = 0; j < VG_SUB_COUNT; j++) si[k].sc[j] = si[k].mods[j] = 0;
        if (si[k].nonpol)
            for (int j = 0; j < VG_SUB_COUNT; j++)
                if (!vg_sub_is_crowd(j)) si[k].sc[j] = si[k].mods[j] = 0;
        float pos = vg_an_lede_weight(vg_an_sent_no(c, k));
        for (int j = 0; j < VG_SUB_COUNT; j++) {
            si[k].sc[j] *= factor;
            si[k].mods[j] *= factor;
            total[j] += si[k].sc[j] * pos;
            mods[j] += si[k].mods[j] * pos;
            if (si[k].sc[j] > si[k].best) si[k].best = si[k].sc[j];
            if (si[k].sc[j] > 0) any = 1;
        }
    }
    return any;
}

/* An article whose lede announces or threatens (its triggers cancelled,
 * none standing) reports no event unless a sentence says plainly that
 * one happened. */
int vg_an_only_announced(const ctx *c, const sent_info *si)
{
    for (size_t k = 0; k < c->ns; k++) {
        if (si[k].best <= 0 && !si[k].cancelled) continue;
        if (si[k].best <= 0 && si[k].cancelled) {
            float strongest = 0;
            for (size_t j = 0; j < c->ns; j++)
                if (si[j].best > strongest) strongest = si[j].best;
            if (strongest < MIN_PLAIN_SCORE) return 1;
        }
        break;
    }
    return 0;
}

int vg_an_mentions(ctx *c, sent_info *si, mention_sums *sum)
{
    memset(sum, 0, sizeof *sum);
    mark_dates(c, si);
    /* Reference year for "is this background?": publication, else the latest dated sentence. */
    int ref_year = c->pub.y;
    if (!ref_year)
        for (size_t k = 0; k < c->ns; k++)
            if (si[k].has_date && si[k].date.y > ref_year) ref_year = si[k].date.y;
    return weigh_sentences(c, si, ref_year, sum->total, sum->mods, &sum->nonpol);
}
