/* fuzz_dedup.c - libFuzzer target for the dedup/clustering parsers: word splitting, signatures,
 * stored-signature unpacking, clustering features of a hand-made document, years and dates. */
#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../lib/cluster/features.h"
#include "../../lib/cluster/score.h"
#include "../../lib/core/arena.h"
#include "../../lib/core/utf8.h"
#include "../../lib/dedup/minhash.h"
#include "../../lib/dedup/words.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    vg_arena *a = vg_arena_new(0);
    if (!a) return 0;
    /* the pipeline hands these modules valid UTF-8 only: keep the valid prefix */
    size_t n = vg_utf8_valid_prefix((const char *)data, size);
    char *text = vg_arena_strndup(a, (const char *)data, n);
    vg_word *w;
    size_t nw;
    if (text && vg_words(a, text, n, 5000, &w, &nw) == 0) {
        for (size_t i = 0; i < nw; i++) assert(w[i].start < w[i].end && w[i].end <= n);
    }
    vg_dedup_sig s, t;
    if (text && vg_dedup_sign(a, text, n, &s) == VG_OK) {
        double sim = vg_dedup_similarity(&s, &s);
        assert(sim == (s.n_shingles ? 1.0 : 0.0));
    }
    if (vg_dedup_unpack(data, size, &t) == 0) assert(size == VG_MH_K * 4);
    if (text) {
        uint16_t years[VG_CL_MAX_YEARS], pub;
        size_t ny = vg_cl_years_parse(text, years, &pub);
        assert(ny <= VG_CL_MAX_YEARS);
        assert(pub == 0 || (pub >= 1950 && pub <= 2099));
        (void)vg_cl_day_number(text);
        /* features of a document with this text, as title and body */
        vg_doc d;
        memset(&d, 0, sizeof d);
        d.arena = a;
        d.fields[VG_F_TEXT] = text;
        d.text_len = n;
        d.fields[VG_F_TITLE] = text;
        d.fields[VG_F_PUBLISHED] = text;
        vg_cl_doc f;
        if (vg_cl_extract(&d, &f) == VG_OK && f.n) {
            double *df = vg_arena_calloc(a, f.n, sizeof *df);
            if (df) {
                vg_cl_weigh(&f, df, 1);
                assert(f.n <= VG_CL_MAX_TERMS);
            }
        }
    }
    vg_arena_free(a);
    return 0;
}
