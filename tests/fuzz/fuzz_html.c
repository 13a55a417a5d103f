/* fuzz_html.c - libFuzzer target for the HTML extractor (charset, SAX, scoring, metadata). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "vigie.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static vg_env *env;
static vg_doc *doc;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!env) {
        char err[256];
        if (vg_env_open(NULL, &env, err, sizeof err) != VG_OK) abort();
        if (vg_doc_create(env, &doc) != VG_OK) abort();
    }
    vg_input in = {0};
    in.source = in.ext_id = "fuzz.html";
    in.format = in.content_type = "html";
    in.data = (const char *)data;
    in.len = size;
    /* a first byte of 'W' plays an HTTP header saying windows-1251 */
    if (size && data[0] == 'W') in.charset = "windows-1251";
    if (vg_doc_load(doc, &in) == VG_OK) {
        volatile size_t sum = 0;
        for (int f = 0; f < VG_F_COUNT; f++) {
            const char *s = vg_doc_get(doc, (vg_field)f);
            sum += s ? strlen(s) : 0;
        }
        const char *js;
        size_t jl;
        if (vg_doc_json(doc, VG_JSON_EXTRACT, &js, &jl) == VG_OK) sum += jl;
        (void)sum;
    }
    return 0;
}
