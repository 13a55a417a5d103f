/* fuzz_search.c - the search tokenizer and query path: arbitrary bytes as word
 * tokens (fold, stem), as indexed article text, and as a search query. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "vigie.h"
#include "../../lib/core/hash.h"
#include "../../lib/core/utf8.h"
#include "../../lib/doc/doc.h"
#include "../../lib/text/stem.h"
#include "../../lib/text/tokens.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static vg_db *db;
static vg_doc *doc;
static vg_stemmer *fr;
static long puts_done;

static int ignore_row(const vg_row *r, void *ud)
{
    (void)ud;
    for (size_t i = 0; i < r->n; i++)
        if (r->values[i]) (void)strlen(r->values[i]);
    return 0;
}

static void setup(void)
{
    if (db) return;
    if (vg_db_open(":memory:", 0, &db) != VG_OK) abort();
    doc = calloc(1, sizeof *doc);
    doc->arena = vg_arena_new(0);
    fr = vg_stemmer_new("fr", 2);
}

static void put(const char *text, size_t n, const char *lang)
{
    vg_doc_reset(doc);
    vg_doc_set(doc, VG_F_EXT_ID, "fuzz", 4);
    vg_doc_set(doc, VG_F_LANG, lang, strlen(lang));
    vg_doc_set(doc, VG_F_TITLE, text, n > 40 ? 40 : n);
    vg_doc_set(doc, VG_F_TEXT, text, n);
    doc->content_hash = vg_hash64(text, n, 0);
    vg_put_result r;
    if (vg_db_put(db, doc, &r) != VG_OK) abort();
    puts_done++;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    setup();
    if (size > 1 << 16) return 0;
    const char *s = (const char *)data;
    /* tokens of raw bytes: offsets in range, folding and stemming never crash */
    vg_tokens t;
    vg_tokens_init(&t, s, size);
    size_t a, b;
    char f[256];
    while (vg_tokens_next(&t, &a, &b)) {
        if (a >= b || b > size) abort();
        size_t fl = vg_token_fold(s + a, b - a, f, sizeof f);
        size_t sl;
        if (fl && fr) (void)vg_stem(fr, f, fl, &sl);
    }
    /* stored text is valid UTF-8 (vg_doc_load guarantees it) */
    size_t valid = vg_utf8_valid_prefix(s, size);
    char *text = malloc(valid + 1);
    memcpy(text, s, valid);
    text[valid] = 0;
    if (valid > 0 && puts_done < 5000) put(text, valid, size % 3 == 0 ? "fr" : size % 3 == 1 ? "en" : "xx");
    /* as a query: any bytes give a result or VG_ERR_ARG, never a crash */
    size_t ql = strlen(text);
    if (ql > 0) {
        vg_query q = {0};
        q.text = text;
        q.limit = 5;
        vg_status st = vg_db_search(db, &q, ignore_row, NULL);
        if (st != VG_OK && st != VG_ERR_ARG) abort();
    }
    free(text);
    return 0;
}
