/* ingest_store.c - store + FTS index throughput alone: vg_db_put on generated ~3 KB documents. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "vigie.h"
#include "../lib/core/hash.h"
#include "../lib/doc/doc.h"

static const char *const fr_words[] = {"les", "forces", "gouvernementales", "ont", "frappé", "des", "positions",
    "rebelles", "près", "de", "la", "ville", "selon", "une", "source", "militaire", "combats", "ont", "fait",
    "morts", "blessés", "dans", "province", "armée", "syrienne", "djihadistes", "attaque", "village", "civils",
    "bombardements", "aériens", "lundi", "soir", "été", "tués", "l'OSDH", "a", "indiqué", "que"};
static const char *const en_words[] = {"government", "forces", "shelled", "rebel", "positions", "near", "the",
    "town", "according", "to", "a", "military", "source", "fighting", "killed", "wounded", "in", "province",
    "army", "militants", "attacked", "village", "civilians", "airstrikes", "on", "Monday", "night", "were",
    "said", "monitoring", "group", "police", "arrested", "protesters", "capital"};

static unsigned long long rng = 88172645463325252ULL;
static unsigned next_rand(void)
{
    rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17;
    return (unsigned)(rng >> 11);
}

int main(int argc, char **argv)
{
    if (argc < 3) { fprintf(stderr, "usage: ingest_store DB N [batch]\n"); return 2; }
    long n = atol(argv[2]);
    vg_db *db = NULL;
    vg_status s = vg_db_open(argv[1], 0, &db);
    if (s != VG_OK) { fprintf(stderr, "open: %s %s\n", vg_strerror(s), db ? vg_db_error(db) : ""); return 1; }
    if (argc > 3) vg_db_set_batch(db, (unsigned)atoi(argv[3]));
    vg_doc *d = calloc(1, sizeof *d);
    d->arena = vg_arena_new(0);
    char *text = malloc(4096);
    size_t bytes = 0;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (long i = 0; i < n; i++) {
        int fr = i % 2 == 0;
        const char *const *w = fr ? fr_words : en_words;
        size_t nw = fr ? sizeof fr_words / sizeof *fr_words : sizeof en_words / sizeof *en_words;
        size_t len = (size_t)snprintf(text, 4096, "Report %ld. ", i);
        while (len < 3000) {
            const char *word = w[next_rand() % nw];
            len += (size_t)snprintf(text + len, 4096 - len, "%s%s", word, next_rand() % 12 ? " " : ". ");
        }
        vg_doc_reset(d);
        char id[32];
        snprintf(id, sizeof id, "doc%ld", i);
        vg_doc_set(d, VG_F_EXT_ID, id, strlen(id));
        vg_doc_set(d, VG_F_SOURCE, id, strlen(id));
        vg_doc_set(d, VG_F_LANG, fr ? "fr" : "en", 2);
        vg_doc_set(d, VG_F_TITLE, text, 40);
        vg_doc_set(d, VG_F_TEXT, text, len);
        d->content_hash = vg_hash64(text, len, 0);
        vg_put_result r;
        if ((s = vg_db_put(db, d, &r)) != VG_OK) { fprintf(stderr, "put: %s\n", vg_db_error(db)); return 1; }
        bytes += len;
    }
    if ((s = vg_db_commit(db)) != VG_OK) { fprintf(stderr, "commit: %s\n", vg_db_error(db)); return 1; }
    vg_db_close(db);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double sec = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    /* CPU seconds give the one-core rate on a shared, loaded machine;
     * the text generation above is counted too (small: one snprintf per word). */
    double cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
                 (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
    printf("store only: %ld docs, %.1f MB in %.2f s wall, %.2f s CPU: %.0f docs/s, %.1f MB/s per CPU-second "
           "(%.0f docs/s wall), peak RSS %ld KB\n", n, (double)bytes / 1e6, sec, cpu, (double)n / cpu,
           (double)bytes / 1e6 / cpu, (double)n / sec, ru.ru_maxrss);
    free(text);
    vg_doc_free(d);
    return 0;
}
