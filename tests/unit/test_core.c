/* test_core.c - arena, buffers, UTF-8, JSON, hashing. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "../../lib/core/arena.h"
#include "../../lib/core/buf.h"
#include "../../lib/core/hash.h"
#include "../../lib/core/json.h"
#include "../../lib/core/keytable.h"
#include "../../lib/core/utf8.h"
#include "test.h"

TEST(arena_alloc_and_reset)
{
    vg_arena *a = vg_arena_new(1024);
    CHECK(a != NULL);
    char *big = vg_arena_alloc(a, 100000);
    CHECK(big != NULL);
    memset(big, 1, 100000);
    char *s = vg_arena_strdup(a, "hello");
    CHECK_STR(s, "hello");
    CHECK(((uintptr_t)vg_arena_alloc(a, 3) % sizeof(void *)) == 0);
    vg_arena_reset(a);
    CHECK_INT(vg_arena_used(a), 0);
    CHECK_STR(vg_arena_strndup(a, "abcdef", 3), "abc");
    vg_arena_free(a);
}

TEST(buf_printf_grows)
{
    vg_buf b = VG_BUF_INIT;
    for (int i = 0; i < 1000; i++) vg_buf_printf(&b, "%d,", i);
    CHECK(b.len > 3000);
    CHECK(!strncmp(b.data, "0,1,2,", 6));
    vg_buf_free(&b);
}

TEST(utf8_validation)
{
    CHECK_INT(vg_utf8_valid_prefix("abc", 3), 3);
    CHECK_INT(vg_utf8_valid_prefix("caf\xC3\xA9", 5), 5);
    CHECK_INT(vg_utf8_valid_prefix("caf\xE9", 4), 3);          /* Latin-1 é */
    CHECK_INT(vg_utf8_valid_prefix("\xC0\xAF", 2), 0);         /* overlong */
    CHECK_INT(vg_utf8_valid_prefix("\xED\xA0\x80", 3), 0);     /* surrogate */
    CHECK_INT(vg_utf8_valid_prefix("\xF4\x90\x80\x80", 4), 0); /* > U+10FFFF */
    CHECK_INT(vg_utf8_valid_prefix("a\xE2\x82", 3), 1);        /* truncated */
    /* two-byte characters (their own fast path) */
    CHECK_INT(vg_utf8_valid_prefix("\xD0\x9C\xD0\xB8\xD1\x80", 6), 6); /* Мир */
    CHECK_INT(vg_utf8_valid_prefix("\xD8\xA8\xD9", 3), 2);        /* truncated */
    CHECK_INT(vg_utf8_valid_prefix("\xD8\x41", 2), 0);             /* no continuation */
    CHECK_INT(vg_utf8_valid_prefix("\xC1\xBF", 2), 0);             /* overlong */
    CHECK_INT(vg_utf8_valid_prefix("x\xDF\xBF\xC2\x80", 5), 5);   /* U+07FF, U+0080 */
}

TEST(cp1252_conversion)
{
    vg_arena *a = vg_arena_new(0);
    size_t n;
    char *s = vg_cp1252_to_utf8(a, "\x93" "caf\xE9\x94", 6, &n);
    CHECK_STR(s, "\xE2\x80\x9C" "caf\xC3\xA9\xE2\x80\x9D");
    CHECK(vg_cp1252_to_utf8(a, "a\x81", 2, &n) == NULL);
    vg_arena_free(a);
}

TEST(binary_detection)
{
    CHECK(vg_looks_binary("ab\0cd", 5));
    CHECK(!vg_looks_binary("Une ligne\nune autre\n", 20));
    CHECK(vg_looks_binary("\x01\x02\x03\x04\x05\x06", 6));
}

TEST(nfc_and_fold)
{
    vg_arena *a = vg_arena_new(0);
    size_t n;
    /* e + combining acute -> é */
    CHECK_STR(vg_utf8_nfc(a, "e\xCC\x81", 3, &n), "\xC3\xA9");
    CHECK_STR(vg_fold(a, "Qa\xC3\xAF" "da", 6, &n), "qaida");
    CHECK_STR(vg_fold(a, "L\xE2\x80\x99" "Arm\xC3\xA9" "e", 12, &n), "l'armee");
    CHECK_STR(vg_fold(a, "\xC3\x89TAT", 5, &n), "etat");
    vg_arena_free(a);
}

/* vg_utf8_nfc copies runs of NFC-stable characters and normalises only what lies
 * between them: it must give utf8proc's NFC of the whole text for every code
 * point of the BMP (and the musical symbols, which NFC decomposes), after
 * letters it might compose with, followed by a mark, and on its own. */
TEST(nfc_by_stretches_is_utf8proc_nfc)
{
    vg_arena *a = vg_arena_new(0);
    static const int32_t before[] = {'e', 0x1100, 0xAC00, 0x0B47, 0x0DD9, 0x00E9, 0x0627};
    int bad = 0;
    for (int32_t cp = 0x80; cp < 0x1D200 && bad < 5; cp = cp == 0xFFFF ? 0x1D100 : cp + 1) {
        if (cp >= 0xD800 && cp <= 0xDFFF) continue;
        char in[128];
        size_t k = 0, n;
        for (size_t b = 0; b < sizeof before / sizeof before[0]; b++) {
            k += vg_utf8_encode(before[b], in + k);
            k += vg_utf8_encode(cp, in + k);
            in[k++] = ' ';
        }
        k += vg_utf8_encode(cp, in + k);
        k += vg_utf8_encode(0x0301, in + k); /* combining acute */
        k += vg_utf8_encode(cp, in + k);
        utf8proc_uint8_t *ref = NULL;
        utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)in, (utf8proc_ssize_t)k, &ref,
                                          (utf8proc_option_t)(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
        const char *got = vg_utf8_nfc(a, in, k, &n);
        if (r < 0 || !got || n != (size_t)r || memcmp(got, ref, n) != 0) {
            printf("    U+%04X: NFC differs from utf8proc's\n", (unsigned)cp);
            bad++;
        }
        free(ref);
    }
    CHECK_INT(bad, 0);
    size_t n;
    CHECK(vg_utf8_nfc_stable(0x00E9) && vg_utf8_nfc_stable(0x2019)); /* é, ’: copied as they are */
    CHECK(!vg_utf8_nfc_stable(0x0301) && !vg_utf8_nfc_stable(0x2126)); /* a mark; Ohm, NFC's Omega */
    CHECK_STR(vg_utf8_nfc(a, "caf\xC3\xA9 e\xCC\x81t\xC3\xA9", 12, &n), "caf\xC3\xA9 \xC3\xA9t\xC3\xA9");
    vg_arena_free(a);
}

/* The two-byte characters' classes come from a table built once: each must be utf8proc's. */
TEST(char_class_tables_are_utf8proc_categories)
{
    int bad = 0;
    for (int32_t cp = 0x80; cp < 0x900 && bad < 5; cp++) {
        utf8proc_category_t c = utf8proc_category(cp);
        int alnum = (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
                    (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO) || c == UTF8PROC_CATEGORY_MN ||
                    c == UTF8PROC_CATEGORY_MC;
        int upper = c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
        int caseless = c == UTF8PROC_CATEGORY_LO;
        if (!vg_is_alnum(cp) != !alnum || !vg_is_upper(cp) != !upper || !vg_is_caseless(cp) != !caseless) {
            printf("    U+%04X: class differs from utf8proc's\n", (unsigned)cp);
            bad++;
        }
    }
    CHECK_INT(bad, 0);
}

/* vg_fold reads two-byte characters and general punctuation from tables, ASCII
 * controls as they are: every one of them, after a letter, between letters and
 * before a mark, folds as utf8proc folds the whole (vg_fold_reference; and
 * through utf8proc_map for a text too long for the fast path, which is what
 * vg_fold did before). */
TEST(fold_tables_are_utf8proc_fold)
{
    vg_arena *a = vg_arena_new(0);
    static const int32_t ranges[][2] = {{0x01, 0x20}, {0x7F, 0x800}, {0x2000, 0x2070}};
    static char in[4200];
    int bad = 0;
    for (size_t r = 0; r < sizeof ranges / sizeof ranges[0]; r++)
        for (int32_t cp = ranges[r][0]; cp < ranges[r][1] && bad < 5; cp++) {
            size_t k = 0, n, hn;
            const int32_t word[] = {'b', cp, 'A', cp, 0x00E9, cp, 0x0301, 0x0431, cp};
            for (size_t w = 0; w < sizeof word / sizeof word[0]; w++) k += vg_utf8_encode(word[w], in + k);
            char ref[128], into[128];
            size_t rl = vg_fold_reference(in, k, ref, sizeof ref);
            size_t il = vg_fold_into(in, k, into, sizeof into);
            const char *f = vg_fold(a, in, k, &n);
            char *h = vg_fold_heap(in, k, &hn);
            int same = f && h && n == rl && hn == rl && il == rl && !memcmp(f, ref, rl) && !memcmp(h, ref, rl) &&
                       !memcmp(into, ref, rl);
            free(h);
            memset(in + k, ' ', 4100); /* past 4096 bytes vg_fold goes through utf8proc_map */
            h = vg_fold_heap(in, k + 4100, &hn);
            same = same && h && hn == rl + 4100 && !memcmp(h, ref, rl);
            free(h);
            if (!same) {
                printf("    U+%04X folds differently\n", (unsigned)cp);
                bad++;
            }
        }
    CHECK_INT(bad, 0);
    size_t n;
    CHECK_STR(vg_fold(a, "\xD0\x81\xD0\xBB\xD0\xBA\xD0\xB0 \xE2\x80\x94 \xC3\x87" "a", 16, &n), "\xD0\xB5\xD0\xBB\xD0\xBA\xD0\xB0 - ca");
    vg_arena_free(a);
}

/* vg_lower_heap is utf8proc's case fold and composition: its byte-by-byte path for ASCII and
 * basic Cyrillic words (every such character, between others, and the same with a combining
 * mark, a letter past U+045F or a broken sequence, which take utf8proc's way) gives the same. */
TEST(lower_heap_is_utf8proc_casefold)
{
    static const int32_t ranges[][2] = {{0x01, 0x80}, {0x3F0, 0x4A0}};
    static const int32_t tails[] = {0, 0x0306, 0x0460, 0x00C9};
    int bad = 0;
    for (size_t r = 0; r < 2; r++)
        for (int32_t cp = ranges[r][0]; cp < ranges[r][1]; cp++)
            for (size_t k = 0; k < sizeof tails / sizeof tails[0]; k++) {
                char in[32];
                size_t n = 0, ln = 0;
                const int32_t word[] = {0x0414, cp, 'a', 0x044F, cp, 'Z'};
                for (size_t w = 0; w < 6; w++) n += vg_utf8_encode(word[w], in + n);
                if (tails[k]) n += vg_utf8_encode(tails[k], in + n);
                utf8proc_uint8_t *ref = NULL;
                utf8proc_ssize_t rl = utf8proc_map((const utf8proc_uint8_t *)in, (utf8proc_ssize_t)n, &ref,
                                                   (utf8proc_option_t)(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD));
                char *low = vg_lower_heap(in, n, &ln);
                if (rl < 0 || !low || ln != (size_t)rl || memcmp(low, ref, ln)) {
                    if (bad++ < 5) printf("    U+%04X (tail U+%04X) lowers differently\n", (unsigned)cp, (unsigned)tails[k]);
                }
                free(ref);
                free(low);
            }
    CHECK_INT(bad, 0);
    size_t n;
    CHECK(vg_lower_heap("\xD0\xD0", 2, &n) == NULL); /* not UTF-8: refused, as utf8proc refuses it */
    char *e = vg_lower_heap("", 0, &n);
    CHECK(e != NULL && n == 0);
    free(e);
}

/* vg_utf8_char_len, the inline check json strings and NFC read characters with,
 * says what vg_utf8_valid_prefix says of the first character: every two-byte
 * start, with continuations and ASCII after it, cut at every length. */
TEST(utf8_char_len_is_valid_prefix)
{
    static const unsigned char third[] = {0x80, 0xBF, 0x41}, fourth[] = {0x80, 0x41};
    int bad = 0;
    for (unsigned b0 = 0; b0 < 256; b0++)
        for (unsigned b1 = 0; b1 < 256; b1++)
            for (size_t t = 0; t < sizeof third; t++)
                for (size_t f = 0; f < sizeof fourth; f++) {
                    const char buf[4] = {(char)b0, (char)b1, (char)third[t], (char)fourth[f]};
                    for (size_t n = 1; n <= 4; n++) {
                        size_t want = 0;
                        for (size_t k = 1; k <= n && !want; k++)
                            if (vg_utf8_valid_prefix(buf, k) == k) want = k;
                        if (vg_utf8_char_len(buf, n) != want && bad++ < 5)
                            printf("    %02X %02X %02X %02X cut at %zu\n", b0, b1, third[t], fourth[f], n);
                    }
                }
    CHECK_INT(bad, 0);
}

/* vg_utf8_decode's own two- and three-byte paths give what utf8proc_iterate gives (U+FFFD and
 * one byte where it finds no character): every lead and second byte, third bytes at the edges of
 * the continuation range and beyond, every cut. */
TEST(utf8_decode_is_utf8proc_iterate)
{
    static const unsigned char third[] = {0x00, 0x41, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xE2, 0xFF};
    int bad = 0;
    for (unsigned b0 = 0x80; b0 < 256; b0++)
        for (unsigned b1 = 0; b1 < 256; b1++)
            for (size_t t = 0; t < sizeof third; t++) {
                const char buf[4] = {(char)b0, (char)b1, (char)third[t], (char)0x80};
                for (size_t n = 1; n <= 4; n++) {
                    utf8proc_int32_t want;
                    utf8proc_ssize_t r = utf8proc_iterate((const utf8proc_uint8_t *)buf, (utf8proc_ssize_t)n, &want);
                    size_t want_len = r > 0 ? (size_t)r : 1, len = 0;
                    if (r <= 0) want = 0xFFFD;
                    int32_t cp = vg_utf8_decode(buf, n, &len);
                    if ((cp != want || len != want_len) && bad++ < 5)
                        printf("    %02X %02X %02X cut at %zu: U+%04X/%zu, utf8proc U+%04X/%zu\n", b0, b1, third[t], n,
                               (unsigned)cp, len, (unsigned)want, want_len);
                }
            }
    CHECK_INT(bad, 0);
}

TEST(json_write_escapes)
{
    vg_buf b = VG_BUF_INIT;
    vg_json_str(&b, "a\"b\\c\n\x01\xFF", 8);
    CHECK_STR(b.data, "\"a\\\"b\\\\c\\n\\u0001\xEF\xBF\xBD\"");
    vg_buf_free(&b);
}

TEST(json_parse_object)
{
    vg_arena *a = vg_arena_new(0);
    char err[128];
    const char *src = "{\"id\": \"x1\", \"n\": -1.5e2, \"ok\": true, \"t\": \"\\u00e9\\ud83d\\ude00\", \"a\": [1, null]}";
    vg_jval *v = vg_json_parse(a, src, strlen(src), err, sizeof err);
    CHECK(v != NULL);
    CHECK_STR(vg_json_get(v, "id")->str, "x1");
    CHECK(vg_json_get(v, "n")->num == -150.0);
    CHECK(vg_json_get(v, "ok")->boolean == 1);
    CHECK_STR(vg_json_get(v, "t")->str, "\xC3\xA9\xF0\x9F\x98\x80");
    CHECK_INT(vg_json_get(v, "a")->len, 2);
    CHECK(vg_json_get(v, "missing") == NULL);
    vg_arena_free(a);
}

TEST(json_parse_rejects)
{
    vg_arena *a = vg_arena_new(0);
    char err[128];
    const char *bad[] = {"{", "{\"a\":}", "[1,]", "{\"a\":1} x", "\"\\ud800\"", "01", "\"a\x01\"", "nul"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        CHECK(vg_json_parse(a, bad[i], strlen(bad[i]), err, sizeof err) == NULL);
        CHECK(err[0] != 0);
    }
    char deep[200];
    memset(deep, '[', sizeof deep);
    CHECK(vg_json_parse(a, deep, sizeof deep, err, sizeof err) == NULL);
    CHECK(strstr(err, "deep") != NULL);
    vg_arena_free(a);
}

/* A string's runs between escapes are copied whole, its scan skips what needs no look: long
 * runs, escapes at both ends and side by side, an escaped quote and backslash, and the
 * errors (a control character, a bad escape, an escape at the very end) as before. */
TEST(json_parse_string_runs_and_escapes)
{
    vg_arena *a = vg_arena_new(0);
    char err[128], src[700], want[700];
    size_t k = 0, w = 0;
    src[k++] = '"';
    for (int r = 0; r < 20; r++) {
        for (int i = 0; i < 20; i++) src[k++] = want[w++] = (char)('a' + (r + i) % 26);
        memcpy(src + k, r % 2 ? "\\n\\\"" : "\\\\\\u00e9", r % 2 ? 4 : 8);
        k += r % 2 ? 4 : 8;
        memcpy(want + w, r % 2 ? "\n\"" : "\\\xC3\xA9", r % 2 ? 2 : 3);
        w += r % 2 ? 2 : 3;
    }
    src[k++] = '"';
    want[w] = 0;
    vg_jval *v = vg_json_parse(a, src, k, err, sizeof err);
    CHECK(v && v->type == VG_JSTR && v->len == w && !strcmp(v->str, want));
    v = vg_json_parse(a, "\"\\tx\\\\\"", 7, err, sizeof err);
    CHECK(v && !strcmp(v->str, "\tx\\"));
    static const char *const bad[] = {"\"abc\x1f def\"", "\"abc\\q\"", "\"abc\\\"", "\"abc"};
    static const char *const why[] = {"control character", "bad escape", "unterminated", "unterminated"};
    for (size_t i = 0; i < 4; i++) {
        CHECK(vg_json_parse(a, bad[i], strlen(bad[i]), err, sizeof err) == NULL);
        CHECK(strstr(err, why[i]) != NULL);
    }
    vg_arena_free(a);
}

TEST(hash_is_stable)
{
    char hex[17];
    vg_hash_hex(vg_hash64("vigie", 5, 0), hex);
    CHECK_INT(strlen(hex), 16);
    CHECK(vg_hash64("vigie", 5, 0) == vg_hash64("vigie", 5, 0));
    CHECK(vg_hash64("vigie", 5, 0) != vg_hash64("vigie", 5, 1));
    CHECK_STR(hex, "51340d4debe9566b"); /* stored in databases: never changes */
    /* in steps, a prefix at a time: the same hash */
    uint64_t h = vg_hash64_add(vg_hash64_start(7), "vi", 2);
    CHECK(vg_hash64_end(h) == vg_hash64("vi", 2, 7));
    CHECK(vg_hash64_end(vg_hash64_add(h, "gie", 3)) == vg_hash64("vigie", 5, 7));
}

TEST(keytable_put_get_grow_clear)
{
    typedef struct { int64_t key; int value; } rec;
    vg_keytable *t = vg_keytable_new(sizeof(rec));
    CHECK(t != NULL);
    if (!t) return;
    int added = 0;
    for (int64_t k = -5000; k < 5000; k++) { /* past the first grow, negative keys too */
        rec *r = vg_keytable_put(t, k * 7919, &added);
        CHECK(r && added && r->key == k * 7919 && r->value == 0);
        if (r) r->value = (int)k;
    }
    CHECK_INT(vg_keytable_count(t), 10000);
    rec *r = vg_keytable_put(t, 42 * 7919, &added);
    CHECK(r && !added && r->value == 42);
    CHECK(vg_keytable_get(t, 3) == NULL);
    size_t pos = 0, seen = 0;
    long long sum = 0;
    for (rec *x; (x = vg_keytable_next(t, &pos));) { seen++; sum += x->value; }
    CHECK_INT(seen, 10000);
    CHECK_INT(sum, -5000);
    vg_keytable_clear(t);
    CHECK_INT(vg_keytable_count(t), 0);
    CHECK(vg_keytable_get(t, 42 * 7919) == NULL);
    vg_keytable_free(t);
}
