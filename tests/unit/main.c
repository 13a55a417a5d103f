/* main.c - runs every registered unit test, or those whose name contains argv[1]. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"

typedef struct { const char *name, *file; vg_test_fn fn; } entry;
static entry tests[1024];
static int n_tests;
int vg_test_current_failed;

void vg_test_register(const char *name, const char *file, vg_test_fn fn)
{
    if (n_tests < (int)(sizeof tests / sizeof tests[0])) tests[n_tests++] = (entry){name, file, fn};
}

void vg_test_fail(const char *file, int line, const char *expr)
{
    vg_test_current_failed = 1;
    printf("    %s:%d: CHECK failed: %s\n", file, line, expr);
}

const char *vg_test_data_dir(void)
{
    const char *d = getenv("VIGIE_DATA");
    return d && *d ? d : "data";
}

vg_input vg_test_text_input(const char *lang, const char *text)
{
    vg_input in = {0};
    in.source = in.ext_id = "t.txt";
    in.format = in.content_type = "text";
    in.lang = lang;
    in.data = text;
    in.len = strlen(text);
    return in;
}

const char *vg_test_events_json(vg_doc *d, const char *lang, const char *text)
{
    vg_input in = vg_test_text_input(lang, text);
    const char *json;
    size_t len;
    if (vg_doc_load(d, &in) != VG_OK || vg_doc_analyze(d) != VG_OK || vg_doc_json(d, VG_JSON_EVENTS, &json, &len) != VG_OK)
        return NULL;
    return json;
}

const char *vg_test_json_string(const char *json, const char *key, char *out, size_t cap)
{
    char pat[64];
    snprintf(pat, sizeof pat, "\"%s\":\"", key);
    const char *p = json ? strstr(json, pat) : NULL;
    size_t n = p ? strcspn(p += strlen(pat), "\"") : 0;
    if (n >= cap) n = cap - 1;
    if (n) memcpy(out, p, n);
    out[n] = 0;
    return out;
}

int main(int argc, char **argv)
{
    int passed = 0, failed = 0;
    for (int i = 0; i < n_tests; i++) {
        if (argc > 1 && !strstr(tests[i].name, argv[1]) && !strstr(tests[i].file, argv[1])) continue;
        vg_test_current_failed = 0;
        tests[i].fn();
        const char *base = strrchr(tests[i].file, '/');
        printf("%s unit %s:%s\n", vg_test_current_failed ? "FAIL" : "PASS", base ? base + 1 : tests[i].file, tests[i].name);
        if (vg_test_current_failed) failed++; else passed++;
    }
    printf("unit: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
