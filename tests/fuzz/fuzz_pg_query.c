/* fuzz_pg_query.c - `vigie search` text translated to a PostgreSQL tsquery
 * (lib/store/pg_search.c): any bytes give a tsquery or a syntax error, never
 * a crash, and a lexeme's quotes are always closed (even count of unescaped '). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "vigie.h"
#include "../../lib/core/buf.h"
#include "../../lib/store/internal.h"
#include "../../lib/text/stem.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static vg_stemmer *langs[2];
    if (!langs[0]) { langs[0] = vg_stemmer_new("fr", 2); langs[1] = vg_stemmer_new("en", 2); }
    if (size > 4096) return 0;
    char *q = malloc(size + 1);
    if (!q) return 0;
    memcpy(q, data, size);
    q[size] = 0;
    vg_buf out = VG_BUF_INIT, forms = VG_BUF_INIT;
    char err[200];
    if (vg_pg_tsquery(q, langs, 2, &out, &forms, err, sizeof err) == VG_OK && out.data) {
        size_t quotes = 0;
        for (size_t i = 0; i < out.len; i++) quotes += out.data[i] == '\'';
        if (quotes % 2) abort();
    }
    vg_buf_free(&out);
    vg_buf_free(&forms);
    free(q);
    return 0;
}
