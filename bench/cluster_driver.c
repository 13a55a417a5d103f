/* cluster_driver.c - store generated articles through vg_db_put (dedup + clustering + store,
 * no extraction or analysis) and print the cost per article at checkpoints, with peak memory. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "vigie.h"
#include "../lib/core/hash.h"
#include "../lib/doc/doc.h"

static unsigned long long rng = 88172645463325252ULL;
static unsigned rnd(unsigned n)
{
    rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17;
    return (unsigned)(rng % n);
}

static const char *const common[] = {
    "the", "said", "officials", "on", "in", "after", "police", "people", "killed", "attack", "city", "army",
    "government", "reported", "near", "village", "according", "witnesses", "security", "forces", "fighting",
    "wounded", "local", "residents", "minister", "region", "border", "capital", "week", "morning", "statement",
    "group", "troops", "clashes", "protest", "election", "court", "river", "bridge", "market", "school"};
#define N_COMMON (sizeof common / sizeof common[0])
static const char *const syl[] = {"ka", "lo", "mi", "tan", "ver", "sol", "du", "ri", "bel", "no", "sta", "gor",
                                  "fi", "pel", "ar", "zu", "mek", "ta", "os", "vin"};

static void name(char *out, size_t n)
{
    size_t o = 0;
    int k = 2 + (int)rnd(3);
    for (int i = 0; i < k && o + 4 < n; i++) o += (size_t)snprintf(out + o, n - o, "%s", syl[rnd(20)]);
    out[0] = (char)(out[0] - 32);
}

typedef struct event { char names[4][24]; int year; } event;

static size_t article(char *buf, size_t cap, const event *e)
{
    size_t o = 0;
    while (o < 1500 && o + 200 < cap) {
        o += (size_t)snprintf(buf + o, cap - o, "%s %s %s %s %s %s %s %s %s %d. ", common[rnd(N_COMMON)],
                              e->names[rnd(4)], common[rnd(N_COMMON)], common[rnd(N_COMMON)], e->names[rnd(4)],
                              common[rnd(N_COMMON)], common[rnd(N_COMMON)], common[rnd(N_COMMON)],
                              common[rnd(N_COMMON)], e->year);
    }
    return o;
}

static double cpu(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc < 3) { fprintf(stderr, "usage: cluster_driver DB N [BATCH]\n"); return 2; }
    long n = atol(argv[2]);
    int batch = argc > 3 ? atoi(argv[3]) : 500; /* articles per transaction: 10 is a feed or `vigie watch` */
    if (batch < 1) batch = 500;
    vg_db *db;
    if (vg_db_open(argv[1], 0, &db) != VG_OK) { fprintf(stderr, "cannot open %s\n", argv[1]); return 1; }
    vg_db_set_batch(db, batch);
    printf("batches of %d articles\n", batch);
    vg_doc *d = calloc(1, sizeof *d);
    d->arena = vg_arena_new(0);
    static char text[4096];
    event e = {0};
    int left = 0;
    double t0 = now(), seg = t0, cseg = cpu();
    long seg_start = 0, dups = 0;
    /* the first segments (up to 3,000 articles) and the last, for the flatness ratio */
    double early_wall = 0, early_cpu = 0, last_wall = 0, last_cpu = 0;
    long early_n = 0, last_from = 0, last_to = 0;
    /* per segment (since the previous checkpoint): wall time is noisy on a shared machine, CPU less so */
    printf("%10s %13s %16s %16s %10s %12s\n", "articles", "segment", "wall us/article", "CPU us/article", "docs/s",
           "peak RSS MB");
    for (long i = 1; i <= n; i++) {
        if (left == 0) { /* a new event reported by 1..5 articles */
            for (int k = 0; k < 4; k++) name(e.names[k], sizeof e.names[k]);
            e.year = 1990 + (int)rnd(35);
            left = 1 + (int)rnd(5);
        }
        left--;
        size_t len = article(text, sizeof text, &e);
        char id[32];
        snprintf(id, sizeof id, "g%ld", i);
        vg_doc_reset(d); /* also drops the previous article's prepared signature and features */
        vg_doc_set(d, VG_F_EXT_ID, id, strlen(id));
        vg_doc_set(d, VG_F_SOURCE, id, strlen(id));
        vg_doc_set(d, VG_F_LANG, "en", 2);
        vg_doc_set(d, VG_F_TEXT, text, len);
        d->content_hash = vg_hash64(text, len, 0);
        vg_put_result r;
        if (vg_db_put(db, d, &r) != VG_OK) { fprintf(stderr, "put: %s\n", vg_db_error(db)); return 1; }
        dups += r == VG_PUT_DUPLICATE;
        if (i == 1000 || i == 3000 || i == 10000 || i == 30000 || i == 100000 || i == 300000 || i == 1000000 || i == n) {
            double t = now(), c = cpu();
            struct rusage ru;
            getrusage(RUSAGE_SELF, &ru);
            long k = i - seg_start;
            char span[32];
            snprintf(span, sizeof span, "%ld-%ld", seg_start + 1, i);
            printf("%10ld %13s %16.0f %16.0f %10.0f %12ld\n", i, span, (t - seg) * 1e6 / (double)k,
                   (c - cseg) * 1e6 / (double)k, (double)k / (t - seg), ru.ru_maxrss / 1024);
            if (i <= 3000) {
                early_wall += t - seg;
                early_cpu += c - cseg;
                early_n += k;
            }
            last_wall = t - seg;
            last_cpu = c - cseg;
            last_from = seg_start + 1;
            last_to = i;
            fflush(stdout);
            seg = t;
            cseg = c;
            seg_start = i;
        }
    }
    vg_db_close(db);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("total %.1f s, %.0f articles/s, %ld marked duplicates, peak RSS %ld MB\n", now() - t0,
           (double)n / (now() - t0), dups, ru.ru_maxrss / 1024);
    if (early_n && last_to > 3000) {
        long k = last_to - last_from + 1;
        printf("flatness: articles %ld-%ld cost %.2fx (wall) %.2fx (CPU) what articles 1-%ld cost\n", last_from,
               last_to, last_wall / (double)k / (early_wall / (double)early_n),
               last_cpu / (double)k / (early_cpu / (double)early_n), early_n);
    }
    vg_arena_free(d->arena);
    free(d);
    return 0;
}
