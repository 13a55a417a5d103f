/* test_roles.c - who acted on whom: the state whose weapon is named, the agent of a passive
 * verb of violence (not of any participle), and the arrested party as actor2. */
#include <stdio.h>
#include <string.h>

#include "vigie.h"
#include "../../lib/doc/doc.h"
#include "test.h"

/* The main event's actor1 / actor2 / iso ("" when none) of text in lang. */
static void actors_of(vg_env *env, const char *lang, const char *text, char *a1, char *a2, char *iso, size_t cap)
{
    a1[0] = a2[0] = iso[0] = 0;
    vg_doc *d;
    if (vg_doc_create(env, &d) != VG_OK) return;
    vg_input in = vg_test_text_input(lang, text);
    if (vg_doc_load(d, &in) == VG_OK && vg_doc_analyze(d) == VG_OK && d->n_events) {
        const vg_event *m = &d->events[0];
        for (size_t i = 1; i < d->n_events; i++)
            if (d->events[i].confidence > m->confidence) m = &d->events[i];
        snprintf(a1, cap, "%s", m->actor1 ? m->actor1 : "");
        snprintf(a2, cap, "%s", m->actor2 ? m->actor2 : "");
        snprintf(iso, cap, "%s", m->iso ? m->iso : "");
    }
    vg_doc_free(d);
}

TEST(roles_named_attacker_agent_and_arrested)
{
    vg_env *env = NULL;
    char err[256], a1[128], a2[128], iso[8];
    if (vg_env_open(vg_test_data_dir(), &env, err, sizeof err) != VG_OK) { CHECK(env != NULL); return; }
    /* "frappes aériennes russes": Russia's forces, not an unidentified group */
    actors_of(env, "fr", "Selon lui, des frappes aériennes russes ont été menées jeudi dans la région de Boukamal, "
                         "en Syrie.\n", a1, a2, iso, sizeof a1);
    if (!strcmp(iso, "SY")) CHECK(strstr(a1, "Russia") != NULL); /* the country needs the gazetteer */
    CHECK(strstr(a1, "Unidentified") == NULL);
    /* a participle describing the town ("contrôlée par Daech depuis 2014") makes no agent */
    actors_of(env, "fr", "L'armée syrienne a repris jeudi le contrôle de la ville de Tall Abyad, contrôlée par l'Etat "
                         "islamique depuis 2015.\n", a1, a2, iso, sizeof a1);
    CHECK(strstr(a1, "Military Forces") != NULL);
    /* the agent of a passive verb of violence acts, even some words after it */
    actors_of(env, "en", "On 5 May 2020, an IED planted in a military vehicle by Islamic State militants exploded "
                         "near the town.\n", a1, a2, iso, sizeof a1);
    CHECK_STR(a1, "Islamic State");
    /* a victim through an apposition is not who did it */
    actors_of(env, "en", "On 4 May 2020, two soldiers, one of them an officer, were killed in an air raid on their "
                         "checkpoint outside the town.\n", a1, a2, iso, sizeof a1);
    CHECK(strncmp(a1, "Military Forces", 15) != 0 && strncmp(a2, "Military Forces", 15) == 0);
    /* the party said to be arrested is actor2, the police actor1 */
    actors_of(env, "fr", "Au moins deux djihadistes ont été arrêtés lundi à Idleb, en Syrie.\n", a1, a2, iso, sizeof a1);
    CHECK(strncmp(a1, "Police Forces", 13) == 0);
    CHECK(a2[0] != 0);
    /* a party that arrests others stays actor1 */
    actors_of(env, "en", "On 4 May 2020, the Islamic State arrested two civilians in the town of Amra.\n", a1, a2, iso,
              sizeof a1);
    CHECK_STR(a1, "Islamic State");
    vg_env_close(env);
}

/* A base or a post attacked stands for its garrison: state forces are actor2. */
TEST(roles_attacked_base_is_its_garrison)
{
    vg_env *env = NULL;
    char err[256], a1[128], a2[128], iso[16];
    if (vg_env_open(vg_test_data_dir(), &env, err, sizeof err) != VG_OK) { CHECK(env != NULL); return; }
    actors_of(env, "fr", "Des jihadistes ont attaqué jeudi une base militaire près de Ménaka, faisant 20 morts.\n", a1, a2,
              iso, sizeof a1);
    CHECK_STR(a2, "Military Forces of Mali");
    vg_env_close(env);
}

/* An air strike whose sentence names only its victims (or reads the strike itself as the event
 * country's forces): the aircraft's owner the next sentence names, telling the strike too, did
 * it ("Les avions du régime syrien ...", "Russian jets bombed ..."), not an unidentified group. */
TEST(roles_air_attacker_named_in_next_sentence)
{
    vg_env *env = NULL;
    char err[256], a1[128], a2[128], iso[8];
    if (vg_env_open(vg_test_data_dir(), &env, err, sizeof err) != VG_OK) { CHECK(env != NULL); return; }
    actors_of(env, "fr", "Des frappes aériennes ont tué douze civils dans un marché de Maarat al-Noman, dans la "
                         "province d'Idlib, selon l'Observatoire syrien des droits de l'homme. Les avions du régime "
                         "syrien ont visé le centre de la ville dans la matinée.\n", a1, a2, iso, sizeof a1);
    CHECK(strncmp(a1, "Military Forces of Syria", 24) == 0);
    CHECK(strncmp(a2, "Civilians", 9) == 0);
    actors_of(env, "en", "Air strikes killed at least 15 civilians in a market in the town of Maarat al-Numan in "
                         "Idlib province on Monday, a monitoring group said. Russian jets bombed the market in the "
                         "early morning, the Syrian Observatory for Human Rights said.\n", a1, a2, iso, sizeof a1);
    if (!strcmp(iso, "SY")) CHECK(strstr(a1, "Russia") != NULL); /* the country needs the gazetteer */
    CHECK(strncmp(a2, "Civilians", 9) == 0);
    /* the next sentence tells no strike: its army is no attacker of this one */
    actors_of(env, "en", "Air strikes killed at least 15 civilians in a market in the town of Maarat al-Numan in "
                         "Idlib province on Monday, a monitoring group said. Russian forces have been stationed in "
                         "Syria since 2015.\n", a1, a2, iso, sizeof a1);
    CHECK(strstr(a1, "Russia") == NULL);
    /* water jets are the police's, not aircraft */
    actors_of(env, "en", "Thousands of protesters were dispersed with water jets in Ankara on Sunday, witnesses said.\n",
              a1, a2, iso, sizeof a1);
    CHECK(strncmp(a2, "Military", 8) != 0);
    vg_env_close(env);
}
