/* test_confidence.c - a row's confidence: the shared model, and a language's own offset for the rows besides the lead. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "vigie.h"
#include "../../lib/analyze/analyze.h"
#include "../../lib/analyze/confidence.h"
#include "test.h"

/* data/<lang>/calibration.tsv's offset moves the rows besides the lead of a whole article only: not the
 * lead, not a short note's rows (a coder's note has its own model). */
TEST(confidence_language_offset_moves_extra_rows_of_articles)
{
    float x[RF_COUNT] = {0};
    x[RF_HEAD_SCORE] = 1.0f;
    x[RF_SHARE] = 0.2f;
    x[RF_LENGTH] = 3.0f;
    float base = vg_an_confidence(x, 20, 0), up = vg_an_confidence(x, 20, 1.5f), down = vg_an_confidence(x, 20, -1.5f);
    CHECK(up > base && down < base);
    CHECK(vg_an_confidence(x, 3, 1.5f) == vg_an_confidence(x, 3, 0)); /* a short note */
    x[RF_LEAD] = 1;
    CHECK(vg_an_confidence(x, 20, 1.5f) == vg_an_confidence(x, 20, 0)); /* the lead */
}

/* A calibration.tsv row the loader does not know, or a value that is no number, stops the load with FILE:LINE. */
TEST(confidence_calibration_file_is_checked)
{
    static const char *const bad[] = {"extra_row_offset\tabc\n", "other_offset\t1.0\n", "extra_row_offset\t9\n"};
    for (size_t k = 0; k < sizeof bad / sizeof *bad; k++) {
        char dir[] = "/tmp/vg-calib-XXXXXX", path[512];
        CHECK(mkdtemp(dir) != NULL);
        snprintf(path, sizeof path, "%s/xx", dir);
        CHECK(mkdir(path, 0700) == 0);
        snprintf(path, sizeof path, "%s/xx/triggers.tsv", dir);
        FILE *f = fopen(path, "w");
        CHECK(f != NULL);
        if (f) { fputs("attaque\tAttack\t2\n", f); fclose(f); }
        snprintf(path, sizeof path, "%s/xx/calibration.tsv", dir);
        f = fopen(path, "w");
        CHECK(f != NULL);
        if (f) { fputs(bad[k], f); fclose(f); }
        vg_analyzer *a = NULL;
        char err[512] = "", warn[512] = "";
        vg_status st = vg_analyzer_load(dir, &a, err, sizeof err, warn, sizeof warn);
        CHECK(st == VG_ERR_RESOURCE && a == NULL && strstr(err, "calibration.tsv:1") != NULL);
        if (st != VG_ERR_RESOURCE) printf("    %s: status %d, %s\n", bad[k], (int)st, err);
        vg_analyzer_free(a);
        unlink(path);
        snprintf(path, sizeof path, "%s/xx/triggers.tsv", dir);
        unlink(path);
        snprintf(path, sizeof path, "%s/xx", dir);
        rmdir(path);
        rmdir(dir);
    }
}
