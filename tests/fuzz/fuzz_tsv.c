/* fuzz_tsv.c - libFuzzer target for the data-file reader (rows, fields, class names, errors) and html_hints over it. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../lib/core/tsv.h"
#include "../../lib/extract/html_hints.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const classes[] = {"kill", "hurt", "arrest", "hist"};
    /* the first byte picks the line limit (small ones reach the overlong-line path) */
    size_t max_line = size ? (size_t)data[0] * 8 : 0;
    const char *s = size ? (const char *)data + 1 : "";
    size_t n = size ? size - 1 : 0;
    char err[256];
    vg_tsv t;
    vg_tsv_open_mem(&t, "fuzz.tsv", s, n, max_line, err, sizeof err);
    volatile size_t sum = 0;
    int r, bad = 0;
    while ((r = vg_tsv_next(&t)) == 1) {
        size_t nf = vg_tsv_nfields(&t);
        if (nf < 1 || nf > VG_TSV_MAX_FIELDS) abort();
        for (size_t i = 0; i <= nf; i++) sum += strlen(vg_tsv_field(&t, i));
        if (nf >= 2 && vg_tsv_enum(&t, 1, "class", classes, 4) < 0) { bad = 1; break; }
    }
    vg_status st = vg_tsv_close(&t);
    if ((r == -1 || bad) != (st != VG_OK)) abort(); /* an error is reported both ways */
    if (st != VG_OK && !strstr(err, "fuzz.tsv:")) abort(); /* and names the file */
    vg_html_hints *h = NULL;
    if (vg_html_hints_parse(s, n, &h, err, sizeof err) == VG_OK) {
        int rm;
        sum += (size_t)vg_html_hints_weigh(h, s, n, &rm);
        vg_html_hints_free(h);
    }
    (void)sum;
    return 0;
}
