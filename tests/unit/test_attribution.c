/* test_attribution.c - an event's source is a person, an organisation or an outlet, or nothing:
 * never a time word, a fragment of a compound word or of the clause after it. */
#include <string.h>

#include "vigie.h"
#include "test.h"

/* The first event's attribution, as written in the JSON ("" when none). */
static const char *attribution_of(vg_env *env, const char *lang, const char *text, char *out, size_t cap)
{
    vg_doc *d;
    out[0] = 0;
    if (vg_doc_create(env, &d) != VG_OK) return out;
    vg_test_json_string(vg_test_events_json(d, lang, text), "attribution", out, cap);
    vg_doc_free(d);
    return out;
}

TEST(attribution_names_a_source)
{
    vg_env *env = NULL;
    char err[256], a[128];
    if (vg_env_open(vg_test_data_dir(), &env, err, sizeof err) != VG_OK) { CHECK(env != NULL); return; }
    /* a time word before the source is skipped; a circumstance after it ends it */
    CHECK_STR(attribution_of(env, "fr", "Des frappes aériennes ont visé le village d'Amra, a annoncé jeudi le ministère "
                                        "de la Défense au cours d'un point de presse.\n", a, sizeof a),
              "le ministère de la Défense");
    /* "d'après-midi" is no "d'après" */
    CHECK_STR(attribution_of(env, "fr", "Des manifestants ont défilé à Soueida, la manifestation s'est dispersée en "
                                        "début d'après-midi.\n", a, sizeof a), "");
    /* a clause or a pronoun names no one */
    CHECK_STR(attribution_of(env, "fr", "Trois soldats ont été tués dans une embuscade, a indiqué que l'armée.\n", a, sizeof a), "");
    CHECK_STR(attribution_of(env, "en", "Rioters clashed with police in Athens on Monday, he said.\n", a, sizeof a), "");
    CHECK_STR(attribution_of(env, "en", "Rioters clashed with police in Athens on Monday, according to police in "
                                        "Athens.\n", a, sizeof a), "police in Athens");
    CHECK_STR(attribution_of(env, "en", "Rioters clashed with police in Athens on Monday, witnesses said.\n", a, sizeof a),
              "witnesses");
    /* a passive or an auxiliary before the verb names no one */
    CHECK_STR(attribution_of(env, "en", "Rioters clashed with police in Athens on Monday, the deaths were reported.\n", a,
                             sizeof a), "");
    vg_env_close(env);
}
