/* score.c - document-to-story score. The cosine says "same subject"; anchors
 * decide "same event": a different year or event date for what reads
 * like the same subject is the usual sign of a second event of the same kind. */
#include "score.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DISAGREE 0.5     /* factor per disagreeing anchor */
#define DATE_DAYS 3      /* event dates further apart than this disagree */
#define SAME_PLACE_KM 10.0 /* coordinates this close name the same town */
#define WINDOW_DAYS 30   /* publication gap past which a story is not joined */

static double km_between(double lat1, double lon1, double lat2, double lon2)
{
    const double r = 6371.0, rad = 3.14159265358979323846 / 180.0;
    double dlat = (lat2 - lat1) * rad, dlon = (lon2 - lon1) * rad;
    double h = sin(dlat / 2) * sin(dlat / 2) + cos(lat1 * rad) * cos(lat2 * rad) * sin(dlon / 2) * sin(dlon / 2);
    return 2 * r * asin(sqrt(h < 1 ? h : 1));
}

double vg_cl_score(const vg_cl_doc *d, const vg_cl_story *s, double dot, int other_lang)
{
    if (s->norm2 <= 0) return 0;
    double score = dot / sqrt(s->norm2);
    if (other_lang && d->has_coords && s->has_coords && km_between(d->lat, d->lon, s->lat, s->lon) <= SAME_PLACE_KM)
        score += VG_CL_PLACE_BONUS;
    if (d->n_years && s->n_years) {
        int shared = 0;
        for (size_t i = 0; i < d->n_years && !shared; i++)
            for (size_t j = 0; j < s->n_years; j++)
                if (d->years[i] == s->years[j]) { shared = 1; break; }
        if (!shared) score *= DISAGREE;
    }
    long de = vg_cl_day_number(d->event_date), se = vg_cl_day_number(s->event_date);
    if (de >= 0 && se >= 0 && labs(de - se) > DATE_DAYS) score *= DISAGREE;
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
    for (size_t i = 0; i < d->n_years && s->n_years < VG_CL_MAX_YEARS; i++) {
        size_t j = 0;
        while (j < s->n_years && s->years[j] != d->years[i]) j++;
        if (j == s->n_years) s->years[s->n_years++] = d->years[i];
    }
    if (!s->event_date[0] && d->event_date[0]) memcpy(s->event_date, d->event_date, sizeof s->event_date);
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

void vg_cl_years_format(const uint16_t *years, size_t n, char *out)
{
    size_t o = 0;
    out[0] = 0;
    for (size_t i = 0; i < n && i < VG_CL_MAX_YEARS; i++)
        o += (size_t)snprintf(out + o, 6, "%s%u", i ? "," : "", (unsigned)years[i] % 10000u);
}

size_t vg_cl_years_parse(const char *s, uint16_t *years)
{
    size_t n = 0;
    while (s && *s && n < VG_CL_MAX_YEARS) {
        char *end;
        long y = strtol(s, &end, 10);
        if (end == s) break;
        if (y >= 1950 && y <= 2099) years[n++] = (uint16_t)y;
        s = *end == ',' ? end + 1 : end;
    }
    return n;
}
