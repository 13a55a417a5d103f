/* test_counts.c - a figure read by two casualty words counts once, however each reads its span. */
#include <stdlib.h>
#include <string.h>

#include "vigie.h"
#include "test.h"

static int fatalities_in(vg_env *env, const char *lang, const char *text)
{
    vg_doc *d;
    if (vg_doc_create(env, &d) != VG_OK) return -100;
    const char *json = vg_test_events_json(d, lang, text);
    const char *p = json ? strstr(json, "\"fatalities\":") : NULL;
    int f = p ? atoi(p + 13) : -99;
    vg_doc_free(d);
    return f;
}

static int fatalities_of(vg_env *env, const char *text) { return fatalities_in(env, "fr", text); }


/* The environment of the shipped data (its own for each test, closed by it), or NULL with a
 * failure recorded. */
static vg_env *counts_env(void)
{
    vg_env *env = NULL;
    char err[256];
    if (vg_env_open(vg_test_data_dir(), &env, err, sizeof err) != VG_OK) printf("    env: %s\n", err);
    CHECK(env != NULL);
    return env;
}
TEST(counts_one_figure_two_words)
{
    vg_env *env = counts_env();
    if (!env) return;
    /* "faisant" reads "au moins sept" from its start, "morts" reads "sept" from its end. */
    CHECK_INT(fatalities_of(env, "Un marché a été la cible de frappes aériennes vendredi, faisant au moins sept "
                                 "morts parmi les civils, selon une ONG.\n"), 7);
    CHECK_INT(fatalities_of(env, "Des frappes ont visé le camp lundi, faisant plus de vingt morts, selon une ONG.\n"), 20);
    /* Two figures for two groups still add up. */
    CHECK_INT(fatalities_of(env, "Des affrontements ont fait trois morts parmi les soldats et deux morts parmi les "
                                 "rebelles, selon une ONG.\n"), 5);
    vg_env_close(env);
}

/* An age, a duration or a distance is no toll; two accounts of one toll are not added up;
 * a part of a toll given before is not counted again; a total over years is not the incident's. */
TEST(counts_not_a_toll)
{
    vg_env *env = counts_env();
    if (!env) return;
    CHECK_INT(fatalities_in(env, "en", "Seventeen-year-old Dwayne Hollis was shot and killed by police on Sunday "
                                      "in Bristol.\n"), 1);
    CHECK_INT(fatalities_in(env, "en", "Rioters clashed with police after Dimitri Lakos, 16, was killed by "
                                      "a police bullet.\n"), 1);
    CHECK_INT(fatalities_in(env, "en", "Police shot dead a 15-year-old in Athens and held him for five days.\n"),
              1); /* one teenager, not 15 nor five */
    /* the riot a killing set off has no death of its own: the killing's toll is not the riot's */
    CHECK_INT(fatalities_in(env, "en", "The killing of a 16-year-old by police sparked four nights of rioting in "
                                      "Lyon.\n"), 0);
    CHECK_INT(fatalities_in(env, "en", "Eleven people were killed when gunmen attacked the village of Amra on Sunday, "
                                      "police said. Local officials gave a higher toll of 14 dead.\n"), 11);
    CHECK_INT(fatalities_in(env, "en", "At least four people were killed when a car bomb exploded at a checkpoint "
                                      "on Wednesday. Two of the dead were soldiers.\n"), 4);
    CHECK_INT(fatalities_in(env, "en", "Soldiers bombed a refugee camp on Thursday, killing two people. Some 2 "
                                      "million died in the civil war, from 1983 - 2005.\n"), 2);
    CHECK_INT(fatalities_in(env, "fr", "Un adolescent de 15 ans a été tué par la police samedi à Paris.\n"), 1);
    CHECK_INT(fatalities_in(env, "fr", "Onze personnes ont été tuées dimanche lors d'une attaque contre le village, "
                                      "selon la police. Les autorités locales font état de 14 morts.\n"), 11);
    /* a figure with group separators is read whole */
    CHECK_INT(fatalities_in(env, "fr", "Plus de 1.500 civils ont été tués lundi dans une attaque contre un village, selon "
                                      "l'ONU.\n"), 1500);
    CHECK_INT(fatalities_in(env, "en", "More than 1,500 civilians were killed on Monday in an attack on a village.\n"), 1500);
    /* an article after a casualty word is one victim; a death a protest is about is another incident's */
    CHECK_INT(fatalities_in(env, "en", "Police opened fire on Monday near the market in Amra, killing a militia "
                                      "leader.\n"), 1);
    CHECK_INT(fatalities_in(env, "en", "Rioters attacked banks in Lyon on Monday, in the riots over the killing of a "
                                      "student by police.\n"), 0);
    vg_env_close(env);
}

/* Every row's "sub_event_type:fatalities", comma-separated, in out. */
static const char *rows_of(vg_env *env, const char *lang, const char *text, char *out, size_t cap)
{
    vg_doc *d;
    out[0] = 0;
    if (vg_doc_create(env, &d) != VG_OK) return out;
    const char *json = vg_test_events_json(d, lang, text);
    size_t len = 0;
    for (const char *p = json ? strstr(json, "\"sub_event_type\":\"") : NULL; p; p = strstr(p, "\"sub_event_type\":\"")) {
        p += 18;
        size_t n = strcspn(p, "\"");
        const char *f = strstr(p, "\"fatalities\":");
        int v = f ? atoi(f + 13) : -1;
        int w = snprintf(out + len, cap - len, "%s%.*s:%d", len ? "," : "", (int)n, p, v);
        if (w < 0 || (size_t)w >= cap - len) break;
        len += (size_t)w;
    }
    vg_doc_free(d);
    return out;
}

/* A death the text names as what set off the riot ("..., triggering violent protests")
 * is the killing's toll, not the riot's; a toll in a clause before a total since the war
 * began is the incident's own. */
TEST(counts_cause_and_clause)
{
    char rows[512];
    vg_env *env = counts_env();
    if (!env) return;
    rows_of(env, "en",
                      "Fresh unrest in France\nThere was more rioting in Lyon on Sunday, with youths hurling "
                      "petrol bombs at officers.\nThe student was shot dead by police in Lyon six days ago, "
                      "triggering violent protests that have spread to other cities.\n", rows, sizeof rows);
    CHECK_STR(rows, "Violent demonstration:0,Attack:1");
    rows_of(env, "en",
                      "Shelling hits a hospital in Amra\nArtillery shells hit a hospital in the Vesko district of northern "
                      "Amra on Tuesday.\nAt least 27 people were killed in the hospital, pushing the province's death "
                      "toll above 900 since the war began.\n", rows, sizeof rows);
    CHECK_STR(rows, "Shelling/artillery/missile attack:27");
    /* ...but a toll told after "since" in its own clause is a total over time */
    CHECK_INT(fatalities_in(env, "en", "Artillery shells hit a hospital in Amra on Tuesday, killing three people. More than "
                                      "900 civilians have been killed since the war began.\n"), 3);
    vg_env_close(env);
}

/* "cet attentat", "this bombing": a demonstrative points back to the incident just told,
 * whatever word told it; one incident, one row, one toll. */
TEST(counts_anaphor_one_incident)
{
    char rows[512];
    vg_env *env = counts_env();
    if (!env) return;
    rows_of(env, "fr",
                      "Attaque contre un convoi forestier au Burkina Faso\nDes hommes armés ont attaqué vendredi un convoi "
                      "d'une entreprise forestière près de Tiborga, dans le nord du pays.\nLes autorités indiquent qu'au moins "
                      "21 personnes ont été tuées dans cet attentat.\n", rows, sizeof rows);
    CHECK_STR(rows, "Armed clash:21");
    vg_env_close(env);
}

/* An incident told with its own calendar day ("Le 19 novembre, ...") after an undated one
 * of the same kind is another incident, with its own row and toll. */
TEST(counts_dated_apart_is_another_incident)
{
    char rows[512];
    vg_env *env = counts_env();
    if (!env) return;
    rows_of(env, "fr",
            "Attaque meurtrière au Niger\nDes hommes armés ont tué six civils jeudi dans le village de Tillia, selon le "
            "ministère.\nLes assaillants sont arrivés à moto avant de prendre la fuite.\nLe 19 novembre, quatorze civils "
            "avaient été tués par des hommes armés dans la région.\n", rows, sizeof rows);
    CHECK_STR(rows, "Attack:6,Attack:14");
    rows_of(env, "en",
            "Gunmen kill six civilians in Niger\nGunmen killed six civilians in the village of Tillia on Thursday, the "
            "ministry said.\nThe attackers arrived on motorbikes and fled.\nLast month, fourteen civilians were killed "
            "by gunmen in the region.\n", rows, sizeof rows);
    CHECK(strstr(rows, "Attack:14") != NULL);
    vg_env_close(env);
}

/* One blast told in two words: "the aerial bombing of a market ... two bombs exploded inside
 * the market" is one air strike, not an air strike and a planted bomb; an air strike and a
 * shelling told apart stay two. */
TEST(counts_one_blast_two_words)
{
    char rows[512];
    vg_env *env = counts_env();
    if (!env) return;
    rows_of(env, "en",
            "Market bombed\nAid agencies on Saturday condemned the aerial bombing of a market in Darfur on "
            "Friday.\n\"Two bombs exploded inside the market, one near the mosque,\" a spokesman said.\n",
            rows, sizeof rows);
    CHECK_STR(rows, "Air/drone strike:0");
    rows_of(env, "en",
            "Strikes on two towns\nA government air strike hit a house in Amra on Monday, killing three people.\nArmy "
            "artillery shells hit a school in Vesko on Monday, killing 40 people.\n", rows, sizeof rows);
    CHECK(strstr(rows, "Air/drone strike:3") != NULL && strstr(rows, "Shelling/artillery/missile attack:40") != NULL);
    vg_env_close(env);
}

/* A death told by its cause's adjective or as a toll put on an act counts; an active verb's
 * object is its victim, not the figure of those who fired; a riot over a killing does not
 * take that killing's one death when the text tells it again, but a protester killed is
 * the riot's. */
TEST(counts_fatal_and_the_crowds_cause)
{
    char rows[512];
    vg_env *env = counts_env();
    if (!env) return;
    CHECK_INT(fatalities_in(env, "en", "Artillery shells hit a clinic in Amra on Tuesday. A UN spokesman put the death toll of "
                                      "the attack at 26.\n"), 26);
    CHECK_INT(fatalities_in(env, "en", "Two off-duty officers shot and killed a student in Bristol on "
                                      "Sunday.\n"), 1);
    CHECK_INT(fatalities_in(env, "en", "Three people were killed a day after the vote in Amra, police said.\n"), 3);
    rows_of(env, "en",
            "Riots in Bristol\nRiots erupted in Bristol on Monday following the fatal shooting of Dwayne Hollis.\n"
            "Hollis was killed on March 2 by police who say he drew a knife.\n", rows, sizeof rows);
    CHECK(strstr(rows, "Violent demonstration:0") != NULL);
    rows_of(env, "en",
            "Riots in Bristol\nRiots erupted in Bristol on Monday following the fatal shooting of Dwayne Hollis.\n"
            "A protester was killed by police on Monday night.\n", rows, sizeof rows);
    CHECK(strstr(rows, "Violent demonstration:1") != NULL);
    vg_env_close(env);
}

/* A person named as the one killed is one death ("the bullet that killed Dimitri
 * Lakos"); a named group or people is not a person ("killed Hamas fighters"). */
TEST(counts_named_victim)
{
    vg_env *env = counts_env();
    if (!env) return;
    CHECK_INT(fatalities_in(env, "en", "Police in Lyon fired the bullet that killed Dimitri Lakos on "
                                      "Sunday.\n"), 1);
    CHECK_INT(fatalities_in(env, "en", "Israeli troops killed Hamas fighters in Gaza on Monday.\n"), 0);
    vg_env_close(env);
}

/* A named death told as what a running total counts from ("every day since the death of
 * student Dimitri Lakos") is the killing's one death, even after a word saying who
 * the person was; the crowd that rose against it does not count it. */
TEST(counts_death_of_named_person)
{
    vg_env *env = counts_env();
    if (!env) return;
    CHECK_INT(fatalities_in(env, "en", "Gunmen attacked a police post in Lyon on Sunday, three days after the death "
                                      "of activist Dimitri Lakos.\n"), 1);
    CHECK_INT(fatalities_in(env, "en", "Police have shot at protesters in Lyon every day since the death of student "
                                      "Dimitri Lakos.\n"), 0);
    /* Spanish "muerte de" reads the toll after it as "death of" does; a death a crowd rose against
     * stays no toll of its protest */
    CHECK_INT(fatalities_in(env, "es", "Los enfrentamientos entre el ejército y los rebeldes en Tumaco provocaron la "
                                       "muerte de tres soldados, según el ministerio.\n"), 3);
    CHECK_INT(fatalities_in(env, "es", "Miles de personas protestaron en Guadalajara por la muerte de un joven "
                                       "detenido por la policía.\n"), 0);
    vg_env_close(env);
}

/* Past a part of the toll set off by commas ("including six young children"), the toll's own
 * noun phrase may be longer: "11 members of a farming family" is the toll, not nothing. */
TEST(counts_toll_past_a_subset)
{
    vg_env *env = counts_env();
    if (!env) return;
    CHECK_INT(fatalities_in(env, "en", "At least 11 members of a farming family, including six young children, were "
                                       "killed when a missile hit their home in Amra on Tuesday.\n"), 11);
    CHECK_INT(fatalities_in(env, "en", "Seven civilians, including three children, were killed when a drone struck "
                                       "a car on Tuesday.\n"), 7);
    vg_env_close(env);
}

/* "plusieurs morts" (3 by ACLED's convention for a vague word) gives way to the figures a later
 * sentence gives; two groups joined by "et" before one casualty word add up, but not a range
 * ("entre 10 et 20") nor two tolls of their own ("cinq blessés et trois morts"). */
TEST(counts_vague_word_and_joined_groups)
{
    vg_env *env = counts_env();
    if (!env) return;
    CHECK_INT(fatalities_of(env, "Un communiqué de l'état-major a confirmé l'attaque vendredi d'une base de l'armée, "
                                 "faisant état de plusieurs morts. D'après ce texte, 41 assaillants et 17 soldats ont "
                                 "été tués.\n"), 58);
    CHECK_INT(fatalities_of(env, "Des hommes armés ont attaqué lundi le village de Tillia, selon la police. Entre 10 et 20 "
                                 "personnes ont été tuées.\n"), 20);
    CHECK_INT(fatalities_of(env, "L'attaque a fait cinq blessés et trois morts lundi à Tillia, selon la police.\n"), 3);
    /* a vague word told after a figure does not lower it */
    CHECK_INT(fatalities_of(env, "Des hommes armés ont attaqué lundi le village de Tillia, tuant douze civils selon la police. "
                                 "Plusieurs morts ont été enterrés mardi.\n"), 12);
    vg_env_close(env);
}

/* A death may read the figure an arrest read first ("Neuf personnes arrêtées ... retrouvées
 * mortes"); an execution and a murder read the figure after them. */
TEST(counts_found_dead_executed_murder)
{
    vg_env *env = counts_env();
    if (!env) return;
    CHECK_INT(fatalities_of(env, "Neuf personnes arrêtées pour vol ont été retrouvées mortes mardi dans une "
                                 "cellule de gendarmerie à Kaya.\n"), 9);
    CHECK_INT(fatalities_of(env, "Amnesty International affirme que des militaires avaient exécuté 19 hommes non "
                                 "armés mardi dans le village de Tiborga.\n"), 19);
    CHECK_INT(fatalities_of(env, "Des soldats ont été arrêtés au Tchad à la suite du "
                                 "meurtre de trois bergers près d'un puits de Mongo samedi dernier.\n"), 3);
    vg_env_close(env);
}

/* A sentence that tells an earlier incident ("Cette embuscade survient au lendemain de deux attaques
 * qui ont fait 8 morts") is not the main event's, and its toll is not read for the sentence
 * before it; a main event whose text gives no toll takes its headline's. */
TEST(counts_earlier_incident_and_headline_toll)
{
    char rows[512];
    vg_env *env = counts_env();
    if (!env) return;
    rows_of(env, "fr",
            "Sept villageois tués dans deux hameaux au Niger\nIls ont été tués mardi dans la commune de Tiborga à environ "
            "90 kilomètres de Niamey. D'après des habitants, ils ont été abattus par des assaillants venus à "
            "moto. Cette embuscade survient au lendemain de deux attaques qui ont fait 8 morts dans trois hameaux de "
            "la commune de Kolvaro. Plusieurs corps ont été retrouvés près des champs après le départ "
            "des assaillants. Des habitants racontent à la radio locale que plusieurs motos ont été emportées. Du bétail a "
            "également été emporté, selon les mêmes habitants. Les deux communes visées sont à moins de 120 km de "
            "Niamey.\n",
            rows, sizeof rows);
    CHECK_STR(rows, "Attack:7,Attack:8");
    int headline = fatalities_of(env, "Treize morts dans une attaque au Mali\nLes victimes ont été tuées "
                                      "samedi soir à Tiborga. D'après les autorités locales, l'assaut a été mené par des "
                                      "individus armés venus à moto.\n");
    CHECK_INT(headline, 13);
    vg_env_close(env);
}

/* A row's toll is read in its sentence and the next two, up to one that tells another incident: a
 * sentence dated on another calendar day ("Le 17 mars, 9 gendarmes ont également été tués") is
 * another account of no toll of this one, whose lowest figure it would otherwise become. */
TEST(counts_stop_at_another_day)
{
    vg_env *env = counts_env();
    if (!env) return;
    CHECK_INT(fatalities_of(env, "Des hommes armés ont attaqué la base militaire de Kolvaro le 3 mars, au Niger : 52 "
                                 "soldats ont été tués. Le 17 mars, 9 gendarmes ont également été tués près de "
                                 "Tiborga.\n"), 52);
    vg_env_close(env);
}

/* "no one was killed" is an explicit zero, not "one was killed": the main event's toll read from
 * the first sentences that report violence takes it. */
TEST(counts_no_one_killed)
{
    vg_env *env = counts_env();
    if (!env) return;
    CHECK_INT(fatalities_in(env, "en", "Warplanes attacked a refugee camp near the border on Thursday afternoon.\n"
                                      "Witnesses said no one was killed or wounded in the raid.\n"
                                      "Three bombs exploded outside the camp.\n"), 0);
    CHECK_INT(fatalities_in(env, "en", "Gunmen attacked a village near the border on Thursday, but nobody was killed.\n"), 0);
    vg_env_close(env);
}

/* A row's toll is not read in a later sentence that tells another strike of its kind at another
 * scene, with a toll of its own: the Amra camp's six are not the Dilling camp's four, whose
 * lower figure the Amra row took as "another account". */
TEST(counts_stop_at_another_strike)
{
    char rows[512];
    vg_env *env = counts_env();
    if (!env) return;
    rows_of(env, "en",
            "Army tanks shelled a clinic in Kadugli, killing 40 people, the UN said.\n"
            "The clinic was crowded with families who had fled their villages.\n"
            "The UN said it had given the army the clinic's location.\n"
            "Earlier that day, a shell hit a home in the Amra refugee camp, killing at least six members of a "
            "family.\n"
            "Shelling of homes in the Dilling refugee camp left at least four dead and 11 injured.\n",
            rows, sizeof rows);
    CHECK(strstr(rows, "Shelling/artillery/missile attack:6") != NULL);
    vg_env_close(env);
}

/* The victims' figure before a relative clause that describes them ("three brothers who had found
 * shelter ... were killed") is the toll; and a later sentence's strike in another town (Mosul
 * beside Tal Afar, one division) gives no "account" of the row's. */
TEST(counts_relative_clause)
{
    vg_env *env = counts_env();
    if (!env) return;
    CHECK_INT(fatalities_in(env, "en", "In an earlier air raid, three brothers who had found shelter with dozens of other "
                                      "families in a village mosque were killed.\n"), 3);
    const char *two_towns = "Some 30 people were killed when three artillery shells landed at a market in Tal Afar, the "
                            "UN said.\nAlso in Tal Afar, a girls' school was shelled but it was closed, he said.\nLast "
                            "night, three farmers, who had found shelter in a mosque in Mosul, died when a "
                            "rocket hit the building.\n";
    CHECK_INT(fatalities_in(env, "en", two_towns), 30);
    /* one victim so described is the singular verb's, and "nearly lynched" kills no one */
    CHECK_INT(fatalities_in(env, "en", "Residents held a man who allegedly abused a minor and nearly lynched him.\n"), 0);
    vg_env_close(env);
}

/* A figure after a passive casualty verb, past an agent ("por dos hombres armados") or right before
 * one (Russian's instrumental "двумя неизвестными"), counts who did it, not the victims. */
TEST(counts_agent_after_the_verb)
{
    vg_env *env = counts_env();
    if (!env) return;
    CHECK_INT(fatalities_in(env, "ru", "В Нальчике вечером 15 декабря был убит муфтий республики. Муфтий был застрелен "
                                      "двумя неизвестными.\n"), 1);
    CHECK_INT(fatalities_in(env, "es", "Un grupo armado atacó un retén en Culiacán el lunes. El policía fue asesinado "
                                      "por dos hombres armados.\n"), 1);
    vg_env_close(env);
}

/* One victim and their companions: "a été abattu en même temps que trois autres personnes" is four
 * dead, "X and two others were killed" three, "shot dead along with three other people" four;
 * "killed and ten others injured" adds nobody to the dead. */
TEST(counts_victim_and_companions)
{
    vg_env *env = counts_env();
    if (!env) return;
    CHECK_INT(fatalities_of(env, "L'adjoint au maire du village a été abattu en même temps que trois autres personnes "
                                 "quand des hommes armés ont ouvert le feu sur son véhicule, lundi soir, près de Gao.\n"), 4);
    CHECK_INT(fatalities_in(env, "en", "Gunmen attacked a village near Maiduguri on Sunday. Village head Musa Ibrahim "
                                      "and two others were killed in the attack, residents said.\n"), 3);
    CHECK_INT(fatalities_in(env, "en", "Gunmen attacked a village near Maiduguri on Sunday. The village head was shot "
                                      "dead along with three other people, residents said.\n"), 4);
    CHECK_INT(fatalities_in(env, "en", "Gunmen attacked a village near Maiduguri on Sunday. Three people were killed "
                                      "and ten others injured, residents said.\n"), 3);
    vg_env_close(env);
}

/* Written for this test: links to other articles flattened into the text with no cue ('Niger:
 * "45 civils tués ..." « Les villages ...', 'Niger : embuscade contre une patrouille Près de 3 000
 * ...') feed no toll and no event; the article's sentence after them is read. */
TEST(counts_flattened_headline_is_no_toll)
{
    char rows[512];
    vg_env *env = counts_env();
    if (!env) return;
    rows_of(env, "fr",
            "Rassemblement pour la sécurité à Niamey\nPlusieurs centaines de personnes ont manifesté dimanche dans les "
            "rues de Niamey pour réclamer plus de sécurité dans les régions frontalières. Niger: \"45 civils tués lors "
            "d'une attaque contre un marché\" « Les villages sont abandonnés à leur sort », a déclaré l'un des "
            "organisateurs du rassemblement.\n", rows, sizeof rows);
    CHECK(strstr(rows, "Peaceful protest:0") != NULL);
    CHECK(strstr(rows, ":45") == NULL);
    rows_of(env, "fr",
            "Rassemblement pour la sécurité à Niamey\nPlusieurs centaines de personnes ont manifesté dimanche dans les "
            "rues de Niamey pour réclamer plus de sécurité dans les régions frontalières. Niger : embuscade contre une "
            "patrouille Près de 3 000 habitants ont quitté leurs villages depuis janvier, selon l'ONU. Tchad : 20 "
            "soldats tués dans une embuscade\n", rows, sizeof rows);
    CHECK(strstr(rows, "Peaceful protest:0") != NULL);
    CHECK(strstr(rows, "Attack") == NULL && strstr(rows, ":20") == NULL);
    vg_env_close(env);
}

/* "More than N" is a strict lower bound: another account's exact figure just above it is the
 * lowest toll both allow (in either order); a figure below it is still the lowest account, and a
 * total far above it is not this incident's. */
TEST(counts_strict_bound)
{
    vg_env *env = counts_env();
    if (!env) return;
    CHECK_INT(fatalities_in(env, "en", "Artillery shells hit a market in Amra on Monday, killing more than 20 people, "
                                      "officials said. A surgeon at the town hospital said 22 bodies had been brought in.\n"), 22);
    CHECK_INT(fatalities_in(env, "en", "Artillery shells hit a market in Amra on Monday, killing 22 people, a surgeon "
                                      "said. Officials later said more than 20 people had been killed.\n"), 22);
    CHECK_INT(fatalities_in(env, "en", "Artillery shells hit a market in Amra on Monday, killing more than 20 people, "
                                      "officials said. A surgeon at the town hospital said 18 bodies had been brought in.\n"), 18);
    CHECK_INT(fatalities_in(env, "en", "Artillery shells hit a market in Amra on Monday, killing more than 20 people, "
                                      "officials said. Rebels said 300 people had been killed in the town.\n"), 20);
    CHECK_INT(fatalities_in(env, "fr", "Des obus ont frappé un marché d'Amra lundi, faisant plus de vingt morts, selon les "
                                      "autorités. Un médecin de l'hôpital a fait état de 23 morts.\n"), 23);
    vg_env_close(env);
}

/* Written for this test: an Arabic dual noun is a figure of its own, two ("مقتل جنديين", "سقوط
 * قتيلين"); before numbers.tsv listed the duals, "مقتل جنديين وإصابة ثلاثة آخرين" read the three
 * wounded as the dead. */
TEST(counts_arabic_dual_is_two)
{
    vg_env *env = counts_env();
    if (!env) return;
    /* (the texts in variables: a long expression would not fit CHECK_INT's message) */
    const char *soldiers = "قال مسؤولون في الشرطة إن هجوما مسلحا على حاجز أمني في مدينة بعقوبة أمس "
                           "أسفر عن مقتل جنديين وإصابة ثلاثة آخرين.\n";
    const char *dead = "أعلنت الشرطة سقوط قتيلين في انفجار عبوة ناسفة استهدفت دورية في مدينة بعقوبة أمس.\n";
    /* the dual word itself, not a number near it */
    const char *near = "أسفر هجوم على ثلاثة حواجز أمنية في مدينة بعقوبة أمس عن سقوط قتيلين.\n";
    CHECK_INT(fatalities_in(env, "ar", soldiers), 2);
    CHECK_INT(fatalities_in(env, "ar", dead), 2);
    CHECK_INT(fatalities_in(env, "ar", near), 2);
    vg_env_close(env);
}

/* Written for this test: two groups of victims after the casualty verb add up ("perdieron la vida
 * un guardia nacional y dos soldados": three), as two groups before it do. */
TEST(counts_groups_after_the_verb)
{
    vg_env *env = counts_env();
    if (!env) return;
    CHECK_INT(fatalities_in(env, "es", "Durante la emboscada a un convoy cerca de Culiacán perdieron la vida un guardia "
                                      "nacional y dos soldados rasos, según la fiscalía.\n"), 3);
    CHECK_INT(fatalities_in(env, "es", "Tres soldados y dos rebeldes murieron el lunes en un enfrentamiento en la ciudad "
                                      "de Culiacán, informó la policía.\n"), 5);
    vg_env_close(env);
}

/* Written for this test: Russian reports of fighters "liquidated" count them as killed
 * ("ликвидировано пять боевиков": five); with no figure nothing is counted ("пожар ликвидирован"). */
TEST(counts_russian_liquidated)
{
    vg_env *env = counts_env();
    if (!env) return;
    const char *fighters = "В ходе спецоперации в Ингушетии в пятницу ликвидировано пять боевиков, сообщили в штабе.\n";
    CHECK_INT(fatalities_in(env, "ru", fighters), 5);
    vg_env_close(env);
}

/* Written for this test: number words of tens and units joined by "and" are one number: Spanish
 * "treinta y cinco" (tens, "y", units; read 30 before), Arabic "خمسة وعشرين" (units, then the tens
 * with the conjunction on them; read 5 before); "y" alone is no number. */
TEST(counts_tens_and_units)
{
    vg_env *env = counts_env();
    if (!env) return;
    CHECK_INT(fatalities_in(env, "es", "Murieron treinta y dos rebeldes el lunes en un enfrentamiento en la ciudad de "
                                      "Culiacán.\n"), 32);
    CHECK_INT(fatalities_in(env, "es", "Treinta soldados y cinco rebeldes murieron el lunes en un enfrentamiento en la "
                                      "ciudad de Culiacán.\n"), 35);
    const char *ar = "أسفر هجوم مسلح على حاجز أمني في مدينة بعقوبة أمس عن مقتل خمسة وعشرين شخصا.\n";
    CHECK_INT(fatalities_in(env, "ar", ar), 25);
    vg_env_close(env);
}

/* Written for this test: Arabic digits behind the conjunction ("و12", and 12) are a figure: the
 * dead were read as none ("3 جرحى و12 قتيلا"). */
TEST(counts_digits_behind_a_clitic)
{
    vg_env *env = counts_env();
    if (!env) return;
    const char *toll = "أسفر الهجوم المسلح على حاجز أمني في مدينة بعقوبة أمس عن 3 جرحى و12 قتيلا.\n";
    CHECK_INT(fatalities_in(env, "ar", toll), 12);
    vg_env_close(env);
}

/* Written for this test: two groups of victims joined by "and" add up in English and Russian too,
 * after the verb or before it, unless the second group has a casualty word of its own; Spanish
 * "fueron asesinados" and Russian "стали жертвами" read the figure on their other side. */
TEST(counts_groups_and_word_order)
{
    vg_env *env = counts_env();
    if (!env) return;
    CHECK_INT(fatalities_in(env, "en", "Gunmen attacked a checkpoint in Kandahar on Monday, killing two soldiers and "
                                      "three civilians.\n"), 5);
    CHECK_INT(fatalities_in(env, "en", "Two soldiers and three civilians were killed when gunmen attacked a checkpoint in "
                                      "Kandahar on Monday.\n"), 5);
    CHECK_INT(fatalities_in(env, "ru", "При обстреле в Донецке в понедельник погибли двое мирных жителей и трое "
                                      "военных.\n"), 5);
    CHECK_INT(fatalities_in(env, "ru", "Пять человек стали жертвами нападения на блокпост в Донецке в понедельник.\n"), 5);
    CHECK_INT(fatalities_in(env, "es", "Fueron asesinados cuatro hombres en un ataque armado en la ciudad de Culiacán el "
                                      "lunes.\n"), 4);
    CHECK_INT(fatalities_in(env, "es", "Un ataque armado en la ciudad de Culiacán el lunes cobró la vida de cuatro "
                                      "personas.\n"), 4);
    /* a second group with a casualty word of its own is that word's: the wounded are not dead */
    CHECK_INT(fatalities_in(env, "es", "En un ataque armado en la ciudad de Culiacán el lunes perdieron la vida dos "
                                      "policías y tres civiles resultaron heridos.\n"), 2);
    vg_env_close(env);
}

/* Written for this test: a list of groups of victims, commas then "and", adds up; the group
 * before the "and" may take a noun of four words. */
TEST(counts_list_of_groups)
{
    vg_env *env = counts_env();
    if (!env) return;
    CHECK_INT(fatalities_in(env, "en", "Four policemen, two local border police officers, and one soldier were killed when "
                                      "rebels attacked a base near Kunduz on Tuesday.\n"), 7);
    CHECK_INT(fatalities_in(env, "en", "Four policemen, two militiamen and one soldier were killed when rebels attacked a "
                                      "base near Kunduz on Tuesday.\n"), 7);
    vg_env_close(env);
}
