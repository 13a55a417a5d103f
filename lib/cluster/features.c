/* features.c - terms and anchors of one document for story clustering.
 * Words are weighted by tf-idf with frequencies the store keeps incrementally,
 * so no stop-word list is needed: words every article uses weigh nothing.
 * Capitalised words inside a sentence (names of people, places, bodies) count
 * double: they are what tells two events of the same kind apart. */
#include "features.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/hash.h"
#include "../core/utf8.h"
#include "../dedup/words.h"
#include "score.h"

#define NAME_WEIGHT 3.0f
#define ANCHOR_WEIGHT 3.0f

typedef struct term_map {
    vg_cl_term *slot;
    size_t cap, n;
} term_map;

static int64_t term_id(vg_cl_kind kind, const char *s, size_t n)
{
    return (int64_t)(vg_hash64(s, n, 0x51ed270b27d5c6a1ULL + (uint64_t)kind) >> 1);
}

static void map_add(term_map *m, int64_t id, float tf)
{
    size_t i = (size_t)id & (m->cap - 1);
    while (m->slot[i].tf != 0 && m->slot[i].id != id) i = (i + 1) & (m->cap - 1);
    if (m->slot[i].tf == 0) {
        if (m->n + 1 >= m->cap / 2) return; /* full: further new terms are dropped */
        m->slot[i].id = id;
        m->n++;
    }
    m->slot[i].tf += tf;
}

int64_t vg_cl_word_id(const char *fold, size_t n) { return term_id(VG_CL_WORD, fold, n); }

/* Four-digit years a news text can be about; kept as a small set. Returns
 * the year noted, 0 if the word is none. */
static int note_year(vg_cl_doc *out, const vg_word *w)
{
    if (!w->numeric || w->fold_len != 4) return 0;
    int y = atoi(w->fold);
    if (!vg_cl_news_year(y)) return 0;
    vg_cl_years_add(out->years, &out->n_years, (uint16_t)y);
    return y;
}

/* The article's own year: the latest of those that date the page. */
static void note_pub_year(vg_cl_doc *out, int y)
{
    if (y > out->pub_year) out->pub_year = (uint16_t)y;
}

/* names: NULL, or the count of each word written as a name (capitalised inside a
 * sentence), for the main name; not kept from a title, whose every word is capitalised. */
static void add_text(vg_arena *a, term_map *m, term_map *names, vg_cl_doc *out, const char *s, size_t len,
                     float scale)
{
    vg_word *w;
    size_t n;
    if (vg_words(a, s, len, VG_CL_MAX_WORDS, &w, &n) != 0) return;
    for (size_t i = 0; i < n; i++) {
        note_year(out, &w[i]);
        if (!vg_cl_word_term(&w[i])) continue;
        int name = w[i].capitalised && !w[i].sentence_start;
        int64_t id = term_id(VG_CL_WORD, w[i].fold, w[i].fold_len);
        map_add(m, id, (name ? NAME_WEIGHT : 1.0f) * scale);
        if (name && names && !w[i].numeric) map_add(names, id, 1.0f);
    }
}

/* The name written most often, if VG_CL_MAIN_NAME_MIN times or more and more often than
 * any other (a tie names no one); 0 none. */
static int64_t main_name(const term_map *names)
{
    float top = 0, second = 0;
    int64_t id = 0;
    for (size_t i = 0; i < names->cap; i++) {
        float c = names->slot[i].tf;
        if (c > top) {
            second = top;
            top = c;
            id = names->slot[i].id;
        } else if (c > second) second = c;
    }
    return top >= VG_CL_MAIN_NAME_MIN && top > second ? id : 0;
}

/* Lines dropped as page chrome that date the page (datelines, URLs: see
 * vg_removed_dates_page) still say when the article was written: their years
 * count, their words do not; the latest is the article's own year (pub_year),
 * not one its story recalls. */
static void add_years(vg_arena *a, vg_cl_doc *out, const char *s, size_t len)
{
    vg_word *w;
    size_t n;
    if (vg_words(a, s, len, VG_CL_MAX_WORDS, &w, &n) != 0) return;
    for (size_t i = 0; i < n; i++) {
        note_pub_year(out, note_year(out, &w[i]));
    }
}

static void add_anchor(vg_arena *a, term_map *m, vg_cl_kind kind, const char *s, float tf)
{
    if (!s || !*s) return;
    size_t fl;
    char *f = vg_fold(a, s, strlen(s), &fl);
    if (f && fl) map_add(m, term_id(kind, f, fl), tf);
}

long vg_cl_day_number(const char *s)
{
    if (!s || strlen(s) < 10 || s[4] != '-' || s[7] != '-') return -1;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return -1;
    long y = atol(s), mo = atol(s + 5), d = atol(s + 8);
    if (mo < 1 || mo > 12 || d < 1 || d > 31) return -1;
    /* days from civil (Howard Hinnant) */
    y -= mo <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

vg_status vg_cl_extract(vg_doc *doc, vg_cl_doc *out)
{
    memset(out, 0, sizeof *out);
    out->fatalities = -1;
    term_map m = {NULL, 4096, 0};
    m.slot = vg_arena_calloc(doc->arena, m.cap, sizeof *m.slot);
    if (!m.slot) return VG_ERR_NOMEM;
    term_map names = {NULL, 1024, 0};
    names.slot = vg_arena_calloc(doc->arena, names.cap, sizeof *names.slot);
    if (!names.slot) return VG_ERR_NOMEM;
    const char *title = doc->fields[VG_F_TITLE];
    const char *text = doc->fields[VG_F_TEXT];
    if (title) add_text(doc->arena, &m, NULL, out, title, strlen(title), 1.0f);
    if (text) add_text(doc->arena, &m, &names, out, text, doc->text_len, 1.0f);
    out->main_name = main_name(&names);
    for (size_t i = 0; i < doc->n_removed; i++)
        if (vg_removed_dates_page(&doc->removed[i]))
            add_years(doc->arena, out, doc->removed[i].text, doc->removed[i].len);
    const vg_event *main_ev = NULL;
    for (size_t i = 0; i < doc->n_events; i++) {
        const vg_event *e = &doc->events[i];
        if (!main_ev || e->confidence > main_ev->confidence) main_ev = e;
        add_anchor(doc->arena, &m, VG_CL_PLACE, e->location, ANCHOR_WEIGHT);
        add_anchor(doc->arena, &m, VG_CL_ACTOR, e->actor1, ANCHOR_WEIGHT);
        add_anchor(doc->arena, &m, VG_CL_ACTOR, e->actor2, ANCHOR_WEIGHT);
        add_anchor(doc->arena, &m, VG_CL_DATE, e->event_date, ANCHOR_WEIGHT);
    }
    if (main_ev) {
        memcpy(out->event_date, main_ev->event_date, sizeof out->event_date);
        out->event_date[10] = 0;
        /* only a town-level place can anchor: a country's centroid says little */
        out->has_coords = main_ev->has_coords && main_ev->geo_precision >= 1 && main_ev->geo_precision <= 2;
        out->lat = main_ev->latitude;
        out->lon = main_ev->longitude;
        out->fatalities = main_ev->fatalities;
        if (main_ev->confidence >= VG_CL_LEAD_SURE && main_ev->event_type && main_ev->actor1)
            snprintf(out->lead, sizeof out->lead, "%s\x1f%s", main_ev->event_type, main_ev->actor1);
        if (main_ev->fatalities > 0) {
            char num[24];
            snprintf(num, sizeof num, "%d", main_ev->fatalities);
            add_anchor(doc->arena, &m, VG_CL_FIGURE, num, 1.0f);
        }
    } else if (doc->analyzed) {
        strcpy(out->lead, VG_CL_NO_EVENT);
    }
    const char *pub = doc->fields[VG_F_PUBLISHED];
    /* No publication date: the year of the day the text dates itself by, unless
     * the text names a later year (a report is written after what it tells: an
     * earlier date is its background's, "the bombing of 12 October 2002"). */
    if (vg_cl_day_number(pub) < 0 && vg_cl_day_number(doc->own_date) >= 0) {
        int y = atoi(doc->own_date), later = 0;
        for (size_t i = 0; i < out->n_years; i++) later |= out->years[i] > y;
        if (!later && vg_cl_news_year(y)) out->own_year = (uint16_t)y;
    }
    if (vg_cl_day_number(pub) >= 0) {
        memcpy(out->day, pub, 10);
        out->day[10] = 0;
        vg_word y = {pub, 4, 0, 4, 0, 0, 1};
        note_pub_year(out, note_year(out, &y));
    }
    out->terms = vg_arena_alloc(doc->arena, (m.n ? m.n : 1) * sizeof *out->terms);
    if (!out->terms) return VG_ERR_NOMEM;
    for (size_t i = 0; i < m.cap; i++)
        if (m.slot[i].tf != 0) out->terms[out->n++] = m.slot[i];
    return VG_OK;
}

static int by_weight_desc(const void *pa, const void *pb)
{
    const vg_cl_term *a = pa, *b = pb;
    if (a->w != b->w) return a->w < b->w ? 1 : -1;
    return a->id < b->id ? -1 : a->id > b->id;
}

void vg_cl_keep(vg_cl_doc *d, const double *df, double n_docs, size_t keep)
{
    for (size_t i = 0; i < d->n; i++) {
        double idf = log((n_docs + 1) / (df[i] >= 1 ? df[i] : 1));
        d->terms[i].w = (float)((1.0 + log(d->terms[i].tf)) * idf);
    }
    qsort(d->terms, d->n, sizeof *d->terms, by_weight_desc);
    if (d->n > keep) d->n = keep;
}

void vg_cl_normalize(vg_cl_doc *d)
{
    if (d->n > VG_CL_MAX_TERMS) d->n = VG_CL_MAX_TERMS;
    double n2 = 0;
    for (size_t i = 0; i < d->n; i++) n2 += (double)d->terms[i].w * d->terms[i].w;
    double norm = n2 > 0 ? sqrt(n2) : 1;
    for (size_t i = 0; i < d->n; i++) d->terms[i].w = (float)(d->terms[i].w / norm);
}

void vg_cl_weigh(vg_cl_doc *d, const double *df, double n_docs)
{
    vg_cl_keep(d, df, n_docs, VG_CL_MAX_TERMS);
    vg_cl_normalize(d);
}
