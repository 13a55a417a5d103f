/* test_gate.c - the document gate: reports of political violence pass, sport, business and crime fail; features and model loading. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vigie.h"
#include "test.h"
#include "../../lib/analyze/gate.h"
#include "../../lib/analyze/lexicon.h"
#include "../../lib/analyze/tokens.h"
#include "../../lib/core/arena.h"
#include "../../lib/doc/doc.h"

static vg_env *env;

/* The document, analysed; the caller frees it. */
static vg_doc *analyze(const char *lang, const char *text)
{
    char err[256];
    if (!env && vg_env_open(vg_test_data_dir(), &env, err, sizeof err) != VG_OK) { printf("    env: %s\n", err); return NULL; }
    vg_doc *d;
    if (vg_doc_create(env, &d) != VG_OK) return NULL;
    vg_input in = vg_test_text_input(lang, text);
    in.published = "2024-03-08";
    if (vg_doc_load(d, &in) != VG_OK || vg_doc_analyze(d) != VG_OK) { vg_doc_free(d); return NULL; }
    return d;
}

/* Texts of our own, none of them in the training set: the gate must tell
 * the report of an incident from the same words used about something else. */
TEST(gate_passes_reports_of_political_violence)
{
    static const struct { const char *lang, *text; } pos[] = {
        {"en", "Soldiers clash with rebels near northern town\n\n"
               "Government troops and rebel fighters clashed on Thursday near the town, killing at least 12 fighters, "
               "an army spokesman said. The rebels attacked a military checkpoint at dawn and the army responded with "
               "artillery, the spokesman said. Residents fled to nearby villages."},
        {"fr", "Des manifestants dispersés par la police\n\n"
               "La police a dispersé jeudi à coups de gaz lacrymogènes des centaines de manifestants qui protestaient "
               "contre la vie chère dans la capitale, selon des témoins. Au moins 20 personnes ont été interpellées, "
               "a indiqué la police. L'opposition appelle à une nouvelle marche samedi."},
    };
    for (size_t i = 0; i < sizeof pos / sizeof pos[0]; i++) {
        vg_doc *d = analyze(pos[i].lang, pos[i].text);
        CHECK(d != NULL);
        if (!d) continue;
        CHECK(d->gate_x != NULL);
        CHECK(vg_gate_pass(d->gate_p));
        CHECK(d->n_events > 0);
        vg_doc_free(d);
    }
}

TEST(gate_stops_sport_business_and_crime)
{
    static const struct { const char *lang, *text; } neg[] = {
        {"en", "Rovers bomb United in cup thriller\n\n"
               "Rovers blasted United 4-1 on Saturday as their striker fired two goals and the visitors' defence was "
               "killed off before half-time, the coach told reporters after the match. The team attacked from the "
               "first whistle and the fans stormed the pitch at the end of the game."},
        {"en", "Man charged with murder of neighbour\n\n"
               "A 41-year-old man was charged with murder on Friday after his neighbour was shot dead in a dispute "
               "over a fence, police said. The suspect was arrested at his home and is due in court on Monday, "
               "prosecutors said. The jury trial is expected next year."},
        {"fr", "Un groupe industriel rachète son concurrent\n\n"
               "Le groupe a annoncé lundi le rachat de son concurrent pour 2 milliards d'euros, une offensive qui "
               "doit lui permettre de conquérir des parts de marché, selon les analystes. L'action a bondi en Bourse. "
               "Le directeur général a assuré aux investisseurs que l'entreprise ne supprimerait pas d'emplois."},
    };
    for (size_t i = 0; i < sizeof neg / sizeof neg[0]; i++) {
        vg_doc *d = analyze(neg[i].lang, neg[i].text);
        CHECK(d != NULL);
        if (!d) continue;
        if (d->gate_x && vg_gate_pass(d->gate_p)) printf("    text %zu: p %.3f\n", i, d->gate_p);
        if (d->gate_x) CHECK(!vg_gate_pass(d->gate_p));
        CHECK_INT(d->n_events, 0);
        vg_doc_free(d);
    }
    vg_env_close(env);
    env = NULL;
}

/* An attack by one person is political by its target or its cause, not by its words: the same stabbing
 * of a councillor told in a crime report's words ("prosecutors", "suspect", "murder inquiry") passes when
 * the victim is a political figure and the text says why; the same act on a shopkeeper in a robbery does
 * not. Before gate.tsv's target and motive rows (and the crime word that a target or cause beside it
 * discounts), the gate read the political attack as ordinary crime. Texts of our own. */
TEST(gate_political_attack_by_individual)
{
    vg_doc *d = analyze("en", "Councillor stabbed outside party office\n\n"
                              "A city councillor of the opposition party was stabbed twice outside the party office on "
                              "Tuesday evening by a man who shouted that elected officials were traitors, police said. "
                              "The councillor was taken to hospital with wounds to the chest. Prosecutors said the "
                              "suspect had posted threats against politicians and opened a murder inquiry, treating the "
                              "attack as politically motivated. Hundreds of people rallied in the square on Wednesday "
                              "to condemn the attack.");
    CHECK(d != NULL);
    if (d) {
        if (!d->gate_x || !vg_gate_pass(d->gate_p)) printf("    political attack: p %.3f\n", d->gate_p);
        CHECK(d->gate_x != NULL && vg_gate_pass(d->gate_p));
        CHECK(d->n_events > 0);
        vg_doc_free(d);
    }
    d = analyze("en", "Shopkeeper stabbed in robbery\n\n"
                      "A shopkeeper was stabbed twice during a robbery at his shop on Tuesday evening by a man who "
                      "demanded cash from the till, police said. The shopkeeper was taken to hospital with wounds to "
                      "the chest. Prosecutors said the suspect had two earlier convictions for burglary and would "
                      "appear in court on Thursday charged with attempted murder.");
    CHECK(d != NULL);
    if (d) {
        if (d->gate_x && vg_gate_pass(d->gate_p)) printf("    robbery: p %.3f\n", d->gate_p);
        CHECK(!d->gate_x || !vg_gate_pass(d->gate_p));
        CHECK_INT(d->n_events, 0);
        vg_doc_free(d);
    }
    vg_env_close(env);
    env = NULL;
}

/* Individual attacks named by their weapon are triggers in English, Spanish and French (triggers.tsv):
 * "was gunned down", "fue acuchillado", "blessé au couteau" (none of them gave a row before). One-sentence
 * notes of our own, with a political target so that the gate passes them. */
TEST(gate_individual_attack_triggers)
{
    static const struct { const char *lang, *text; } notes[] = {
        {"en", "On 4 March 2024, a local election official was gunned down outside the town hall of Leeds "
               "(West Yorkshire), police said."},
        {"es", "El 4 de marzo de 2024, un concejal fue acuchillado frente al ayuntamiento de Puebla por un hombre "
               "que lo acusaba de corrupción, informó la policía."},
        {"fr", "Le 4 mars 2024, un maire a été blessé au couteau devant la mairie de Bouaké par un homme qui "
               "l'accusait de corruption, selon la gendarmerie."},
    };
    for (size_t i = 0; i < sizeof notes / sizeof *notes; i++) {
        vg_doc *d = analyze(notes[i].lang, notes[i].text);
        CHECK(d != NULL);
        if (!d) continue;
        int attack = 0;
        for (size_t k = 0; k < d->n_events; k++) attack |= d->events[k].sub_event_type && !strcmp(d->events[k].sub_event_type, "Attack");
        if (!attack) printf("    %s: no Attack row (%zu rows, p %.3f)\n", notes[i].lang, d->n_events, d->gate_p);
        CHECK(attack);
        vg_doc_free(d);
    }
    vg_env_close(env);
    env = NULL;
}

/* Features: signals first, then each n-gram once, printed in ascending order. */
TEST(gate_features_format)
{
    vg_arena *a = vg_arena_new(1 << 16);
    CHECK(a != NULL);
    if (!a) return;
    vg_tok t[4] = {{.start = 0, .end = 4, .fold = "riot", .flen = 4, .kind = VG_TOK_WORD},
                   {.start = 5, .end = 9, .fold = "riot", .flen = 4, .kind = VG_TOK_WORD, .space_before = 1},
                   {.start = 9, .end = 10, .fold = ".", .flen = 1, .kind = VG_TOK_PUNCT},
                   {.start = 11, .end = 13, .fold = "12", .flen = 2, .kind = VG_TOK_NUM, .space_before = 1}};
    vg_gate_signals s;
    memset(&s, 0, sizeof s);
    s.n_sent = 2;
    s.n_trigger_sent = 1;
    const vg_gate_x *x = vg_gate_features(a, &s, t, 4);
    CHECK(x != NULL);
    vg_buf b = {0};
    if (x) vg_gate_x_print(&b, x);
    vg_buf_putc(&b, 0);
    /* signals: share of trigger sentences 0.5, log1p(1)/3, main sentence first 1; n-grams: "riot", "riot riot", "#": three, each 0.5/sqrt(3) */
    int n = 0, last = 0, ok = 1, ngrams = 0;
    for (char *p = b.data; p && *p;) {
        int idx;
        double v;
        int used;
        if (sscanf(p, "%d:%lf%n", &idx, &v, &used) != 2) { ok = 0; break; }
        if (idx <= last) ok = 0;
        if (v > 0.288 && v < 0.2887) ngrams++;
        last = idx;
        n++;
        p += used;
        while (*p == ' ') p++;
    }
    CHECK(ok);
    CHECK_INT(n, 6);
    CHECK_INT(ngrams, 3);
    vg_buf_free(&b);
    vg_arena_free(a);
}

/* The committed model and an arena for its features; 0 (both freed) when either is missing. */
static int load_model(vg_gate **g, vg_arena **a)
{
    char err[256], path[4096];
    snprintf(path, sizeof path, "%s/gate/model.txt", vg_test_data_dir());
    CHECK_INT(vg_gate_load(path, g, err, sizeof err), VG_OK);
    *a = vg_arena_new(1 << 16);
    CHECK(*a != NULL);
    if (*g && *a) return 1;
    vg_gate_free(*g);
    vg_arena_free(*a);
    return 0;
}

/* The signals of a riot report of 20 sentences, 8 with a trigger: actors, a toll, places, sources. */
static void riot_report(vg_gate_signals *s)
{
    memset(s, 0, sizeof *s);
    s->n_sent = 20;
    s->n_trigger_sent = 8;
    s->n_strong_sent = 4;
    s->lede_trigger = 1;
    s->first_sent = 0;
    s->sub_score[VG_SUB_VIOLENT_DEMO] = 6;
    s->sub_score[VG_SUB_ATTACK] = 2;
    s->best = 6;
    s->inter[5] = 1;
    s->inter[1] = 1;
    s->killed = 1;
    s->n_killed = 1;
    s->arrested = 1;
    s->n_places = s->n_scene = 2;
    s->n_attr = 3;
}

/* What the lede is about weighs, not every word of the text: a report of a riot whose later
 * sentences tell the officer's murder trial (crime words in the body) passes; the same words in
 * the lede (a report about the trial) weigh against it. A gate that read a domain word anywhere
 * ("suspect", "jury" once in 40 sentences) as the text's topic missed riot reports held out
 * (en-dev topic 19: the gate trained without it passed 35 of 45 event articles). */
TEST(gate_lede_domain_weighs_more_than_the_body)
{
    vg_gate *g = NULL;
    vg_arena *a = NULL;
    if (!load_model(&g, &a)) return;
    vg_gate_signals s;
    riot_report(&s);
    s.domain[VG_GATE_CONFLICT] = s.domain_lede[VG_GATE_CONFLICT] = 2;
    s.domain[VG_GATE_CRIME] = 3; /* the trial, told after the lede */
    double body = vg_gate_prob(g, vg_gate_features(a, &s, NULL, 0));
    s.domain_lede[VG_GATE_CRIME] = 2;
    double lede = vg_gate_prob(g, vg_gate_features(a, &s, NULL, 0));
    if (!vg_gate_pass(body) || lede > body - 0.1) printf("    body %.3f, lede %.3f\n", body, lede);
    CHECK(vg_gate_pass(body));
    CHECK(lede < body - 0.1);
    vg_arena_free(a);
    vg_gate_free(g);
}

/* When the violence happens: the same trigger sentences, places and tolls weigh less when the
 * text tells them as background (history, a date long before, an earlier incident, talk, a tally)
 * than as news, the lede's among them. An article about a trial, an anniversary or a policy that
 * recalls a killing is not a report of it (the article sets, each held out whole: the gate's
 * errors 21 -> 18). */
TEST(gate_background_violence_weighs_less_than_news)
{
    vg_gate *g = NULL;
    vg_arena *a = NULL;
    if (!load_model(&g, &a)) return;
    vg_gate_signals s;
    riot_report(&s);
    s.n_incident = 2;
    s.incident_lede = 1;
    s.incident_full = 1;
    s.n_dated = 2;
    s.dated_near = 2;
    /* news: the lede tells the killing, today */
    s.n_current = 8;
    s.current_lede = 1;
    s.trig_lede = 4;
    double news = vg_gate_prob(g, vg_gate_features(a, &s, NULL, 0));
    /* background: the same trigger sentences, told as history, an earlier incident or talk */
    s.n_current = 0;
    s.current_lede = 0;
    double back = vg_gate_prob(g, vg_gate_features(a, &s, NULL, 0));
    /* on the log-odds scale, where the model adds each signal's weight */
    double gap = log(news / (1 - news)) - log(back / (1 - back));
    if (gap < 0.4) printf("    news %.3f, background %.3f, log-odds gap %.3f\n", news, back, gap);
    CHECK(gap >= 0.4);
    vg_arena_free(a);
    vg_gate_free(g);
}

TEST(gate_model_loading)
{
    vg_gate *g = NULL;
    char err[256], path[4096];
    CHECK_INT(vg_gate_load("/nonexistent/model.txt", &g, err, sizeof err), VG_ERR_IO);
    CHECK(g == NULL);
    snprintf(path, sizeof path, "%s/gate/model.txt", vg_test_data_dir());
    CHECK_INT(vg_gate_load(path, &g, err, sizeof err), VG_OK);
    vg_gate_free(g);
    /* a model of another size (features changed, model not retrained) is refused */
    const char *bad = "solver_type L2R_LR\nnr_class 2\nlabel 1 -1\nnr_feature 3\nbias -1\nw\n0.1\n0.2\n0.3\n";
    char tmp[] = "/tmp/vigie-gate-XXXXXX";
    int fd = mkstemp(tmp);
    CHECK(fd >= 0);
    if (fd < 0) return;
    FILE *f = fdopen(fd, "w");
    fputs(bad, f);
    fclose(f);
    CHECK_INT(vg_gate_load(tmp, &g, err, sizeof err), VG_ERR_RESOURCE);
    CHECK(g == NULL);
    remove(tmp);
}

/* Every row of data/<lang>/gate.tsv names a domain the gate knows: the
 * table loads with its domains as classes (as the analyser loads it), and
 * a typo would be an error naming the file and line. */
TEST(gate_domains_in_data)
{
    static const char *const langs[] = {"en", "fr", "ar", "ru", "es"};
    for (size_t l = 0; l < sizeof langs / sizeof *langs; l++) {
        char path[4096], err[512] = "";
        snprintf(path, sizeof path, "%s/%s/gate.tsv", vg_test_data_dir(), langs[l]);
        vg_lexicon *lex = NULL;
        vg_status st = vg_lex_load_classes(path, &lex, vg_gate_domains, VG_GATE_DOMAINS, err, sizeof err);
        if (st != VG_OK) printf("    %s\n", err);
        CHECK_INT(st, VG_OK);
        CHECK(vg_lex_size(lex) > 50);
        vg_lex_free(lex);
    }
}

/* A domain word of gate.tsv says what a text is about only if conflict reports seldom use it
 * otherwise: Arabic "هدف" is a goal but also the target of a strike, "سقوط" a fall but also
 * casualties falling, "انقلاب" an overturned car but also a coup, "شاحنة" a truck and a truck
 * bomb, "حكم" a verdict and a rule, "سيول" floods and Seoul; Russian "столкнулись" collided and
 * clashed; Spanish "choque" a crash and a clash, "condena" a sentence and a condemnation,
 * "acciones" shares and actions, "condenado" convicted and condemned ("condenado a", sentenced
 * to, is crime); French "assassinat" a murder and a political assassination ("l'assassinat d'un
 * chef de village par des jihadistes"), "meurtrier" a murderer and deadly ("une attaque
 * meurtrière"). None of them is in a domain. */
TEST(gate_domain_words_are_unambiguous)
{
    static const char *const words[][2] = {
        {"ar", "هدف"}, {"ar", "أهداف"}, {"ar", "الفريق"}, {"ar", "جماهير"}, {"ar", "سقوط"}, {"ar", "انقلاب"},
        {"ar", "خروج"}, {"ar", "شاحنة"}, {"ar", "حافلة"}, {"ar", "حكم"}, {"ar", "الحكم"}, {"ar", "السوق"},
        {"ar", "سيول"}, {"ru", "столкнулись"}, {"es", "choque"}, {"es", "condena"}, {"es", "acciones"},
        {"es", "condenado"}, {"fr", "assassinat"}, {"fr", "meurtrier"}};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
        char path[4096], err[512] = "";
        snprintf(path, sizeof path, "%s/%s/gate.tsv", vg_test_data_dir(), words[k][0]);
        vg_lexicon *lex = NULL;
        CHECK_INT(vg_lex_load_classes(path, &lex, vg_gate_domains, VG_GATE_DOMAINS, err, sizeof err), VG_OK);
        vg_arena *a = vg_arena_new(1 << 12);
        vg_tok *t = NULL;
        size_t nt = 0, len = 0;
        CHECK(a && vg_tokenize(a, words[k][1], strlen(words[k][1]), &t, &nt) == VG_OK && nt == 1);
        const vg_lex_entry *e = lex && nt == 1 ? vg_lex_match(lex, t, nt, 0, &len) : NULL;
        CHECK(e == NULL);
        if (e) printf("    %s %s: a %s word\n", words[k][0], words[k][1], vg_gate_domains[e->cls]);
        vg_arena_free(a);
        vg_lex_free(lex);
    }
}
