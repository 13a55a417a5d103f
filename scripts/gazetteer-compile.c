/* gazetteer-compile.c - command-line front of vg_gazetteer_build, used by scripts/build-gazetteer.sh. */
#include <stdio.h>
#include <string.h>

#include "../lib/analyze/places.h"

/* usage: gazetteer-compile OUT.bin PLACES.tsv... -- WORDS.tsv... */
int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s OUT.bin PLACES.tsv... [-- WORDS.tsv...]\n", argv[0]);
        return 2;
    }
    const char *places[64], *words[64];
    size_t np = 0, nw = 0;
    int in_words = 0;
    for (int i = 2; i < argc; i++) {
        if (!strcmp(argv[i], "--")) { in_words = 1; continue; }
        if (in_words ? nw == 64 : np == 64) { fprintf(stderr, "too many inputs\n"); return 2; }
        if (in_words) words[nw++] = argv[i];
        else places[np++] = argv[i];
    }
    char err[512] = "";
    vg_status st = vg_gazetteer_build(places, np, words, nw, argv[1], err, sizeof err);
    if (st != VG_OK) {
        fprintf(stderr, "gazetteer-compile: %s\n", err[0] ? err : vg_strerror(st));
        return 1;
    }
    return 0;
}
