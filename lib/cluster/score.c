/* score.c - document-to-story score. The cosine says "same subject"; anchors
 * decide "same event": a different year or event date for what reads
 * like the same subject is the usual sign of a second event of the same kind. */
#include "score.h"
#include "story_weights.h"
#include "../core/geo.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DISAGREE 0.5     /* factor per disagreeing anchor */
#define DATE_DAYS 3      /* event dates further apart than this disagree */
#define SAME_PLACE_KM 10.0 /* coordinates this close name the same town */
/* Publication gap past which a story is closed. Not a month: follow-ups weeks
 * or months later (a trial, the toll revised) belong to their event, and once
 * datelines gave plain-text articles their dates, a 30-day cut split such
 * stories (ECB+ dev, 8 orders: F1 mean 0.891 / min 0.878 at 30 days, 0.917 /
 * 0.908 at 365, same as no cut). Two events of a kind are told apart by
 * their years and event dates; cost is bounded by the postings head. */
#define WINDOW_DAYS 365
#define YEAR_GAP 1       /* latest years further apart than this disagree */

static int latest_year(const uint16_t *years, size_t n)
{
    int y = 0;
    for (size_t i = 0; i < n; i++)
        if (years[i] > y) y = years[i];
    return y;
}

static int shares_a_year(const uint16_t *a, size_t na, const uint16_t *b, size_t nb)
{
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++)
            if (a[i] == b[j]) return 1;
    return 0;
}

/* Years say "another event of the same kind" most often. An article's own
 * year (dateline, URL, published) is the best witness: when both sides have
 * one they decide; when one side has one, it must match the other's latest
 * year named (older years are history every report of a kind repeats: a
 * quake recalls the last big one, so a year in common proves little). With
 * no dating on either side, texts that name years must share one. One year
 * apart still agrees (a January report of a December event). */
static int years_disagree(const vg_cl_doc *d, const vg_cl_story *s)
{
    int dl = latest_year(d->years, d->n_years), sl = latest_year(s->years, s->n_years);
    int dy = d->pub_year ? d->pub_year : d->own_year;
    if (dy && s->pub_year) return abs(dy - s->pub_year) > YEAR_GAP;
    if (dy && sl) return abs(dy - sl) > YEAR_GAP;
    if (s->pub_year && dl) return abs(s->pub_year - dl) > YEAR_GAP;
    return d->n_years && s->n_years && !shares_a_year(d->years, d->n_years, s->years, s->n_years);
}

int vg_cl_doc_dated(const vg_cl_doc *d)
{
    return d->pub_year || vg_cl_day_number(d->event_date) >= 0;
}

/* The share of a story's members with a date of their own. A story that
 * one dated report joined is not thereby dated: its undated reports must
 * still find it (before n_dated, they split off, see UNDATED). A story
 * saved before members were counted is all one or the other, as its
 * anchors say. */
double vg_cl_dated_share(const vg_cl_story *s)
{
    int any = s->pub_year || vg_cl_day_number(s->event_date) >= 0;
    if (s->n_dated < 0 || s->n_articles <= 0) return any;
    return s->n_dated >= s->n_articles ? 1.0 : (double)s->n_dated / (double)s->n_articles;
}

/* Two sure main events that differ both in what was done and in who did it
 * ("the army retakes a town", "Russia's air force strikes it") are two
 * incidents, however alike their words. One of the two alike is not enough:
 * reports of one riot lead with the riot or with the police shooting that
 * set it off. */
static int leads_disagree(const char *a, const char *b)
{
    if (!a[0] || !b[0]) return 0;
    /* a text with no event at all and a sure incident */
    int na = !strcmp(a, VG_CL_NO_EVENT), nb = !strcmp(b, VG_CL_NO_EVENT);
    if (na || nb) return na != nb;
    const char *sa = strchr(a, '\x1f'), *sb = strchr(b, '\x1f');
    if (!sa || !sb) return 0;
    int same_type = sa - a == sb - b && !memcmp(a, b, (size_t)(sa - a));
    return !same_type && strcmp(sa + 1, sb + 1) != 0;
}

double vg_cl_score(const vg_cl_doc *d, const vg_cl_story *s, double dot, int other_lang, int lacks_name)
{
    if (s->norm2 <= 0) return 0;
    /* Average link: the mean cosine to the members (the summed vectors over
     * their count), not the cosine to the centroid. The centroid's cosine
     * rises as a story grows loose (a blend of two events looks like both),
     * so stories of one subject drew in every later report of another event
     * of the same kind; the mean favours tight stories. */
    double score = dot / (s->n_articles > 1 ? (double)s->n_articles : 1.0);
    if (other_lang && d->has_coords && s->has_coords && vg_km_between(d->lat, d->lon, s->lat, s->lon) <= SAME_PLACE_KM)
        score += VG_CL_PLACE_BONUS;
    if (years_disagree(d, s)) score *= DISAGREE;
    long de = vg_cl_day_number(d->event_date), se = vg_cl_day_number(s->event_date);
    if (de >= 0 && se >= 0 && labs(de - se) > DATE_DAYS) score *= DISAGREE;
    if (leads_disagree(d->lead, s->lead)) score *= DISAGREE;
    /* One side dated, the other not: nothing places them in the same time
     * (see UNDATED). An undated report, in proportion to the story's dated
     * members; a dated one, against a story with none. A report dated only
     * by its text (own_year) is on the dated side here, but does not make
     * its story dated (vg_cl_doc_dated: a page's own dating): see UNDATED. */
    double share = vg_cl_dated_share(s);
    int dated = vg_cl_doc_dated(d) || d->own_year;
    score *= dated ? (share > 0 ? 1.0 : UNDATED) : 1.0 - (1.0 - UNDATED) * share;
    /* Where the dates cannot tell (one side or both undated), the one the report is about
     * (its main name) named by no member, but by another report, says another incident of
     * the same kind, happening to someone else (see LACKS_NAME). */
    if (lacks_name && !(dated && share > 0)) score *= LACKS_NAME;
    /* No penalty for distant coordinates: measured on ECB+ dev, the main
     * event's place differs between reports of one event too often (an
     * article names several places) and it split true stories (F1 0.89 ->
     * 0.86). Places still count as shared anchor terms. */
    long day = vg_cl_day_number(d->day);
    if (day >= 0 && s->last_day >= 0 && (day > s->last_day + WINDOW_DAYS || day < s->first_day - WINDOW_DAYS))
        score = 0;
    return score;
}

void vg_cl_story_add(vg_cl_story *s, const vg_cl_doc *d)
{
    for (size_t i = 0; i < d->n_years; i++) vg_cl_years_add(s->years, &s->n_years, d->years[i]);
    if (d->pub_year > s->pub_year) s->pub_year = d->pub_year;
    if (s->n_dated >= 0 && vg_cl_doc_dated(d)) s->n_dated++;
    if (!s->event_date[0] && d->event_date[0]) memcpy(s->event_date, d->event_date, sizeof s->event_date);
    /* a member's sure lead replaces "no event" (the first report may be a talk before the deed) */
    if (d->lead[0] && (!s->lead[0] || (!strcmp(s->lead, VG_CL_NO_EVENT) && strcmp(d->lead, VG_CL_NO_EVENT) != 0)))
        memcpy(s->lead, d->lead, sizeof s->lead);
    if (!s->has_coords && d->has_coords) {
        s->has_coords = 1;
        s->lat = d->lat;
        s->lon = d->lon;
    }
    long day = vg_cl_day_number(d->day);
    if (day >= 0) {
        if (s->first_day < 0 || day < s->first_day) s->first_day = day;
        if (s->last_day < 0 || day > s->last_day) s->last_day = day;
    }
}

void vg_cl_years_add(uint16_t *years, size_t *n, uint16_t y)
{
    size_t oldest = 0;
    for (size_t j = 0; j < *n; j++) {
        if (years[j] == y) return;
        if (years[j] < years[oldest]) oldest = j;
    }
    if (*n < VG_CL_MAX_YEARS) years[(*n)++] = y;
    else if (years[oldest] < y) years[oldest] = y; /* full: the latest years matter most */
}

void vg_cl_years_format(const uint16_t *years, size_t n, uint16_t pub, char *out)
{
    size_t o = 0;
    out[0] = 0;
    for (size_t i = 0; i < n && i < VG_CL_MAX_YEARS; i++)
        o += (size_t)snprintf(out + o, 6, "%s%u", i ? "," : "", (unsigned)years[i] % 10000u);
    if (pub) snprintf(out + o, 6, ";%u", (unsigned)pub % 10000u);
}

size_t vg_cl_years_parse(const char *s, uint16_t *years, uint16_t *pub)
{
    size_t n = 0;
    *pub = 0;
    while (s && *s && *s != ';' && n < VG_CL_MAX_YEARS) {
        char *end;
        long y = strtol(s, &end, 10);
        if (end == s) break;
        if (vg_cl_news_year(y)) years[n++] = (uint16_t)y;
        s = *end == ',' ? end + 1 : end;
    }
    const char *p = s ? strchr(s, ';') : NULL;
    if (p) {
        long y = strtol(p + 1, NULL, 10);
        if (vg_cl_news_year(y)) *pub = (uint16_t)y;
    }
    return n;
}
