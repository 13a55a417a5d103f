/* test_dedup.c - word splitting, folded-token hash, MinHash similarity and LSH bands. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../lib/core/arena.h"
#include "../../lib/dedup/lsh.h"
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
    /* the band keys come back too: the band index is rebuilt from storage */
    CHECK(memcmp(back.band, s1.band, sizeof s1.band) == 0);
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

/* A signature whose bands are all `key` (+ band number): what the index sees. */
static vg_dedup_sig fake_sig(int64_t key)
{
    vg_dedup_sig s;
    memset(&s, 0, sizeof s);
    s.n_words = s.n_shingles = 10;
    for (int b = 0; b < VG_MH_BANDS; b++) s.band[b] = key * 1000 + b;
    return s;
}

TEST(dedup_lsh_candidates_oldest_first_within_window)
{
    vg_lsh *x = vg_lsh_new();
    CHECK(x != NULL);
    if (!x) return;
    int64_t out[VG_MH_BANDS * 16];
    vg_dedup_sig a = fake_sig(7), b = fake_sig(8);
    /* one shared band only: still a candidate */
    vg_dedup_sig half = fake_sig(9);
    half.band[5] = a.band[5];
    CHECK_INT(vg_lsh_add(x, &a, 10, 16), 0);
    CHECK_INT(vg_lsh_add(x, &b, 11, 16), 0);
    CHECK_INT(vg_lsh_add(x, &a, 12, 16), 0);
    size_t n = vg_lsh_candidates(x, &a, 13, 16, out, 64);
    CHECK_INT(n, 2);
    CHECK(n == 2 && out[0] == 10 && out[1] == 12);
    CHECK_INT(vg_lsh_candidates(x, &half, 13, 16, out, 64), 2);
    /* the article itself is never its own candidate */
    CHECK_INT(vg_lsh_candidates(x, &b, 11, 16, out, 64), 0);
    /* per band: the oldest per_band holders only, and no more are stored */
    for (int64_t id = 20; id < 40; id++) CHECK_INT(vg_lsh_add(x, &b, id, 4), 0);
    n = vg_lsh_candidates(x, &b, 50, 4, out, 64);
    CHECK_INT(n, 4);
    CHECK(n == 4 && out[0] == 11 && out[3] == 22);
    CHECK_INT(vg_lsh_count(x), 23);
    /* the window: the previous generation still answers, older ones do not */
    int64_t g = VG_LSH_GENERATION;
    vg_dedup_sig c = fake_sig(3);
    CHECK_INT(vg_lsh_add(x, &c, g + 5, 16), 0);
    CHECK_INT(vg_lsh_candidates(x, &a, g + 6, 16, out, 64), 2); /* 10 and 12, generation 0 */
    CHECK_INT(vg_lsh_add(x, &c, 2 * g + 1, 16), 0);             /* generation 0 leaves */
    CHECK_INT(vg_lsh_candidates(x, &a, 2 * g + 2, 16, out, 64), 0);
    n = vg_lsh_candidates(x, &c, 2 * g + 2, 16, out, 64);
    CHECK(n == 2 && out[0] == g + 5 && out[1] == 2 * g + 1);
    CHECK_INT(vg_lsh_window_start(2 * g + 2), g);
    CHECK_INT(vg_lsh_window_start(5), 0);
    /* a jump past the window forgets everything */
    CHECK_INT(vg_lsh_add(x, &a, 9 * g, 16), 0);
    CHECK_INT(vg_lsh_count(x), 1);
    vg_lsh_clear(x);
    CHECK_INT(vg_lsh_count(x), 0);
    CHECK_INT(vg_lsh_candidates(x, &a, 9 * g + 1, 16, out, 64), 0);
    /* grows past its first table and finds every article again */
    for (int64_t id = 1; id <= 3000; id++) {
        vg_dedup_sig s = fake_sig(100 + id);
        CHECK_INT(vg_lsh_add(x, &s, id, 16), 0);
    }
    int found = 0;
    for (int64_t id = 1; id <= 3000; id += 7) {
        vg_dedup_sig s = fake_sig(100 + id);
        found += vg_lsh_candidates(x, &s, 5000, 16, out, 64) == 1 && out[0] == id;
    }
    CHECK_INT(found, 429);
    vg_lsh_free(x);
}
