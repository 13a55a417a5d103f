/* test_counts.c - a figure read by two casualty words counts once, however each reads its span. */
#include <stdlib.h>
#include <string.h>

#include "vigie.h"
#include "test.h"

static int fatalities_of(vg_env *env, const char *text)
{
    vg_doc *d;
    if (vg_doc_create(env, &d) != VG_OK) return -100;
    vg_input in = {0};
    in.source = in.ext_id = "t.txt";
    in.format = in.content_type = "text";
    in.lang = "fr";
    in.data = text;
    in.len = strlen(text);
    int f = -99;
    const char *json;
    size_t len;
    if (vg_doc_load(d, &in) == VG_OK && vg_doc_analyze(d) == VG_OK &&
        vg_doc_json(d, VG_JSON_EVENTS, &json, &len) == VG_OK) {
        const char *p = strstr(json, "\"fatalities\":");
        if (p) f = atoi(p + 13);
    }
    vg_doc_free(d);
    return f;
}

TEST(counts_one_figure_two_words)
{
    vg_env *env = NULL;
    char err[256];
    if (vg_env_open(vg_test_data_dir(), &env, err, sizeof err) != VG_OK) { CHECK(env != NULL); return; }
    /* "faisant" reads "au moins sept" from its start, "morts" reads "sept" from its end. */
    CHECK_INT(fatalities_of(env, "Un marché a été la cible de frappes aériennes vendredi, faisant au moins sept "
                                 "morts parmi les civils, selon une ONG.\n"), 7);
    CHECK_INT(fatalities_of(env, "Des frappes ont visé le camp lundi, faisant plus de vingt morts, selon une ONG.\n"), 20);
    /* Two figures for two groups still add up. */
    CHECK_INT(fatalities_of(env, "Des affrontements ont fait trois morts parmi les soldats et deux morts parmi les "
                                 "rebelles, selon une ONG.\n"), 5);
    vg_env_close(env);
}
