/* fuzz_places.c - libFuzzer target for vg_places_find on arbitrary bytes with the fixture gazetteer
 * (and vg_places_find_cl with Arabic's attached prefixes). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../lib/analyze/places.h"
#include "../../lib/core/arena.h"
#include "../../lib/text/clitics.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static vg_gazetteer *g;
static vg_arena *arena;
static vg_clitics *clitics;

/* The fixture gazetteer, compiled once per process (run from the repository
 * root, or with VIGIE_ROOT pointing at it). */
static int setup(void)
{
    if (g) return 0;
    const char *root = getenv("VIGIE_ROOT");
    char tsv[1024], w1[1024], w2[1024], w3[1024], w4[1024], w5[1024], cl[1024], out[256];
    snprintf(tsv, sizeof tsv, "%s/tests/fixtures/geo/places.tsv", root ? root : ".");
    snprintf(w1, sizeof w1, "%s/data/en/places-words.tsv", root ? root : ".");
    snprintf(w2, sizeof w2, "%s/data/fr/places-demonyms.tsv", root ? root : ".");
    snprintf(w3, sizeof w3, "%s/tests/fixtures/geo/common.dic", root ? root : ".");
    snprintf(w4, sizeof w4, "%s/data/ar/places-words.tsv", root ? root : ".");
    snprintf(w5, sizeof w5, "%s/data/ar/places-demonyms.tsv", root ? root : ".");
    snprintf(cl, sizeof cl, "%s/data/ar/clitics.tsv", root ? root : ".");
    const char *t = getenv("TMPDIR");
    snprintf(out, sizeof out, "%s/vg-fuzz-places-%ld.bin", t && *t ? t : "/tmp", (long)getpid());
    const char *tsvs[] = {tsv}, *words[] = {w1, w2, w3, w4, w5};
    char err[256];
    if (vg_clitics_load(cl, &clitics, err, sizeof err) != VG_OK || /* Arabic: words read without their prefixes */
        vg_gazetteer_build(tsvs, 1, words, 5, out, err, sizeof err) != VG_OK ||
        vg_gazetteer_load(out, &g, err, sizeof err) != VG_OK) {
        fprintf(stderr, "fuzz_places: %s\n", err);
        unlink(out);
        abort();
    }
    unlink(out);
    arena = vg_arena_new(1 << 16);
    return arena ? 0 : -1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (setup()) return 0;
    vg_arena_reset(arena);
    vg_place *p;
    size_t n;
    for (int pass = 0; pass < 2; pass++) {
        if (vg_places_find_cl(g, arena, (const char *)data, size, pass ? "ar" : NULL, pass ? clitics : NULL, &p, &n) != VG_OK)
            return 0;
        for (size_t i = 0; i < n; i++) {
            /* Spans inside the input, in text order; strings readable. */
            if (p[i].start >= p[i].end || p[i].end > size || (i && p[i].start < p[i - 1].start)) abort();
            if (!p[i].name || !p[i].iso2 || !p[i].country || strlen(p[i].iso2) != 2) abort();
            if (p[i].confidence < 0 || p[i].confidence > 1) abort();
        }
    }
    (void)vg_places_primary(p, n);
    (void)vg_gazetteer_country(g, (const char *)data, size);
    return 0;
}
