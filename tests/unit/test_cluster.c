/* test_cluster.c - clustering features and scores, and stories/duplicates through the store. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "vigie.h"
#include "../../lib/cluster/dfmap.h"
#include "../../lib/cluster/features.h"
#include "../../lib/cluster/postings.h"
#include "../../lib/cluster/reference.h"
#include "../../lib/cluster/score.h"
#include "../../lib/cluster/stories.h"
#include "../../lib/cluster/stories_impl.h"
#include "../../lib/cluster/story_weights.h"
#include "../../lib/core/hash.h"
#include "../../lib/doc/doc.h"
#include "../../lib/store/internal.h"
#include "fake_store.h"
#include "test.h"

static vg_doc *mkdoc(void)
{
    vg_doc *d = calloc(1, sizeof *d);
    if (d) d->arena = vg_arena_new(0);
    return d;
}

static void fill(vg_doc *d, const char *id, const char *text, const char *published)
{
    vg_doc_reset(d);
    vg_doc_set(d, VG_F_SOURCE, id, strlen(id));
    vg_doc_set(d, VG_F_EXT_ID, id, strlen(id));
    vg_doc_set(d, VG_F_LANG, "en", 2);
    if (published) vg_doc_set(d, VG_F_PUBLISHED, published, strlen(published));
    vg_doc_set(d, VG_F_TEXT, text, strlen(text));
    d->content_hash = vg_hash64(text, strlen(text), 0);
}

static void free_doc(vg_doc *d)
{
    if (!d) return;
    vg_arena_free(d->arena);
    vg_buf_free(&d->out);
    free(d);
}

TEST(cluster_day_numbers)
{
    CHECK_INT(vg_cl_day_number("1970-01-01"), 0);
    CHECK_INT(vg_cl_day_number("2024-03-01") - vg_cl_day_number("2024-02-28"), 2);
    CHECK_INT(vg_cl_day_number("2023-03-01T10:00:00Z") - vg_cl_day_number("2023-02-28"), 1);
    CHECK_INT(vg_cl_day_number("2024-13-01"), -1);
    CHECK_INT(vg_cl_day_number("yesterday"), -1);
    CHECK_INT(vg_cl_day_number(NULL), -1);
}

TEST(cluster_years_round_trip)
{
    uint16_t y[VG_CL_MAX_YEARS] = {2008, 2013, 1999};
    char s[VG_CL_YEARS_TEXT];
    vg_cl_years_format(y, 3, 0, s);
    CHECK_STR(s, "2008,2013,1999");
    uint16_t back[VG_CL_MAX_YEARS], pub = 1;
    CHECK_INT(vg_cl_years_parse(s, back, &pub), 3);
    CHECK_INT(back[1], 2013);
    CHECK_INT(pub, 0);
    vg_cl_years_format(y, 3, 2013, s);
    CHECK_STR(s, "2008,2013,1999;2013");
    CHECK_INT(vg_cl_years_parse(s, back, &pub), 3);
    CHECK_INT(back[2], 1999);
    CHECK_INT(pub, 2013);
    CHECK_INT(vg_cl_years_parse(";2009", back, &pub), 0);
    CHECK_INT(pub, 2009);
    CHECK_INT(vg_cl_years_parse("1200,abc", back, &pub), 0);
    CHECK_INT(vg_cl_years_parse("", back, &pub), 0);
    /* a full set keeps the latest years */
    size_t n = 0;
    for (uint16_t k = 0; k < VG_CL_MAX_YEARS; k++) vg_cl_years_add(y, &n, (uint16_t)(1990 + k));
    CHECK_INT(n, VG_CL_MAX_YEARS);
    vg_cl_years_add(y, &n, 2013);
    vg_cl_years_add(y, &n, 1980);
    vg_cl_years_add(y, &n, 2013);
    CHECK_INT(n, VG_CL_MAX_YEARS);
    int has2013 = 0, has1990 = 0, has1980 = 0;
    for (size_t k = 0; k < n; k++) {
        has2013 += y[k] == 2013;
        has1990 += y[k] == 1990;
        has1980 += y[k] == 1980;
    }
    CHECK_INT(has2013, 1);
    CHECK_INT(has1990, 0);
    CHECK_INT(has1980, 0);
}

TEST(cluster_features_names_and_years)
{
    vg_doc *d = mkdoc();
    fill(d, "a", "The quake hit Manokwari in 2009. Officials in Manokwari said the quake killed five.", NULL);
    vg_cl_doc f;
    CHECK(vg_cl_extract(d, &f) == VG_OK);
    CHECK_INT(f.n_years, 1);
    CHECK_INT(f.years[0], 2009);
    /* "Manokwari" inside sentences counts more than "quake" although both appear twice */
    double *df = calloc(f.n, sizeof *df);
    for (size_t i = 0; i < f.n; i++) df[i] = 1;
    float quake = 0, place = 0;
    for (size_t i = 0; i < f.n; i++) {
        if (f.terms[i].tf == 2.0f) quake = f.terms[i].tf;
        if (f.terms[i].tf == 6.0f) place = f.terms[i].tf;
    }
    CHECK(quake == 2.0f && place == 6.0f);
    vg_cl_weigh(&f, df, 10);
    double n2 = 0;
    for (size_t i = 0; i < f.n; i++) n2 += (double)f.terms[i].w * f.terms[i].w;
    CHECK(fabs(n2 - 1.0) < 1e-4);
    CHECK(f.terms[0].w >= f.terms[f.n - 1].w); /* heaviest first */
    free(df);
    /* The page's own year comes from the lines that date it, not from a teaser or a footer
     * dropped with them */
    fill(d, "b", "The quake hit Manokwari on Sunday. Officials said the quake killed five.", NULL);
    CHECK(vg_doc_add_removed(d, "Published 19 November 2019", 26, "html-dateline") == 0);
    CHECK(vg_doc_add_removed(d, "Copyright 2025 Daily Example", 28, "html-outside-article") == 0);
    CHECK(vg_doc_add_removed(d, "Floods of 2024: a look back", 27, "related-block") == 0);
    CHECK(vg_cl_extract(d, &f) == VG_OK);
    CHECK_INT(f.pub_year, 2019);
    CHECK_INT(f.n_years, 1);
    free_doc(d);
}

/* An empty report and an undated two-member story whose score, with nothing else said, is 0.5
 * (the mean over its members of a cosine of 1.0). Its dated members are not counted (as a
 * story saved before they were): its anchors alone say whether it is dated. */
static void blank_pair(vg_cl_doc *d, vg_cl_story *s)
{
    memset(d, 0, sizeof *d);
    memset(s, 0, sizeof *s);
    s->first_day = s->last_day = -1;
    s->norm2 = 4;
    s->n_articles = 2;
    s->n_dated = -1;
}

TEST(cluster_score_anchors_push_apart)
{
    vg_cl_doc d;
    vg_cl_story s;
    blank_pair(&d, &s);
    CHECK(fabs(vg_cl_score(&d, &s, 1.0, 0, 0) - 0.5) < 1e-9); /* mean over the members, not the centroid's cosine */
    d.years[d.n_years++] = 2013;
    s.years[s.n_years++] = 2008;
    CHECK(fabs(vg_cl_score(&d, &s, 1.0, 0, 0) - 0.25) < 1e-9);
    s.years[s.n_years++] = 2013;
    CHECK(fabs(vg_cl_score(&d, &s, 1.0, 0, 0) - 0.5) < 1e-9);
    /* an article's own year decides against the latest year the other side names */
    d.years[0] = 2008;
    CHECK(fabs(vg_cl_score(&d, &s, 1.0, 0, 0) - 0.5) < 1e-9); /* no dating: a year in common agrees */
    /* (the story has no date of its own: UNDATED on top) */
    d.pub_year = 2008;
    CHECK(fabs(vg_cl_score(&d, &s, 1.0, 0, 0) - 0.25 * UNDATED) < 1e-9); /* written in 2008, the story names 2013 */
    d.pub_year = 2012;
    CHECK(fabs(vg_cl_score(&d, &s, 1.0, 0, 0) - 0.5 * UNDATED) < 1e-9); /* a year apart agrees */
    s.pub_year = 2008;
    CHECK(fabs(vg_cl_score(&d, &s, 1.0, 0, 0) - 0.25) < 1e-9); /* both dated: the datings decide */
    d.pub_year = 0;
    CHECK(fabs(vg_cl_score(&d, &s, 1.0, 0, 0) - 0.5 * UNDATED) < 1e-9); /* the story dated 2008, the article names 2008 */
    s.pub_year = 0;
    d.years[0] = 2013;
    strcpy(d.event_date, "2013-05-01");
    strcpy(s.event_date, "2013-05-02");
    CHECK(fabs(vg_cl_score(&d, &s, 1.0, 0, 0) - 0.5) < 1e-9); /* a day apart: same event */
    strcpy(s.event_date, "2013-06-20");
    CHECK(fabs(vg_cl_score(&d, &s, 1.0, 0, 0) - 0.25) < 1e-9);
    d.event_date[0] = s.event_date[0] = 0;
    /* sure leads: another kind of event by another party is another incident */
    strcpy(d.lead, "Battles\x1fMilitary Forces of Syria");
    strcpy(s.lead, "Explosions/Remote violence\x1fMilitary Forces of Russia");
    CHECK(fabs(vg_cl_score(&d, &s, 1.0, 0, 0) - 0.25) < 1e-9);
    strcpy(s.lead, "Explosions/Remote violence\x1fMilitary Forces of Syria");
    CHECK(fabs(vg_cl_score(&d, &s, 1.0, 0, 0) - 0.5) < 1e-9); /* same party: agrees */
    strcpy(s.lead, "Battles\x1fMilitary Forces of Russia");
    CHECK(fabs(vg_cl_score(&d, &s, 1.0, 0, 0) - 0.5) < 1e-9); /* same kind: agrees */
    strcpy(s.lead, VG_CL_NO_EVENT);
    CHECK(fabs(vg_cl_score(&d, &s, 1.0, 0, 0) - 0.25) < 1e-9); /* a sure incident and a text with no event */
    strcpy(d.lead, VG_CL_NO_EVENT);
    CHECK(fabs(vg_cl_score(&d, &s, 1.0, 0, 0) - 0.5) < 1e-9); /* two texts with no event */
    strcpy(d.lead, "Battles\x1fMilitary Forces of Syria");
    s.lead[0] = 0;
    CHECK(fabs(vg_cl_score(&d, &s, 1.0, 0, 0) - 0.5) < 1e-9); /* unknown: agrees */
    /* a story's "no event" gives way to a member's sure lead, not the other way */
    vg_cl_story fresh = {.first_day = -1, .last_day = -1};
    strcpy(fresh.lead, VG_CL_NO_EVENT);
    vg_cl_story_add(&fresh, &d);
    CHECK(!strcmp(fresh.lead, d.lead));
    vg_cl_doc talk = {.lead = VG_CL_NO_EVENT};
    vg_cl_story_add(&fresh, &talk);
    CHECK(!strcmp(fresh.lead, d.lead));
    d.lead[0] = 0;
    d.has_coords = s.has_coords = 1;
    d.lat = 36.2; d.lon = 37.15;   /* Aleppo */
    s.lat = 33.5; s.lon = 36.3;    /* Damascus, ~300 km: places are terms, not a penalty */
    CHECK(fabs(vg_cl_score(&d, &s, 1.0, 0, 0) - 0.5) < 1e-9);
    s.lat = 36.21; s.lon = 37.1;
    CHECK(fabs(vg_cl_score(&d, &s, 1.0, 0, 0) - 0.5) < 1e-9);
    /* same town reported in another language: the place carries the join */
    CHECK(fabs(vg_cl_score(&d, &s, 1.0, 1, 0) - (0.5 + VG_CL_PLACE_BONUS)) < 1e-9);
    s.lat = 33.5; s.lon = 36.3;
    CHECK(fabs(vg_cl_score(&d, &s, 1.0, 1, 0) - 0.5) < 1e-9);
    s.lat = 36.21; s.lon = 37.1;
    strcpy(d.day, "2013-09-01");
    s.first_day = s.last_day = vg_cl_day_number("2013-01-01");
    CHECK(fabs(vg_cl_score(&d, &s, 1.0, 0, 0) - 0.5) < 1e-9); /* a follow-up months later still joins */
    strcpy(d.day, "2014-03-01");
    CHECK(vg_cl_score(&d, &s, 1.0, 0, 0) == 0); /* a story quiet for over a year is closed */
}

TEST(cluster_score_undated_against_dated)
{
    /* a date of its own on one side only: nothing places the two in the same time */
    vg_cl_doc d;
    vg_cl_story s;
    blank_pair(&d, &s);
    CHECK(fabs(vg_cl_score(&d, &s, 1.0, 0, 0) - 0.5) < 1e-9); /* both undated */
    s.pub_year = 2009;
    CHECK(UNDATED < 1.0);
    CHECK(fabs(vg_cl_score(&d, &s, 1.0, 0, 0) - 0.5 * UNDATED) < 1e-9); /* an undated report, a dated story */
    d.pub_year = 2009;
    CHECK(fabs(vg_cl_score(&d, &s, 1.0, 0, 0) - 0.5) < 1e-9); /* both dated, same year */
    s.pub_year = 0;
    CHECK(fabs(vg_cl_score(&d, &s, 1.0, 0, 0) - 0.5 * UNDATED) < 1e-9); /* a dated report, an undated story */
    /* the main event's full date dates it too; a date with no year does not */
    d.pub_year = 0;
    strcpy(s.event_date, "2017-11-08");
    strcpy(d.event_date, "XXXX-11-08");
    CHECK(fabs(vg_cl_score(&d, &s, 1.0, 0, 0) - 0.5 * UNDATED) < 1e-9);
    strcpy(d.event_date, "2017-11-09");
    CHECK(fabs(vg_cl_score(&d, &s, 1.0, 0, 0) - 0.5) < 1e-9);
    /* counted members: an undated report weighs a story by its share of dated members (a story
     * one dated report joined still takes the undated reports of its incident); a dated report
     * is held back only by a story with no dated member */
    vg_cl_story fresh = {.first_day = -1, .last_day = -1, .norm2 = 4, .n_articles = 2, .n_dated = 0};
    vg_cl_doc dated = {.pub_year = 2009};
    d.event_date[0] = 0;
    CHECK(fabs(vg_cl_score(&d, &fresh, 1.0, 0, 0) - 0.5) < 1e-9);
    CHECK(fabs(vg_cl_score(&dated, &fresh, 1.0, 0, 0) - 0.5 * UNDATED) < 1e-9);
    vg_cl_story_add(&fresh, &dated);
    fresh.n_articles = 3; /* as vg_cl_join counts it: one of three dated */
    CHECK_INT(fresh.n_dated, 1);
    CHECK(fabs(vg_cl_score(&d, &fresh, 1.5, 0, 0) - 0.5 * (1.0 - (1.0 - UNDATED) / 3)) < 1e-9);
    CHECK(fabs(vg_cl_score(&dated, &fresh, 1.5, 0, 0) - 0.5) < 1e-9);
    fresh.n_dated = 3;
    CHECK(fabs(vg_cl_score(&d, &fresh, 1.5, 0, 0) - 0.5 * UNDATED) < 1e-9);
}

TEST(cluster_score_text_dated_report)
{
    /* no publication date, but a day its text dates itself by: its year is compared like a
     * page's own, and it is on the dated side of UNDATED without dating its story */
    vg_cl_doc d;
    vg_cl_story s;
    blank_pair(&d, &s);
    d.own_year = 2012;
    s.pub_year = 2008;
    CHECK(fabs(vg_cl_score(&d, &s, 1.0, 0, 0) - 0.25) < 1e-9); /* four years apart: another incident */
    s.pub_year = 2013;
    CHECK(fabs(vg_cl_score(&d, &s, 1.0, 0, 0) - 0.5) < 1e-9);  /* a year apart, no UNDATED */
    s.pub_year = 0;
    s.years[s.n_years++] = 2008;
    CHECK(fabs(vg_cl_score(&d, &s, 1.0, 0, 0) - 0.25 * UNDATED) < 1e-9); /* the undated story names 2008 */
    CHECK(!vg_cl_doc_dated(&d));
    vg_cl_story fresh = {.first_day = -1, .last_day = -1, .n_dated = 0};
    vg_cl_story_add(&fresh, &d);
    CHECK_INT(fresh.n_dated, 0);
}

TEST(cluster_score_lacks_main_name)
{
    /* a story none of whose members names the report's main name: another incident of the
     * kind, when a date cannot tell; two dated sides are left to their dates */
    vg_cl_doc d;
    vg_cl_story s;
    blank_pair(&d, &s);
    CHECK(LACKS_NAME < 1.0);
    CHECK(fabs(vg_cl_score(&d, &s, 1.0, 0, 1) - 0.5 * LACKS_NAME) < 1e-9); /* both undated */
    s.pub_year = 2009;
    CHECK(fabs(vg_cl_score(&d, &s, 1.0, 0, 1) - 0.5 * UNDATED * LACKS_NAME) < 1e-9); /* the story dated */
    d.pub_year = 2009;
    CHECK(fabs(vg_cl_score(&d, &s, 1.0, 0, 1) - 0.5) < 1e-9); /* both dated: the dates decide */
    s.pub_year = 0;
    CHECK(fabs(vg_cl_score(&d, &s, 1.0, 0, 1) - 0.5 * UNDATED * LACKS_NAME) < 1e-9); /* the report dated */
    CHECK(fabs(vg_cl_score(&d, &s, 1.0, 0, 0) - 0.5 * UNDATED) < 1e-9);
}

/* The features of a plain text with no publication date, analysed. */
static vg_status text_features(vg_env *env, vg_doc *d, const char *text, vg_cl_doc *f)
{
    vg_input in = vg_test_text_input("en", text);
    vg_status st = vg_doc_load(d, &in);
    if (st == VG_OK) st = vg_doc_analyze(d);
    return st == VG_OK ? vg_cl_extract(d, f) : st;
    (void)env;
}

/* The resources and a document to analyse texts with; *d NULL on failure. */
static int open_text_doc(vg_env **env, vg_doc **d)
{
    char err[256];
    *d = NULL;
    if (vg_env_open(vg_test_data_dir(), env, err, sizeof err) != VG_OK) return 0;
    if (vg_doc_create(*env, d) == VG_OK) return 1;
    vg_env_close(*env);
    *d = NULL;
    return 0;
}

TEST(cluster_own_year_from_text)
{
    vg_env *env;
    vg_doc *d;
    CHECK(open_text_doc(&env, &d));
    if (!d) return;
    vg_cl_doc f;
    /* the first full date the text names dates it */
    CHECK(text_features(env, d, "Harbour workers walked out\n\nOn March 3, 2011 the dockers of the port stopped work "
                                "over pay. The union said on Friday that talks would resume.\n", &f) == VG_OK);
    CHECK_INT(f.own_year, 2011);
    CHECK_INT(f.pub_year, 0);
    CHECK(!vg_cl_doc_dated(&f));
    /* a later year named: that date is the background's */
    CHECK(text_features(env, d, "Harbour workers walked out\n\nThe strike recalls the one of March 3, 2011. Dockers "
                                "stopped work again in 2015 over pay, the union said.\n", &f) == VG_OK);
    CHECK_INT(f.own_year, 0);
    /* no full date: nothing */
    CHECK(text_features(env, d, "Harbour workers walked out\n\nThe dockers of the port stopped work on Friday over "
                                "pay, the union said.\n", &f) == VG_OK);
    CHECK_INT(f.own_year, 0);
    vg_doc_free(d);
    vg_env_close(env);
}

TEST(cluster_main_name_of_text)
{
    vg_env *env;
    vg_doc *d;
    CHECK(open_text_doc(&env, &d));
    if (!d) return;
    vg_cl_doc f;
    /* the name written most inside sentences, three times or more */
    CHECK(text_features(env, d, "Harbour Report\n\nPolice stopped the driver Tomas Varek on a bridge. Officers said "
                                "Varek was speeding. The lawyer of Varek said he would appeal, and the club of Ostrava "
                                "said nothing.\n", &f) == VG_OK);
    int64_t varek = f.main_name;
    CHECK(varek != 0);
    /* another text about the same man names him the same way */
    CHECK(text_features(env, d, "Driver held\n\nA court heard that Tomas Varek had drunk. The judge fined Varek, "
                                "and Varek paid.\n", &f) == VG_OK);
    CHECK(f.main_name == varek);
    /* another man: another name */
    CHECK(text_features(env, d, "Driver held\n\nA court heard that Pavel Stibor had drunk. The judge fined Stibor, "
                                "and Stibor paid.\n", &f) == VG_OK);
    CHECK(f.main_name != 0 && f.main_name != varek);
    /* twice only, or two names as often: no main name (the title's words do not count) */
    CHECK(text_features(env, d, "Varek Varek Varek\n\nA court heard that Tomas Varek had drunk. The judge fined "
                                "Varek.\n", &f) == VG_OK);
    CHECK(f.main_name == 0);
    CHECK(text_features(env, d, "Driver held\n\nThe judge fined Varek and Stibor. Later Varek and Stibor paid, "
                                "and Varek and Stibor left.\n", &f) == VG_OK);
    CHECK(f.main_name == 0);
    vg_doc_free(d);
    vg_env_close(env);
}

typedef struct story_rows { int n; char doc[16][32]; long story[16]; long dup[16]; } story_rows;
static int collect(const vg_row *r, void *ud)
{
    story_rows *c = ud;
    if (c->n >= 16) return 1;
    for (size_t i = 0; i < r->n; i++) {
        const char *v = r->values[i];
        if (!strcmp(r->names[i], "doc")) snprintf(c->doc[c->n], 32, "%s", v ? v : "");
        if (!strcmp(r->names[i], "story")) c->story[c->n] = v ? atol(v) : 0;
        if (!strcmp(r->names[i], "dup_of")) c->dup[c->n] = v ? atol(v) : 0;
    }
    c->n++;
    return 0;
}

static long story_of(const story_rows *r, const char *doc, long *dup)
{
    for (int i = 0; i < r->n; i++)
        if (!strcmp(r->doc[i], doc)) { if (dup) *dup = r->dup[i]; return r->story[i]; }
    return -1;
}

/* A database file of this test run under $TMPDIR, removed first. */
static void temp_db_path(char *path, size_t n, const char *tag)
{
    const char *t = getenv("TMPDIR");
    snprintf(path, n, "%s/vg-test-%d-%s.db", t && *t ? t : "/tmp", (int)getpid(), tag);
    unlink(path);
}

/* The database file and its WAL and shared-memory files. */
static void remove_db(const char *path)
{
    char side[600];
    unlink(path);
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
}

TEST(cluster_stories_through_the_store)
{
    char path[512];
    temp_db_path(path, sizeof path, "stories");
    vg_db *db = NULL;
    CHECK(vg_db_open(path, 0, &db) == VG_OK);
    if (!db) return;
    static const char *const docs[][3] = {
        {"quake1", "A magnitude 6.1 earthquake struck Manokwari in West Papua on Sunday, killing five people. "
                   "Rescue workers in Manokwari searched collapsed buildings as aftershocks shook the Papua coast. "
                   "The Geological Survey said the Manokwari quake was shallow.", "2009-01-04"},
        {"other", "The city council of Lyon voted a new budget for schools and libraries on Tuesday. "
                  "Teachers in Lyon welcomed the budget, which adds funds for libraries and school repairs.", "2009-01-05"},
        {"quake2", "Five people died when a strong earthquake hit Manokwari, West Papua, on Sunday. "
                   "In Manokwari, rescue teams searched the rubble of buildings while aftershocks rattled Papua. "
                   "Officials said the Manokwari earthquake was shallow and strong.", "2009-01-04"},
        {"quake1-copy", "Breaking news\nA magnitude 6.1 earthquake struck Manokwari in West Papua on Sunday, killing five people. "
                        "Rescue workers in Manokwari searched collapsed buildings as aftershocks shook the Papua coast. "
                        "The Geological Survey said the Manokwari quake was shallow.\nShare this", "2009-01-04"},
        {"quake3", "A magnitude 6.1 earthquake struck Aceh in Sumatra, killing three people in 2013. "
                   "Rescue workers in Aceh searched collapsed buildings as aftershocks shook Sumatra. "
                   "The Geological Survey said the Aceh quake was shallow.", "2013-07-02"},
    };
    vg_doc *d = mkdoc();
    vg_put_result res[5];
    for (int i = 0; i < 5; i++) {
        fill(d, docs[i][0], docs[i][1], docs[i][2]);
        CHECK(vg_db_put(db, d, &res[i]) == VG_OK);
    }
    CHECK(res[0] == VG_PUT_STORED);
    CHECK(res[3] == VG_PUT_DUPLICATE);
    CHECK(res[4] == VG_PUT_STORED);
    CHECK(vg_db_commit(db) == VG_OK);
    story_rows r = {0};
    vg_query q = {0};
    CHECK(vg_db_stories(db, &q, collect, &r) == VG_OK);
    CHECK_INT(r.n, 5);
    long dup = 0;
    long s1 = story_of(&r, "quake1", NULL), s2 = story_of(&r, "quake2", NULL);
    long sc = story_of(&r, "quake1-copy", &dup), s3 = story_of(&r, "quake3", NULL);
    long so = story_of(&r, "other", NULL);
    CHECK(s1 > 0 && s1 == s2);   /* same event, other words */
    CHECK(sc == s1 && dup > 0);  /* the copy: its original's story, dup_of set */
    CHECK(s3 > 0 && s3 != s1);   /* same kind of event, other place and year */
    CHECK(so > 0 && so != s1 && so != s3);
    char id[32];
    snprintf(id, sizeof id, "%ld", s1);
    const char *json;
    size_t len;
    CHECK(vg_db_story_json(db, id, &json, &len) == VG_OK);
    CHECK(strstr(json, "\"articles\":3") != NULL);
    CHECK(strstr(json, "\"duplicates\":1") != NULL);
    CHECK(strstr(json, "\"first_report\":\"2009-01-04\"") != NULL);
    CHECK(vg_db_story_json(db, "999999", &json, &len) == VG_ERR_NOT_FOUND);
    CHECK(vg_db_story_json(db, "x", &json, &len) == VG_ERR_NOT_FOUND);
    free_doc(d);
    vg_db_close(db);
    remove_db(path);
}

/* Store n undated documents {id, text} through d, commit, and read every article's story into r. */
static vg_status put_undated(vg_db *db, vg_doc *d, const char *const docs[][2], int n, story_rows *r)
{
    vg_status st = VG_OK;
    for (int i = 0; i < n && st == VG_OK; i++) {
        vg_put_result res;
        fill(d, docs[i][0], docs[i][1], NULL);
        st = vg_db_put(db, d, &res);
    }
    if (st == VG_OK) st = vg_db_commit(db);
    vg_query q = {0};
    return st == VG_OK ? vg_db_stories(db, &q, collect, r) : st;
}

/* One commit per article (a stream): the recent articles are looked at
 * again at the next commits, and moving them keeps each story whole. */
TEST(cluster_stories_settle_across_commits)
{
    char path[512];
    temp_db_path(path, sizeof path, "settle");
    vg_db *db = NULL;
    CHECK(vg_db_open(path, 0, &db) == VG_OK);
    if (!db) return;
    vg_db_set_batch(db, 1);
    static const char *const docs[][2] = {
        {"papua1", "A magnitude 6.1 earthquake struck Manokwari in West Papua on Sunday, killing five people. "
                   "Rescue workers in Manokwari searched collapsed buildings as aftershocks shook the Papua coast."},
        {"aceh1", "A magnitude 6.1 earthquake struck Aceh in Sumatra, killing three people in 2013. "
                  "Rescue workers in Aceh searched collapsed buildings as aftershocks shook Sumatra."},
        {"papua2", "Five people died when a strong earthquake hit Manokwari, West Papua, in January 2009. "
                   "In Manokwari, rescue teams searched the rubble while aftershocks rattled Papua."},
        {"aceh2", "Three people died when a strong earthquake hit Aceh province in Sumatra on Tuesday, July 2, 2013. "
                  "In Aceh, rescue teams searched the rubble while aftershocks rattled Sumatra."},
        {"papua3", "Aftershocks rattled Manokwari in West Papua a day after the earthquake that killed five in 2009. "
                   "Rescue workers in Manokwari searched buildings."},
    };
    vg_doc *d = mkdoc();
    story_rows r = {0};
    CHECK(put_undated(db, d, docs, 5, &r) == VG_OK);
    CHECK_INT(r.n, 5);
    long p1 = story_of(&r, "papua1", NULL), p2 = story_of(&r, "papua2", NULL), p3 = story_of(&r, "papua3", NULL);
    long a1 = story_of(&r, "aceh1", NULL), a2 = story_of(&r, "aceh2", NULL);
    CHECK(p1 > 0 && p1 == p2 && p2 == p3);
    CHECK(a1 > 0 && a1 == a2 && a1 != p1);
    /* the story's own count agrees with its articles after the moves */
    char id[32];
    const char *json;
    size_t len;
    snprintf(id, sizeof id, "%ld", p1);
    json = NULL;
    CHECK(vg_db_story_json(db, id, &json, &len) == VG_OK);
    CHECK(json && strstr(json, "\"articles\":3") != NULL);
    free_doc(d);
    vg_db_close(db);
    remove_db(path);
}

/* Two undated arrests of one kind, of two men: the second man's report, about a man
 * another story names, joins no story whose members never name him (LACKS_NAME), however
 * alike the words of the kind. */
TEST(cluster_stories_told_apart_by_main_name)
{
    char path[512];
    temp_db_path(path, sizeof path, "names");
    vg_db *db = NULL;
    CHECK(vg_db_open(path, 0, &db) == VG_OK);
    if (!db) return;
    static const char *const docs[][2] = {
        {"stibor0", "The home side won the derby by three goals to one on Saturday before a crowd of forty "
                    "thousand, with Stibor watching from the stands after his transfer."},
        {"varek1", "Police arrested the striker Tomas Varek on suspicion of drunk driving after a late night out. "
                   "Officers stopped Varek on the highway near the stadium. The club said Varek would miss training "
                   "while the team reviews the arrest."},
        {"varek2", "The striker Tomas Varek was arrested on suspicion of drunk driving near the stadium, police said. "
                   "Varek was released on bail. The team said Varek would miss training."},
        {"stibor1", "The defender Pavel Stibor was arrested on suspicion of drunk driving, police said. Officers "
                    "stopped Stibor at a checkpoint downtown. The team said Stibor would miss training."},
    };
    vg_doc *d = mkdoc();
    story_rows r = {0};
    CHECK(put_undated(db, d, docs, 4, &r) == VG_OK);
    long v1 = story_of(&r, "varek1", NULL), v2 = story_of(&r, "varek2", NULL), s1 = story_of(&r, "stibor1", NULL);
    CHECK(v1 > 0 && v1 == v2);
    CHECK(s1 > 0 && s1 != v1);
    free_doc(d);
    vg_db_close(db);
    remove_db(path);
}

TEST(cluster_dfmap_counts_and_grows)
{
    vg_cl_dfmap *m = vg_cl_dfmap_new();
    CHECK(m != NULL);
    for (int64_t t = 0; t < 5000; t++) CHECK(vg_cl_dfmap_put(m, t * 7919, (uint32_t)t) != NULL);
    CHECK(vg_cl_dfmap_count(m) == 5000);
    vg_cl_dfent *e = vg_cl_dfmap_get(m, 42 * 7919);
    CHECK(e && e->n == 42 && !e->dirty);
    CHECK(vg_cl_dfmap_get(m, 3) == NULL);
    size_t pos = 0, n = 0;
    while (vg_cl_dfmap_next(m, &pos)) n++;
    CHECK(n == 5000);
    vg_cl_dfmap_clear(m);
    CHECK(vg_cl_dfmap_count(m) == 0 && vg_cl_dfmap_get(m, 42 * 7919) == NULL);
    vg_cl_dfmap_free(m);
}

TEST(cluster_postings_keep_the_newest)
{
    vg_cl_postings *m = vg_cl_postings_new();
    CHECK(m != NULL);
    vg_cl_plist *l = vg_cl_postings_add(m, 99);
    CHECK(l != NULL);
    /* loaded newest first, one past the top is refused */
    for (int64_t s = 200; s > 200 - VG_CL_POSTINGS_TOP - 1; s--) CHECK(vg_cl_plist_append(m, l, s, 1.0) == 0);
    CHECK(l->n == VG_CL_POSTINGS_TOP);
    CHECK(vg_cl_postings_entries(m) == VG_CL_POSTINGS_TOP);
    vg_cl_post ev;
    CHECK(vg_cl_plist_insert(m, l, 300, 2.0, &ev) == 1); /* newer than all: oldest leaves */
    CHECK(ev.story == 200 - VG_CL_POSTINGS_TOP + 1 && !ev.dirty);
    CHECK(l->p[0].story == 300 && l->p[0].dirty && l->n == VG_CL_POSTINGS_TOP);
    CHECK(vg_cl_plist_find(l, 150) > 0 && vg_cl_plist_find(l, 1) == -1);
    for (uint32_t i = 1; i < l->n; i++) CHECK(l->p[i - 1].story > l->p[i].story);
    for (int64_t t = 0; t < 3000; t++) CHECK(vg_cl_postings_add(m, 1000 + t) != NULL); /* grows */
    l = vg_cl_postings_get(m, 99);
    CHECK(l && l->p[0].story == 300);
    vg_cl_postings_clear(m);
    CHECK(vg_cl_postings_get(m, 99) == NULL && vg_cl_postings_entries(m) == 0);
    vg_cl_postings_free(m);
}

/* Stories of 12 generated articles (4 events told 3 times) put with one
 * transaction per article, or in one batch, or across a close and reopen:
 * the state kept in memory between puts must give the same stories. */
static void put_series(const char *path, unsigned batch, int reopen_at, story_rows *r)
{
    static const char *const place[] = {"Manokwari", "Kandahar", "Timbuktu", "Mosul"};
    static const char *const what[] = {"earthquake", "bombing", "flood", "shooting"};
    remove_db(path);
    vg_db *db = NULL;
    CHECK(vg_db_open(path, 0, &db) == VG_OK);
    if (!db) return;
    vg_db_set_batch(db, batch);
    vg_doc *d = mkdoc();
    char id[32], text[600], day[48];
    for (int i = 0; i < 12; i++) {
        if (i == reopen_at) {
            vg_db_close(db);
            CHECK(vg_db_open(path, 0, &db) == VG_OK);
            if (!db) break;
            vg_db_set_batch(db, batch);
        }
        int e = i % 4, v = i / 4;
        snprintf(id, sizeof id, "a%d", i);
        snprintf(day, sizeof day, "201%d-0%d-1%d", e, e + 1, v);
        snprintf(text, sizeof text,
                 "%s %s in %s: report %d. The %s in %s left %d people dead, officials in %s said, "
                 "and rescuers in %s searched the area after the %s for a %s day.",
                 v == 0 ? "A deadly" : v == 1 ? "Strong" : "Major", what[e], place[e], v, what[e], place[e], e + 3,
                 place[e], place[e], what[e], v == 2 ? "second" : "first");
        fill(d, id, text, day);
        vg_put_result res;
        CHECK(vg_db_put(db, d, &res) == VG_OK);
    }
    free_doc(d);
    if (db) {
        CHECK(vg_db_commit(db) == VG_OK);
        vg_query q = {0};
        memset(r, 0, sizeof *r);
        CHECK(vg_db_stories(db, &q, collect, r) == VG_OK);
    }
    vg_db_close(db);
    remove_db(path);
}

TEST(cluster_state_in_memory_same_stories)
{
    char path[512];
    temp_db_path(path, sizeof path, "mem");
    story_rows a, b, c;
    put_series(path, 1, -1, &a);
    put_series(path, 1000, -1, &b);
    put_series(path, 5, 7, &c);
    CHECK_INT(a.n, 12);
    CHECK_INT(b.n, 12);
    CHECK_INT(c.n, 12);
    for (int i = 0; i < a.n; i++) {
        CHECK(story_of(&b, a.doc[i], NULL) == a.story[i]);
        CHECK(story_of(&c, a.doc[i], NULL) == a.story[i]);
    }
    /* the three accounts of each event share a story, the four events stay apart */
    for (int i = 0; i < 12; i++) {
        char x[16], y[16];
        snprintf(x, sizeof x, "a%d", i);
        snprintf(y, sizeof y, "a%d", i % 4);
        CHECK(story_of(&a, x, NULL) == story_of(&a, y, NULL));
    }
    CHECK(story_of(&a, "a0", NULL) != story_of(&a, "a1", NULL));
}

/* Stories of the named articles only: fillers (ids starting with 'f') are skipped. */
static int collect_named(const vg_row *r, void *ud)
{
    story_rows *c = ud;
    const char *doc = NULL, *story = NULL;
    for (size_t i = 0; i < r->n; i++) {
        if (!strcmp(r->names[i], "doc")) doc = r->values[i];
        if (!strcmp(r->names[i], "story")) story = r->values[i];
    }
    if (!doc || doc[0] == 'f' || c->n >= 16) return 0;
    snprintf(c->doc[c->n], 32, "%s", doc);
    c->story[c->n++] = story ? atol(story) : 0;
    return 0;
}

/* Fed two articles a commit (a feed, `vigie watch`): the first report of an
 * event joined the nearest story there was, an earlier event of the same
 * kind; its event's other reports come dozens of articles later, far past
 * the few commits a window of commits kept it for. The stories they start
 * or nearly join change, so it is looked at again and moves to them.
 * far_doc(i) is article i of that feed: 3 first, 40 unrelated, 3 later. */
enum { FAR_FIRST = 3, FAR_FILLERS = 40, FAR_DOCS = FAR_FIRST + FAR_FILLERS + 3 };
static void far_doc(int i, char id[32], char text[400])
{
    static const char *const named[][2] = {
        {"aceh1", "A magnitude 6.1 earthquake struck Aceh in Sumatra, killing three villagers in 2013. "
                  "Rescue workers in Aceh searched collapsed buildings as aftershocks shook Sumatra."},
        {"aceh2", "Three villagers died when an earthquake hit Aceh province in Sumatra in 2013. "
                  "In Aceh, soldiers dug through the debris of mosques and the army sent tents."},
        {"papua1", "A magnitude 6.1 earthquake struck Manokwari in West Papua on Sunday, killing five people. "
                   "Rescue workers in Manokwari searched collapsed buildings as aftershocks shook the Papua coast."},
        {"papua2", "Five died in Manokwari in January 2009. Manokwari hospitals on the "
                   "Papua coast treated the injured, and Manokwari officials counted the dead."},
        {"papua3", "Manokwari buried five people in 2009 after the tremor on the Papua coast. "
                   "Families in Manokwari, West Papua, mourned."},
        {"papua4", "On the Papua coast, Manokwari residents slept outside in January 2009; five people were "
                   "killed in Manokwari, West Papua."},
    };
    static const char *const filler_words[] = {"council", "budget", "school", "library", "teachers", "festival",
                                               "museum", "harbour", "orchestra", "tennis", "election", "bakery"};
    int f = i - FAR_FIRST;
    if (f < 0 || f >= FAR_FILLERS) {
        int k = f < 0 ? i : i - FAR_FILLERS;
        snprintf(id, 32, "%s", named[k][0]);
        snprintf(text, 400, "%s", named[k][1]);
        return;
    }
    snprintf(id, 32, "f%d", f);
    snprintf(text, 400, "The %s of Velm%dor met on Tuesday about the %s and the %s. "
                        "Residents of Velm%dor said the %s would open in spring, next to the %s.",
             filler_words[f % 12], f, filler_words[(f + 3) % 12], filler_words[(f + 7) % 12], f,
             filler_words[(f + 5) % 12], filler_words[(f + 9) % 12]);
}

/* What the feed must end with: each event whole, the two apart. */
static void check_far_stories(const story_rows *r)
{
    long a1 = story_of(r, "aceh1", NULL), a2 = story_of(r, "aceh2", NULL);
    long p1 = story_of(r, "papua1", NULL), p2 = story_of(r, "papua2", NULL);
    long p3 = story_of(r, "papua3", NULL), p4 = story_of(r, "papua4", NULL);
    CHECK(a1 > 0 && a1 == a2);
    CHECK(p2 > 0 && p2 == p3 && p3 == p4 && p2 != a1);
    CHECK(p1 == p2);
}

TEST(cluster_small_batches_see_far)
{
    char path[512];
    temp_db_path(path, sizeof path, "far");
    vg_db *db = NULL;
    CHECK(vg_db_open(path, 0, &db) == VG_OK);
    if (!db) return;
    vg_db_set_batch(db, 2);
    vg_doc *d = mkdoc();
    vg_put_result res;
    char id[32], text[400];
    for (int i = 0; i < FAR_DOCS; i++) {
        far_doc(i, id, text);
        fill(d, id, text, NULL);
        CHECK(vg_db_put(db, d, &res) == VG_OK);
        if (i != FAR_FIRST - 1) continue;
        CHECK(vg_db_commit(db) == VG_OK);
        story_rows r0 = {0};
        vg_query q0 = {0};
        CHECK(vg_db_stories(db, &q0, collect_named, &r0) == VG_OK);
        /* the premise: the first report joined the earlier quake's story */
        CHECK(story_of(&r0, "papua1", NULL) == story_of(&r0, "aceh1", NULL));
    }
    CHECK(vg_db_commit(db) == VG_OK);
    story_rows r = {0};
    vg_query q = {0};
    CHECK(vg_db_stories(db, &q, collect_named, &r) == VG_OK);
    CHECK_INT(r.n, 6);
    check_far_stories(&r);
    free_doc(d);
    vg_db_close(db);
    remove_db(path);
}

/* The same feed through lib/cluster's story interface over an in-memory
 * store (tests/unit/fake_store.c): the clustering needs no SQLite, ends
 * with the same stories, story for story, as the SQLite store, and keeps
 * each story's count and norm true to its members through the moves. */
TEST(cluster_stories_over_a_fake_store)
{
    fake_store *fs = fake_store_new();
    vg_cl_stories *c = fs ? vg_cl_stories_new(fake_store_ops(), fs) : NULL;
    CHECK(c != NULL);
    if (!c) { fake_store_free(fs); return; }
    vg_doc *d = mkdoc();
    char id[32], text[400];
    story_rows r = {0};
    for (int i = 0; i < FAR_DOCS; i++) {
        far_doc(i, id, text);
        fill(d, id, text, NULL);
        vg_cl_doc raw;
        CHECK(vg_cl_extract(d, &raw) == VG_OK);
        int64_t article = fake_store_article(fs, "en", 0);
        CHECK_INT(article, i + 1);
        CHECK(vg_cl_stories_put(c, &raw, "en", article, d->arena) == VG_OK);
        /* the store's commits below: every 2 puts, and one after the first three */
        int commit = i == 1 || (i >= FAR_FIRST - 1 && (i - (FAR_FIRST - 1)) % 2 == 0);
        if (commit) CHECK(vg_cl_stories_settle(c) == VG_OK);
        if (i == FAR_FIRST - 1) CHECK(fake_store_story_of(fs, 3) == fake_store_story_of(fs, 1)); /* the premise */
        if (id[0] == 'f') continue;
        snprintf(r.doc[r.n], 32, "%s", id);
        r.story[r.n++] = article;
    }
    CHECK(vg_cl_stories_settle(c) == VG_OK);
    for (int i = 0; i < r.n; i++) r.story[i] = (long)fake_store_story_of(fs, r.story[i]);
    check_far_stories(&r);
    /* story for story what the SQLite store gave (same article and story ids) */
    char path[512];
    temp_db_path(path, sizeof path, "fake");
    vg_db *db = NULL;
    CHECK(vg_db_open(path, 0, &db) == VG_OK);
    if (db) {
        vg_db_set_batch(db, 2);
        vg_put_result res;
        for (int i = 0; i < FAR_DOCS; i++) {
            far_doc(i, id, text);
            fill(d, id, text, NULL);
            CHECK(vg_db_put(db, d, &res) == VG_OK);
            if (i == FAR_FIRST - 1) CHECK(vg_db_commit(db) == VG_OK);
        }
        CHECK(vg_db_commit(db) == VG_OK);
        story_rows q_rows = {0};
        vg_query q = {0};
        CHECK(vg_db_stories(db, &q, collect_named, &q_rows) == VG_OK);
        CHECK_INT(q_rows.n, r.n);
        for (int i = 0; i < r.n; i++) CHECK_INT(story_of(&q_rows, r.doc[i], NULL), r.story[i]);
        vg_db_close(db);
        remove_db(path);
    }
    /* each story's count is its members, its norm the sum of its squared weights */
    for (int64_t s = 1; s <= fake_store_n_stories(fs); s++) {
        long members = 0;
        for (int64_t a = 1; a <= FAR_DOCS; a++) members += fake_store_story_of(fs, a) == s;
        const vg_cl_story *st = fake_store_story(fs, s);
        CHECK_INT(st->n_articles, members);
        double n2 = fake_store_norm2(fs, s);
        CHECK(fabs(st->norm2 - n2) <= 1e-9 * (n2 > 1 ? n2 : 1));
    }
    CHECK(fake_store_calls(fs, "assign_copies") > 0); /* papua1 moved, and its copies (none here) with it */
    vg_cl_stories_free(c);
    fake_store_free(fs);
    free_doc(d);
}

/* What vg_prepare makes ahead of a put (ingest: on the loading threads)
 * gives the stories a put makes for itself; a put weighs a copy of its
 * features in place (reordered, never recounted), so given to a second
 * put it gives that put the same stories. */
TEST(cluster_prepared_ahead_same_stories)
{
    char p0[512], p1[512], p2[512], *path[3] = {p0, p1, p2};
    vg_db *db[3] = {NULL, NULL, NULL};
    static const char *const tag[3] = {"prep-none", "prep-ahead", "prep-again"};
    for (int k = 0; k < 3; k++) {
        temp_db_path(path[k], sizeof p0, tag[k]);
        CHECK(vg_db_open(path[k], 0, &db[k]) == VG_OK);
        if (!db[k]) return;
    }
    vg_doc *d = mkdoc();
    char id[32], text[400];
    vg_put_result res;
    for (int i = 0; i < FAR_DOCS; i++) {
        far_doc(i, id, text);
        fill(d, id, text, NULL);
        CHECK(vg_db_put(db[0], d, &res) == VG_OK);
        vg_prepared *p = NULL;
        CHECK(vg_prepare(d, &p) == VG_OK && p != NULL);
        if (!p) continue;
        CHECK(vg_db_put_prepared(db[1], d, p, &res) == VG_OK);
        CHECK(vg_db_put_prepared(db[2], d, p, &res) == VG_OK);
    }
    story_rows r[3];
    for (int k = 0; k < 3; k++) {
        CHECK(vg_db_commit(db[k]) == VG_OK);
        vg_query q = {0};
        memset(&r[k], 0, sizeof r[k]);
        CHECK(vg_db_stories(db[k], &q, collect_named, &r[k]) == VG_OK);
        vg_db_close(db[k]);
        remove_db(path[k]);
    }
    CHECK_INT(r[0].n, 6);
    check_far_stories(&r[0]);
    for (int k = 1; k < 3; k++) {
        CHECK_INT(r[k].n, r[0].n);
        for (int i = 0; i < r[0].n; i++) CHECK_INT(story_of(&r[k], r[0].doc[i], NULL), r[0].story[i]);
    }
    free_doc(d);
}

/* A toy article of term ids (each counted once), put through the clustering. */
static int64_t toy_put(vg_cl_stories *c, fake_store *fs, vg_arena *a, const int *ids, size_t n, uint16_t year)
{
    vg_cl_doc raw;
    memset(&raw, 0, sizeof raw);
    raw.fatalities = -1;
    raw.pub_year = year;
    raw.terms = vg_arena_alloc(a, n * sizeof *raw.terms);
    if (!raw.terms) return 0;
    for (size_t i = 0; i < n; i++) raw.terms[i] = (vg_cl_term){ids[i], 1.0f, 0};
    raw.n = n;
    int64_t article = fake_store_article(fs, "en", 0);
    CHECK(vg_cl_stories_put(c, &raw, "en", article, a) == VG_OK);
    return article;
}

/* Two stories of one incident: b1 and b2 share four terms, a1 and a2 four
 * others, and a2 also three of b's (the report that tells what both
 * tell). Each member scores best in its own story, so no article moves;
 * the average link of a's story in b's is past the join threshold: the
 * second look makes them one (second_look.c, MERGE_LINK). The same four
 * with b's reports dated and a's not stay two: nothing places them in the
 * same time (UNDATED). */
static void stories_that_are_one(uint16_t b_year, int *one, int *b_whole, int *a_whole)
{
    fake_store *fs = fake_store_new();
    vg_cl_stories *c = fs ? vg_cl_stories_new(fake_store_ops(), fs) : NULL;
    vg_arena *a = vg_arena_new(0);
    CHECK(c && a);
    if (!c || !a) { vg_cl_stories_free(c); fake_store_free(fs); vg_arena_free(a); return; }
    for (int i = 0; i < 12; i++) { /* other news: a collection to weigh terms against */
        int other[3] = {1000 + 3 * i, 1001 + 3 * i, 1002 + 3 * i};
        toy_put(c, fs, a, other, 3, 0);
    }
    CHECK(vg_cl_stories_settle(c) == VG_OK);
    static const int b1[] = {1, 2, 3, 4, 20, 21}, b2[] = {1, 2, 3, 4, 22, 23};
    static const int a1[] = {10, 11, 12, 13, 30, 31}, a2[] = {10, 11, 12, 13, 1, 2, 3};
    int64_t ib1 = toy_put(c, fs, a, b1, 6, b_year), ib2 = toy_put(c, fs, a, b2, 6, b_year);
    int64_t ia1 = toy_put(c, fs, a, a1, 6, 0), ia2 = toy_put(c, fs, a, a2, 7, 0);
    CHECK(vg_cl_stories_settle(c) == VG_OK);
    *b_whole = fake_store_story_of(fs, ib1) == fake_store_story_of(fs, ib2);
    *a_whole = fake_store_story_of(fs, ia1) == fake_store_story_of(fs, ia2);
    *one = fake_store_story_of(fs, ib1) == fake_store_story_of(fs, ia1);
    vg_cl_stories_free(c);
    fake_store_free(fs);
    vg_arena_free(a);
}

TEST(cluster_stories_that_are_one_merge)
{
    int one = 0, b_whole = 0, a_whole = 0;
    stories_that_are_one(0, &one, &b_whole, &a_whole);
    CHECK(b_whole && a_whole);
    CHECK(one);
    stories_that_are_one(2009, &one, &b_whole, &a_whole);
    CHECK(b_whole && a_whole);
    CHECK(!one);
}

/* Reference frequencies (reference.h): a table parses, bad rows are refused with their line,
 * and the mix makes each term at least as common as its reference share (times the weight)
 * says among the collection's n + 1 documents, never less common than the collection says. */
TEST(cluster_reference_mix)
{
    const char *tsv = "# a comment\n@documents\t200\nthe\t200\nflood\t20\n";
    char err[256] = "";
    vg_cl_reference *r = NULL;
    CHECK_INT(vg_cl_reference_parse("ref", tsv, strlen(tsv), &r, err, sizeof err), VG_OK);
    CHECK(r != NULL);
    if (!r) return;
    CHECK_INT(vg_cl_reference_docs(r), 200);
    CHECK_INT(vg_cl_reference_df(r, vg_cl_word_id("flood", 5)), 20);
    CHECK_INT(vg_cl_reference_df(r, vg_cl_word_id("levee", 5)), 0);
    vg_cl_term t[3] = {{vg_cl_word_id("the", 3), 1, 0}, {vg_cl_word_id("flood", 5), 1, 0}, {vg_cl_word_id("levee", 5), 1, 0}};
    uint32_t df[3] = {3, 2, 1};
    double mdf[3], n = 0;
    vg_cl_reference_mix(r, 1.0, t, 3, df, 39, mdf, &n);
    CHECK(fabs(n - 39) < 1e-9);
    CHECK(fabs(mdf[0] - 40) < 1e-9); /* 40 * 200/200 above the collection's 3 */
    CHECK(fabs(mdf[1] - 4) < 1e-9);  /* 40 * 20/200 above 2 */
    CHECK(fabs(mdf[2] - 1) < 1e-9);  /* not in the reference: the collection's count */
    vg_cl_reference_mix(r, 0.5, t, 3, df, 39, mdf, &n);
    CHECK(fabs(mdf[0] - 20) < 1e-9 && fabs(mdf[1] - 2) < 1e-9);
    vg_cl_reference_mix(r, 0, t, 3, df, 39, mdf, &n);    /* no weight: the collection alone */
    CHECK(fabs(n - 39) < 1e-9 && fabs(mdf[0] - 3) < 1e-9);
    vg_cl_reference_mix(NULL, 1.0, t, 3, df, 39, mdf, &n); /* no reference: the same */
    CHECK(fabs(mdf[1] - 2) < 1e-9);
    vg_cl_reference_free(r);
    const char *bad[] = {"the\t3\n", "@documents\t10\nthe\t11\n", "@documents\t10\nthe\tmany\n", "# nothing\n"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        r = (vg_cl_reference *)1;
        CHECK(vg_cl_reference_parse("ref", bad[i], strlen(bad[i]), &r, err, sizeof err) != VG_OK);
        CHECK(r == NULL);
        CHECK(strstr(err, "ref:") != NULL);
    }
}

/* Index of a word's term in a weighed document, or -1. */
static long term_at(const vg_cl_doc *f, const char *word)
{
    int64_t id = vg_cl_word_id(word, strlen(word));
    for (size_t i = 0; i < f->n; i++)
        if (f->terms[i].id == id) return (long)i;
    return -1;
}

/* A one-sided collection: 40 short notices that never use "according". Read against it
 * alone, the word is as rare as a name the article alone gives ("levee"); with the shipped
 * reference (data/en/reference_df.tsv, where most news texts use it) it weighs far less. */
TEST(cluster_reference_weights_one_sided_collection)
{
    const vg_cl_reference *ref = vg_cl_reference_for(NULL, "en");
    CHECK(ref != NULL && vg_cl_reference_docs(ref) > 100);
    CHECK(vg_cl_reference_df(ref, vg_cl_word_id("according", 9)) > vg_cl_reference_docs(ref) / 3);
    CHECK_INT(vg_cl_reference_df(ref, vg_cl_word_id("levee", 5)), 0);
    fake_store *fs = fake_store_new();
    vg_cl_stories *c = fs ? vg_cl_stories_new(fake_store_ops(), fs) : NULL;
    CHECK(c != NULL);
    if (!c) { fake_store_free(fs); return; }
    vg_doc *d = mkdoc();
    char id[32], other[200];
    for (int i = 0; i < 40; i++) {
        snprintf(id, sizeof id, "notice%d", i);
        snprintf(other, sizeof other, "The %s of district %d will be held on Monday.",
                 i % 3 == 0 ? "council vote" : i % 3 == 1 ? "club match" : "board auction", i);
        fill(d, id, other, NULL);
        vg_cl_doc raw;
        CHECK(vg_cl_extract(d, &raw) == VG_OK);
        CHECK(vg_cl_stories_put(c, &raw, "en", fake_store_article(fs, "en", 0), d->arena) == VG_OK);
    }
    fill(d, "flood", "Heavy rain flooded the streets of Quillota, according to the mayor, and the water "
                     "broke through a levee.", NULL);
    vg_cl_doc raw;
    CHECK(vg_cl_extract(d, &raw) == VG_OK);
    CHECK(vg_cl_stories_put(c, &raw, "en", fake_store_article(fs, "en", 0), d->arena) == VG_OK);
    long acc = term_at(&raw, "according"), levee = term_at(&raw, "levee");
    CHECK(acc >= 0 && levee >= 0);
    if (acc >= 0 && levee >= 0) CHECK(raw.terms[acc].w < 0.5 * raw.terms[levee].w);
    vg_cl_stories_free(c);
    fake_store_free(fs);
    free_doc(d);
}

/* A reference table <dir>/xq/reference_df.tsv ("xq": a language code no data folder has) in which
 * "gale" is in `gale` of 10 documents; the folder's path in dir. */
static int ref_folder(char dir[64], int gale)
{
    snprintf(dir, 64, "%s/vg-ref-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(dir)) return 0;
    char path[128];
    snprintf(path, sizeof path, "%s/xq", dir);
    if (mkdir(path, 0700)) return 0;
    snprintf(path, sizeof path, "%s/xq/reference_df.tsv", dir);
    FILE *f = fopen(path, "w");
    if (!f) return 0;
    fprintf(f, "# a test reference\n@documents\t10\ngale\t%d\n", gale);
    return fclose(f) == 0;
}

static void ref_folder_rm(const char *dir)
{
    char path[128];
    snprintf(path, sizeof path, "%s/xq/reference_df.tsv", dir);
    unlink(path);
    snprintf(path, sizeof path, "%s/xq", dir);
    rmdir(path);
    rmdir(dir);
}

/* The weight of "gale" in one article of language xq after 30 others, in a collection whose
 * references are read from data_dir (NULL: the default folder). */
static double gale_weight(const char *data_dir)
{
    fake_store *fs = fake_store_new();
    vg_cl_stories *c = fs ? vg_cl_stories_new(fake_store_ops(), fs) : NULL;
    vg_doc *d = mkdoc();
    double w = -1;
    if (!c || !d || vg_cl_stories_set_data(c, data_dir) != VG_OK) goto out;
    char id[32], text[200];
    for (int i = 0; i < 31; i++) {
        snprintf(id, sizeof id, "xq%d", i);
        if (i < 30) snprintf(text, sizeof text, "The ferry of line %d leaves the harbour at noon.", i);
        else snprintf(text, sizeof text, "A gale closed the harbour of Quillota and the ferry stayed in port.");
        fill(d, id, text, NULL);
        vg_cl_doc raw;
        if (vg_cl_extract(d, &raw) != VG_OK ||
            vg_cl_stories_put(c, &raw, "xq", fake_store_article(fs, "xq", 0), d->arena) != VG_OK)
            goto out;
        long k = i == 30 ? term_at(&raw, "gale") : -1;
        if (k >= 0) w = raw.terms[k].w;
    }
out:
    vg_cl_stories_free(c);
    fake_store_free(fs);
    free_doc(d);
    return w;
}

/* Where references are read (reference.h): a data folder given (vg_env_open's, which documents
 * carry to the store) wins over $VIGIE_DATA, which wins over the compiled-in folder; and the
 * stories weigh with the folder they were given: a word the folder's reference lists in every
 * document weighs less than with a reference where it is rare, or none. */
TEST(cluster_reference_folder_layering)
{
    char given[64], envdir[64];
    CHECK(ref_folder(given, 10) && ref_folder(envdir, 1));
    const char *old = getenv("VIGIE_DATA");
    char *saved = old ? strdup(old) : NULL;
    CHECK(!strcmp(vg_cl_reference_dir(given), given));
    setenv("VIGIE_DATA", envdir, 1);
    CHECK(!strcmp(vg_cl_reference_dir(NULL), envdir));
    CHECK(!strcmp(vg_cl_reference_dir(given), given));
    const vg_cl_reference *g = vg_cl_reference_for(given, "xq"), *e = vg_cl_reference_for(NULL, "xq");
    CHECK(g != NULL && e != NULL && g != e);
    CHECK_INT(vg_cl_reference_df(g, vg_cl_word_id("gale", 4)), 10);
    CHECK_INT(vg_cl_reference_df(e, vg_cl_word_id("gale", 4)), 1);
    double w_given = gale_weight(given), w_env = gale_weight(NULL);
    unsetenv("VIGIE_DATA");
    CHECK(strcmp(vg_cl_reference_dir(NULL), envdir) != 0); /* the compiled-in folder */
    CHECK(vg_cl_reference_for(NULL, "xq") == NULL);
    CHECK(vg_cl_reference_for(NULL, "en") != NULL);
    double w_none = gale_weight(NULL);
    if (saved) setenv("VIGIE_DATA", saved, 1);
    free(saved);
    CHECK(w_given > 0 && w_env > 0 && w_none > 0);
    CHECK(w_given < 0.5 * w_env);
    CHECK(w_env <= w_none + 1e-9);
    ref_folder_rm(given);
    ref_folder_rm(envdir);
}

/* A document made with a vg_env carries the env's data folder, and the store it is put into
 * reads its story references there (vg_stories_data), a folder given to vg_env_open included. */
TEST(cluster_documents_carry_their_data_folder)
{
    vg_env *env;
    vg_doc *d;
    CHECK(open_text_doc(&env, &d));
    if (!d) return;
    CHECK(d->data_dir != NULL && !strcmp(d->data_dir, vg_test_data_dir()));
    char path[512];
    snprintf(path, sizeof path, "%s/vg-test-%d-refdir.db", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", (int)getpid());
    unlink(path);
    vg_db *db = NULL;
    CHECK_INT(vg_db_open(path, 0, &db), VG_OK);
    vg_input in = vg_test_text_input("en", "Dockers walked out\n\nThe dockers of the port stopped work over pay on "
                                           "Friday, the union said.\n");
    vg_put_result r;
    CHECK_INT(vg_doc_load(d, &in), VG_OK);
    CHECK_INT(vg_doc_analyze(d), VG_OK);
    CHECK_INT(vg_db_put(db, d, &r), VG_OK);
    CHECK(db && db->stories && db->stories->data_dir && !strcmp(db->stories->data_dir, vg_test_data_dir()));
    vg_db_close(db);
    unlink(path);
    vg_doc_free(d);
    vg_env_close(env);
}
