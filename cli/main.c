/* main.c - the vigie command: dispatch to a sub-command. */
#include <malloc.h>
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
 * 0.33 s -> 0.10 s). The process keeps at most TRIM_KEEP of free heap. */
static void keep_freed_memory(void)
{
#ifdef M_TRIM_THRESHOLD
    enum { TRIM_KEEP = 64 << 20, MMAP_FROM = 4 << 20 };
    mallopt(M_TRIM_THRESHOLD, TRIM_KEEP);
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
