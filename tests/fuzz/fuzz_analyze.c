/* fuzz_analyze.c - libFuzzer target for the event analyser on arbitrary text (both languages, with and without a publication date). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "vigie.h"
#include "fuzz_env.h"
#include "../../lib/doc/doc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    vg_doc *doc = fuzz_doc();
    vg_input in = {0};
    in.source = in.ext_id = "input.txt";
    in.format = "text";
    in.content_type = "text";
    /* The first byte picks the language and whether a publication date is known. */
    if (size) {
        in.lang = (data[0] & 1) ? "fr" : "en";
        if (data[0] & 2) in.published = (data[0] & 4) ? "2017-11-09T08:00:00Z" : "2020-01-01";
        data++;
        size--;
    }
    in.data = (const char *)data;
    in.len = size;
    if (vg_doc_load(doc, &in) == VG_OK && vg_doc_analyze(doc) == VG_OK) {
        const char *json;
        size_t n;
        if (vg_doc_json(doc, VG_JSON_EVENTS, &json, &n) != VG_OK) abort();
        /* Evidence and sentence offsets must stay inside the text; the main event is unique. */
        for (size_t i = 0; i < doc->n_events; i++) {
            const vg_event *e = &doc->events[i];
            if (e->sent_end < e->sent_start || e->sent_end > doc->text_len) abort();
            if (!e->event_type || !e->sub_event_type) abort();
            for (size_t k = 0; k < e->n_evidence; k++)
                if (e->evidence[k].end < e->evidence[k].start || e->evidence[k].end > doc->text_len) abort();
        }
    }
    return 0;
}
