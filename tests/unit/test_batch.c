/* test_batch.c - documents loaded and analysed on several threads come back in input order,
 * exactly as one vg_doc would give them one after the other; bad inputs fail alone. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vigie.h"
#include "test.h"

static const char *const texts[] = {
    "Frappes près d'Idleb\n\nDes frappes aériennes ont tué trois civils mardi près d'Idleb, selon l'OSDH.\n",
    "Rebels attack army post\n\nRebels attacked an army post near Aleppo on Monday, killing two soldiers, officials said.\n",
    "",                                      /* empty: rejected */
    "abc\0def",                              /* binary: rejected (length set below) */
    "Protest in Lagos\n\nHundreds of protesters marched in Lagos on Friday; police fired tear gas and arrested 12 people.\n",
    "Météo\n\nIl fera beau demain sur toute la France, avec des températures de saison.\n",
    "Manifestation à Alger\n\nDes milliers de manifestants ont défilé vendredi à Alger contre le pouvoir.\n",
};
enum { N_TEXTS = sizeof texts / sizeof texts[0] };

static vg_input input_of(size_t k, char *name, size_t nn)
{
    vg_input in = {0};
    snprintf(name, nn, "doc%zu.txt", k);
    in.source = in.ext_id = name;
    in.format = in.content_type = "text";
    in.data = texts[k % N_TEXTS];
    in.len = k % N_TEXTS == 3 ? 7 : strlen(in.data);
    in.record = k;
    return in;
}

TEST(batch_matches_one_doc_in_order)
{
    vg_env *env = NULL;
    char err[256];
    if (vg_env_open(vg_test_data_dir(), &env, err, sizeof err) != VG_OK) { CHECK(env != NULL); return; }
    enum { N = 23 };
    /* What one document context gives, one input after the other. */
    char *want[N];
    vg_status want_st[N];
    vg_doc *d;
    CHECK(vg_doc_create(env, &d) == VG_OK);
    for (size_t k = 0; k < N; k++) {
        char name[32];
        vg_input in = input_of(k, name, sizeof name);
        want_st[k] = vg_doc_load(d, &in);
        if (want_st[k] == VG_OK) want_st[k] = vg_doc_analyze(d);
        const char *json = NULL;
        size_t len = 0;
        want[k] = want_st[k] == VG_OK && vg_doc_json(d, VG_JSON_EXTRACT | VG_JSON_EVENTS, &json, &len) == VG_OK
                      ? strndup(json, len) : NULL;
    }
    vg_doc_free(d);

    vg_batch *b;
    CHECK(vg_batch_create(env, 3, 5, &b) == VG_OK);
    if (!b) { vg_env_close(env); return; }
    CHECK_INT(vg_batch_threads(b), 3);
    size_t k = 0, seen = 0;
    while (k < N) {
        while (k < N && !vg_batch_full(b)) {
            char name[32];
            vg_input in = input_of(k++, name, sizeof name); /* name dies here: the batch copies it */
            CHECK(vg_batch_add(b, &in) == VG_OK);
        }
        if (vg_batch_full(b)) {
            char name[32];
            vg_input in = input_of(0, name, sizeof name);
            CHECK(vg_batch_add(b, &in) == VG_ERR_ARG);
        }
        vg_batch_load(b);
        vg_batch_analyze(b);
        for (size_t i = 0; i < vg_batch_count(b); i++, seen++) {
            vg_status st;
            vg_doc *bd = vg_batch_doc(b, i, &st);
            CHECK_INT(st, want_st[seen]);
            CHECK_INT(vg_batch_input(b, i)->record, seen);
            if (st != VG_OK) { CHECK(vg_doc_error(bd)[0] != 0); continue; }
            const char *json = NULL;
            size_t len = 0;
            CHECK(vg_doc_json(bd, VG_JSON_EXTRACT | VG_JSON_EVENTS, &json, &len) == VG_OK);
            CHECK(want[seen] && json && strlen(want[seen]) == len && !memcmp(want[seen], json, len));
        }
        vg_batch_clear(b);
    }
    CHECK_INT(seen, N);
    /* A skipped document is loaded but not analysed (nor prepared for a store). */
    char name[32];
    vg_input in = input_of(1, name, sizeof name);
    CHECK(vg_batch_add(b, &in) == VG_OK);
    in = input_of(2, name, sizeof name); /* empty: fails to load */
    CHECK(vg_batch_add(b, &in) == VG_OK);
    in = input_of(4, name, sizeof name);
    CHECK(vg_batch_add(b, &in) == VG_OK);
    vg_batch_set_prepare(b, 1);
    vg_batch_load(b);
    vg_batch_skip(b, 0);
    vg_batch_analyze(b);
    CHECK_INT(vg_doc_event_count(vg_batch_doc(b, 0, NULL)), 0);
    CHECK(vg_batch_prepared(b, 0) == NULL);
    CHECK(vg_batch_prepared(b, 1) == NULL);
    CHECK(vg_batch_prepared(b, 2) != NULL);
    CHECK(vg_batch_doc(b, 3, NULL) == NULL && vg_batch_prepared(b, 3) == NULL);
    vg_batch_load(b); /* a load drops what was prepared */
    CHECK(vg_batch_prepared(b, 2) == NULL);
    vg_batch_set_prepare(b, 0);
    vg_batch_analyze(b);
    CHECK(vg_batch_prepared(b, 2) == NULL);
    vg_batch_free(b);
    for (size_t i = 0; i < N; i++) free(want[i]);
    vg_env_close(env);
}

/* The per-outlet memory of repeated lines is learnt between batches: a short
 * line that every page of one outlet carries goes once two earlier pages had it. */
TEST(batch_learns_outlet_lines_between_batches)
{
    vg_env *env = NULL;
    char err[256];
    if (vg_env_open(vg_test_data_dir(), &env, err, sizeof err) != VG_OK) { CHECK(env != NULL); return; }
    vg_batch *b;
    CHECK(vg_batch_create(env, 2, 2, &b) == VG_OK);
    if (!b) { vg_env_close(env); return; }
    size_t removed_last = 0;
    for (int k = 0; k < 6; k++) {
        char text[512], name[64];
        snprintf(text, sizeof text, "Titre numéro %d\n\nLes habitants du village %d ont reçu la visite du préfet "
                 "lundi, qui a promis une nouvelle école.\n\nZorglub Quotidien Matin Édition Spéciale Du Soir\n\n"
                 "Le maire a salué une bonne nouvelle pour les familles de la commune.\n", k, k);
        snprintf(name, sizeof name, "quotidien/page%d.txt", k);
        vg_input in = {0};
        in.source = in.ext_id = name;
        in.format = in.content_type = "text";
        in.data = text;
        in.len = strlen(text);
        CHECK(vg_batch_add(b, &in) == VG_OK);
        if (vg_batch_full(b)) {
            vg_batch_load(b);
            vg_status st;
            vg_doc *d = vg_batch_doc(b, 1, &st);
            CHECK_INT(st, VG_OK);
            if (k < 3) CHECK(strstr(vg_doc_get(d, VG_F_TEXT), "Zorglub") != NULL); /* not yet learnt */
            removed_last = strstr(vg_doc_get(d, VG_F_TEXT), "Zorglub") == NULL;
            vg_batch_clear(b);
        }
    }
    CHECK_INT(removed_last, 1);
    vg_batch_free(b);
    vg_env_close(env);
}
