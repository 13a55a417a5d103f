/* test_tokens.c - word tokens, folding and Snowball stemming. */
#include <stdlib.h>
#include <string.h>

#include "../../lib/core/utf8.h"
#include "../../lib/text/stem.h"
#include "../../lib/text/tokens.h"
#include "test.h"

static int words(const char *s, char out[][64], int max)
{
    vg_tokens t;
    vg_tokens_init(&t, s, strlen(s));
    size_t a, b;
    int n = 0;
    while (n < max && vg_tokens_next(&t, &a, &b)) {
        size_t l = b - a < 63 ? b - a : 63;
        memcpy(out[n], s + a, l);
        out[n][l] = 0;
        n++;
    }
    return n;
}

TEST(tokens_split_on_punctuation_keep_offsets)
{
    char w[16][64];
    CHECK_INT(words("L'armée d’al-Qaïda, 12 morts.", w, 16), 7);
    CHECK_STR(w[0], "L");
    CHECK_STR(w[1], "armée");
    CHECK_STR(w[2], "d");
    CHECK_STR(w[3], "al");
    CHECK_STR(w[4], "Qaïda");
    CHECK_STR(w[5], "12");
    vg_tokens t;
    const char *s = "  ab  cd";
    vg_tokens_init(&t, s, strlen(s));
    size_t a, b;
    CHECK(vg_tokens_next(&t, &a, &b));
    CHECK_INT(a, 2);
    CHECK_INT(b, 4);
    CHECK(vg_tokens_next(&t, &a, &b));
    CHECK_INT(a, 6);
    CHECK(!vg_tokens_next(&t, &a, &b));
}

TEST(tokens_invalid_utf8_and_empty)
{
    char w[4][64];
    CHECK_INT(words("", w, 4), 0);
    CHECK_INT(words("!!! ...", w, 4), 0);
    CHECK_INT(words("ab\xFF" "cd", w, 4), 2);
    vg_tokens t;
    vg_tokens_init(&t, NULL, 0);
    size_t a, b;
    CHECK(!vg_tokens_next(&t, &a, &b));
}

TEST(token_fold_case_and_accents)
{
    char f[64];
    CHECK_INT(vg_token_fold("Qaïda", strlen("Qaïda"), f, sizeof f), 5);
    CHECK_STR(f, "qaida");
    CHECK(vg_token_fold("ÉTÉ", strlen("ÉTÉ"), f, sizeof f) > 0);
    CHECK_STR(f, "ete");
    CHECK(vg_token_fold("Attacked", 8, f, sizeof f) == 8);
    CHECK_STR(f, "attacked");
    CHECK_INT(vg_token_fold("abcdef", 6, f, 4), 0); /* does not fit */
}

TEST(stem_by_language)
{
    vg_stemmer *fr = vg_stemmer_new("fr", 2), *en = vg_stemmer_new("en-GB", 5);
    CHECK(fr != NULL);
    CHECK(en != NULL);
    CHECK(vg_stemmer_new("zz", 2) == NULL);
    CHECK(vg_stemmer_new("", 0) == NULL);
    if (!fr || !en) return;
    size_t n1, n2;
    char a[64], b[64];
    const char *s = vg_stem(fr, "frappes", 7, &n1);
    memcpy(a, s, n1); a[n1] = 0;
    s = vg_stem(fr, "frappe", 6, &n2);
    memcpy(b, s, n2); b[n2] = 0;
    CHECK_STR(a, b);
    s = vg_stem(en, "attacked", 8, &n1);
    memcpy(a, s, n1); a[n1] = 0;
    CHECK_STR(a, "attack");
    vg_stemmer_free(fr);
    vg_stemmer_free(en);
    vg_stemmer_free(NULL);
}

TEST(token_fold_matches_vg_fold)
{
    /* the stack-buffer path must give what vg_fold gives for words */
    /* "Qurʼan": U+02BC is a letter to the word splitter and an apostrophe to vg_fold */
    const char *words_[] = {"Qaïda", "ÉLYSÉE", "naïve", "Straße", "ﬁn", "Ḑàḿàšçūș", "İstanbul", "Ωμέγα", "٣٤",
                            "Qurʼan", "Sanʼa"};
    for (size_t i = 0; i < sizeof words_ / sizeof *words_; i++) {
        char f[64];
        size_t n = vg_token_fold(words_[i], strlen(words_[i]), f, sizeof f), m;
        char *g = vg_fold_heap(words_[i], strlen(words_[i]), &m);
        CHECK(g != NULL);
        if (!g) continue;
        CHECK_INT(n, m);
        CHECK_STR(f, g);
        free(g);
    }
}
