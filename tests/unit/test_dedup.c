/* test_dedup.c - word splitting, folded-token hash, MinHash similarity and LSH bands. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../lib/core/arena.h"
#include "../../lib/dedup/minhash.h"
#include "../../lib/dedup/words.h"
#include "test.h"

TEST(words_split_fold_and_flags)
{
    vg_arena *a = vg_arena_new(0);
    const char *t = "Les Djihadistes ont attaqué. Selon l'OSDH, 12 morts à Alep";
    vg_word *w;
    size_t n;
    CHECK(vg_words(a, t, strlen(t), 1000, &w, &n) == 0);
    CHECK_INT(n, 11);
    CHECK_STR(w[0].fold, "les");
    CHECK(w[0].sentence_start);
    CHECK(w[1].capitalised && !w[1].sentence_start);
    CHECK_STR(w[3].fold, "attaque"); /* accent folded */
    CHECK(w[4].sentence_start);      /* after the full stop */
    CHECK_STR(w[6].fold, "osdh");
    CHECK(w[7].numeric);
    CHECK_STR(w[9].fold, "a");
    CHECK_INT(w[10].start, strlen(t) - 4);
    CHECK_INT(w[10].end, strlen(t));
    /* bounded: max_words cuts */
    CHECK(vg_words(a, t, strlen(t), 3, &w, &n) == 0);
    CHECK_INT(n, 3);
    vg_arena_free(a);
}

/* Invented but varied text: words drawn from a seed so that two seeds give
 * unrelated articles. */
static char *gen_text(unsigned seed, int paragraphs)
{
    static const char *const vocab[] = {
        "army", "village", "convoy", "market", "officials", "said", "attack", "north", "river", "police",
        "council", "hospital", "bridge", "wounded", "killed", "rebels", "talks", "mayor", "school", "road",
        "Monday", "Tuesday", "fighting", "shelling", "aid", "province", "capital", "border", "witnesses", "report"};
    size_t cap = (size_t)paragraphs * 800 + 1;
    char *s = malloc(cap);
    size_t o = 0;
    unsigned x = seed * 2654435761u + 1;
    for (int p = 0; p < paragraphs; p++) {
        for (int w = 0; w < 60; w++) {
            x = x * 1103515245u + 12345u;
            o += (size_t)snprintf(s + o, cap - o, "%s%s", w ? " " : "", vocab[(x >> 16) % 30]);
        }
        o += (size_t)snprintf(s + o, cap - o, ".\n\n");
    }
    return s;
}

TEST(dedup_exact_ignores_spacing_and_case)
{
    vg_arena *a = vg_arena_new(0);
    vg_dedup_sig x, y, z;
    const char *t1 = "Rebels attacked the Camp on Monday, officials said.";
    const char *t2 = "rebels  attacked THE camp\non monday -- officials said";
    const char *t3 = "Rebels attacked the camp on Tuesday, officials said.";
    CHECK(vg_dedup_sign(a, t1, strlen(t1), &x) == VG_OK);
    CHECK(vg_dedup_sign(a, t2, strlen(t2), &y) == VG_OK);
    CHECK(vg_dedup_sign(a, t3, strlen(t3), &z) == VG_OK);
    CHECK(x.token_hash == y.token_hash);
    CHECK(x.token_hash != z.token_hash);
    CHECK(vg_dedup_similarity(&x, &y) == 1.0);
    vg_arena_free(a);
}

TEST(dedup_near_duplicate_survives_rewrite)
{
    vg_arena *a = vg_arena_new(0);
    char *orig = gen_text(1, 6);
    char *other = gen_text(2, 6);
    /* republished: new title and chrome lines, last paragraph trimmed (the
     * generator is deterministic: 5 paragraphs are a prefix of 6) */
    size_t ol = strlen(orig);
    char *cut = gen_text(1, 5);
    char *re = malloc(ol + 200);
    snprintf(re, ol + 200, "Breaking: a new headline\nShare on Facebook\n\n%s\nRead more", cut);
    vg_dedup_sig s1, s2, s3;
    CHECK(vg_dedup_sign(a, orig, ol, &s1) == VG_OK);
    CHECK(vg_dedup_sign(a, re, strlen(re), &s2) == VG_OK);
    CHECK(vg_dedup_sign(a, other, strlen(other), &s3) == VG_OK);
    CHECK(s1.token_hash != s2.token_hash);
    CHECK(vg_dedup_similarity(&s1, &s2) >= VG_MH_THRESHOLD);
    CHECK(vg_dedup_similarity(&s1, &s3) < 0.2);
    int shared_band = 0;
    for (int b = 0; b < VG_MH_BANDS; b++) shared_band |= s1.band[b] == s2.band[b];
    CHECK(shared_band);
    /* storage round trip */
    unsigned char packed[VG_MH_K * 4];
    vg_dedup_pack(&s1, packed);
    vg_dedup_sig back;
    CHECK(vg_dedup_unpack(packed, sizeof packed, &back) == 0);
    CHECK(vg_dedup_similarity(&s1, &back) == 1.0);
    CHECK(vg_dedup_unpack(packed, sizeof packed - 1, &back) == -1);
    free(orig); free(other); free(cut); free(re);
    vg_arena_free(a);
}

TEST(dedup_short_text_has_no_minhash)
{
    vg_arena *a = vg_arena_new(0);
    vg_dedup_sig x;
    CHECK(vg_dedup_sign(a, "two words", 9, &x) == VG_OK);
    CHECK_INT(x.n_shingles, 0);
    CHECK(vg_dedup_similarity(&x, &x) == 0);
    CHECK(vg_dedup_sign(a, "", 0, &x) == VG_OK);
    CHECK_INT(x.n_words, 0);
    vg_arena_free(a);
}
