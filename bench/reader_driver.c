/* reader_driver.c - reads inputs through vg_reader only (no extraction) and prints docs/s, MB/s and peak RSS. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "vigie.h"

int main(int argc, char **argv)
{
    if (argc < 2) { fprintf(stderr, "usage: reader_driver PATH...\n"); return 2; }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    vg_reader *r = NULL;
    if (vg_reader_open((const char *const *)argv + 1, (size_t)argc - 1, NULL, &r) != VG_OK) return 1;
    vg_input in;
    vg_status st;
    unsigned long long docs = 0, bad = 0, bytes = 0;
    while ((st = vg_reader_next(r, &in)) != VG_END) {
        if (st != VG_OK) { bad++; continue; }
        docs++;
        bytes += in.len;
    }
    vg_reader_close(r);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("%llu docs (%llu rejected), %.1f MB in %.3f s: %.0f docs/s, %.1f MB/s, peak RSS %ld MB\n", docs, bad,
           (double)bytes / 1e6, s, s > 0 ? (double)docs / s : 0.0, s > 0 ? (double)bytes / 1e6 / s : 0.0,
           ru.ru_maxrss / 1024);
    return 0;
}
