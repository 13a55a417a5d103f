/* test_tokens.c - word tokens, folding and Snowball stemming. */
#include <stdlib.h>
#include <string.h>

#include "../../lib/analyze/tokens.h"
#include "../../lib/core/arena.h"
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

/* A text that breaks vg_tokenize's precondition (valid UTF-8) is an encoding error, not
 * "out of memory": a caller names the document and the reason. */
TEST(tokenize_invalid_utf8_is_an_encoding_error)
{
    vg_arena *a = vg_arena_new(1 << 12);
    vg_tok *t = NULL;
    size_t n = 0;
    const char *bad[] = {"ab\xFF" "cd", "\xC3", "x \xE2\x82 y", "\xED\xA0\x80"};
    for (size_t k = 0; k < sizeof bad / sizeof *bad; k++)
        CHECK_INT(vg_tokenize(a, bad[k], strlen(bad[k]), &t, &n), VG_ERR_ENCODING);
    CHECK_INT(vg_tokenize(a, "Deux morts à Gao.", strlen("Deux morts à Gao."), &t, &n), VG_OK);
    CHECK_INT(n, 5);
    vg_arena_free(a);
}

/* The word vg_word_read reads at the start of s: its facts, its length in *end. */
static vg_word_facts word_at(const char *s, size_t *end)
{
    size_t n = strlen(s), len;
    int32_t cp = vg_utf8_decode(s, n, &len);
    vg_word_facts w;
    vg_word_read(s, n, 0, cp, len, &w);
    *end = w.end;
    return w;
}

TEST(tokens_word_rule_and_facts)
{
    size_t e;
    /* apostrophes (' U+2019), hyphens (- U+2010 U+2011), '&' and dashes end a word; marks do not */
    word_at("Dar'a", &e);
    CHECK_INT(e, 3);
    word_at("Syria\u2019s", &e);
    CHECK_INT(e, 5);
    word_at("al\u2010Bab", &e);
    CHECK_INT(e, 2);
    word_at("al\u2011Bab", &e);
    CHECK_INT(e, 2);
    word_at("J&K", &e);
    CHECK_INT(e, 1);
    word_at("e\u0301te\u2013", &e); /* a combining acute (Mn) is part of the word */
    CHECK_INT(e, 5);
    word_at("ab\xff" "cd", &e);    /* an invalid byte separates */
    CHECK_INT(e, 2);
    vg_word_facts w = word_at("NATO", &e);
    CHECK(w.caps && w.ascii && !w.digits);
    CHECK(!word_at("Nato", &e).caps);
    CHECK(!word_at("A", &e).caps);           /* one capital: no word in capitals */
    CHECK(word_at("3RD", &e).caps);          /* ASCII digits aside */
    CHECK(!word_at("12", &e).caps);          /* no letter */
    w = word_at("ÉTÉ", &e);
    CHECK(w.caps && !w.ascii && e == strlen("ÉTÉ"));
    w = word_at("\u0663\u0664", &e);         /* Arabic-Indic digits: a number, and no capitals */
    CHECK(w.digits && !w.caps && !w.ascii && e == 4);
    CHECK(!word_at("AB\u0663", &e).caps);
    CHECK(word_at("1984", &e).digits);
    CHECK(!word_at("12a", &e).digits);
}

/* The gap bits vg_tokenize gives each token of text, as "token:bits " (S stop, G glued, A apostrophe). */
static void gaps(const char *text, char *out, size_t cap)
{
    vg_arena *a = vg_arena_new(4096);
    vg_tok *t;
    size_t nt, o = 0;
    out[0] = 0;
    if (a && vg_tokenize(a, text, strlen(text), &t, &nt) == VG_OK)
        for (size_t i = 0; i < nt; i++)
            o += (size_t)snprintf(out + o, o < cap ? cap - o : 0, "%.*s:%s%s%s%s ", (int)(t[i].end - t[i].start),
                                  text + t[i].start, t[i].gap & VG_GAP_STOP ? "S" : "", t[i].gap & VG_GAP_GLUED ? "G" : "",
                                  t[i].gap & VG_GAP_APOS ? "A" : "", t[i].caps ? "C" : "");
    vg_arena_free(a);
}

TEST(tokenize_gap_flags)
{
    char g[512];
    gaps("Dar'a J&K al-Bab. NATO\nSud \u00bbx", g, sizeof g);
    CHECK_STR(g, "Dar:S a:GA J:G &: K:G al:G Bab:G .: NATO:SC Sud:S \u00bb: x: ");
    /* U+2019 is an apostrophe, U+2011 a hyphen; U+2013 breaks a name, as a tab does; an apostrophe
     * with a space beside it glues without being one ("a ' b") */
    gaps("Syria\u2019s a\u2011b a\u2013b a ' b a\tb", g, sizeof g);
    CHECK_STR(g, "Syria:S s:GA a:G b:G a:G b: a:G b:G a:G b: ");
    gaps("x: y? \"z\" 3RD", g, sizeof g);
    CHECK_STR(g, "x:S :: y:S ?: \": z:S \": 3RD:SC ");
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

/* A stemmer with a small cache stems as the default one, its words evicting each other: the
 * same stems for many words, asked twice. */
TEST(stem_small_cache_same_stems)
{
    vg_stemmer *big = vg_stemmer_new("ru", 2), *small = vg_stemmer_new_cached("ru", 2, 16);
    CHECK(big != NULL && small != NULL);
    if (!big || !small) { vg_stemmer_free(big); vg_stemmer_free(small); return; }
    static const char *const ends[] = {"\xD0\xB0", "\xD0\xB5", "\xD0\xBE\xD0\xB9", "\xD1\x83", "\xD0\xB0\xD0\xBC\xD0\xB8"};
    int bad = 0;
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < 40; i++) {
            char w[64];
            /* "город" + a letter + an ending: 200 words, more than 16 slots hold */
            int n = snprintf(w, sizeof w, "\xD0\xB3\xD0\xBE\xD1\x80\xD0\xBE\xD0\xB4%c%c%s", 0xD0, 0xB0 + i % 16,
                             ends[i % 5]);
            size_t l1, l2;
            char a[64];
            const char *s1 = vg_stem(big, w, (size_t)n, &l1);
            if (!s1 || l1 >= sizeof a) { bad++; continue; }
            memcpy(a, s1, l1);
            const char *s2 = vg_stem(small, w, (size_t)n, &l2);
            bad += !s2 || l1 != l2 || memcmp(a, s2, l1);
        }
    CHECK_INT(bad, 0);
    vg_stemmer_free(big);
    vg_stemmer_free(small);
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
