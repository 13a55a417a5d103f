/* main.c - the vigie command: dispatch to a sub-command. */
#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const struct {
    const char *name;
    int (*run)(int, char **);
    const char *about;
} commands[] = {
    {"ingest", cmd_ingest, "read, analyse and store articles"},
    {"extract", cmd_extract, "clean text and metadata per document (no database)"},
    {"analyze", cmd_analyze, "document plus its events (no database)"},
    {"articles", cmd_articles, "list stored articles"},
    {"search", cmd_search, "full-text search of stored articles"},
    {"events", cmd_events, "list stored events"},
    {"stories", cmd_stories, "list stories (articles grouped by event)"},
    {"story", cmd_story, "one story, its outlets' accounts side by side"},
    {"watch", cmd_watch, "keep RSS/Atom feeds up to date: fetch new items politely and store them"},
    {"serve", cmd_serve, "the HTTP API and the web view over the database (read-only)"},
    {"worker", cmd_worker, "claim queued documents from PostgreSQL, analyse and store them"},
    {"status", cmd_status, "the PostgreSQL work queue: depth, claims, failures, workers, throughput"},
};

static void usage(FILE *f)
{
    fprintf(f, "usage: vigie COMMAND [OPTIONS] [ARGS]\n\ncommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].about);
    fprintf(f, "\n'vigie COMMAND --help' for a command's options.\n");
}

/* Keep freed memory in the process instead of glibc's defaults (give the top of the heap back
 * past 128 KB free; map blocks over 128 KB afresh each time): a document's arena blocks and
 * textcat's tables were returned to the kernel after each document and faulted in again by
 * the next (vigie analyze, French dev texts x38: 15,097 minor faults -> 7,901, system time
 * 0.33 s -> 0.10 s). The process keeps at most TRIM_KEEP of free heap.
 *
 * The first HUGE_HEAP of the heap is asked for in huge pages (the kernel gives them to regions
 * that ask, transparent_hugepage "madvise"): a batch's 64 documents each fill an arena of a
 * few hundred KB, and touching those pages the first time was 5,300 minor faults a run, 4 KB
 * each (vigie analyze, English dev texts x13: 7,075 -> ~1,900 faults, CPU samples -10%; peak
 * RSS 92 -> 98 MB, 24 -> 46 MB for an empty input). Not under the sanitizers: their allocator
 * is not glibc's heap. */
static void keep_freed_memory(void)
{
#ifdef M_TRIM_THRESHOLD
    enum { TRIM_KEEP = 64 << 20, MMAP_FROM = 4 << 20, HUGE_HEAP = 32 << 20, HUGE_PAGE = 2 << 20 };
    mallopt(M_TRIM_THRESHOLD, TRIM_KEEP);
#if defined(MADV_HUGEPAGE) && !defined(__SANITIZE_ADDRESS__)
    /* a block the heap itself holds (under the mmap threshold), freed at once: the heap keeps it */
    mallopt(M_MMAP_THRESHOLD, 2 * HUGE_HEAP);
    void *p = malloc(HUGE_HEAP);
    uintptr_t lo = ((uintptr_t)p + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1);
    uintptr_t hi = ((uintptr_t)p + HUGE_HEAP) & ~(uintptr_t)(HUGE_PAGE - 1);
    if (p && hi > lo) (void)madvise((void *)lo, hi - lo, MADV_HUGEPAGE); /* a kernel without THP: no change */
    free(p);
#endif
    mallopt(M_MMAP_THRESHOLD, MMAP_FROM);
#endif
}

int main(int argc, char **argv)
{
    keep_freed_memory();
    if (argc < 2) { usage(stderr); return EXIT_USAGE; }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        usage(stdout);
        return EXIT_OK;
    }
    if (!strcmp(argv[1], "--version")) { printf("vigie %s\n", VG_VERSION); return EXIT_OK; }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (!strcmp(argv[1], commands[i].name)) return commands[i].run(argc - 1, argv + 1);
    cli_err("vigie: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return EXIT_USAGE;
}
