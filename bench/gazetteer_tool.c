/* gazetteer_tool.c - load-time/memory benchmark and place-finding runner for the gazetteer (bench and eval). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "../lib/analyze/places.h"

/* CPU time of this process: the machine is shared, wall time would measure the neighbours. */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* usage: gazetteer_tool GAZ.bin [--bench]  < one text per line
 * Prints per line: primary place (name, iso2, country, admin1, lat, lon, precision) then all places. */
int main(int argc, char **argv)
{
    if (argc < 2) { fprintf(stderr, "usage: %s GAZ.bin [--bench] < lines\n", argv[0]); return 2; }
    int bench = argc > 2 && !strcmp(argv[2], "--bench");
    char err[512];
    vg_gazetteer *g;
    double t0 = now();
    vg_status st = vg_gazetteer_load(argv[1], &g, err, sizeof err);
    double t_load = now() - t0;
    if (st != VG_OK) { fprintf(stderr, "%s\n", err); return 1; }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    long rss_load = ru.ru_maxrss;
    vg_arena *a = vg_arena_new(1 << 16);
    char *line = NULL;
    size_t cap = 0, docs = 0, bytes = 0, found = 0;
    ssize_t len;
    double t_find = 0;
    while ((len = getline(&line, &cap, stdin)) > 0) {
        if (line[len - 1] == '\n') line[--len] = 0;
        vg_arena_reset(a);
        vg_place *p;
        size_t np;
        double t1 = now();
        st = vg_places_find(g, a, line, (size_t)len, NULL, &p, &np);
        t_find += now() - t1;
        docs++;
        bytes += (size_t)len;
        found += np;
        if (bench || st != VG_OK) continue;
        size_t k = vg_places_primary(p, np);
        if (k < np)
            printf("%s\t%s\t%s\t%s\t%.4f\t%.4f\t%d\t%.2f", p[k].name, p[k].iso2, p[k].country,
                   p[k].admin1 ? p[k].admin1 : "", p[k].lat, p[k].lon, p[k].geo_precision, p[k].confidence);
        else
            printf("\t\t\t\t\t\t\t");
        for (size_t i = 0; i < np; i++)
            printf("%s%.*s=%s/%s(%.2f)", i ? "; " : "\t", (int)(p[i].end - p[i].start), line + p[i].start,
                   p[i].name, p[i].iso2, p[i].confidence);
        printf("\n");
    }
    getrusage(RUSAGE_SELF, &ru);
    fprintf(stderr,
            "gazetteer: %zu entries, load %.2f ms (CPU), peak RSS after load %ld KB, at end %ld KB\n"
            "places: %zu docs, %.1f MB, %zu places, %.0f docs/s, %.1f MB/s (place finding only, CPU time, one core)\n",
            vg_gz_entry_count(g), t_load * 1e3, rss_load, ru.ru_maxrss, docs, bytes / 1e6, found,
            t_find > 0 ? docs / t_find : 0, t_find > 0 ? bytes / 1e6 / t_find : 0);
    free(line);
    vg_arena_free(a);
    vg_gazetteer_free(g);
    return 0;
}
