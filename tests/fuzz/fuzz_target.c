/* fuzz_target.c - libFuzzer target for the server's request target parser (lib/serve/params.c)
 * and the routes' parameter checks (lib/serve/router.c, with no database: the checks run, the
 * query does not). */
#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../lib/core/utf8.h"
#include "../../lib/serve/serve.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    vg_sv_target *t = malloc(sizeof *t);
    if (!t) return 0;
    char err[256];
    if (vg_sv_parse_target((const char *)data, size, t, err, sizeof err) == 0) {
        assert(t->path[0] == '/' && t->n <= VG_SV_MAX_PARAMS);
        for (size_t i = 0; i < t->n; i++) {
            size_t n = strlen(t->names[i]), v = strlen(t->values[i]);
            assert(n > 0 && vg_utf8_valid_prefix(t->names[i], n) == n && vg_utf8_valid_prefix(t->values[i], v) == v);
            for (size_t k = 0; k < v; k++) assert((unsigned char)t->values[i][k] >= 0x20 && t->values[i][k] != 0x7f);
            for (size_t j = 0; j < i; j++) assert(strcmp(t->names[i], t->names[j]) != 0);
        }
        vg_sv_request rq = {t, NULL, "no database (fuzzing)", NULL};
        vg_sv_answer a;
        memset(&a, 0, sizeof a);
        vg_sv_route(&rq, &a);
        assert(a.status == 200 || a.status == 400 || a.status == 404 || a.status == 503);
        assert(a.fixed || a.body.len > 0);
        vg_buf_free(&a.body);
    }
    free(t);
    return 0;
}
