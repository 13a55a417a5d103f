/* test_doc.c - vg_doc_load: encodings, rejections, JSON output. */
#include <string.h>

#include "vigie.h"
#include "../../lib/core/arena.h"
#include "../../lib/core/json.h"
#include "test.h"

static vg_env *env_open(void)
{
    vg_env *env = NULL;
    char err[256];
    if (vg_env_open(vg_test_data_dir(), &env, err, sizeof err) != VG_OK) printf("    env: %s\n", err);
    return env;
}

static vg_status load(vg_doc *d, const char *data, size_t n)
{
    vg_input in = {0};
    in.source = "t.txt";
    in.ext_id = "t.txt";
    in.format = "text";
    in.content_type = "text";
    in.data = data;
    in.len = n;
    return vg_doc_load(d, &in);
}

TEST(doc_converts_cp1252)
{
    vg_env *env = env_open();
    CHECK(env != NULL);
    if (!env) return;
    vg_doc *d;
    CHECK(vg_doc_create(env, &d) == VG_OK);
    const char latin1[] = "Les forces de s\xE9" "curit\xE9 ont arr\xEAt\xE9 deux hommes \xE0 Lyon, selon la police.\n";
    CHECK_INT(load(d, latin1, sizeof latin1 - 1), VG_OK);
    CHECK(strstr(vg_doc_get(d, VG_F_TEXT), "s\xC3\xA9" "curit\xC3\xA9") != NULL);
    vg_doc_free(d);
    vg_env_close(env);
}

TEST(doc_rejects_binary_and_empty)
{
    vg_env *env = env_open();
    if (!env) { CHECK(env != NULL); return; }
    vg_doc *d;
    CHECK(vg_doc_create(env, &d) == VG_OK);
    CHECK_INT(load(d, "abc\0def", 7), VG_ERR_BINARY);
    CHECK(strstr(vg_doc_error(d), "binary") != NULL);
    CHECK_INT(load(d, " \n\t\n", 4), VG_ERR_EMPTY);
    CHECK_INT(load(d, "", 0), VG_ERR_EMPTY);
    /* not UTF-8 and not Windows-1252 either (0x81 is undefined there) */
    CHECK_INT(load(d, "caf\xC3 \x81 text here", 15), VG_ERR_ENCODING);
    vg_doc_free(d);
    vg_env_close(env);
}

TEST(doc_json_is_valid)
{
    vg_env *env = env_open();
    if (!env) { CHECK(env != NULL); return; }
    vg_doc *d;
    CHECK(vg_doc_create(env, &d) == VG_OK);
    const char text[] = "Titre \"cit\xC3\xA9\"\n\nUn paragraphe\tavec une tabulation et une phrase compl\xC3\xA8te.\n";
    CHECK_INT(load(d, text, sizeof text - 1), VG_OK);
    const char *json;
    size_t len;
    CHECK_INT(vg_doc_json(d, VG_JSON_EXTRACT | VG_JSON_REMOVED | VG_JSON_EVENTS, &json, &len), VG_OK);
    vg_arena *a = vg_arena_new(0);
    char err[128];
    vg_jval *v = vg_json_parse(a, json, len, err, sizeof err);
    CHECK(v != NULL);
    CHECK_STR(vg_json_get(v, "doc")->str, "t.txt");
    CHECK(vg_json_get(v, "events")->type == VG_JARR);
    CHECK_INT(strlen(vg_json_get(v, "hash")->str), 16);
    vg_arena_free(a);
    vg_doc_free(d);
    vg_env_close(env);
}

TEST(doc_same_text_same_hash)
{
    vg_env *env = env_open();
    if (!env) { CHECK(env != NULL); return; }
    vg_doc *d;
    CHECK(vg_doc_create(env, &d) == VG_OK);
    const char a[] = "Une phrase compl\xC3\xA8te sur un sujet.\r\n";
    const char b[] = "Une phrase comple\xCC\x80te sur un sujet.\n"; /* decomposed accent, LF */
    CHECK_INT(load(d, a, sizeof a - 1), VG_OK);
    char h1[17];
    strcpy(h1, vg_doc_get(d, VG_F_HASH));
    CHECK_INT(load(d, b, sizeof b - 1), VG_OK);
    CHECK_STR(vg_doc_get(d, VG_F_HASH), h1);
    vg_doc_free(d);
    vg_env_close(env);
}

/* Plain text in UTF-16 with its byte-order mark is decoded, not refused as binary. */
TEST(doc_utf16_text_with_bom)
{
    vg_env *env = NULL;
    vg_doc *d = NULL;
    char err[256];
    CHECK_INT(vg_env_open(vg_test_data_dir(), &env, err, sizeof err), VG_OK);
    if (!env || vg_doc_create(env, &d) != VG_OK) { vg_env_close(env); return; }
    const char *ascii = "Rebels attacked an army post near Aleppo on Monday.";
    size_t n = strlen(ascii);
    char buf[256];
    buf[0] = (char)0xFE;
    buf[1] = (char)0xFF;
    for (size_t i = 0; i < n; i++) { buf[2 + 2 * i] = 0; buf[3 + 2 * i] = ascii[i]; }
    CHECK_INT(load(d, buf, 2 * n + 2), VG_OK);
    CHECK(strstr(vg_doc_get(d, VG_F_TEXT) ? vg_doc_get(d, VG_F_TEXT) : "", "army post near Aleppo") != NULL);
    vg_doc_free(d);
    vg_env_close(env);
}
