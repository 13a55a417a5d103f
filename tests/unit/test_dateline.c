/* test_dateline.c - plain text without metadata: the publication date comes from a dateline that
 * chrome removal set aside, and relative dates in the text resolve against it. */
#include <string.h>

#include "vigie.h"
#include "test.h"

static const char *published_of(vg_env *env, vg_doc *d, const char *text)
{
    (void)env;
    vg_input in = vg_test_text_input(NULL, text);
    if (vg_doc_load(d, &in) != VG_OK) return "(load failed)";
    const char *p = vg_doc_get(d, VG_F_PUBLISHED);
    return p ? p : "(none)";
}

#define BODY_FR "\n\nDes frappes aériennes ont visé hier des positions près d'Idleb, selon une ONG. " \
                "Trois civils ont été tués dans les bombardements, a indiqué l'OSDH.\n"
#define BODY_EN "\n\nRebels attacked an army post near Aleppo on Thursday, a monitoring group said. " \
                "Three soldiers were killed in the fighting, officials said.\n"

TEST(dateline_gives_publication_date)
{
    vg_env *env = NULL;
    char err[256];
    if (vg_env_open(vg_test_data_dir(), &env, err, sizeof err) != VG_OK) { CHECK(env != NULL); return; }
    vg_doc *d;
    CHECK(vg_doc_create(env, &d) == VG_OK);
    CHECK_STR(published_of(env, d, "Publié le 22/10/2024 à 10:15" BODY_FR), "2024-10-22T10:15");
    CHECK_STR(published_of(env, d, "Mis à jour le 8 novembre 2023 à 10h05" BODY_FR), "2023-11-08");
    CHECK_STR(published_of(env, d, "Updated: May 9, 2020 10:42 GMT" BODY_EN), "2020-05-09T10:42");
    CHECK_STR(published_of(env, d, "Published 2021-03-04 08:00" BODY_EN), "2021-03-04T08:00");
    /* Day-first or month-first cannot be told apart on an English page: no date rather than a wrong one. */
    CHECK_STR(published_of(env, d, "Posted on 05/09/2020" BODY_EN), "(none)");
    CHECK_STR(published_of(env, d, "Posted on 25/09/2020" BODY_EN), "2020-09-25");
    /* An impossible day is not a date. */
    CHECK_STR(published_of(env, d, "Publié le 31/02/2024" BODY_FR), "(none)");
    /* Relative dates in the text resolve against it: "on Thursday" before Saturday 9 May 2020. */
    published_of(env, d, "Updated: May 9, 2020 10:42 GMT" BODY_EN);
    CHECK(vg_doc_analyze(d) == VG_OK);
    const char *json;
    size_t len;
    CHECK(vg_doc_json(d, VG_JSON_EVENTS, &json, &len) == VG_OK);
    CHECK(json && strstr(json, "\"event_date\":\"2020-05-07\"") != NULL);
    vg_doc_free(d);
    vg_env_close(env);
}

/* The first event's date of a document as JSON text ("" when none). */
static const char *first_event_date(vg_doc *d, const char *text, const char *lang, char out[16])
{
    return vg_test_json_string(vg_test_events_json(d, lang, text), "event_date", out, 11);
}

TEST(dateline_forms_and_bylines)
{
    vg_env *env = NULL;
    char err[256], day[16];
    if (vg_env_open(vg_test_data_dir(), &env, err, sizeof err) != VG_OK) { CHECK(env != NULL); return; }
    vg_doc *d;
    CHECK(vg_doc_create(env, &d) == VG_OK);
    /* an abbreviated month with its period, in capitals */
    CHECK_STR(published_of(env, d, "MAR. 14, 2013, 8: 12 PM" BODY_EN), "2013-03-14T20:12");
    /* a weekday and a comma before the date */
    CHECK_STR(published_of(env, d, "Published: Monday, March 11, 2013" BODY_EN), "2013-03-11");
    /* plain text whose dateline the reader took into the title: a date closing or opening it */
    CHECK_STR(published_of(env, d, "Sudan bombs a refugee camp in South Sudan on Nov 10, 2011" BODY_EN), "2011-11-10");
    CHECK_STR(published_of(env, d, "21 October 2014 Last updated at 09: 17 GMT" BODY_EN), "2014-10-21");
    /* a date inside a title is the story's */
    CHECK_STR(published_of(env, d, "Athens recalls the Nov 17, 1973 uprising with a march" BODY_EN), "(none)");
    /* a byline opening the text: the year, month and day it gives */
    CHECK_STR(first_event_date(d, "22 juin 2012. - Des frappes aériennes russes ont visé hier des positions rebelles "
                                  "près d'Idleb, en Syrie, tuant trois civils et blessant dix combattants, selon "
                                  "l'Observatoire syrien des droits de l'homme.\n", "fr", day), "2012-06-21");
    /* no year written: what is known, the month and the day */
    CHECK_STR(first_event_date(d, "ATHENS, May 5 (Reuters) - Rioters clashed with police yesterday in central "
                                  "Athens, police said.\n", "en", day), "XXXX-05-04");
    /* a date inside the first sentence, with no dash after it, is no dateline */
    CHECK_STR(first_event_date(d, "Rioters clashed with police on May 5 in central Athens and again yesterday, "
                                  "police said.\n", "en", day), "XXXX-05-05");
    vg_doc_free(d);
    vg_env_close(env);
}

/* A riot's day is not the day of the killing that set it off, named right after it
 * ("Hollis, who was shot dead by police Saturday, ..."): the riot takes the
 * publication day it is reported on, as nothing else dates it. */
TEST(dateline_crowd_not_dated_by_its_cause)
{
    vg_env *env = NULL;
    char err[256], day[16];
    if (vg_env_open(vg_test_data_dir(), &env, err, sizeof err) != VG_OK) { CHECK(env != NULL); return; }
    vg_doc *d;
    CHECK(vg_doc_create(env, &d) == VG_OK);
    CHECK_STR(first_event_date(d, "Published: Monday, March 11, 2013\n\nA vigil for Dwayne Hollis, who was shot "
                                  "dead by police Saturday, turned into a riot as mourners threw bottles at "
                                  "officers in Bristol.\n", "en", day), "2013-03-11");
    /* the crowd's own clash keeps its day */
    CHECK_STR(first_event_date(d, "Published: Monday, March 11, 2013\n\nRioters clashed with police on Saturday "
                                  "in Bristol, throwing bottles at officers.\n", "en", day), "2013-03-09");
    vg_doc_free(d);
    vg_env_close(env);
}

/* A dateline's time of day is kept with its date; "tonight" and "today" in a piece published
 * in the small hours are the evening before ("Published time: March 12, 2013 02: 03"), and
 * "yesterday" is not moved by it. A URL's ISO date spaced out ("/ 2012 - 04 - 23 /") dates
 * the page too. */
TEST(dateline_time_of_day)
{
    vg_env *env = NULL;
    char err[256], day[16];
    if (vg_env_open(vg_test_data_dir(), &env, err, sizeof err) != VG_OK) { CHECK(env != NULL); return; }
    vg_doc *d;
    CHECK(vg_doc_create(env, &d) == VG_OK);
    CHECK_STR(published_of(env, d, "Published time: March 12, 2013 02: 03" BODY_EN), "2013-03-12T02:03");
    CHECK_STR(published_of(env, d, "PUBLISHED: 01: 47 GMT, 9 April 2014 | UPDATED: 23: 05 GMT, 9 April 2014" BODY_EN),
              "2014-04-09T01:47");
    CHECK_STR(published_of(env, d, "Thu Nov 10, 2011 3: 00pm EST" BODY_EN), "2011-11-10T15:00");
    CHECK_STR(published_of(env, d, "THURSDAY, APRIL 11, 2013, 12: 12 AM" BODY_EN), "2013-04-11T00:12");
    CHECK_STR(published_of(env, d, "Aug. 05, 2013 | 2: 47 p. m." BODY_EN), "2013-08-05T14:47");
    CHECK_STR(published_of(env, d, "http: / / example. com / world / 2012 - 04 - 23 / chad - unrest / 7731 / 2" BODY_EN),
              "2012-04-23");
    CHECK_STR(first_event_date(d, "Published time: March 12, 2013 02: 03\n\nA vigil for Dwayne Hollis turned into a "
                                  "riot tonight as mourners threw bottles at officers in Bristol.\n", "en", day),
              "2013-03-11");
    CHECK_STR(first_event_date(d, "Published time: March 12, 2013 14: 03\n\nA vigil for Dwayne Hollis turned into a "
                                  "riot tonight as mourners threw bottles at officers in Bristol.\n", "en", day),
              "2013-03-12");
    CHECK_STR(first_event_date(d, "Published time: March 12, 2013 02: 03 PM\n\nA vigil for Dwayne Hollis turned into a "
                                  "riot tonight as mourners threw bottles at officers in Bristol.\n", "en", day),
              "2013-03-12");
    CHECK_STR(first_event_date(d, "Published time: March 12, 2013 02: 03\n\nA vigil for Dwayne Hollis turned into a "
                                  "riot yesterday as mourners threw bottles at officers in Bristol.\n", "en", day),
              "2013-03-11");
    vg_doc_free(d);
    vg_env_close(env);
}

/* A weekday bound to a statement ("on Friday strongly condemned", "said Friday that") is the
 * statement's day, not the event's; "Friday's attack" is the attack's. */
TEST(dateline_statement_day_is_not_the_event_day)
{
    vg_env *env = NULL;
    char err[256], day[16];
    if (vg_env_open(vg_test_data_dir(), &env, err, sizeof err) != VG_OK) { CHECK(env != NULL); return; }
    vg_doc *d;
    CHECK(vg_doc_create(env, &d) == VG_OK);
    CHECK_STR(first_event_date(d, "Published: Friday, November 11, 2011\n\nThe Red Cross on Friday strongly "
                                  "condemned the shelling of a clinic in Kadugli, Sudan.\nThe clinic was "
                                  "shelled on Thursday, officials said.\n", "en", day), "2011-11-10");
    CHECK_STR(first_event_date(d, "Published: Friday, November 11, 2011\n\nThe army said Friday that rebels attacked "
                                  "a checkpoint near Aleppo on Thursday.\n", "en", day), "2011-11-10");
    CHECK_STR(first_event_date(d, "Published: Saturday, November 12, 2011\n\nPolice said Friday's attack on a "
                                  "checkpoint near Aleppo killed two soldiers.\n", "en", day), "2011-11-11");
    vg_doc_free(d);
    vg_env_close(env);
}
