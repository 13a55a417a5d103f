/* fuzz_chrome.c - libFuzzer target for plain-text chrome removal (lines, patterns, title, outlet memory). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "vigie.h"
#include "fuzz_env.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    vg_doc *doc = fuzz_doc();
    vg_input in = {0};
    in.source = "fuzz/outlet/input.txt";
    in.ext_id = "input.txt";
    in.format = "text";
    in.content_type = "text";
    /* The first byte picks whether the input names an outlet and a title. */
    if (size && (data[0] & 1)) in.outlet = "Fuzz Outlet";
    if (size && (data[0] & 2)) in.title = "Fuzz title";
    in.data = (const char *)data;
    in.len = size;
    if (vg_doc_load(doc, &in) == VG_OK) {
        volatile size_t n = 0;
        const char *t = vg_doc_get(doc, VG_F_TEXT);
        for (size_t i = 0; t && t[i]; i++) n += (unsigned char)t[i];
        const char *json;
        size_t jl;
        if (vg_doc_json(doc, VG_JSON_EXTRACT | VG_JSON_REMOVED, &json, &jl) == VG_OK) n += jl + (json ? (unsigned char)json[0] : 0);
        (void)n;
    }
    return 0;
}
